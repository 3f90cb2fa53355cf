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

import functools
import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import Protocol

from briefcast.backends.pool import WorkerPool
from briefcast.cache import distribution_version, remembered

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


@functools.lru_cache(maxsize=1)
def _espeak_banner() -> str | None:
    """``espeak-ng --version``: version and data folder (asked once a process); None if
    espeak-ng is not installed."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        return None
    return subprocess.run([exe, "--version"], capture_output=True, text=True,
                          timeout=10).stdout.strip()


def espeak_version() -> str:
    """What espeak-ng says its version is (part of cache keys)."""
    banner = _espeak_banner()
    return "espeak-ng-missing" if banner is None else banner.split("Data at")[0].strip()


@functools.lru_cache(maxsize=4)
def _espeak_listing(option: str, cache_dir: Path | None) -> str:
    """What ``espeak-ng <option>`` (``--voices``, ``--voices=variant``) prints.

    Kept in ``cache_dir`` under espeak-ng's version and data folder and the size and mtime
    of every file in the data's ``voices/`` and ``lang/`` folders, where the voices it
    lists are defined: starting espeak-ng twice more on every build costs more than the
    rest of the check.
    """
    exe = shutil.which("espeak-ng")
    assert exe is not None

    def run() -> bytes:
        return subprocess.run([exe, option], capture_output=True, timeout=10).stdout

    banner = _espeak_banner() or ""
    if cache_dir is None or "Data at:" not in banner:
        return run().decode("utf-8", "replace")
    data = Path(banner.split("Data at:", 1)[1].strip())
    files = []
    for folder in (data / "voices", data / "lang"):
        for root, _, names in os.walk(folder):
            for name in names:
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                files.append((os.path.join(root, name), stat.st_size, stat.st_mtime_ns))
    return remembered(cache_dir, "espeak-voices", (option, os.path.realpath(exe), banner,
                                                   sorted(files)), run).decode("utf-8",
                                                                               "replace")


# Part of the pyttsx3 fingerprint: bump it whenever the worker's way of speaking changes the
# audio, so segments cached the old way are not mixed with new ones.
# 2: every utterance from a freshly initialised espeak (same bytes whatever the worker spoke
#    before; before, espeak's carried-over state made repeats differ).
PYTTSX3_AUDIO_VERSION = 2


def espeak_voice_problem(voice: str, cache_dir: Path | None = None) -> str | None:
    """Why espeak-ng cannot speak ``voice``, or None (pyttsx3 ignores unknown voices silently).

    ``cache_dir`` keeps espeak-ng's voice lists between builds (see ``_espeak_listing``).
    """
    if shutil.which("espeak-ng") is None:
        return "espeak-ng is not installed"
    base, _, variant = voice.partition("+")
    known = set()
    for line in _espeak_listing("--voices", cache_dir).splitlines()[1:]:
        cols = line.split()
        if len(cols) >= 5:
            known.update({cols[1].lower(), cols[3].lower(), cols[4].lower(),
                          cols[4].split("/")[-1].lower()})  # the file's name: "fr"
    if base.lower() not in known:
        return f"espeak-ng has no voice {base!r} (see `espeak-ng --voices`)"
    if variant:
        variants = _espeak_listing("--voices=variant", cache_dir)
        names = {cols[4].split("/")[-1].lower() for cols in
                 (line.split() for line in variants.splitlines()[1:]) if len(cols) >= 5}
        if variant.lower() not in names:
            return f"espeak-ng has no voice variant {variant!r} (see `espeak-ng --voices=variant`)"
    return None


def espeak_voice_id(voice: str) -> str:
    """The name pyttsx3 must give espeak-ng for ``voice``: its voice file's.

    pyttsx3 sets a voice with espeak's ``SetVoiceByName``, which knows voice files ("fr",
    "en-us", "de") but not every language code ``espeak-ng --voices`` lists: given
    "fr-fr" (whose file is "roa/fr") it silently keeps speaking English. So a language
    code is turned into its voice file's name; a variant ("+f3") is kept.
    """
    if shutil.which("espeak-ng") is None:
        return voice
    base, plus, variant = voice.partition("+")
    files: set[str] = set()
    codes: dict[str, str] = {}
    for line in _espeak_listing("--voices", None).splitlines()[1:]:
        cols = line.split()
        if len(cols) >= 5:
            file = cols[4].split("/")[-1].lower()
            files.add(file)
            codes.setdefault(cols[1].lower(), file)
    key = base.lower()
    if key in files or key not in codes:
        return voice
    return codes[key] + plus + variant


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
            self._fingerprint = (f"pyttsx3 {distribution_version('pyttsx3')}; "
                                 f"{espeak_version()}; audio v{PYTTSX3_AUDIO_VERSION}")
        return self._fingerprint

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        self._pool.speak({"text": text, "voice": espeak_voice_id(voice), "rate": rate_wpm},
                         out)

    def close(self) -> None:
        self._pool.close()
