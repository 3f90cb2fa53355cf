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
import tempfile
import time
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from briefcast.errors import AudioError

log = logging.getLogger(__name__)

SAMPLE_RATE = 44_100
BITRATE = "96k"  # constant bitrate; mono speech at 96 kb/s is transparent enough
# LAME's algorithm quality (0 best .. 9 fastest): 7 encodes twice as fast as the default 3
# here, and synthetic mono speech at 96 kb/s has no detail that the slower search keeps.
LAME_QUALITY = "7"
# Samples a decoder drops at the start of a libmp3lame MP3 (LAME's 576-sample encoder delay
# plus the decoder's 529), as the file's LAME tag tells it to.
LAME_DECODER_SKIP = 1105
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


def _start_ffmpeg(args: list[str], **popen: object) -> tuple[subprocess.Popen[bytes], IO[bytes]]:
    """Start ffmpeg with its stderr in a temporary file (no pipe to drain while it runs)."""
    err = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    cmd = [_tool("ffmpeg"), "-hide_banner", "-nostdin", "-y", *args]
    return subprocess.Popen(cmd, stderr=err, **popen), err  # type: ignore[call-overload]


def _finish_ffmpeg(runs: list[tuple[subprocess.Popen[bytes], IO[bytes]]],
                   timeout_s: float) -> list[str]:
    """Wait for ffmpeg runs started together; their stderr texts, or an AudioError."""
    deadline = time.monotonic() + timeout_s
    try:
        for proc, _ in runs:
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise AudioError(f"ffmpeg timed out after {timeout_s:.0f} s") from None
        texts = []
        for proc, err in runs:
            err.seek(0)
            text = err.read().decode("utf-8", errors="replace")
            if proc.returncode != 0:
                tail = "\n".join(text.strip().splitlines()[-5:])
                raise AudioError(f"ffmpeg failed (exit {proc.returncode}):\n{tail}")
            texts.append(text)
        return texts
    finally:
        for proc, err in runs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            err.close()


def run_ffmpeg(args: list[str], timeout_s: float = 600.0) -> str:
    """Run ffmpeg quietly; return its stderr (where filters print their reports)."""
    return _finish_ffmpeg([_start_ffmpeg(args, stdin=subprocess.DEVNULL)], timeout_s)[0]


def run_ffmpeg_together(arg_lists: list[list[str]], timeout_s: float = 600.0) -> list[str]:
    """Several independent ffmpeg runs side by side (each is single-threaded here)."""
    return _finish_ffmpeg([_start_ffmpeg(a, stdin=subprocess.DEVNULL) for a in arg_lists],
                          timeout_s)


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


# ebur128 logs a line per 100 ms frame at "info" (8.5 MB of text for an hour), which
# run_ffmpeg would capture; framelog=verbose moves those lines below ffmpeg's default
# log level while the Summary the parsers read is still printed at "info".
_EBUR128 = "ebur128=framelog=verbose"
_EBUR_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf) LUFS")
_EBUR_TP = re.compile(r"True peak:\s*\n\s*Peak:\s*(-?[\d.]+|-inf) dBFS")


def _summary(err: str, path: Path, true_peak: bool = True) -> Loudness:
    summary = err[err.rfind("Summary:"):]
    i_match, tp_match = _EBUR_I.search(summary), _EBUR_TP.search(summary)
    if not i_match or (true_peak and not tp_match):
        raise AudioError(f"could not read loudness of {path} from ffmpeg's ebur128 report")
    if not true_peak and i_match.group(1) == "-inf":
        raise AudioError(f"{path} is silent: no measurable loudness")
    return Loudness(float(i_match.group(1)),
                    float(tp_match.group(1)) if tp_match else float("nan"))


def measure_loudness(path: Path) -> Loudness:
    """Integrated loudness (LUFS) and true peak (dBTP) per EBU R128, as ffmpeg measures."""
    err = run_ffmpeg(["-i", str(path), "-af", f"{_EBUR128}:peak=true", "-f", "null", "-"])
    return _summary(err, path)


def _loudness_args(path: Path, pre_filter: str) -> list[str]:
    return ["-i", str(path), "-af", f"{pre_filter},{_EBUR128}", "-f", "null", "-"]


def integrated_loudness(path: Path, pre_filter: str = "anull") -> float:
    """Integrated loudness only (no true-peak oversampling: fast enough for a first pass)."""
    return _summary(run_ffmpeg(_loudness_args(path, pre_filter)), path, False).integrated_lufs


def integrated_loudnesses(path: Path, pre_filters: list[str]) -> list[float]:
    """``integrated_loudness`` for several filters, measured side by side."""
    errs = run_ffmpeg_together([_loudness_args(path, f) for f in pre_filters])
    return [_summary(err, path, False).integrated_lufs for err in errs]


def mastering_chain(gain_db: float, peak_ceiling_db: float) -> str:
    """Apply the gain in floating point, then limit so no peak passes the ceiling."""
    limit = 10 ** (peak_ceiling_db / 20)
    return (f"volume={gain_db:.2f}dB:precision=float,"
            f"alimiter=limit={limit:.4f}:level=disabled:attack=5:release=50")


def convert_to_wav(src: Path, dst: Path, rate: int, max_seconds: float | None = None) -> None:
    """Any audio file ffmpeg reads to a mono 16-bit WAV at ``rate`` (no metadata chunks);
    with ``max_seconds``, only the file's start."""
    limit = [] if max_seconds is None else ["-t", f"{max_seconds:.6f}"]
    run_ffmpeg(["-i", str(src), "-vn", *limit, "-map_metadata", "-1", "-ac", "1",
                "-ar", str(rate), "-c:a", "pcm_s16le", "-fflags", "+bitexact",
                "-flags:a", "+bitexact", "-f", "wav", str(dst)], timeout_s=120.0)


