"""German rules for :mod:`briefcast.normalize`: written German news copy in, what a
German newsreader says out (spoken by espeak-ng's ``de`` voice or any German voice).

Output style (the contract ``tests/test_normalize_de.py`` pins down):

* numbers are num2words' German words, written as one word as German does
  ("tausendfünfhundert", "achtundvierzig Komma sechs"), with the leading "ein" of
  "eintausend"/"einhundert" dropped as newsreaders do; decimals digit by digit after
  "Komma"; "1" before a noun is "ein"/"eine" ("einem"/"einer" after a dative preposition);
* ordinals ("3.") are declined by one rule, documented in
  :mod:`briefcast.normalize_de_numbers`: "-en" after "am", "im", "vom", "zum", "dem",
  "den"... and prepositions, "-er" in a date with no article, "-e" otherwise;
* years 1100-1999 in hundreds ("neunzehnhundertachtundneunzig"), others as cardinals
  ("zweitausendsechsundzwanzig"); dates with the month's name; times as "neun Uhr
  dreißig"; scores with "zu" ("drei zu eins"); ranges with "bis" ("zehn bis fünfzehn");
* money, units and percentages in words ("Euro", "Kilometer pro Stunde", "Prozent"),
  cents after the currency ("zwölf Euro fünfzig");
* abbreviations expanded ("zum Beispiel", "Doktor", "Sankt"); their period dropped unless
  it also ends the sentence;
* initialisms stay as written: espeak-ng's German voice spells "SPD", "EU", "GmbH" itself;
* digit strings (phone numbers, numbers with leading zeros) digit by digit, groups
  separated by commas so the voice pauses;
* a sentence that opened with a number, symbol or abbreviation still starts with a capital
  ("5 Tote." -> "Fünf Tote.", "z. B. ..." -> "Zum Beispiel ...").

The output holds no digits and none of € $ £ % ° §. All rules are pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefcast.normalize_common import clean_unicode, say_addresses
from briefcast.normalize_de_abbrev import ABBREVIATION_WORDS, abbreviations, late_abbreviations
from briefcast.normalize_de_dates import say_dates, say_phones, say_times
from briefcast.normalize_de_measures import say_money, say_per, say_percents, say_units
from briefcast.normalize_de_numbers import (
    HAS_DIGIT,
    cardinal,
    digits,
    say_cardinals,
    say_compounds,
    say_decades,
    say_fractions,
    say_ordinals,
    say_ranges,
    say_years,
    upper_first,
)

Rule = Callable[[str], str]

_URL_SYMBOLS = {".": " Punkt ", "/": " Schrägstrich ", "@": " at ", "_": " Unterstrich ",
                "+": " plus ", "?": " Fragezeichen ", "=": " gleich ", "&": " und ",
                "#": " Raute ", "%": " Prozent ", "~": " Tilde "}


def _addresses(text: str) -> str:
    return say_addresses(text, _URL_SYMBOLS, lambda s: cardinal(int(s)) if len(s) < 5
                         else digits(s))


def _pre_symbols(text: str) -> str:
    """Signs that belong to the number after them: '~50' -> 'etwa 50', '#1' -> 'Nummer 1'."""
    text = re.sub(r"#(?=\d)", "Nummer ", text)
    text = re.sub(r"#(?=[^\W\d_])", "Hashtag ", text)
    text = re.sub(r"[ \t]*(?:#[ \t]*)+", lambda m: " " if m.start() and m.end() < len(text) else "",
                  text)  # a lone "#" is layout, not a word
    text = re.sub(r"(?<![\w~])~\s?(?=\d)", "etwa ", text)
    text = re.sub(r"±\s?", "plus minus ", text)
    return re.sub(r"(?<=\d)\+(?=[\s,.;:!?)]|$)", " plus", text)  # "ab 65+"


def _identifiers(text: str) -> str:
    """'G7' -> 'G-sieben', 'COVID-19' -> 'COVID-neunzehn', '5G' -> 'fünf-G', 'Boeing 737'."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"\b(Boeing|Flug|Flugnummer)\s+(\d{3,4})\b(?![.,]\d)",
                  lambda m: f"{m[1]} {digits(m[2])}", text)
    text = re.sub(r"\b([A-ZÄÖÜ][A-Za-zÄÖÜ]{0,5})-?(\d+)\b(?![.,]\d)",
                  lambda m: f"{m[1]}-{cardinal(int(m[2]))}"
                  if not m[2].startswith("0") or m[2] == "0" else f"{m[1]}-{digits(m[2])}",
                  text)
    return re.sub(r"(?<![\w.,])(\d+)([A-Za-z]{1,3})\b(-?)",  # "das 5G-Netz": a compound noun
                  lambda m: (upper_first if m[3] else str)(f"{cardinal(int(m[1]))}-{m[2]}")
                  + m[3], text)


_DAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"


