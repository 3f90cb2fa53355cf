"""Pacing: how long the voice really takes, so a five-minute briefing lasts five minutes.

The configured rate (words per minute) is what the engine is asked for, not what it does:
espeak-ng's real pace depends on the voice and on the words, and every segment carries a
little silence of its own. So each voice is measured once: two plain passages of our own,
short and long, and a line of headlines are synthesized, which give seconds per segment,
per spoken letter and per capitalized word. Letters, not words: espeak-ng's time follows
the sounds, and news words are long (on the demo script, letters predict each cue's length
with 8 % spread, words with 10 %, and a words-per-minute figure from a passage of short
words was 20 % off). Capitalized words: every engine gives a headline word more time than
its letters (Festival's headline cues ran 13-17 % over a letters-only estimate). The
result is cached by engine fingerprint, voice and rate, so a show pays for it once (three
short syntheses per voice), never per night.
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
from briefcast.languages import language_data
from briefcast.models import Script

PACING_VERSION = 3
LETTERS_PER_WORD = 5.2  # English news copy, spoken form (5.2 on the demo script)
MIN_WPM, MAX_WPM = 60, 450  # outside this a measurement is a failed take, not a pace
_LETTER = re.compile(r"[^\W\d_]")
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]")
# Plain spoken words (already normalized): what the engine hears in a story sentence; then
# headlines, since every engine gives a capitalized word more time than its letters (0.04
# to 0.06 s more; headline cues ran 13-17 % over a letters-only estimate on Festival).
# Each show language has its own three passages (``briefcast.languages``); English's:
SHORT, LONG, HEADLINES = language_data("en").pace


@dataclass(frozen=True)
class Pace:
    """Measured timing of one voice: a segment lasts ``per_segment_s + letters *
    per_letter_s + capitalized words * per_capital_s``."""

    per_letter_s: float
    per_segment_s: float
    per_capital_s: float = 0.0

    def seconds(self, spoken: str) -> float:
        return (self.per_segment_s + letters(spoken) * self.per_letter_s
                + capitals(spoken) * self.per_capital_s)


def letters(text: str) -> int:
    """Spoken letters: what the engine's time follows (digits are already words here)."""
    return len(_LETTER.findall(text))


def capitals(text: str) -> int:
    """Capitalized words: names and headline words, which engines say more slowly."""
    return len(_CAPITALIZED.findall(text))


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / float(wav.getframerate())


def _key(fingerprint: str, voice: str, rate_wpm: int, passages: tuple[str, str, str]) -> str:
    return content_key("pacing", PACING_VERSION, fingerprint, voice, rate_wpm, *passages)


def cached_pace(fingerprint: str, voice: str, rate_wpm: int, cache: Cache,
                language: str = "en") -> Pace | None:
    """The pace measured by an earlier build, if any (``briefcast script`` makes no audio)."""
    hit = cache.path("pacing", _key(fingerprint, voice, rate_wpm,
                                    language_data(language).pace), ".json")
    try:
        data = json.loads(hit.read_text(encoding="utf-8"))
        return Pace(float(data["per_letter_s"]), float(data["per_segment_s"]),
                    float(data["per_capital_s"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or a damaged entry: measured again by the next build


def measure_pace(engine: TTSEngine, voice: str, rate_wpm: int, cache: Cache,
                 language: str = "en") -> Pace:
    """The voice's real pace at ``rate_wpm``, from the cache or three syntheses of the
    passages of the show's ``language``."""
    fingerprint = engine.fingerprint(voice)
    known = cached_pace(fingerprint, voice, rate_wpm, cache, language)
    if known is not None:
        return known
    passages = language_data(language).pace
    key = _key(fingerprint, voice, rate_wpm, passages)
    with cache.key_lock("pacing", key):  # the shows of a network share one measurement
        return cached_pace(fingerprint, voice, rate_wpm, cache, language) or _measure(
            engine, voice, rate_wpm, cache, key, passages)


def _measure(engine: TTSEngine, voice: str, rate_wpm: int, cache: Cache, key: str,
             passages: tuple[str, str, str]) -> Pace:
    """Time the voice on the three passages and store the pace under ``key``."""
    seconds = []
    with tempfile.TemporaryDirectory(prefix="briefcast-pace-") as work:
        for name, text in zip(("short", "long", "headlines"), passages, strict=True):
            out = Path(work) / f"pace-{name}.wav"
            engine.synthesize(text, voice, rate_wpm, out)
            try:
                seconds.append(_wav_seconds(out))
            except (OSError, EOFError, wave.Error) as exc:
                raise SynthesisError(f"unreadable audio while timing voice {voice!r}: "
                                     f"{exc}") from exc
    per_letter, per_segment, per_capital = _fit(seconds, passages)
    wpm = 60.0 / (per_letter * LETTERS_PER_WORD) if per_letter > 0 else 0.0
    if not MIN_WPM <= wpm <= MAX_WPM:  # a truncated or padded take: never cache it
        raise SynthesisError(f"timing voice {voice!r} gave {seconds[0]:.2f} s and "
                             f"{seconds[1]:.2f} s for the plain passages, about {wpm:.0f} "
                             "words a minute: not plausible")
    pace = Pace(round(per_letter, 6), round(per_segment, 4), round(per_capital, 5))
    temp = cache.temp_path("pacing", key, ".json")
    temp.write_text(json.dumps({"per_letter_s": pace.per_letter_s,
                                "per_segment_s": pace.per_segment_s,
                                "per_capital_s": pace.per_capital_s}), encoding="utf-8")
    cache.commit(temp, "pacing", key, ".json")
    return pace




def _fit(seconds: list[float], passages: tuple[str, str, str] = (SHORT, LONG, HEADLINES)
         ) -> tuple[float, float, float]:
    """(per letter, per segment, per capitalized word) through the three takes.

    Letter and segment times come from the two plain passages, a line through two points
    (the few capitals they hold discounted; the segment time never below zero); the
    headline take's time beyond that line is its capitalized words' (never below zero).
    Two rounds settle the small coupling between the two.
    """
    (short, long, heads), (l_short, l_long, l_heads) = seconds, (
        letters(passages[0]), letters(passages[1]), letters(passages[2]))
    caps = [capitals(t) for t in passages]
    per_capital = 0.0
    for _ in range(2):
        per_letter = ((long - caps[1] * per_capital) - (short - caps[0] * per_capital)) / (
            l_long - l_short)
        per_segment = max(0.0, short - caps[0] * per_capital - per_letter * l_short)
        per_capital = max(0.0, (heads - per_segment - per_letter * l_heads) / max(1, caps[2]))
    return per_letter, per_segment, per_capital


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
