"""French rules for :mod:`briefcast.normalize`: written French news copy in, what a French
newsreader says out.

Output style (the contract ``tests/test_normalize_fr.py`` pins down):

* numbers are num2words' French words ("vingt et un", "quatre-vingt-dix-neuf", "mille
  cinq cents"), agreeing with a feminine noun ("vingt et une personnes", "une heure");
  years are cardinals ("deux mille vingt-six"); decimals after "virgule", the decimal part
  read as a number ("trois virgule quatorze", "deux virgule zéro cinq"); negatives with
  "moins";
* "1 500", "1 500" (no-break spaces) and "1.500" are thousands, "48,6" a decimal;
* dates are day first ("03/12/2026" -> "trois décembre deux mille vingt-six"), the first
  of the month is "premier"; the clock has 24 hours ("23h40" -> "vingt-trois heures
  quarante", "0 h" -> "minuit");
* money as said on air: "douze euros cinquante", "trois millions d'euros", "un virgule
  cinq milliard de dollars"; "%" is "pour cent"; units in full ("kilomètres par heure");
* a score or a range is "trois à un", "dix à quinze" (never "de dix à quinze": the "de"
  is the writer's, and is kept when written);
* telephone numbers in pairs, as the French say them ("zéro six, douze, trente-quatre,
  ..."); other digit strings with a leading zero digit by digit ("zéro zéro sept");
* abbreviations are expanded ("monsieur", "madame", "Saint-Étienne", "et cetera"), their
  period dropped unless it also ends the sentence; initialisms espeak-ng's French voice
  would read as a word are spelled "P.I.B";
* "de un", "que un" elide to "d'un", "qu'un" ("plus d'un million"); "le" never needs to
  ("le onze", "le huit" are said without elision);
* a sentence opened by a number or symbol still starts with a capital once spelled out.

Each rule is a pure ``str -> str`` function and :class:`FrenchNormalizer` applies them in a
fixed order, most specific first. Number readings live in
:mod:`briefcast.normalize_fr_numbers` and :mod:`briefcast.normalize_fr_measures`,
abbreviations and Roman numerals in :mod:`briefcast.normalize_fr_abbrev`; this module
holds characters, web addresses, identifiers, symbols and the pipeline. The character
cleaning and the address patterns are the English module's, which are not English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import reduce

from briefcast.normalize_common import clean_unicode, say_addresses
from briefcast.normalize_fr_abbrev import abbreviations, initialisms, roman_numerals
from briefcast.normalize_fr_measures import say_money, say_percents, say_units
from briefcast.normalize_fr_numbers import (
    HAS_DIGIT,
    cardinal,
    number,
    say_cardinals,
    say_dates,
    say_fractions,
    say_ordinals,
    say_phones,
    say_ranges,
    say_times,
)

Rule = Callable[[str], str]

# --- characters and web addresses ---------------------------------------------------------

_SUPERSCRIPTS = str.maketrans({"ᵉ": "e", "ʳ": "r", "ᵈ": "d", "ˢ": "s", "ᵐ": "m"})


def _clean(text: str) -> str:
    """Typographic French: superscript ordinal letters ("XXIᵉ", "1ᵉʳ"), no-break spaces
    ("1 500", "9 h"), curly apostrophes; then the English module's cleaning."""
    return clean_unicode(text.translate(_SUPERSCRIPTS))


_ADDRESS_SYMBOLS = {".": " point ", "/": " slash ", "@": " arobase ", "_": " tiret bas ",
                    "+": " plus ", "?": " point d'interrogation ", "=": " égale ",
                    "&": " et ", "#": " dièse ", "%": " pour cent ", "~": " tilde "}


def _addresses(text: str) -> str:
    """'www.service-public.fr' -> service-public point fr; 'contact@mairie.fr' -> contact
    arobase mairie point fr."""
    return say_addresses(text, _ADDRESS_SYMBOLS, number)


def _pre_symbols(text: str) -> str:
    text = re.sub(r"#(?=\d)", "numéro ", text)
    text = re.sub(r"[~≈] ?(?=\d)", "environ ", text)
    text = re.sub(r"± ?", "plus ou moins ", text)
    return re.sub(r"(?<=\w)\+(?=\d)", " plus ", text)  # "bac+5"


# --- identifiers: A380, Covid-19, G7, 5G, J-3 ----------------------------------------------

_TOKEN = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[^\W_]+(?:-[^\W_]+)*")


