"""Pacing: how long the voice really takes, so a five-minute briefing lasts five minutes.

The configured rate (words per minute) is what the engine is asked for, not what it does:
espeak-ng's real pace depends on the voice and on the words, and every segment carries a
little silence of its own. So each voice is measured once: two passages of our own, short
and long, are synthesized, and a line through the two gives seconds per segment and
seconds per spoken letter. Letters, not words: espeak-ng's time follows the sounds, and news
words are long (on the demo script, letters predict each cue's length with 8 % spread,
words with 10 %, and a words-per-minute figure from a passage of short words was 20 % off). The result is cached by engine fingerprint, voice and rate, so a
show pays for it once (two short syntheses per voice), never per night.
"""

from __future__ import annotations

import json
import re
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from briefcast.backends.tts import TTSEngine
from briefcast.cache import Cache, content_key
from briefcast.errors import SynthesisError
from briefcast.models import Script

PACING_VERSION = 2
LETTERS_PER_WORD = 5.2  # English news copy, spoken form (5.2 on the demo script)
MIN_WPM, MAX_WPM = 60, 450  # outside this a measurement is a failed take, not a pace
_LETTER = re.compile(r"[^\W\d_]")
# Plain spoken words (already normalized): what the engine hears in a story sentence.
SHORT = "The harbor council met on Tuesday evening to talk about the ferry."
LONG = ("The harbor council met on Tuesday evening and voted to repair the old north pier "
        "before the summer season, after fishermen and ferry captains told members that "
        "the boards were rotten in places and that one crane had stopped working in the "
        "spring. The work will cost about forty thousand dollars, and the town hopes the "
        "state will pay for half of it by the end of the year.")


@dataclass(frozen=True)
class Pace:
    """Measured timing of one voice: a segment lasts ``per_segment_s + letters * per_letter_s``."""

    per_letter_s: float
    per_segment_s: float

    def seconds(self, spoken: str) -> float:
        return self.per_segment_s + letters(spoken) * self.per_letter_s


def letters(text: str) -> int:
    """Spoken letters: what the engine's time follows (digits are already words here)."""
    return len(_LETTER.findall(text))


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / float(wav.getframerate())


def _key(fingerprint: str, voice: str, rate_wpm: int) -> str:
    return content_key("pacing", PACING_VERSION, fingerprint, voice, rate_wpm, SHORT, LONG)


def cached_pace(fingerprint: str, voice: str, rate_wpm: int, cache: Cache) -> Pace | None:
    """The pace measured by an earlier build, if any (``briefcast script`` makes no audio)."""
    hit = cache.path("pacing", _key(fingerprint, voice, rate_wpm), ".json")
    try:
        data = json.loads(hit.read_text(encoding="utf-8"))
        return Pace(float(data["per_letter_s"]), float(data["per_segment_s"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or a damaged entry: measured again by the next build


def measure_pace(engine: TTSEngine, voice: str, rate_wpm: int, cache: Cache) -> Pace:
    """The voice's real pace at ``rate_wpm``, from the cache or two syntheses."""
    fingerprint = engine.fingerprint(voice)
    known = cached_pace(fingerprint, voice, rate_wpm, cache)
    if known is not None:
        return known
    key = _key(fingerprint, voice, rate_wpm)
    seconds = []
    with tempfile.TemporaryDirectory(prefix="briefcast-pace-") as work:
        for name, text in (("short", SHORT), ("long", LONG)):
            out = Path(work) / f"pace-{name}.wav"
            engine.synthesize(text, voice, rate_wpm, out)
            try:
                seconds.append(_wav_seconds(out))
            except (OSError, EOFError, wave.Error) as exc:
                raise SynthesisError(f"unreadable audio while timing voice {voice!r}: "
                                     f"{exc}") from exc
    short, long = letters(SHORT), letters(LONG)
    per_letter = (seconds[1] - seconds[0]) / (long - short)
    wpm = 60.0 / (per_letter * LETTERS_PER_WORD) if per_letter > 0 else 0.0
    if not MIN_WPM <= wpm <= MAX_WPM:  # a truncated or padded take: never cache it
        raise SynthesisError(f"timing voice {voice!r} gave {seconds[0]:.2f} s and "
                             f"{seconds[1]:.2f} s for the two passages, about {wpm:.0f} "
                             "words a minute: not plausible")
    per_segment = max(0.0, seconds[0] - per_letter * short)
    pace = Pace(round(per_letter, 6), round(per_segment, 4))
    temp = cache.temp_path("pacing", key, ".json")
    temp.write_text(json.dumps({"per_letter_s": pace.per_letter_s,
                                "per_segment_s": pace.per_segment_s}), encoding="utf-8")
    cache.commit(temp, "pacing", key, ".json")
    return pace




def nominal_pace(rate_wpm: int) -> Pace:
    """The pace assumed when the voice has not been measured (``briefcast script``)."""
    return Pace(60.0 / rate_wpm / LETTERS_PER_WORD, 0.0)


def estimate_seconds(script: Script, paces: dict[str, Pace], extra_s: float = 0.0) -> float:
    """Expected episode length: each cue at its voice's pace, plus the pauses after it."""
    total = extra_s
    for cue in script.cues:
        pace = paces.get(cue.voice) or next(iter(paces.values()))
        total += pace.seconds(cue.spoken) + cue.pause_after_ms / 1000.0
    return total
