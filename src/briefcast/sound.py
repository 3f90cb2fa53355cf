"""Sound design made by the project itself: intro/outro stings and a music bed under the intro.

Nothing here is third-party audio. The stings are a soft chime (a major chord of sine
partials struck one note after another, each with a quick attack and an exponential
decay); the bed is a quiet sustained pad (the same chord, low, with slowly beating
detuned pairs). A producer may supply their own WAV/MP3/FLAC file for either instead.

The bed ducks under speech with an explicit gain envelope computed from the known speech
timings, not a compressor keyed by the signal: the result is deterministic (same inputs,
same bytes) and its depth is exact. Levels are set relative to the speech they sit next
to, so a quiet engine (espeak, about -21 LUFS) and a louder one (flite, about -17) get
the same balance. Everything is plain Python on 16-bit PCM, with no per-sample Python
loop over long stretches: the stdlib's ``audioop`` (which pydub already relies on) scales,
measures and adds whole buffers, the chime and pad partials are complex exponentials
multiplied out by ``itertools.accumulate``, and per-sample work is left to the short
ramps of the ducking envelope. Memory stays at a few bytes per sample of the bed section.
"""

from __future__ import annotations

import cmath
import hashlib
import math
import operator
import sys
import warnings
import wave
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, pairwise, repeat
from pathlib import Path

with warnings.catch_warnings():  # deprecated in 3.11-3.12; audioop-lts provides it later
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

from briefcast.audio import convert_to_wav
from briefcast.errors import AudioError

SOUND_VERSION = 2
STING_S = 2.5
BED_LEAD_S = 1.5  # bed alone after the sting, before the first word
BED_FADE_IN_S = 0.5
DUCK_DB = 14.0  # how far the bed drops under speech, below its level between sentences
DUCK_DOWN_S = 0.12  # the bed is already down when a sentence starts (we know the timings)
DUCK_UP_S = 0.30
STING_BELOW_SPEECH_DB = 3.0  # the sting's RMS, relative to the speech RMS

# A C-major chord in just intonation; sting voices it high, the bed low.
STING_NOTES_HZ = (523.25, 654.06, 784.88, 1046.5)  # C5, E5 (5/4), G5 (3/2), C6
STING_ROOT_HZ = 130.81  # C3, a soft floor under the chime
# Hz, amplitude. The half-hertz pairs beat gently (a slow shimmer, not a tremolo); every
# partial is a multiple of 0.5 Hz, so the pad repeats exactly every 2 s and can be looped.
BED_PARTIALS = ((130.0, 1.0), (130.5, 0.3), (195.0, 0.6), (195.5, 0.2), (260.0, 0.45),
                (325.0, 0.3), (325.5, 0.1), (390.0, 0.15))
PAD_PERIOD_S = 2


@dataclass(frozen=True)
class SoundOptions:
    """A show's sound design: each of sting and bed is off, generated, or a producer's file."""

    sting: bool | Path = False
    bed: bool | Path = False
    bed_level_db: float = -20.0  # bed RMS relative to speech RMS, between sentences

    def fingerprint(self) -> list[object]:
        """Everything that changes the audio, including the contents of supplied files."""
        def part(value: bool | Path) -> object:
            if isinstance(value, Path):
                try:
                    return hashlib.sha256(value.read_bytes()).hexdigest()
                except OSError as exc:
                    raise AudioError(f"cannot read sound file {value}: {exc}") from exc
            return value

        return [SOUND_VERSION, part(self.sting), part(self.bed), self.bed_level_db]


def sound_seconds(options: SoundOptions) -> float:
    """Airtime the sound design adds to the speech (for the script's time budget).

    A producer's sting file is not probed here; it is assumed to be about as long as ours.
    """
    return (2 * STING_S if options.sting else 0.0) + (BED_LEAD_S if options.bed else 0.0)


# --- sample helpers -----------------------------------------------------------------------
# PCM is 16-bit little-endian (WAV's order); audioop works in the machine's order.

def _native(pcm: bytes) -> bytes:
    return audioop.byteswap(pcm, 2) if sys.byteorder == "big" else pcm


_little = _native  # the same swap, the other way


def to_pcm(samples: Iterable[float], scale: float = 1.0) -> bytes:
    """Float samples times ``scale`` (full scale = 32767) to 16-bit PCM, rounded and clipped."""
    def clip(s: float) -> int:
        s *= scale
        return 32767 if s > 32767 else -32768 if s < -32768 else round(s)

    return _little(array("h", map(clip, samples)).tobytes())


def from_pcm(raw: bytes) -> array:
    data = array("h", raw)
    if sys.byteorder == "big":
        data.byteswap()
    return data


def rms(pcm: bytes) -> float:
    """RMS of 16-bit PCM in sample units (audioop's, truncated to a whole unit)."""
    return float(audioop.rms(_native(pcm), 2)) if pcm else 0.0


