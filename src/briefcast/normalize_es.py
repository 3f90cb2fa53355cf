"""Spanish rules for :mod:`briefcast.normalize`: written Spanish news copy in, what a
Spanish newsreader says out.

Output style (the contract ``tests/test_normalize_es.py`` pins down):

* numbers are num2words' Spanish words, corrected where it errs, and agree with their
  noun ("un año", "veintiún euros", "veintiuna personas", "doscientas mil toneladas");
  a number with no noun after it says "uno" ("ganó tres a uno", "el uno de enero");
* the written convention is the show's: Spain (``"es"``, the default) writes "1.500" and
  "48,6" and says "coma"; Mexico, the United States and Central America (``"es-mx"``,
  ``"es-us"``...) write "1,500" and "48.6" and say "punto" (see :data:`CONVENTIONS`);
  "1 500" is a thousand and five hundred everywhere;
* years are cardinals ("dos mil veintiséis"), dates day first, times on the 24-hour clock
  ("las veintitrés cuarenta"), scores and ranges with "a" ("tres a uno", "de diez a quince"),
  "y" after "entre" ("entre cuatro y cinco por ciento");
* phone numbers, numbers with leading zeros and runs of ten digits or more are read digit
  by digit, groups separated by commas;
* abbreviations are expanded and lose their period unless it also ends the sentence;
* no digit or symbol is left, and a sentence opened by one starts with a capital once it
  is spelled out ("5 € cada uno." -> "Cinco euros cada uno.").

Rules are pure ``(text, convention) -> str`` functions run in a fixed order, most specific
first: dates, times and phone numbers before money, money before units, ranges and plain
numbers. Number words and agreement are in :mod:`briefcast.normalize_es_numbers`, dates and
times in :mod:`briefcast.normalize_es_time`, money, percentages and units in
:mod:`briefcast.normalize_es_measures`, abbreviations and Roman numerals in
:mod:`briefcast.normalize_es_abbrev`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from briefcast.normalize_common import clean_unicode, say_addresses
from briefcast.normalize_es_abbrev import abbreviations, roman_numerals
from briefcast.normalize_es_measures import joiner, say_money, say_percents, say_units
from briefcast.normalize_es_numbers import (
    HAS_DIGIT,
    MONTH_RE,
    NUM,
    SIGN,
    Convention,
    Gender,
    cardinal,
    digits,
    gender_after,
    number,
    ordinal,
    prev_word,
)
from briefcast.normalize_es_time import say_dates, say_times

Rule = Callable[[str, Convention], str]

_POINT = Convention(decimal=".", decimal_word="punto", first_of_month="primero")
_PESO = ("peso", "pesos")
# The conventions of the language codes a show may give ("es-MX"); any other "es-XX" falls
# back to "es" (Spain's), the lookup in briefcast.normalize.
CONVENTIONS: Mapping[str, Convention] = MappingProxyType({
    "es": Convention(),
    "es-mx": Convention(".", "punto", _PESO, "primero"),
    "es-us": _POINT,
    "es-pr": _POINT,
    "es-do": Convention(".", "punto", _PESO, "primero"),
    "es-gt": _POINT, "es-hn": _POINT, "es-ni": _POINT, "es-sv": _POINT, "es-pa": _POINT,
    "es-ar": Convention(",", "coma", _PESO, "primero"),
    "es-co": Convention(",", "coma", _PESO, "primero"),
    "es-cl": Convention(",", "coma", _PESO, "primero"),
    "es-uy": Convention(",", "coma", _PESO, "primero"),
})

# --- characters, addresses --------------------------------------------------------------

def _clean(text: str, conv: Convention) -> str:
    """The shared cleaning (no-break spaces, minus signs, "½", other scripts unspoken), but
    "º" and "ª" are set aside first: it reads "º" as the degree sign and drops "ª" as a
    letter of no Latin name, and in Spanish both mark ordinals ("1.º", "3.ª", "n.º")."""
    if "º" not in text and "ª" not in text:
        return clean_unicode(text)
    return "".join(part if part in ("º", "ª") else clean_unicode(part)
                   for part in re.split("([ºª])", text))


_ADDRESS_SYMBOLS = {".": " punto ", "/": " barra ", "@": " arroba ", "_": " guion bajo ",
                    "-": " guion ", "+": " más ", "?": " interrogación ", "=": " igual ",
                    "&": " y ", "#": " almohadilla ", "%": " por ciento ", "~": " virgulilla "}


def _addresses(text: str, conv: Convention) -> str:
    """'www.ayuntamiento.es/agenda' -> ayuntamiento punto es barra agenda."""
    return say_addresses(text, _ADDRESS_SYMBOLS, lambda digits: cardinal(int(digits)))


def _abbreviations(text: str, conv: Convention) -> str:
    return abbreviations(text)


def _pre_symbols(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"#\s?(?=\d)", "número ", text)
    text = re.sub(r"[~≈]\s?(?=\d)", "alrededor de ", text)
    text = re.sub(r"(?<![\w])>\s?(?=\d)", "más de ", text)
    text = re.sub(r"(?<![\w])<\s?(?=\d)", "menos de ", text)
    text = re.sub(r"(?<=\d)\+(?=[\s,.;:!?)]|$)", " o más", text)  # "mayores de 65+"
    return re.sub(r"±\s?", "más o menos ", text)


# --- other number shapes --------------------------------------------------------------------

_PHONE_CONTEXT = re.compile(r"(?:tel[ée]fono|tel\.|tlf|ll[aá]m\w*|m[óo]vil|whatsapp|fax|"
                            r"contacto|número)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w.,+-])(?:\+\d{1,3}(?:[ .-]\(?\d{2,4}\)?){2,5}"
                    r"|\d{2}([ .-])\d{3}\1\d{2}\1\d{2}|\d{3}([ .-])\d{2}\2\d{2}\2\d{2}"
                    r"|(?P<three>\d{3}([ .-])\d{3}\4\d{3})|[6-9]\d{8})(?![\w-]|[.,]\d)")


def _phones(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text

    def phone(m: re.Match[str]) -> str:
        if m["three"] and not _PHONE_CONTEXT.search(text[max(0, m.start() - 60):m.start()]):
            return m.group()  # "600 000 000" with no phone nearby is a number
        said = ", ".join(digits(g) for g in re.findall(r"\d+", m.group()))
        return ("más " if m.group().startswith("+") else "") + said

    text = _PHONE.sub(phone, text)
    # emergency and help lines: "llame al 112", "el 016"
    return re.sub(r"(?<=\b(?:al|el) )(112|0\d\d)\b(?![.,]\d)", lambda m: digits(m[1]), text)


_FRACTIONS = {2: "medio", 3: "tercio", 4: "cuarto"}


def _fraction(a: int, b: int, gender: Gender) -> str:
    """'1/3 de' -> 'un tercio de'; before a noun the fraction agrees with it: '1/2 hora' ->
    'media hora', '3/4 partes' -> 'tres cuartas partes'."""
    if gender == "count":
        name = _FRACTIONS.get(b) or ordinal(b)
        return f"un {name}" if a == 1 else f"{cardinal(a)} {name}s"
    name = ("medio" if gender == "m" else "media") if b == 2 else ordinal(b, gender)
    if a == 1:
        return name if b == 2 else f"{cardinal(1, gender)} {name}"
    return f"{cardinal(a, gender)} {name}s"


def _fractions(text: str, conv: Convention) -> str:
    if "/" not in text or not HAS_DIGIT(text):
        return text

    def frac(m: re.Match[str]) -> str:
        whole, a, b, noun = m["w"], m["a"], m["b"], m["noun"] or ""
        if (a, b) == ("24", "7"):
            return f"{cardinal(24)} {cardinal(7)}{noun}"
        if 0 < int(a) < int(b) <= 10 and not a.startswith("0"):
            gender = gender_after(text, m.end("b"))
            if not whole:
                return _fraction(int(a), int(b), gender) + noun
            if gender == "count":  # "2 1/2 de": dos y medio
                return f"{cardinal(int(whole))} y {_fraction(int(a), int(b), gender)}{noun}"
            # "2 1/2 horas": the noun goes after the whole number, "dos horas y media"
            return f"{cardinal(int(whole), gender)}{noun} y {_fraction(int(a), int(b), gender)}"
        if not whole and len(a) == 4 and len(b) in (2, 4) and int(b[-2:]) == (int(a) + 1) % 100:
            return f"{cardinal(int(a))} a {cardinal(int(b))}{noun}"  # the 2023/24 season
        said = f"{cardinal(int(a))} barra {cardinal(int(b))}{noun}"  # "la Ley 3/2026"
        return f"{cardinal(int(whole))} {said}" if whole else said

    return re.sub(r"(?<![\w.,/])(?:(?P<w>\d+) )?(?P<a>\d+)/(?P<b>\d+)(?![\w/])"
                  r"(?P<noun>\s+[^\W\d_]+)?", frac, text)


def _ranges(text: str, conv: Convention) -> str:
    """'3-1' -> 'tres a uno', '10-15 personas' -> 'diez a quince personas'."""
    if not HAS_DIGIT(text):
        return text

    def rng(m: re.Match[str]) -> str:
        gender = gender_after(text, m.end())
        first = number(m["a"], conv, "f" if gender == "f" else "count", m["sign"])
        return f"{first}{joiner(text, m)}{number(m['b'], conv, gender)}"

    return re.sub(rf"{SIGN}(?P<a>{NUM})(?:-|\s?–\s?)(?P<b>{NUM})(?![\w/-]|[.,]\d)", rng, text)


_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(?:\.?(?P<ind>[ºª])|\.(?P<suf>er|os|as)\b|(?P<er>er)\b"
                      rf"|°(?=\s+(?:de\s+(?:{MONTH_RE})|lugar|puesto|piso|curso|año)\b))")


def _ordinals(text: str, conv: Convention) -> str:
    """'1.º' -> 'primero', '3.ª' -> 'tercera', '1.er' -> 'primer', '2º puesto' -> 'segundo'."""
    if not HAS_DIGIT(text):
        return text

    def ordn(m: re.Match[str]) -> str:
        n = int(m[1])
        mark = m["ind"] or m["suf"] or m["er"] or "º"
        if mark in ("ª", "as"):
            return ordinal(n, "f", plural=mark == "as")
        if mark == "er":
            return ordinal(n, "m", apocope=True)
        return ordinal(n, "m", apocope=gender_after(text, m.end()) == "m", plural=mark == "os")

    return _ORDINAL.sub(ordn, text)


def _identifiers(text: str, conv: Convention) -> str:
    """'COVID-19', 'A-6', 'G7', '5G', 'F-35': letters as written, the number in words."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"\b([A-ZÁÉÍÓÚÑa-zñ]*[A-Z][A-Za-z]*)-(\d+)\b(?![.,]\d)",
                  lambda m: f"{m[1]} {number(m[2], conv)}", text)
    text = re.sub(r"(?<![\w.,-])(\d{1,2})-([A-Z])\b(?!-)",  # "el 11-M", "el 1-O": a date's name
                  lambda m: f"{cardinal(int(m[1]))} {m[2]}", text)
    return re.sub(r"(?<![\w.,])(\d+)([A-Z][A-Za-z]?)\b|\b([A-Z]{1,3})(\d+)\b(?![.,]\d)",
                  lambda m: f"{number(m[1], conv)} {m[2]}" if m[1]
                  else f"{m[3]} {number(m[4], conv)}", text)