def _encode_args(wav: Path, audio_filter: str) -> list[str]:
    return ["-i", str(wav), "-af", f"{audio_filter},aresample={SAMPLE_RATE}",
            "-ac", "1", "-ar", str(SAMPLE_RATE), "-c:a", "libmp3lame", "-b:a", BITRATE,
            "-compression_level", LAME_QUALITY, "-map_metadata", "-1",
            "-fflags", "+bitexact", "-flags:a", "+bitexact"]


_MP3_OUT = ["-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3"]


def encode_mp3(wav: Path, mp3: Path, audio_filter: str) -> None:
    """Filter, resample to 44.1 kHz mono and encode constant-bitrate MP3, byte-reproducibly."""
    run_ffmpeg([*_encode_args(wav, audio_filter), *_MP3_OUT, str(mp3)])


def encode_and_measure(wav: Path, mp3: Path, audio_filter: str) -> Loudness:
    """``encode_mp3`` then ``measure_loudness(mp3)``, the two running side by side.

    ffmpeg's tee muxer writes the same MP3 frames to the file (byte for byte what
    ``encode_mp3`` writes) and to a pipe, which a second ffmpeg decodes and measures while
    the encoder is still working. A pipe cannot be rewound for the LAME tag that tells a
    decoder to drop the encoder's delay and padding, so the measurer trims them itself:
    it then measures exactly the samples a player decodes from the file (the tests check
    that the two measurements agree).
    """
    with wave.open(str(wav), "rb") as src:
        frames, rate = src.getnframes(), src.getframerate()
    if SAMPLE_RATE % rate:  # the decoded length would not be exactly known
        encode_mp3(wav, mp3, audio_filter)
        return measure_loudness(mp3)
    first = LAME_DECODER_SKIP
    last = first + frames * (SAMPLE_RATE // rate)
    part = mp3.with_name(f".{mp3.stem}.encoding")  # a plain name: tee parses its targets
    slave = "f=mp3:id3v2_version=0:write_id3v1=0"
    encoder = _start_ffmpeg([*_encode_args(wav, audio_filter), "-map", "0:a", "-f", "tee",
                             f"[{slave}]{part.name}|[{slave}]pipe:1"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, cwd=mp3.parent)
    assert encoder[0].stdout is not None
    measurer = _start_ffmpeg(["-f", "mp3", "-i", "pipe:0", "-af",
                              f"atrim=start_sample={first}:end_sample={last},"
                              f"{_EBUR128}:peak=true", "-f", "null", "-"],
                             stdin=encoder[0].stdout)
    encoder[0].stdout.close()  # the measurer holds the pipe now
    try:
        err = _finish_ffmpeg([encoder, measurer], 600.0)[1]
        part.replace(mp3)
    finally:
        part.unlink(missing_ok=True)
    return _summary(err, mp3)


PROBE_GAINS_DB = (1.0, 2.5)  # above the limiter-blind gain: brackets -16, reaches -14
PROBE_REACH_DB = 1.5  # how far past a measured gain the secant is trusted


def master_to_mp3(wav: Path, mp3: Path, target_lufs: float = -16.0,
                  peak_ceiling_db: float = -2.0, max_true_peak: float | None = None
                  ) -> Loudness:
    """Bring ``wav`` to ``target_lufs`` without clipping, encode it, measure the MP3.

    Raw espeak sits near -21 LUFS with sample peaks near 0 dBFS: simply turning it up
    clips. A linear gain sets loudness and a limiter after it catches the peaks.
    (ffmpeg's loudnorm does the same job but, resampling to 192 kHz, took 3.4 s against
    0.2 s here for a 6-minute episode.) The final MP3 is measured (while it is encoded),
    because encoding shifts loudness (pre-compensated); if it still drifted, one
    corrective re-encode follows.
    The limiter works on samples, so hard limiting (a -14 LUFS target) can leave true
    peaks between samples and after encoding above ``max_true_peak``: then the ceiling is
    lowered by the excess and the file re-encoded (at most twice more).
    """
    aim = target_lufs + ENCODE_SHIFT_LU  # loudness before encoding that lands on target after
    base = aim - integrated_loudness(wav)
    # The limiter takes loudness with the peaks, more the more gain there is, so ``base``
    # always falls short (0.7 LU on espeak at -16 LUFS, 1.6 at -14). Two gains above it are
    # measured side by side; the secant through them (slope about 0.4-0.55 on espeak)
    # predicts the gain. A prediction far from both is measured once more. The final
    # step is checked on the encoded file below, so it is not measured here.
    def chain(extra_db: float) -> str:
        return mastering_chain(base + extra_db, peak_ceiling_db)

    points = list(zip(PROBE_GAINS_DB, integrated_loudnesses(
        wav, [chain(g) for g in PROBE_GAINS_DB])))
    for _ in range(3):
        (g1, l1), (g2, l2) = sorted(points, key=lambda p: abs(aim - p[1]))[:2]
        if abs(aim - l1) < 0.15:
            gain = g1
            break
        slope = min(1.0, max(0.25, (l2 - l1) / (g2 - g1) if g2 != g1 else 0.55))
        gain = g1 + (aim - l1) / slope
        if abs(gain - g1) <= PROBE_REACH_DB:
            break
        points.append((gain, integrated_loudness(wav, chain(gain))))
    gain += base
    loud = encode_and_measure(wav, mp3, mastering_chain(gain, peak_ceiling_db))
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
        loud = encode_and_measure(wav, mp3, mastering_chain(gain, peak_ceiling_db))
    return loud