_SIGN_WORDS = {"°": "Grad", "%": "Prozent", "‰": "Promille", "€": "Euro", "$": "Dollar",
               "£": "Pfund", "¥": "Yen", "§": "Paragraf"}


def _sign(m: re.Match[str], text: str) -> str:
    """A sign with no number to go with it, said as a word between single spaces."""
    word = _SIGN_WORDS[m.group().strip()]
    return (" " if m.start() else "") + word + (" " if m.end() < len(text) else "")


def _symbols(text: str) -> str:
    """The signs left once the numbers are words: '&' -> 'und', '€' -> 'Euro', ..."""
    text = re.sub(r"\s*&\s*", " und ", text)
    text = re.sub(r"(?<!\S)\+(?=\s|$)", "plus", text)
    text = re.sub(r"(?<!\S)=(?=\s|$)", "gleich", text)
    text = re.sub(r"\s*×\s*", " mal ", text)
    text = re.sub(r"~\s?", "etwa ", text)
    text = re.sub(r"(?<!\w)@(?=\w)", "at ", text)
    text = re.sub(r"[®™©]", "", text)
    text = re.sub(rf"\b({_DAYS})\s?[–-]\s?(?=(?:{_DAYS})\b)", r"\1 bis ", text)
    text = re.sub(r"°([CF])\b", lambda m: "° " + {"C": "Celsius", "F": "Fahrenheit"}[m[1]], text)
    text = re.sub(r"[ \t]*[°%‰€$£¥§][ \t]*", lambda m: _sign(m, text), text)
    text = say_per(re.sub(r"\b(k?m)([²³])", lambda m: ("Quadrat" if m[2] == "²" else "Kubik")
                          + ("kilometer" if m[1] == "km" else "meter"), text))
    return re.sub(r" +(?=[,.;:!?)\]“\"])|(?<=[(\[„]) +", "", text)


def _tidy_spaces(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip(" ") if "  " in text else text


PIPELINE: tuple[Rule, ...] = (
    clean_unicode, _addresses, _pre_symbols, abbreviations, say_phones, say_dates, say_times,
    say_money, say_percents, say_units, say_decades, say_compounds, say_fractions, say_ranges,
    say_ordinals, _identifiers, say_years, say_cardinals, late_abbreviations, _symbols,
    _tidy_spaces,
)

# Where a new sentence starts with something that reads as a lowercase word once spoken: a
# digit, a sign, or a lowercase abbreviation ("z. B.", "ca."). The text is split there, so
# each sentence is normalized alone and its first letter capitalized afterwards.
_OPENS = r"[\"'„“‚(\[]*(?:[\d€$£¥§~+-]|#\d|z\.\s?B\.|ca\.|u\.\s?a\.|d\.\s?h\.|bzw\.|rd\.|ggf\.)"
_OPENER = f"(?={_OPENS})"
_BREAK = re.compile(r"(?<=[.!?])([\"'“”»)\]]*)([ \t]+)" + _OPENER + r"|(\n+[ \t]*)" + _OPENER)
_NOT_AN_END = re.compile(r"(?<!\w)(?:[^\W\d_]|[^\W\d_]+str|\d{1,2}|"
                         + "|".join(sorted(ABBREVIATION_WORDS)) + r")\.$")


def _sentences(text: str) -> list[tuple[str, str]]:
    """(piece, separator) pairs: the text split before each sentence that opens with a
    digit, sign or lowercase abbreviation, unless the period before was an abbreviation's
    or an ordinal's ("ca. 500", "am 3. 12. ...")."""
    pieces: list[tuple[str, str]] = []
    start = 0
    for m in _BREAK.finditer(text):
        cut = m.start(2) if m[2] else m.start(3)
        if m[2] and _NOT_AN_END.search(text[max(start, cut - 12):cut - len(m[1] or "")]):
            continue
        pieces.append((text[start:cut], m.group()[cut - m.start():]))
        start = m.end()
    pieces.append((text[start:], ""))
    return pieces


def _opens_lowercase(piece: str) -> bool:
    return bool(re.match(r"\s*" + _OPENS, piece))


def _capitalize_first(text: str) -> str:
    return re.sub(r"^([\"'„“‚(\[\s]*)([a-zäöüß])", lambda m: m[1] + m[2].upper(), text, count=1)


class GermanNormalizer:
    """Newsreader German; see the module docstring for the output style."""

    language: str = "de"

    def __init__(self, rules: tuple[Rule, ...] = PIPELINE) -> None:
        self.rules = rules

    def _normalize_piece(self, text: str) -> str:
        for rule in self.rules:
            text = rule(text)
        return text

    def normalize(self, text: str) -> str:
        out = []
        for piece, sep in _sentences(text):
            said = self._normalize_piece(piece)
            out.append((_capitalize_first(said) if _opens_lowercase(piece) else said) + sep)
        return "".join(out)
