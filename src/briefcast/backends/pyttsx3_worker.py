"""A child process that speaks with pyttsx3 (espeak-ng driver) one job at a time.

Run as ``python -m briefcast.backends.pyttsx3_worker``; it reads JSON jobs on stdin and
answers one JSON line per job on its original stdout. It exists because pyttsx3 2.99 on Linux
loses audio silently when driven naively (see shared/PODCAST-FACTS.md):

* ``runAndWait()`` returns before espeak has written the file, so we wait for the
  ``finished-utterance`` event *and* for espeak to go idle before answering;
* its end-of-loop ``espeak_Cancel()`` can drop queued audio, so the driver's ``stop`` is
  disabled (a hung job is handled by killing the process that speaks it instead);
* it passes espeak a buffer size ten times the text length (segfaults on long texts), so
  ``Synth`` is given the real size;
* pyttsx3 prints to stdout, so the protocol uses a duplicate of the original stdout and
  everything else is sent to stderr;
* forked children of a process that initialised espeak hang (espeak's queue thread is not
  forked), so the parent must *spawn* us, and this process never initialises espeak itself.

Each job is spoken by a child forked for it that initialises espeak afresh. libespeak-ng
keeps state from one utterance to the next that no API call resets: function-level statics
in its wave generator (the pitch "flutter" table index, the automatic gain, the cycle count
behind voice roughness). The same text spoken twice in one espeak instance therefore gives
different samples and lengths, and a segment's bytes depended on what its worker had spoken
before. A fresh espeak per utterance gives the same bytes every time, identical to the
``espeak-ng`` command line's. Forking before initialisation is safe (one thread) and cheap
(loading espeak takes about a millisecond; Python and pyttsx3 are already imported). The
job loop and the forking are in ``child``, shared with the Piper worker.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

from briefcast.backends import child


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


def _speak(job: dict[str, Any], _espeak: Any, job_timeout_s: float) -> bool:
    """Speak one job with a newly initialised espeak (runs in the forked child)."""
    import pyttsx3

    engine = pyttsx3.init("espeak")
    finished = threading.Event()
    engine.connect("finished-utterance", lambda name=None, completed=True: finished.set())
    engine.setProperty("voice", job["voice"])
    engine.setProperty("rate", int(job["rate"]))
    engine.save_to_file(job["text"], job["out"])
    engine.runAndWait()
    ok = finished.wait(job_timeout_s)
    deadline = time.monotonic() + 5.0
    while _espeak.IsPlaying() and time.monotonic() < deadline:
        time.sleep(0.002)
    return ok


def serve(job_timeout_s: float = 60.0) -> int:
    state: dict[str, Any] = {}

    def load() -> None:
        # Loads libespeak-ng and pyttsx3 once, so children only initialise espeak.
        state["espeak"] = _patch_espeak()
        import pyttsx3  # noqa: F401

    return child.serve(lambda job: _speak(job, state["espeak"], job_timeout_s), load,
                       job_timeout_s)


if __name__ == "__main__":
    sys.exit(serve())
