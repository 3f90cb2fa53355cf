"""Text normalization for speech: turn written news copy into what a newsreader says.

Why: left to itself, espeak-ng (driven through pyttsx3) reads "$5.2bn" as "dollar five
point two b n", "1905" as "nineteen hundred and five", "2025" as "two thousand and
twenty-five", "Elm Dr." as "Elm doctor", and pauses as if a sentence ended after "Dr.".
Rewriting the text into plain spoken words *before* synthesis makes the reading
predictable, testable, and the same on every machine.

What: :func:`normalize` picks a per-language :class:`Normalizer` from a plain mapping
(:data:`DEFAULT_NORMALIZERS` by default; callers may pass their own mapping, so there
is no import-time plugin registry) and returns the spoken form. The English rules live in
:mod:`briefcast.normalize_en`, each other language's in ``briefcast.normalize_<code>``
(German :mod:`briefcast.normalize_de`, French :mod:`briefcast.normalize_fr`; each documents its own output style). All
normalizers are pure functions of their input: no I/O, no network, no clock, no randomness.

English output style (the contract the tests pin down):

* numbers are lowercase num2words words, hyphenated as num2words gives them
  ("twenty-five"), without commas and without the British "and"
  ("one hundred three", "two thousand eight");
* years are read in pairs ("nineteen oh five", "twenty twenty-five"), decimals digit by
  digit after "point" ("three point one four"), negatives with "minus";
* letters that are spelled out are capitals joined by periods, with no final period
  ("F.B.I", "U.S", "A.M"; "C.E.O.'s"): espeak-ng reads those as letter names in every
  position, whereas it reads a lone "A" in "a m", "A P" or even "U-S-A team" as the
  article "uh"; a single letter A after another word is written "A-" ("Plan A-",
  "pad thirty-nine-A-"), which it reads as the letter name;
* acronyms said as words stay as written ("NATO", "COVID");
* abbreviations are expanded ("Doctor", "Saint"/"Street", "et cetera"); their period is
  dropped unless it also ends the sentence; all other punctuation is kept;
* digit strings (phone numbers, numbers with leading zeros) are read digit by digit with
  "zero", groups separated by commas so the engine pauses between them;
* a sentence that opened with a number or symbol still starts with a capital once it is
  spelled out ("$0.99 each." -> "Ninety-nine cents each.").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from briefcast.errors import BriefcastError
from briefcast.normalize_de import GermanNormalizer
from briefcast.normalize_en import EnglishNormalizer
from briefcast.normalize_fr import FrenchNormalizer

__all__ = [
    "DEFAULT_NORMALIZERS",
    "EnglishNormalizer",
    "Normalizer",
    "UnsupportedLanguageError",
    "normalize",
]


@runtime_checkable
class Normalizer(Protocol):
    """Turns written text of one language into its spoken form (pure, deterministic)."""

    language: str

    def normalize(self, text: str) -> str:
        """Return ``text`` rewritten as it should be read aloud."""
        ...


class UnsupportedLanguageError(BriefcastError, ValueError):
    """No normalizer is available for the requested language."""

    def __init__(self, language: str, available: Mapping[str, Normalizer]) -> None:
        self.language = language
        names = ", ".join(sorted(available)) or "none"
        super().__init__(f"no text normalizer for language {language!r} (available: {names})")


DEFAULT_NORMALIZERS: Mapping[str, Normalizer] = MappingProxyType({
    "en": EnglishNormalizer(),
    "de": GermanNormalizer(),
    "fr": FrenchNormalizer(),
})


def _lookup(language: str, normalizers: Mapping[str, Normalizer]) -> Normalizer:
    """Exact code first ("en-GB"), then its primary subtag ("en"); case-insensitive."""
    code = language.strip().replace("_", "-").lower()
    for key in (code, code.split("-")[0]):
        if key in normalizers:
            return normalizers[key]
    raise UnsupportedLanguageError(language, normalizers)


def normalize(
    text: str,
    language: str = "en",
    *,
    normalizers: Mapping[str, Normalizer] | None = None,
) -> str:
    """Return ``text`` as a newsreader would say it in ``language``.

    ``normalizers`` maps lowercase language codes to normalizers; it defaults to
    :data:`DEFAULT_NORMALIZERS`. Raises :class:`UnsupportedLanguageError` (a
    ``ValueError``) when neither the code nor its primary subtag is known.

    >>> normalize("Dr. Smith paid $12.50 on March 14, 2025.")
    'Doctor Smith paid twelve dollars and fifty cents on March fourteenth, twenty twenty-five.'
    """
    table = DEFAULT_NORMALIZERS if normalizers is None else normalizers
    return _lookup(language, table).normalize(text)
