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
(loading espeak takes about a millisecond; Python and pyttsx3 are already imported).
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import sys
import threading
import time
import traceback
from typing import Any

_PR_SET_PDEATHSIG = 1
# A child still alive this long after its job's timeout is killed by its own alarm.
_HARD_STOP_MARGIN_S = 10


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


def _speak_in_child(job: dict[str, Any], _espeak: Any, job_timeout_s: float) -> bool:
    """Fork, speak the job in the child, and tell whether it finished."""
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        code = 2
        try:
            # Die with this worker (the engine kills a worker whose job hangs), and never
            # outlive the job's timeout by much, even if stuck inside espeak.
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != parent:
                os._exit(3)
            signal.alarm(int(job_timeout_s) + _HARD_STOP_MARGIN_S)
            code = 0 if _speak(job, _espeak, job_timeout_s) else 1
        except BaseException:  # noqa: BLE001 -- reported here; the child must still _exit
            traceback.print_exc()
        finally:
            os._exit(code)  # no atexit, no flushing of the parent's copied buffers
    return os.waitstatus_to_exitcode(_wait(pid, os.getppid())) == 0


def _wait(pid: int, engine_pid: int) -> int:
    """Wait for the speaking child; if the engine that started this worker dies meanwhile
    (a build killed with SIGKILL), kill the child and leave at once instead of finishing
    a sentence nobody will read."""
    try:
        ready = os.pidfd_open(pid)  # readable when the child exits: no polling latency
    except (AttributeError, OSError):
        ready = None
    try:
        while True:
            if ready is not None:
                select.select([ready], [], [], 0.25)
            else:
                time.sleep(0.005)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return status
            if os.getppid() != engine_pid:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                os._exit(1)
    finally:
        if ready is not None:
            os.close(ready)


def serve(job_timeout_s: float = 60.0) -> int:
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    # Loads libespeak-ng and pyttsx3 once, so children only initialise espeak.
    _espeak = _patch_espeak()
    import pyttsx3  # noqa: F401

    proto.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")

    for line in sys.stdin:
        job = json.loads(line)
        ok = _speak_in_child(job, _espeak, job_timeout_s)
        proto.write(json.dumps({"id": job["id"], "ok": ok}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(serve())
