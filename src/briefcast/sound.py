"""Sound design made by the project itself: intro/outro stings and a music bed under the intro.

Nothing here is third-party audio. The stings are a soft chime (a major chord of sine
partials struck one note after another, each with a quick attack and an exponential
decay); the bed is a quiet sustained pad (the same chord, low, with slowly beating
detuned pairs). A producer may supply their own WAV/MP3/FLAC file for either instead.

The bed ducks under speech with an explicit gain envelope computed from the known speech
timings, not a compressor keyed by the signal: the result is deterministic (same inputs,
same bytes) and its depth is exact. Levels are set relative to the speech they sit next
to, so a quiet engine (espeak, about -21 LUFS) and a louder one (flite, about -17) get
the same balance. Everything is plain Python on 16-bit samples: an intro bed of half a
minute is under a million samples, computed in well under a second.
"""

from __future__ import annotations

import hashlib
import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

from briefcast.audio import convert_to_wav
from briefcast.errors import AudioError

SOUND_VERSION = 1
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

def to_pcm(samples: list[float]) -> bytes:
    """Float samples (full scale = 32767) to 16-bit little-endian PCM, clipped."""
    data = array("h", [32767 if s > 32767 else -32768 if s < -32768 else int(round(s))
                       for s in samples])
    if sys.byteorder == "big":
        data.byteswap()
    return data.tobytes()


def from_pcm(raw: bytes) -> array:
    data = array("h", raw)
    if sys.byteorder == "big":
        data.byteswap()
    return data


def rms(samples: array | list[float]) -> float:
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def _scaled(samples: list[float], target_rms: float) -> list[float]:
    level = rms(samples)
    if level == 0:
        return samples
    factor = target_rms / level
    return [s * factor for s in samples]


# --- synthesis ---------------------------------------------------------------------------

def chime(rate: int, descending: bool = False, seconds: float = STING_S) -> list[float]:
    """The sting: four chord notes struck 90 ms apart over a soft root, at unit RMS."""
    n = int(rate * seconds)
    out = [0.0] * n
    notes = STING_NOTES_HZ[::-1] if descending else STING_NOTES_HZ
    for k, freq in enumerate(notes):
        start = int(rate * 0.09 * k)
        attack = int(rate * 0.008)
        for partial, amp in ((1, 1.0), (2, 0.25), (3, 0.08)):  # bell-ish, soft
            w = 2 * math.pi * freq * partial / rate
            decay = 1.0 / (rate * (0.75 / partial))
            for i in range(n - start):
                env = (i / attack if i < attack else 1.0) * math.exp(-i * decay)
                out[start + i] += amp * env * math.sin(w * i)
    w = 2 * math.pi * STING_ROOT_HZ / rate
    swell = rate * 0.25
    for i in range(n):
        env = min(1.0, i / swell) * math.exp(-i / (rate * 1.2))
        out[i] += 0.6 * env * math.sin(w * i)
    tail = int(rate * 0.4)  # end exactly at zero: no click where speech begins
    for i in range(n - tail, n):
        out[i] *= (n - i) / tail
    return _scaled(out, 1.0)


def pad_cycle(rate: int) -> list[float]:
    """One period of the bed pad at unit RMS."""
    n = PAD_PERIOD_S * rate
    out = [0.0] * n
    for freq, amp in BED_PARTIALS:
        w = 2 * math.pi * freq / rate
        for i in range(n):
            out[i] += amp * math.sin(w * i)
    return _scaled(out, 1.0)


def read_file(path: Path, rate: int, work_dir: Path) -> list[float]:
    """A producer's sound file as mono float samples at ``rate`` (any format ffmpeg reads)."""
    if not path.is_file():
        raise AudioError(f"sound file not found: {path}")
    tmp = work_dir / f"sound-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}.wav"
    convert_to_wav(path, tmp, rate)
    try:
        with wave.open(str(tmp), "rb") as wav:
            samples = [float(s) for s in from_pcm(wav.readframes(wav.getnframes()))]
    finally:
        tmp.unlink(missing_ok=True)
    if rms(samples) < 1.0:
        raise AudioError(f"sound file {path} is silent")
    return samples


# --- arrangement -------------------------------------------------------------------------

@dataclass(frozen=True)
class Arrangement:
    """The resolved sound design for one episode, ready for the mixer (16-bit PCM bytes)."""

    intro: bytes = b""  # before the first cue
    outro: bytes = b""  # after the last cue
    bed_source: tuple[float, ...] = ()  # looped bed material at unit RMS, empty = no bed
    bed_gain: float = 0.0  # the bed's RMS between sentences, in 16-bit sample units

    @property
    def has_bed(self) -> bool:
        return bool(self.bed_source)


def arrange(options: SoundOptions, speech_rms: float, rate: int, work_dir: Path) -> Arrangement:
    """Make (or load) the stings and bed, levelled against ``speech_rms``."""
    sting_rms = speech_rms * 10 ** (-STING_BELOW_SPEECH_DB / 20)
    intro = outro = b""
    if isinstance(options.sting, Path):
        sound = _scaled(read_file(options.sting, rate, work_dir), sting_rms)
        intro = outro = to_pcm(sound)
    elif options.sting:
        intro = to_pcm([s * sting_rms for s in chime(rate)])
        outro = to_pcm([s * sting_rms for s in chime(rate, descending=True)])
    bed: list[float] = []
    if isinstance(options.bed, Path):
        bed = _scaled(read_file(options.bed, rate, work_dir), 1.0)
    elif options.bed:
        bed = pad_cycle(rate)
    return Arrangement(intro, outro, tuple(bed), speech_rms * 10 ** (options.bed_level_db / 20))


def bed_under(speech: bytes, spans: list[tuple[int, int]], source: tuple[float, ...],
              gain: float, rate: int) -> bytes:
    """Mix the bed under ``speech`` (PCM), ducking it during ``spans`` (sample ranges).

    The bed fades in over the first half second, sits at ``gain`` between sentences, is
    ``DUCK_DB`` lower while anyone speaks (already down when a sentence starts, back up
    after it ends), and after the last span fades from its ducked level to silence at the
    end of ``speech``, so it is gone before the first story.
    """
    n = len(speech) // 2
    duck = 10 ** (-DUCK_DB / 20)
    down, up = int(rate * DUCK_DOWN_S), int(rate * DUCK_UP_S)
    env_db = [0.0] * n  # attenuation in dB, 0 = full bed level
    for start, end in spans:
        for i in range(max(0, start - down), min(n, end + up)):
            if i < start:
                depth = DUCK_DB * (i - (start - down)) / down
            elif i < end:
                depth = DUCK_DB
            else:
                depth = DUCK_DB * (1 - (i - end) / up)
            if depth > env_db[i]:
                env_db[i] = depth
    last_end = spans[-1][1] if spans else 0
    fade_in = int(rate * BED_FADE_IN_S)
    src_len = len(source)
    voice = from_pcm(speech)
    levels = {0.0: gain, DUCK_DB: gain * duck}  # most samples sit at one of the two
    out = [0.0] * n
    for i in range(n):
        if i < last_end:
            depth = env_db[i]
            g = levels.get(depth)
            if g is None:
                g = gain * 10 ** (-depth / 20)
        else:
            g = gain * duck * (n - i) / max(1, n - last_end)
        if i < fade_in:
            g *= i / fade_in
        out[i] = voice[i] + g * source[i % src_len]
    return to_pcm(out)
