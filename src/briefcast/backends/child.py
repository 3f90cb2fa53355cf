"""The job loop shared by the spawned speech workers: one JSON job a line, each spoken by a
child forked for it.

A worker loads what is slow to load (espeak's library, a Piper model) once, and then forks a
child per job. The child starts from exactly the state the worker had after loading, so the
same job gives the same bytes whatever the worker spoke before: espeak-ng keeps synthesizer
state between utterances that no call resets, and a Piper model's noise generator advances
with every utterance. A hung child is killed by its own alarm, and dies with its worker.
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

_PR_SET_PDEATHSIG = 1
# A child still alive this long after its job's timeout is killed by its own alarm.
_HARD_STOP_MARGIN_S = 10

Job = dict[str, Any]


def run_in_child(speak: Callable[[Job], bool], job: Job, job_timeout_s: float) -> bool:
    """Fork, run ``speak(job)`` in the child, and tell whether it succeeded."""
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        code = 2
        try:
            # Die with this worker (the engine kills a worker whose job hangs), and never
            # outlive the job's timeout by much, even if stuck inside the synthesizer.
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != parent:
                os._exit(3)
            signal.alarm(int(job_timeout_s) + _HARD_STOP_MARGIN_S)
            code = 0 if speak(job) else 1
        except BaseException:
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


def serve(speak: Callable[[Job], bool], load: Callable[[], None] | None = None,
          job_timeout_s: float = 60.0) -> int:
    """Answer jobs from stdin, one JSON line each, on the original stdout.

    Libraries that print (pyttsx3) cannot corrupt the protocol: it uses a duplicate of
    the original stdout and everything else goes to stderr. ``load`` runs once, before
    the worker says it is ready.
    """
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        if load is not None:
            load()
    except Exception as exc:
        proto.write(json.dumps({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
                    + "\n")
        return 1
    proto.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    for line in sys.stdin:
        job = json.loads(line)
        ok = run_in_child(speak, job, job_timeout_s)
        proto.write(json.dumps({"id": job["id"], "ok": ok}) + "\n")
    return 0
