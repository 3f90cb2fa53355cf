"""A small pool of spawned speech workers (``child.serve`` loops), one job at a time each.

Workers are spawned, not forked, so the engine's process never loads a synthesizer itself
(forked children of a process that initialised espeak hang), and a job that hangs is ended
by killing its worker; the next job gets a fresh one. Used by the pyttsx3 and Piper engines.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from briefcast.errors import SynthesisError


class _Worker:
    """One spawned worker process, answering one job at a time."""

    def __init__(self, command: list[str], label: str, start_timeout_s: float) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.label = label
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env, text=True, bufsize=1)
        self._next_id = 0
        try:
            ready = self._read(timeout_s=start_timeout_s)
        except (TimeoutError, SynthesisError):
            self.kill()
            raise
        if not ready.get("ready"):
            self.kill()
            raise SynthesisError(f"{label} worker could not start: {ready.get('error')}")

    def _read(self, timeout_s: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout_s)
        if not ready:
            raise TimeoutError(f"{self.label} worker did not answer within {timeout_s:.0f} s")
        line = self.proc.stdout.readline()
        if not line:
            raise SynthesisError(f"{self.label} worker exited (code {self.proc.poll()})")
        result: dict[str, Any] = json.loads(line)
        return result

    def run(self, job: dict[str, Any], timeout_s: float) -> bool:
        assert self.proc.stdin is not None
        self._next_id += 1
        self.proc.stdin.write(json.dumps(dict(job, id=self._next_id)) + "\n")
        self.proc.stdin.flush()
        answer = self._read(timeout_s)
        return bool(answer.get("ok")) and answer.get("id") == self._next_id

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                # a job may still be buffered for a worker that died
                with contextlib.suppress(OSError):
                    stream.close()


class WorkerPool:
    """Up to ``parallelism`` workers of ``python -m module args...``, started on demand."""

    def __init__(self, module: str, args: list[str], label: str, parallelism: int,
                 timeout_s: float, start_timeout_s: float = 30.0) -> None:
        self.command = [sys.executable, "-m", module, *args]
        self.label = label
        self.parallelism = parallelism
        self.timeout_s = timeout_s
        self.start_timeout_s = start_timeout_s
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started = 0
        self._lock = threading.Lock()

    def _checkout(self) -> _Worker:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._started < self.parallelism:
                self._started += 1
                try:
                    return _Worker(self.command, self.label, self.start_timeout_s)
                except Exception:
                    self._started -= 1
                    raise
        return self._idle.get()

    def speak(self, job: dict[str, Any], out: Path) -> None:
        """Run one job that writes ``out``; a worker that fails or hangs is replaced."""
        try:
            worker = self._checkout()
        except (TimeoutError, OSError) as exc:
            raise SynthesisError(f"{self.label} worker could not start: {exc}") from exc
        start = time.monotonic()
        try:
            ok = worker.run(dict(job, out=str(out)), self.timeout_s)
        except (TimeoutError, SynthesisError, OSError, ValueError) as exc:
            worker.kill()
            with self._lock:
                self._started -= 1
            raise SynthesisError(f"{self.label} failed after {time.monotonic() - start:.1f} s: "
                                 f"{exc}") from exc
        self._idle.put(worker)
        if not ok:
            raise SynthesisError(f"{self.label} never reported the end of the utterance")

    def close(self) -> None:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            worker.kill()
        with self._lock:
            self._started = 0