def peak(pcm: bytes | memoryview) -> int:
    """The largest absolute sample of 16-bit PCM (0 for none), at C speed; a truncated
    last sample is ignored."""
    whole = pcm[: len(pcm) // 2 * 2]
    if not whole:
        return 0
    return int(audioop.max(whole if sys.byteorder == "little" else audioop.byteswap(whole, 2), 2))


PAUSE_FRAME_S = 0.01
PAUSE_MIN_S = 0.12  # shorter silences are stop consonants, not the pause at a comma
PAUSE_BELOW_DB = 35.0  # below the loudest 10 ms of the segment: silence for every engine


def pauses(pcm: bytes, rate: int) -> tuple[tuple[int, int], ...]:
    """The silences inside one spoken segment, as (first, end) sample indexes.

    Engines pause at commas, semicolons and sentence ends; captions are timed from
    these pauses (``briefcast.transcript``). Silence is a run of 10 ms frames at least
    ``PAUSE_BELOW_DB`` under the segment's loudest frame, lasting ``PAUSE_MIN_S`` or
    more; the silence before the first word and after the last is not a pause.
    """
    step = max(1, round(rate * PAUSE_FRAME_S))
    native = _native(pcm[: len(pcm) // 2 * 2])
    levels = [audioop.rms(native[i:i + 2 * step], 2) for i in range(0, len(native), 2 * step)]
    threshold = max(levels, default=0) * 10 ** (-PAUSE_BELOW_DB / 20)
    found: list[tuple[int, int]] = []
    run: int | None = None
    spoken = False
    for i, level in enumerate(levels):
        if level <= threshold:
            run = i if run is None else run
            continue
        if run is not None and spoken and (i - run) * step >= PAUSE_MIN_S * rate:
            found.append((run * step, i * step))
        run, spoken = None, True
    return tuple(found)


def _leveled(pcm: bytes, target_rms: float) -> bytes:
    """``pcm`` scaled so that its RMS is ``target_rms``."""
    level = rms(pcm)
    return _little(audioop.mul(_native(pcm), 2, target_rms / level)) if level else pcm


# --- synthesis ---------------------------------------------------------------------------

def _partial(n: int, amp: float, w: float, decay: float = 0.0) -> list[complex]:
    """``amp * exp((-decay + j*w) * i)`` for i < n, whose imaginary part is a damped sine:
    powers of one complex step multiplied out in C by ``accumulate`` (rounding drifts by
    about 1e-12 over a few seconds). Partials are summed as complex numbers and the
    imaginary part taken once, at the end."""
    step = cmath.exp(complex(-decay, w))
    return list(accumulate(repeat(step, n - 1), operator.mul, initial=complex(amp, 0.0)))


def _add_into(out: list[complex], start: int, part: list[complex]) -> None:
    out[start:start + len(part)] = map(operator.add, out[start:start + len(part)], part)


def _unit_rms(samples: list[complex]) -> list[float]:
    """The imaginary parts, scaled to unit RMS."""
    wave_ = [z.imag for z in samples]
    level = math.sqrt(math.fsum(map(operator.mul, wave_, wave_)) / len(wave_))
    return [s / level for s in wave_] if level else wave_


def chime(rate: int, descending: bool = False, seconds: float = STING_S) -> list[float]:
    """The sting: four chord notes struck 90 ms apart over a soft root, at unit RMS."""
    n = int(rate * seconds)
    out = [0j] * n
    notes = STING_NOTES_HZ[::-1] if descending else STING_NOTES_HZ
    attack = int(rate * 0.008)
    for k, freq in enumerate(notes):
        start = int(rate * 0.09 * k)
        note = [0j] * (n - start)
        for partial, amp in ((1, 1.0), (2, 0.25), (3, 0.08)):  # bell-ish, soft
            _add_into(note, 0, _partial(n - start, amp, 2 * math.pi * freq * partial / rate,
                                        1.0 / (rate * (0.75 / partial))))
        for i in range(min(attack, len(note))):
            note[i] *= i / attack
        _add_into(out, start, note)
    root = _partial(n, 0.6, 2 * math.pi * STING_ROOT_HZ / rate, 1 / (rate * 1.2))
    swell = rate * 0.25
    for i in range(min(n, math.ceil(swell))):
        root[i] *= i / swell
    _add_into(out, 0, root)
    tail = int(rate * 0.4)  # end exactly at zero: no click where speech begins
    for i in range(n - tail, n):
        out[i] *= (n - i) / tail
    return _unit_rms(out)


def pad_cycle(rate: int) -> list[float]:
    """One period of the bed pad at unit RMS."""
    n = PAD_PERIOD_S * rate
    out = [0j] * n
    for freq, amp in BED_PARTIALS:
        _add_into(out, 0, _partial(n, amp, 2 * math.pi * freq / rate))
    return _unit_rms(out)


def read_file(path: Path, rate: int, work_dir: Path, max_frames: int | None = None) -> bytes:
    """A producer's sound file as mono 16-bit PCM at ``rate`` (any format ffmpeg reads).

    With ``max_frames``, only that much of its start is converted and read: a long music
    bed under a half-minute intro costs half a minute of samples, not the whole file.
    """
    if not path.is_file():
        raise AudioError(f"sound file not found: {path}")
    tmp = work_dir / f"sound-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}.wav"
    limit = None if max_frames is None else (max_frames + 1) / rate
    convert_to_wav(path, tmp, rate, max_seconds=limit)
    try:
        with wave.open(str(tmp), "rb") as wav:
            pcm = wav.readframes(wav.getnframes() if max_frames is None else max_frames)
    finally:
        tmp.unlink(missing_ok=True)
    if rms(pcm) < 1.0:
        raise AudioError(f"sound file {path} is silent")
    return pcm


# --- arrangement -------------------------------------------------------------------------

@dataclass(frozen=True)
class Arrangement:
    """The resolved sound design for one episode, ready for the mixer (16-bit PCM bytes)."""

    intro: bytes = b""  # before the first cue
    outro: bytes = b""  # after the last cue
    bed: bytes = b""  # looped bed material at its level between sentences; empty = no bed

    @property
    def has_bed(self) -> bool:
        return bool(self.bed)


def arrange(options: SoundOptions, speech_rms: float, rate: int, work_dir: Path,
            bed_frames: int | None = None) -> Arrangement:
    """Make (or load) the stings and bed, levelled against ``speech_rms``.

    ``bed_frames`` is how long the bed plays: only that much of a producer's bed file is
    read (it loops if shorter).
    """
    sting_rms = speech_rms * 10 ** (-STING_BELOW_SPEECH_DB / 20)
    intro = outro = b""
    if isinstance(options.sting, Path):
        intro = outro = _leveled(read_file(options.sting, rate, work_dir), sting_rms)
    elif options.sting:
        intro = to_pcm(chime(rate), sting_rms)
        outro = to_pcm(chime(rate, descending=True), sting_rms)
    bed_rms = speech_rms * 10 ** (options.bed_level_db / 20)
    bed = b""
    if isinstance(options.bed, Path):
        bed = _leveled(read_file(options.bed, rate, work_dir, bed_frames), bed_rms)
    elif options.bed:
        bed = to_pcm(pad_cycle(rate), bed_rms)
    return Arrangement(intro, outro, bed)


def bed_under(speech: bytes, spans: list[tuple[int, int]], bed: bytes, rate: int) -> bytes:
    """Mix the looped ``bed`` under ``speech`` (PCM), ducking it during ``spans`` (sample ranges).

    The bed fades in over the first half second, sits at its own level between sentences,
    is ``DUCK_DB`` lower while anyone speaks (already down when a sentence starts, back up
    after it ends), and after the last span fades from its ducked level to silence at the
    end of ``speech``, so it is gone before the first story.

    The envelope is cut wherever it changes course. Between cuts it is either flat (full,
    or ducked), which ``audioop`` scales in one call, or a ramp, whose gains come from
    tables shared by all spans; the lowest gain wins where spans' ramps overlap.
    """
    n = len(speech) // 2
    duck = 10 ** (-DUCK_DB / 20)
    down, up = int(rate * DUCK_DOWN_S), int(rate * DUCK_UP_S)
    going_down = [10 ** (-DUCK_DB * j / down / 20) for j in range(down)]
    coming_up = [10 ** (-DUCK_DB * (1 - j / up) / 20) for j in range(up)]
    last_end = spans[-1][1] if spans else 0
    fade_in = int(rate * BED_FADE_IN_S)
    track = _native(bed * (n // (len(bed) // 2) + 1))[:2 * n]  # looped to the section
    cuts = {0, n, min(n, fade_in), min(n, last_end)}
    for start, end in spans:
        cuts.update(min(n, max(0, c)) for c in (start - down, start, end, end + up))
    bounds = sorted(cuts)

    def gains(a: int, b: int) -> float | list[float]:
        """The bed's gain over samples a..b: one number where it is flat, else per sample."""
        if a >= last_end:
            return [duck * (n - i) / max(1, n - last_end) for i in range(a, b)]
        flat, ramps = 1.0, []
        for start, end in spans:  # the cuts put each span's phases wholly in or out of a..b
            if start <= a and b <= end:
                flat = duck
            elif start - down <= a and b <= start:
                ramps.append(going_down[a - (start - down):b - (start - down)])
            elif end <= a and b <= end + up:
                ramps.append(coming_up[a - end:b - end])
        if flat == duck or not ramps:
            return flat
        return ramps[0] if len(ramps) == 1 else list(map(min, *ramps))

    pieces: list[bytes] = []
    for a, b in pairwise(bounds):
        chunk, gain = track[2 * a:2 * b], gains(a, b)
        if a < fade_in:
            gain = [(gain if isinstance(gain, float) else gain[k]) * (a + k) / fade_in
                    for k in range(b - a)]
        if isinstance(gain, float):
            pieces.append(chunk if gain == 1.0 else audioop.mul(chunk, 2, gain))
        else:
            samples = array("h", chunk)
            pieces.append(array("h", map(round, map(operator.mul, gain, samples))).tobytes())
    return _little(audioop.add(_native(speech), b"".join(pieces), 2))