_FEMININE_PLURAL = frozenset("las unas estas esas aquellas todas otras algunas".split())
_YEAR_PREV = frozenset("en de del desde hasta año años hacia principios finales "
                       "mediados".split())


def _cardinals(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,])\d+(?:\.\d+){2,}\b(?!,\d)",  # version numbers: 2.0.1
                  lambda m: m.group() if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", m.group())
                  else " punto ".join(cardinal(int(p)) for p in m.group().split(".")), text)

    def plain(m: re.Match[str]) -> str:
        n = m["n"]
        prev = prev_word(text, m.start())
        if re.fullmatch(r"1\d{3}|20\d\d", n) and prev in _YEAR_PREV:
            return number(n, conv, "count", m["sign"])
        gender = gender_after(text, m.end())
        if gender == "count" and prev.lower() in _FEMININE_PLURAL:  # "de las 21", "unas 200"
            gender = "f"
        return number(n, conv, gender, m["sign"])

    text = re.sub(rf"{SIGN}(?P<n>{NUM})", plain, text)

    def leftover(m: re.Match[str]) -> str:  # digits glued to letters or odd separators
        pre = " " if m.start() and text[m.start() - 1].isalpha() else ""
        post = " " if m.end() < len(text) and text[m.end()].isalpha() else ""
        return f"{pre}{number(m.group(), conv)}{post}"

    return re.sub(r"\d+", leftover, text)


