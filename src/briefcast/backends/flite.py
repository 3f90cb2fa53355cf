"""CMU Flite (Debian package ``flite``) as a TTS engine: clearer voices than espeak, offline.

Each cue is one ``flite`` process: it reads the text from a file (so a text starting with
a dash is never taken for an option), writes a 16 kHz WAV, and ffmpeg resamples that to
the mixer's 22,050 Hz. A process per cue costs about 5 ms against the ~80x-real-time
synthesis, and a hung call is simply killed by its timeout.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefcast.audio import convert_to_wav
from briefcast.errors import AudioError, SynthesisError

log = logging.getLogger(__name__)

SEGMENT_RATE = 22_050  # what the mixer works in (espeak-ng's native rate)
# flite's voices speak about 195 words a minute (slt measured 198, rms 181, awb 194);
# ``duration_stretch`` scales that to the show's rate.
NATIVE_WPM = 195.0


def flite_version() -> str:
    exe = shutil.which("flite")
    if exe is None:
        return "flite-missing"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10)
    for word in out.stdout.split():
        if word.startswith("flite-"):
            return word
    return out.stdout.strip()[:80]


def flite_voices() -> tuple[str, ...]:
    exe = shutil.which("flite")
    if exe is None:
        return ()
    out = subprocess.run([exe, "-lv"], capture_output=True, text=True, timeout=10).stdout
    return tuple(out.split(":", 1)[-1].split())


def flite_voice_problem(voice: str) -> str | None:
    """Why flite cannot speak ``voice`` (a built-in name, or a path to a .flitevox file)."""
    if shutil.which("flite") is None:
        return "flite is not installed (Debian: apt-get install flite)"
    if voice.endswith(".flitevox"):
        return None if Path(voice).is_file() else f"flite voice file {voice} not found"
    voices = flite_voices()
    if voice not in voices:
        return f"flite has no voice {voice!r} (available: {', '.join(voices)})"
    return None


class FliteEngine:
    """One flite process per cue, a few in parallel."""

    name = "flite"

    def __init__(self, parallelism: int | None = None, timeout_s: float = 60.0) -> None:
        self.parallelism = parallelism or max(1, min(4, os.cpu_count() or 1))
        self.timeout_s = timeout_s
        self._fingerprint: str | None = None
        self._voices: tuple[str, ...] | None = None

    def fingerprint(self, voice: str) -> str:
        if self._fingerprint is None:
            self._fingerprint = f"flite {flite_version()}; {SEGMENT_RATE} Hz; {NATIVE_WPM:g} wpm"
        return self._fingerprint

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        exe = shutil.which("flite")
        if exe is None:
            raise SynthesisError("flite is not installed (Debian: apt-get install flite)")
        if self._voices is None:
            self._voices = flite_voices()
        if voice not in self._voices and not voice.endswith(".flitevox"):
            # flite itself falls back to its default voice without a word
            raise SynthesisError(f"flite has no voice {voice!r}")
        stretch = NATIVE_WPM / rate_wpm
        with tempfile.TemporaryDirectory(prefix="briefcast-flite-") as tmp:
            text_file, raw = Path(tmp) / "cue.txt", Path(tmp) / "raw.wav"
            text_file.write_text(text, encoding="utf-8")
            cmd = [exe, "-voice", voice, "--setf", f"duration_stretch={stretch:.4f}",
                   "-f", str(text_file), "-o", str(raw)]
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True,
                                      timeout=self.timeout_s)
            except subprocess.TimeoutExpired:
                raise SynthesisError(f"flite timed out after {self.timeout_s:.0f} s") from None
            if proc.returncode != 0 or not raw.is_file():
                raise SynthesisError(f"flite failed (exit {proc.returncode}): "
                                     f"{proc.stderr.strip()[-200:]}")
            try:
                convert_to_wav(raw, out, SEGMENT_RATE)
            except AudioError as exc:
                raise SynthesisError(f"flite output could not be converted: {exc}") from exc

    def close(self) -> None:
        pass