def _identifiers(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"\bJ ?([-+]) ?(\d+)\b",  # the countdown: "J-3", "J+1"
                  lambda m: f"J {'moins' if m[1] == '-' else 'plus'} {cardinal(int(m[2]))}",
                  text)
    text = re.sub(r"(?<![\w.,])(\d+) ?[x×](?=[\s,.;:!?)]|$)",  # "3x plus", "x3"
                  lambda m: f"{cardinal(int(m[1]))} fois", text)
    text = re.sub(r"(?<![\w.,])[x×] ?(\d+)\b", lambda m: f"fois {cardinal(int(m[1]))}", text)

    def ident(m: re.Match[str]) -> str:
        runs = re.findall(r"[^\W\d_]+|\d+", m.group())
        return " ".join(number(r) if r.isdigit() else r for r in runs)

    return _TOKEN.sub(ident, text)


# --- symbols, elision, spaces, capitals ----------------------------------------------------

_PER = {"mois": "par mois", "an": "par an", "jour": "par jour", "j": "par jour",
        "semaine": "par semaine", "h": "par heure", "heure": "par heure", "nuit": "par nuit",
        "habitant": "par habitant", "hab": "par habitant", "personne": "par personne",
        "km": "par kilomètre", "km²": "par kilomètre carré", "m²": "par mètre carré",
        "l": "le litre", "litre": "le litre", "kg": "le kilo", "MWh": "le mégawattheure",
        "kWh": "le kilowattheure", "t": "la tonne", "tonne": "la tonne", "baril": "le baril"}
_PER_RE = re.compile(r" ?/ ?(" + "|".join(re.escape(p) for p in sorted(_PER, key=len, reverse=True))
                     + r")(?![\w²])")
_SYMBOL_WORDS = {"€": "euros", "$": "dollars", "£": "livres", "¥": "yens", "%": "pour cent",
                 "‰": "pour mille", "°": "degrés", "§": "paragraphe", "=": "égale",
                 "×": "fois", "&": "et", "≤": "au plus", "≥": "au moins", "<": "moins de",
                 ">": "plus de", "~": "environ", "≈": "environ"}


def _symbols(text: str) -> str:
    text = _PER_RE.sub(lambda m: " " + _PER[m[1]], text)
    text = re.sub(r"\bet/ou\b", "et ou", text)
    text = re.sub(r"(?<=[^\W\d_])/(?=[^\W\d_])", " ", text)  # "Paris/Lyon"
    text = re.sub(r"#(?=[^\W\d_])", "hashtag ", text)
    text = re.sub(r"(?<![\w])@(?=\w)", "arobase ", text)
    text = re.sub(r"(?:^|\s)\+(?=\s)", " plus", text)
    text = re.sub(r"[©®™*^|\\_{}]", " ", text)
    text = re.sub(r" ?[€$£¥%‰°§=×&≤≥<>~≈] ?",
                  lambda m: f" {_SYMBOL_WORDS[m.group().strip()]} ", text)
    text = re.sub(r" ?\+ ?", " plus ", text)
    text = re.sub(r" ?@ ?", " arobase ", text)
    return re.sub(r"[#/]", " ", text)  # left alone between symbols: nothing to say


def _elide(text: str) -> str:
    """'de un million' -> d'un million, 'que un' -> qu'un: before "un", "une" and
    "euros", as French speaks (numbers starting "huit", "onze" never elide)."""
    return re.sub(r"\b([Dd]e|[Qq]ue) (?=(?:une?|euros?)\b)",
                  lambda m: m[1][:-1] + "'", text)


def _tidy_spaces(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"(?<=\w) (?=[,.](?:\s|$))", "", text)


_SENTENCE_START = re.compile(r"(?:^|(?:(?<=[!?])|(?<=[^.]\.)(?<!\b[A-ZÀ-Þ]\.))[»\"')\]”’]*[ \t]+|(?<=\n))"
                             r"[«\"'(\[“‘ ]*([a-zà-ÿœæ][a-zà-ÿœæ'-]*)(?!\w)")


def _capitalize_sentences(text: str) -> str:
    """'5 blessés.' -> 'Cinq blessés.': a sentence opened by a number or a symbol starts
    with a capital once it is spelled out, like any other sentence."""
    def cap(m: re.Match[str]) -> str:
        cut = m.start(1) - m.start()
        return m.group()[:cut] + m[1][0].upper() + m.group()[cut + 1:]

    return _SENTENCE_START.sub(cap, text)


PIPELINE: tuple[Rule, ...] = (
    _clean, _addresses, abbreviations, _pre_symbols, say_dates, say_times, say_money,
    say_percents, say_units, say_phones, say_fractions, say_ranges, say_ordinals,
    roman_numerals, _identifiers, say_cardinals, initialisms, _symbols, _tidy_spaces, _elide,
    _capitalize_sentences,
)


class FrenchNormalizer:
    """Newsreader French (see the module docstring for the output style)."""

    language: str = "fr"

    def normalize(self, text: str) -> str:
        return reduce(lambda spoken, rule: rule(spoken), PIPELINE, text)