def _roman_numerals(text: str, conv: Convention) -> str:
    return roman_numerals(text)


_SYMBOL_WORDS = {"&": "y", "@": "arroba", "#": "almohadilla", "+": "más", "=": "igual a",
                 "×": "por", "±": "más o menos", "<": "menor que", ">": "mayor que",
                 "%": "por ciento", "‰": "por mil", "€": "euros", "£": "libras",
                 "¥": "yenes", "©": "copyright", "°": "grados"}


def _symbols(text: str, conv: Convention) -> str:
    """Symbols no number claimed: said as words ("&" -> "y", "°C" -> "grados"), or left
    unsaid where they are typography ("~", "*", a lone "/")."""
    text = re.sub(r"\by/o\b", "y o", text)
    text = re.sub(r"(?<=\w)/(?=\w)", " barra ", text)
    text = re.sub(r"#(?=\w)", "hashtag ", text)
    text = re.sub(r"\s*(?:°|º(?=\s?[CF]\b))\s?([CF])?\b",
                  lambda m: " grados" + (" Fahrenheit" if m[1] == "F" else ""), text)
    text = re.sub(r"[®™ºª*~|^_\\/]", " ", text)
    text = re.sub(r"\$", f" {conv.dollar[1]} ", text)
    return re.sub("[" + re.escape("".join(_SYMBOL_WORDS)) + "]",
                  lambda m: f" {_SYMBOL_WORDS[m.group()]} ", text)


