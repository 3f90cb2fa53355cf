"""A child process that speaks with pyttsx3 (espeak-ng driver) one job at a time.

Run as ``python -m briefcast.backends.pyttsx3_worker``; it reads JSON jobs on stdin and
answers one JSON line per job on its original stdout. It exists because pyttsx3 2.99 on Linux
loses audio silently when driven naively (see shared/PODCAST-FACTS.md):

* ``runAndWait()`` returns before espeak has written the file, so we wait for the
  ``finished-utterance`` event *and* for espeak to go idle before answering;
* its end-of-loop ``espeak_Cancel()`` can drop queued audio, so the driver's ``stop`` is
  disabled (a hung job is handled by the parent killing this process instead);
* it passes espeak a buffer size ten times the text length (segfaults on long texts), so
  ``Synth`` is given the real size;
* pyttsx3 prints to stdout, so the protocol uses a duplicate of the original stdout and
  everything else is sent to stderr;
* forked children of a process that initialised espeak hang, so the parent must *spawn* us.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import Any


def _patch_espeak() -> Any:
    from pyttsx3.drivers import _espeak, espeak

    def synth(text: Any, position: int = 0, position_type: int = _espeak.POS_CHARACTER,
              end_position: int = 0, flags: int = 0, user_data: Any = None) -> Any:
        if isinstance(text, str):
            text = text.encode("utf-8")
        return _espeak.cSynth(text, len(text) + 1, position, position_type, end_position,
                              flags, None, user_data)

    _espeak.Synth = synth
    espeak.EspeakDriver.stop = lambda self: None  # no Cancel at loop end
    return _espeak


def serve(job_timeout_s: float = 60.0) -> int:
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    _espeak = _patch_espeak()
    import pyttsx3

    engine = pyttsx3.init("espeak")
    finished = threading.Event()
    engine.connect("finished-utterance", lambda name=None, completed=True: finished.set())
    proto.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")

    for line in sys.stdin:
        job = json.loads(line)
        finished.clear()
        engine.setProperty("voice", job["voice"])
        engine.setProperty("rate", int(job["rate"]))
        engine.save_to_file(job["text"], job["out"])
        engine.runAndWait()
        ok = finished.wait(job_timeout_s)
        deadline = time.monotonic() + 5.0
        while _espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(0.002)
        proto.write(json.dumps({"id": job["id"], "ok": ok}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(serve())
