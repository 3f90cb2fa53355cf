"""Festival (Debian ``festival``, voices such as ``festvox-us-slt-hts``) as a TTS engine.

Each cue is one ``text2wave`` process (Festival's own script): it reads the text from a file,
selects the voice, sets the pace and writes a 22,050 Hz WAV, the mixer's rate. A process per
cue costs about 0.3 s of start-up, but a hung call is simply killed by its timeout and no
state carries from one cue to the next (the same text gives the same bytes). HTS voices take
their pace from hts_engine's speed rate (``-r``); diphone and cluster voices from
``Duration_Stretch``: both are set.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from briefcast.errors import SynthesisError

log = logging.getLogger(__name__)

SEGMENT_RATE = 22_050
# cmu_us_slt_arctic_hts speaks about 164 words a minute at its own pace (measured on the
# pacing passages); the show's rate scales that.
NATIVE_WPM = 164.0
FESTIVAL_AUDIO_VERSION = 1
INSTALL = "apt-get install festival festvox-us-slt-hts"
VOICE_DIRS = Path("/usr/share/festival/voices")
_VOICE = re.compile(r"^[A-Za-z0-9_]+$")  # becomes a Scheme symbol: nothing else allowed


@lru_cache(maxsize=1)
def festival_version() -> str:
    exe = shutil.which("festival")
    if exe is None:
        return "festival-missing"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10)
    return out.stdout.strip().split(":")[-1].strip()[:80] or "festival"


@lru_cache(maxsize=1)
def festival_voices() -> tuple[str, ...]:
    exe = shutil.which("festival")
    if exe is None:
        return ()
    out = subprocess.run([exe, "--pipe"], input="(print (voice.list))\n", capture_output=True,
                         text=True, timeout=30).stdout
    return tuple(re.findall(r"[A-Za-z0-9_]+", out))


def festival_voice_problem(voice: str) -> str | None:
    """Why Festival cannot speak ``voice``, naming the package to install."""
    if shutil.which("festival") is None or shutil.which("text2wave") is None:
        return f"Festival is not installed (Debian: {INSTALL})"
    if _VOICE.match(voice) and any(VOICE_DIRS.glob(f"*/{voice}/festvox")):
        return None  # where Debian's voice packages put them: no need to start Festival
    voices = festival_voices()
    if not _VOICE.match(voice) or voice not in voices:
        return (f"Festival has no voice {voice!r} (installed: {', '.join(voices) or 'none'}; "
                f"Debian: {INSTALL})")
    return None


class FestivalEngine:
    """One text2wave process per cue, one per core in parallel."""

    name = "festival"

    def __init__(self, parallelism: int | None = None, timeout_s: float = 120.0) -> None:
        self.parallelism = parallelism or max(1, os.cpu_count() or 1)  # one process per core
        self.timeout_s = timeout_s

    def fingerprint(self, voice: str) -> str:
        return (f"festival {festival_version()}; {SEGMENT_RATE} Hz; {NATIVE_WPM:g} wpm; "
                f"audio v{FESTIVAL_AUDIO_VERSION}")

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        exe = shutil.which("text2wave")
        if exe is None:
            raise SynthesisError(f"Festival is not installed (Debian: {INSTALL})")
        if not _VOICE.match(voice):
            raise SynthesisError(f"not a Festival voice name: {voice!r}")
        speed = rate_wpm / NATIVE_WPM
        setup = (f"(begin (voice_{voice}) (Parameter.set 'Duration_Stretch {1 / speed:.4f}) "
                 f"(set! hts_engine_params (append hts_engine_params "
                 f"(list (list \"-r\" {speed:.4f})))))")
        with tempfile.TemporaryDirectory(prefix="briefcast-festival-") as tmp:
            text_file = Path(tmp) / "cue.txt"
            text_file.write_text(text, encoding="utf-8")
            cmd = [exe, "-F", str(SEGMENT_RATE), "-eval", setup, str(text_file), "-o", str(out)]
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True,
                                      timeout=self.timeout_s)
            except subprocess.TimeoutExpired:
                raise SynthesisError(f"Festival timed out after {self.timeout_s:.0f} s") from None
        if proc.returncode != 0 or not out.is_file() or "SIOD ERROR" in proc.stderr:
            raise SynthesisError(f"Festival failed (exit {proc.returncode}): "
                                 f"{proc.stderr.strip()[-200:]}")

    def close(self) -> None:
        pass