def _tidy_spaces(text: str, conv: Convention) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"(?<=[\w»”\"')]) (?=[,.;:!?»”)])", "", text)
    return re.sub(r"(?m)^[ \t]+(?=\S)|[ \t]+$", "", text)


def _capitalize_sentences(text: str, conv: Convention) -> str:
    """'5 € cada uno.' -> 'Cinco euros cada uno.': a sentence opened by a number or symbol
    starts with a capital once it is spelled out. Only lowercase words are touched, and
    not spoken web addresses ("ejemplo punto es")."""
    return re.sub(r"(?:^|(?<=[.!?])[\"')\]”»]*[ \t]+|(?<=\n))[\"'(\[“«¿¡]*([a-záéíóúñü])"
                  r"(?![\w-]* punto )",
                  lambda m: m.group()[:-1] + m[1].upper(), text)


PIPELINE: tuple[Rule, ...] = (
    _clean, _addresses, _abbreviations, _pre_symbols, say_dates, say_times, _ordinals,
    _phones, say_money, say_percents, say_units, _fractions, _ranges, _identifiers,
    _cardinals, _symbols, _tidy_spaces, _roman_numerals,
    _capitalize_sentences,
)


class SpanishNormalizer:
    """Newsreader Spanish in one country's convention (``variant``, a key of
    :data:`CONVENTIONS`); see the module docstring for the output style."""

    language: str = "es"

    def __init__(self, variant: str = "es", rules: tuple[Rule, ...] = PIPELINE) -> None:
        self.variant = variant.lower()
        self.convention = CONVENTIONS[self.variant]
        self.rules = rules

    def normalize(self, text: str) -> str:
        for rule in self.rules:
            text = rule(text, self.convention)
        return text


# One normalizer per convention, for briefcast.normalize.DEFAULT_NORMALIZERS.
SPANISH_NORMALIZERS: Mapping[str, SpanishNormalizer] = MappingProxyType(
    {code: SpanishNormalizer(code) for code in CONVENTIONS})
