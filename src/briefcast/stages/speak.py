"""Speak: turn every cue into a verified WAV segment, reusing cached audio.

pyttsx3 on Linux can lose audio without raising, so nothing it produces is trusted: each
segment must be a readable mono 16-bit WAV, not silent, and last about as long as its words
take at the requested rate. A bad segment is retried once on a fresh worker; if it fails
again the cue fails with a reason.
"""

from __future__ import annotations

import logging
import wave
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefcast.backends.tts import TTSEngine
from briefcast.cache import Cache, content_key
from briefcast.errors import SynthesisError
from briefcast.models import Cue, Segment
from briefcast.sound import peak

log = logging.getLogger(__name__)

STAGE_VERSION = 1
SEGMENT_KIND = "segments"


@dataclass(frozen=True)
class SpeakResult:
    segments: tuple[Segment, ...]
    failures: tuple[tuple[Cue, str], ...]  # cue and reason
    tts_calls: int


def expected_seconds(words: int, rate_wpm: int) -> float:
    return words * 60.0 / rate_wpm


def _silent(frames: bytes, chunk: int = 1 << 16) -> bool:
    """Every sample within (-30, 30). Read in chunks: speech is loud within the first, so
    a cached segment's check rarely looks further."""
    view = memoryview(frames)
    return all(peak(view[i:i + chunk]) < 30 for i in range(0, len(view), chunk))


def check_wav(path: Path, words: int, rate_wpm: int) -> tuple[float, int]:
    """Return (duration, sample rate) of a plausible segment, else raise SynthesisError."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise SynthesisError(f"segment is not a readable WAV: {exc}") from exc
    if channels != 1 or width != 2:
        raise SynthesisError(f"segment is {channels} channel(s), {8 * width}-bit; want mono 16-bit")
    duration = len(frames) / (2 * rate) if rate else 0.0
    if duration == 0:
        raise SynthesisError("segment is empty")
    if _silent(frames):
        raise SynthesisError("segment is silent")
    expect = expected_seconds(words, rate_wpm)
    low, high = 0.45 * expect - 0.3, 2.2 * expect + 1.5
    if not low <= duration <= high:
        raise SynthesisError(f"segment lasts {duration:.2f} s, implausible for {words} words at "
                             f"{rate_wpm} wpm (expected {low:.1f}–{high:.1f} s)")
    return duration, rate


def segment_key(cue: Cue, rate_wpm: int, engine: TTSEngine) -> str:
    return content_key("speak", STAGE_VERSION, engine.fingerprint(cue.voice), cue.voice, rate_wpm,
                       cue.spoken)


def speak_cues(cues: tuple[Cue, ...], rate_wpm: int, engine: TTSEngine, cache: Cache,
               on_done: Callable[[], None] | None = None) -> SpeakResult:
    """Synthesize (or fetch from cache) one segment per cue, in parallel across workers."""
    calls = 0

    def cached(cue: Cue, hit: Path) -> Segment | None:
        try:
            duration, rate = check_wav(hit, cue.word_count, rate_wpm)
            return Segment(cue, hit, duration, rate, cached=True)
        except SynthesisError:
            log.warning("cached segment %s failed its check; re-synthesizing", hit.name)
            return None

    def one(cue: Cue) -> Segment:
        key = segment_key(cue, rate_wpm, engine)
        hit = cache.lookup(SEGMENT_KIND, key, ".wav")
        segment = cached(cue, hit) if hit is not None else None
        if segment is not None:
            return segment
        # Another build sharing the cache may be speaking this very cue (a story on
        # several shows of a network): wait for it, then take what it made.
        with cache.key_lock(SEGMENT_KIND, key):
            final = cache.path(SEGMENT_KIND, key, ".wav")
            if hit is None and final.is_file():
                segment = cached(cue, final)
                if segment is not None:
                    cache.hits += 1
                    return segment
            return synthesize(cue, key)

    def synthesize(cue: Cue, key: str) -> Segment:
        nonlocal calls
        last_error = ""
        for attempt in (1, 2):
            temp = cache.temp_path(SEGMENT_KIND, key, ".wav")
            temp.unlink(missing_ok=True)
            calls += 1
            try:
                engine.synthesize(cue.spoken, cue.voice, rate_wpm, temp)
                duration, rate = check_wav(temp, cue.word_count, rate_wpm)
            except SynthesisError as exc:
                last_error = str(exc)
                log.warning("attempt %d for %r failed: %s", attempt, cue.text[:40], exc)
                temp.unlink(missing_ok=True)
                continue
            path = cache.commit(temp, SEGMENT_KIND, key, ".wav")
            return Segment(cue, path, duration, rate, cached=False)
        raise SynthesisError(last_error)

    segments: list[Segment | None] = [None] * len(cues)
    failures: list[tuple[Cue, str]] = []

    def run(index: int) -> None:
        try:
            segments[index] = one(cues[index])
        except SynthesisError as exc:
            failures.append((cues[index], str(exc)))
        if on_done:
            on_done()

    with ThreadPoolExecutor(max_workers=engine.parallelism) as pool:
        list(pool.map(run, range(len(cues))))
    return SpeakResult(tuple(s for s in segments if s is not None), tuple(failures), calls)
