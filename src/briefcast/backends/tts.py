"""Text-to-speech engines behind one narrow seam: speak this text with this voice into a WAV.

The script stage decides who speaks; an engine only speaks. A show picks an engine per
anchor (``voice.engine``, ``voice.second_engine``); ``engines.py`` is the one place that knows
the names. ``Pyttsx3Engine`` drives pyttsx3
in spawned worker processes (one per core) so a hung espeak call can be timed out by killing
its worker, and so the parent never initialises espeak (forked children would hang). Each
worker speaks every job with a fresh espeak, so the same text, voice and rate give the same
bytes whichever worker speaks them (see ``pyttsx3_worker``).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Protocol

from briefcast.backends.pool import WorkerPool

log = logging.getLogger(__name__)


class TTSEngine(Protocol):
    """What the speak stage needs from an engine."""

    name: str
    parallelism: int

    def fingerprint(self, voice: str) -> str:
        """Identifies engine, version, the voice's model and settings: anything that changes
        the audio of ``voice`` (part of every cache key)."""
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


# Part of the pyttsx3 fingerprint: bump it whenever the worker's way of speaking changes the
# audio, so segments cached the old way are not mixed with new ones.
# 2: every utterance from a freshly initialised espeak (same bytes whatever the worker spoke
#    before; before, espeak's carried-over state made repeats differ).
PYTTSX3_AUDIO_VERSION = 2


def espeak_voice_problem(voice: str) -> str | None:
    """Why espeak-ng cannot speak ``voice``, or None (pyttsx3 ignores unknown voices silently)."""
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


class Pyttsx3Engine:
    """pyttsx3 (espeak-ng on Linux) in a small pool of spawned workers."""

    name = "pyttsx3"

    def __init__(self, parallelism: int | None = None, timeout_s: float = 60.0) -> None:
        self.parallelism = parallelism or max(1, min(2, os.cpu_count() or 1))
        self._pool = WorkerPool("briefcast.backends.pyttsx3_worker", [], "pyttsx3",
                                self.parallelism, timeout_s)
        self._fingerprint: str | None = None

    def fingerprint(self, voice: str) -> str:
        if self._fingerprint is None:
            self._fingerprint = (f"pyttsx3 {metadata.version('pyttsx3')}; {espeak_version()}; "
                                 f"audio v{PYTTSX3_AUDIO_VERSION}")
        return self._fingerprint

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        self._pool.speak({"text": text, "voice": voice, "rate": rate_wpm}, out)

    def close(self) -> None:
        self._pool.close()
