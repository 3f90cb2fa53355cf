"""The one place that shells out to ffmpeg and ffprobe: probing, loudness, mastering.

Every call has a timeout and turns a failure into an AudioError that quotes ffmpeg's own
last lines, so a producer sees *why* (missing codec, full disk) rather than a traceback.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from briefcast.errors import AudioError

log = logging.getLogger(__name__)

SAMPLE_RATE = 44_100
BITRATE = "96k"  # constant bitrate; mono speech at 96 kb/s is transparent enough
# LAME's algorithm quality (0 best .. 9 fastest): 7 encodes twice as fast as the default 3
# here, and synthetic mono speech at 96 kb/s has no detail that the slower search keeps.
LAME_QUALITY = "7"
ENCODE_SHIFT_LU = 0.5  # MP3 encoding of espeak speech measured 0.5 LU quieter than its input


@dataclass(frozen=True)
class AudioInfo:
    duration_s: float
    sample_rate: int
    channels: int
    codec: str
    bit_rate: int


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        raise AudioError(f"{name} is not installed; install it (Debian: apt-get install ffmpeg)")
    return exe


def run_ffmpeg(args: list[str], timeout_s: float = 600.0) -> str:
    """Run ffmpeg quietly; return its stderr (where filters print their reports)."""
    cmd = [_tool("ffmpeg"), "-hide_banner", "-nostdin", "-y", *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise AudioError(f"ffmpeg timed out after {timeout_s:.0f} s") from None
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise AudioError(f"ffmpeg failed (exit {proc.returncode}):\n{tail}")
    return proc.stderr


def probe(path: Path, timeout_s: float = 60.0) -> AudioInfo:
    """Read duration, rate and channels of an audio file with ffprobe."""
    cmd = [_tool("ffprobe"), "-v", "error", "-print_format", "json", "-show_format",
           "-show_streams", "-select_streams", "a:0", str(path)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise AudioError(f"ffprobe timed out on {path}") from None
    if proc.returncode != 0:
        raise AudioError(f"ffprobe cannot read {path}: {proc.stderr.strip()[-300:]}")
    data = json.loads(proc.stdout)
    if not data.get("streams"):
        raise AudioError(f"{path} has no audio stream")
    stream = data["streams"][0]
    return AudioInfo(
        duration_s=float(data["format"]["duration"]),
        sample_rate=int(stream["sample_rate"]),
        channels=int(stream["channels"]),
        codec=stream["codec_name"],
        bit_rate=int(stream.get("bit_rate") or data["format"].get("bit_rate") or 0),
    )


_EBUR_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf) LUFS")
_EBUR_TP = re.compile(r"True peak:\s*\n\s*Peak:\s*(-?[\d.]+|-inf) dBFS")


def measure_loudness(path: Path) -> Loudness:
    """Integrated loudness (LUFS) and true peak (dBTP) per EBU R128, as ffmpeg measures."""
    err = run_ffmpeg(["-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"])
    summary = err[err.rfind("Summary:"):]
    i_match, tp_match = _EBUR_I.search(summary), _EBUR_TP.search(summary)
    if not i_match or not tp_match:
        raise AudioError(f"could not read loudness of {path} from ffmpeg's ebur128 report")
    return Loudness(float(i_match.group(1)), float(tp_match.group(1)))


def integrated_loudness(path: Path, pre_filter: str = "anull") -> float:
    """Integrated loudness only (no true-peak oversampling: fast enough for a first pass)."""
    err = run_ffmpeg(["-i", str(path), "-af", f"{pre_filter},ebur128", "-f", "null", "-"])
    match = _EBUR_I.search(err[err.rfind("Summary:"):])
    if not match or match.group(1) == "-inf":
        raise AudioError(f"{path} is silent: no measurable loudness")
    return float(match.group(1))


def mastering_chain(gain_db: float, peak_ceiling_db: float) -> str:
    """Apply the gain in floating point, then limit so no peak passes the ceiling."""
    limit = 10 ** (peak_ceiling_db / 20)
    return (f"volume={gain_db:.2f}dB:precision=float,"
            f"alimiter=limit={limit:.4f}:level=disabled:attack=5:release=50")


def convert_to_wav(src: Path, dst: Path, rate: int) -> None:
    """Any audio file ffmpeg reads to a mono 16-bit WAV at ``rate`` (no metadata chunks)."""
    run_ffmpeg(["-i", str(src), "-vn", "-map_metadata", "-1", "-ac", "1", "-ar", str(rate),
                "-c:a", "pcm_s16le", "-fflags", "+bitexact", "-flags:a", "+bitexact",
                "-f", "wav", str(dst)], timeout_s=120.0)


def encode_mp3(wav: Path, mp3: Path, audio_filter: str) -> None:
    """Filter, resample to 44.1 kHz mono and encode constant-bitrate MP3, byte-reproducibly."""
    run_ffmpeg([
        "-i", str(wav), "-af", f"{audio_filter},aresample={SAMPLE_RATE}",
        "-ac", "1", "-ar", str(SAMPLE_RATE), "-c:a", "libmp3lame", "-b:a", BITRATE,
        "-compression_level", LAME_QUALITY, "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0",
        "-fflags", "+bitexact", "-flags:a", "+bitexact", "-f", "mp3", str(mp3),
    ])


def master_to_mp3(wav: Path, mp3: Path, target_lufs: float = -16.0,
                  peak_ceiling_db: float = -2.0, max_true_peak: float | None = None
                  ) -> Loudness:
    """Bring ``wav`` to ``target_lufs`` without clipping, encode it, measure the MP3.

    Raw espeak sits near -21 LUFS with sample peaks near 0 dBFS: simply turning it up
    clips. A linear gain sets loudness and a limiter after it catches the peaks. (ffmpeg's loudnorm does the same job but, resampling to 192 kHz,
    took 3.4 s against 0.2 s here for a 6-minute episode.) The final MP3 is measured,
    because encoding shifts loudness (pre-compensated); if it still drifted, one corrective re-encode follows.
    The limiter works on samples, so hard limiting (a -14 LUFS target) can leave true
    peaks between samples and after encoding above ``max_true_peak``: then the ceiling is
    lowered by the excess and the file re-encoded (at most twice more).
    """
    aim = target_lufs + ENCODE_SHIFT_LU  # loudness before encoding that lands on target after
    gain = aim - integrated_loudness(wav)
    # The limiter takes loudness with the peaks (more, the more gain): measure, make it up.
    # Secant steps on gain -> loudness: the slope is below 1 because the limiter takes more
    # the more gain there is (about 0.55 on espeak speech). The last step is checked on
    # the encoded file below, so it is not measured here.
    slope, last = 0.55, None
    for _ in range(3):
        loud = integrated_loudness(wav, mastering_chain(gain, peak_ceiling_db))
        if last is not None and gain != last[0]:
            slope = min(1.0, max(0.25, (loud - last[1]) / (gain - last[0])))
        if abs(aim - loud) < 0.15:
            break
        last = (gain, loud)
        gain += (aim - loud) / slope
        if abs(aim - loud) < 0.6:
            break
    encode_mp3(wav, mp3, mastering_chain(gain, peak_ceiling_db))
    loud = measure_loudness(mp3)
    for attempt in range(3):
        drift = target_lufs - loud.integrated_lufs
        over = 0.0 if max_true_peak is None else loud.true_peak_dbtp - (max_true_peak - 0.1)
        if (abs(drift) <= 0.5 and over <= 0) or (attempt > 0 and over <= 0 and abs(drift) <= 1):
            break
        if over > 0:
            peak_ceiling_db -= over + 0.2
        gain += drift
        log.info("re-encoding: %.1f LU off target, true peak %.1f dBTP", drift,
                 loud.true_peak_dbtp)
        encode_mp3(wav, mp3, mastering_chain(gain, peak_ceiling_db))
        loud = measure_loudness(mp3)
    return loud
