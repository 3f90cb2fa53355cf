"""Text-to-speech engines behind one narrow seam: speak this text with this voice into a WAV.

The script stage decides who speaks; an engine only speaks. A show picks its engine by name
(``voice.engine``): ``make_engine`` and ``voice_problem`` are the two places that know the
names. ``Pyttsx3Engine`` drives pyttsx3
in spawned worker processes (one per core) so a hung espeak call can be timed out by killing
its worker, and so the parent never initialises espeak (forked children would hang). Each
worker speaks every job with a fresh espeak, so the same text, voice and rate give the same
bytes whichever worker speaks them (see ``pyttsx3_worker``).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import select
import shutil
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Protocol

from briefcast.errors import SynthesisError

log = logging.getLogger(__name__)


class TTSEngine(Protocol):
    """What the speak stage needs from an engine."""

    name: str
    parallelism: int

    def fingerprint(self) -> str:
        """Identifies engine, version and anything else that changes the audio (cache key)."""
        ...

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        """Write ``text`` spoken by ``voice`` to the WAV file ``out``; raise SynthesisError."""
        ...

    def close(self) -> None: ...


def espeak_version() -> str:
    exe = shutil.which("espeak-ng")
    if exe is None:
        return "espeak-ng-missing"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10)
    return out.stdout.strip().split("Data at")[0].strip()


ENGINE_NAMES = ("pyttsx3", "flite")

# Part of the pyttsx3 fingerprint: bump it whenever the worker's way of speaking changes the
# audio, so segments cached the old way are not mixed with new ones.
# 2: every utterance from a freshly initialised espeak (same bytes whatever the worker spoke
#    before; before, espeak's carried-over state made repeats differ).
PYTTSX3_AUDIO_VERSION = 2


def make_engine(name: str = "pyttsx3") -> TTSEngine:
    """A fresh engine by its config name; the caller closes it."""
    if name == "pyttsx3":
        return Pyttsx3Engine()
    if name == "flite":
        from briefcast.backends.flite import FliteEngine

        return FliteEngine()
    raise SynthesisError(f"unknown TTS engine {name!r} (available: {', '.join(ENGINE_NAMES)})")


def voice_problem(voice: str, engine: str = "pyttsx3") -> str | None:
    """Why ``engine`` cannot speak ``voice``, or None (pyttsx3 ignores unknown voices silently)."""
    if engine == "flite":
        from briefcast.backends.flite import flite_voice_problem

        return flite_voice_problem(voice)
    exe = shutil.which("espeak-ng")
    if exe is None:
        return "espeak-ng is not installed"
    base, _, variant = voice.partition("+")
    listing = subprocess.run([exe, "--voices"], capture_output=True, text=True, timeout=10)
    known = set()
    for line in listing.stdout.splitlines()[1:]:
        cols = line.split()
        if len(cols) >= 5:
            known.update({cols[1].lower(), cols[3].lower(), cols[4].lower()})
    if base.lower() not in known:
        return f"espeak-ng has no voice {base!r} (see `espeak-ng --voices`)"
    if variant:
        variants = subprocess.run([exe, "--voices=variant"], capture_output=True, text=True,
                                  timeout=10).stdout
        names = {cols[4].split("/")[-1].lower() for cols in
                 (line.split() for line in variants.splitlines()[1:]) if len(cols) >= 5}
        if variant.lower() not in names:
            return f"espeak-ng has no voice variant {variant!r} (see `espeak-ng --voices=variant`)"
    return None


class _Worker:
    """One spawned pyttsx3 process, answering one job at a time."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "briefcast.backends.pyttsx3_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, text=True, bufsize=1,
        )
        self._next_id = 0
        self._read(timeout_s=30.0)  # the "ready" line

    def _read(self, timeout_s: float) -> dict[str, object]:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout_s)
        if not ready:
            raise TimeoutError(f"pyttsx3 worker did not answer within {timeout_s:.0f} s")
        line = self.proc.stdout.readline()
        if not line:
            raise SynthesisError(f"pyttsx3 worker exited (code {self.proc.poll()})")
        result: dict[str, object] = json.loads(line)
        return result

    def speak(self, text: str, voice: str, rate: int, out: Path, timeout_s: float) -> bool:
        assert self.proc.stdin is not None
        self._next_id += 1
        job = {"id": self._next_id, "text": text, "voice": voice, "rate": rate, "out": str(out)}
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        answer = self._read(timeout_s)
        return bool(answer.get("ok")) and answer.get("id") == self._next_id

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


class Pyttsx3Engine:
    """pyttsx3 (espeak-ng on Linux) in a small pool of spawned workers."""

    name = "pyttsx3"

    def __init__(self, parallelism: int | None = None, timeout_s: float = 60.0) -> None:
        self.parallelism = parallelism or max(1, min(2, os.cpu_count() or 1))
        self.timeout_s = timeout_s
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started = 0
        self._lock = threading.Lock()
        self._fingerprint: str | None = None

    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = (f"pyttsx3 {metadata.version('pyttsx3')}; {espeak_version()}; "
                                 f"audio v{PYTTSX3_AUDIO_VERSION}")
        return self._fingerprint

    def _checkout(self) -> _Worker:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._started < self.parallelism:
                self._started += 1
                try:
                    return _Worker()
                except Exception:
                    self._started -= 1
                    raise
        return self._idle.get()

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        worker = self._checkout()
        start = time.monotonic()
        try:
            ok = worker.speak(text, voice, rate_wpm, out, self.timeout_s)
        except (TimeoutError, SynthesisError, OSError, ValueError) as exc:
            worker.kill()
            with self._lock:
                self._started -= 1
            raise SynthesisError(f"pyttsx3 failed after {time.monotonic() - start:.1f} s: "
                                 f"{exc}") from exc
        self._idle.put(worker)
        if not ok:
            raise SynthesisError("pyttsx3 never reported the end of the utterance")

    def close(self) -> None:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            worker.kill()
        with self._lock:
            self._started = 0
