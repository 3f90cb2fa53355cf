"""English rules for :mod:`briefcast.normalize` (the output style is documented there).

Each rule is a pure ``str -> str`` function and :class:`EnglishNormalizer` applies them in
a fixed order, most specific first: "$5.2 billion" is claimed by the money rule before
the generic number rule could read "5.2", and "555-0142" by the phone rule before the
range rule could read "five hundred fifty-five to one hundred forty-two". Number
readings live in :mod:`briefcast.normalize_en_numbers` (cardinals, years, dates, times)
and :mod:`briefcast.normalize_en_measures` (money, percentages, units), abbreviations in
:mod:`briefcast.normalize_en_abbrev`; this module holds the other word-level rules (URLs,
identifiers, initialisms, Roman numerals, symbols) and the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefcast.normalize_common import clean_unicode, say_addresses
from briefcast.normalize_en_abbrev import (
    ABBREVIATION_WORDS,
    LONE_A,
    abbreviations,
    lone_letters,
    spell,
)
from briefcast.normalize_en_measures import say_money, say_percents, say_units
from briefcast.normalize_en_numbers import (
    HAS_DIGIT,
    cardinal,
    digits,
    number,
    ordinal,
    paired,
    prev_word,
    say_cardinals,
    say_dates,
    say_decades,
    say_fractions,
    say_ordinals,
    say_phones,
    say_ranges,
    say_times,
    say_years,
    year,
)

Rule = Callable[[str], str]


# --- URLs and e-mail -------------------------------------------------------------------

_URL_SYMBOLS = {".": " dot ", "/": " slash ", "@": " at ", "_": " underscore ", "+": " plus ",
                "?": " question mark ", "=": " equals ", "&": " and ", "#": " hash ",
                "%": " percent ", "~": " tilde "}


def _addresses(text: str) -> str:
    return say_addresses(text, _URL_SYMBOLS, paired)


def _pre_symbols(text: str) -> str:
    text = re.sub(r"#(?=\d)", "number ", text)
    text = re.sub(r"~\s?(?=\d)", "about ", text)
    text = re.sub(r"(?<=\d)\+(?=[\s,.;:!?)]|$)", " plus", text)  # "aged 65+"
    return re.sub(r"±\s?", "plus or minus ", text)


# --- identifiers: MH370, F-35, COVID-19, 5G, Boeing 737, 911 ----------------------------------


def _say_letters(run: str) -> str:
    if run.upper() in WORD_ACRONYMS or (len(run) > 3 and not run.isupper()):
        return run
    return spell(run)


def _identifiers(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"\b([Ff]light|Boeing|Airbus|Form|Section|Interstate|Highway|Route|Title)"
                  r"\s+(\d{3,4})\b(?![.,]\d)", lambda m: f"{m[1]} {paired(m[2])}", text)
    text = re.sub(r"(?<![\w.,])(\d{3})(?= MAX\b| Max\b)", lambda m: paired(m[1]), text)
    text = re.sub(r"(?<![\w.])(\d{3})\(([a-z])\)",  # "a 401(k) plan"
                  lambda m: f"{paired(m[1])} {m[2].upper()}", text)
    text = re.sub(r"\b((?:[Cc]all|[Dd]ial)\w{0,3}\s+)(911|999|112)\b|\b(911|999)(?=\s+(?:call|"
                  r"operator|dispatch|emergenc|cent))", lambda m: (m[1] or "") + digits(m.group()),
                  text)

    text = re.sub(r"\bFY ?(\d{4}|\d\d)\b",  # "FY2025", "FY25": fiscal year
                  lambda m: "fiscal year " + (year(int(m[1])) if len(m[1]) == 4 else paired(m[1])),
                  text)
    text = re.sub(r"\bH\.?R\.? ?(\d{1,4})\b", lambda m: f"H.R {paired(m[1])}", text)  # a bill
    text = re.sub(r"(?<![\w.])(\d{1,3})ers\b",  # "the 49ers", "the 76ers"
                  lambda m: cardinal(int(m[1])) + ("rs" if m[1][-1] == "9" else "ers"), text)

    def ident(m: re.Match[str]) -> str:
        runs = re.findall(r"[A-Za-z]+|\d+(?:\.\d+)?", m.group())
        said = "-".join(_say_letters(r) if r[0].isalpha() else paired(r) if r.isdigit()
                        else number(r) for r in runs)
        return said[:-1] + LONE_A if runs[-1] == "A" and len(runs) > 1 else said  # "39A"

    text = re.sub(r"\b(?:[A-Z]{1,6}|Covid)-\d+[a-z]?\b(?!-\d)", ident, text)
    return re.sub(r"(?<![\w-])(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z\d]*(?:(?<=\d)\.\d+)?\b",
                  ident, text)


# --- letters and symbols ------------------------------------------------------------------

WORD_ACRONYMS = frozenset("NATO NASA UNESCO UNICEF COVID OPEC AIDS FIFA UEFA NAFTA FEMA OSHA "
                          "ASEAN NASDAQ SWAT SARS MERS INTERPOL SCOTUS POTUS BAFTA NIMBY RADAR "
                          "LASER LIDAR SONAR ISIS ICE PIN GIF BRICS NOAA CERN OFCOM OFSTED DEFRA "
                          "ACAS DARPA AIPAC NASCAR FTSE MAX".split())
INITIALISMS = frozenset("FBI CIA NHS BBC CEO CFO CTO US UK EU UN USA UAE IMF GDP NBA NFL CNN "
                        "ABC NBC CBS ITV AI EPA FDA CDC IRS SEC GOP MP PM DNA HIV ATM CCTV "
                        "ACLU NYPD LAPD IAEA OECD ECB ICC IOC WTO".split())
_SHOUTED_WORDS = frozenset("NO NOT YES AND THE FOR ALL NEW NOW ONE TWO OUT OFF TOO WHY HOW YOU "
                           "OUR WAS HAS HAD ARE BUT CAN DID SEE SAY BIG TOP HOT WIN WON GO DO SO "
                           "TO OF ON AT BY BE IS IF WE HE MY UP AS AN ITS".split())
_ROMAN_RE = re.compile(r"(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_CARDINAL_PREV = frozenset(
    "War Part Chapter Phase Volume Act Title Stage Apollo Class Type Category Grade Level Book "
    "Round Season Episode Bowl WrestleMania Mark Gemini Vatican Schedule Division Article "
    "Section Tier Year Rocky Star Series Form Model Artemis Voyager Mariner".split())
_REGNAL = ("(?:King|Queen|Pope|Emperor|Empress|Tsar|Czar|Tsarina|Kaiser|Pharaoh|Sultan|Prince"
           "|Princess)")


def roman(tok: str) -> int:
    """'XIV' -> 14; 0 if ``tok`` is not a well-formed Roman numeral (I to CCCXCIX)."""
    if not tok or not _ROMAN_RE.fullmatch(tok):
        return 0
    values = [_ROMAN_VALUES[c] for c in tok]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def _lone_numerals(text: str) -> str:
    """'World War I' -> 'World War One'; 'King Henry V' -> 'King Henry the Fifth'."""
    text = re.sub(r"\bWar I\b(?![\w'&-]|\.\w)", "War One", text)
    return re.sub(rf"\b({_REGNAL}(?: [A-Z][a-z]+)+) ([IVX])\b(?![\w'&-]|\.\w)",
                  lambda m: f"{m[1]} the {ordinal(roman(m[2])).capitalize()}", text)
_CODAS = frozenset("ST ND NT RT RD LT CK SK RK LD MP NK SH CH TH NG RN RM RS LL SS FT PT".split())


def _pronounceable(tok: str) -> bool:
    """Crude: has a vowel, no 3-consonant cluster, ends in a plausible English coda."""
    if not re.search("[AEIOU]", tok) or re.search("[AEIOU]{3}", tok):
        return False
    if re.search("[^AEIOU]{3}", tok):
        return False
    end = re.search("[^AEIOUY]{2}$", tok)
    return not end or end.group() in _CODAS


def _initialism(text: str, m: re.Match[str], shouting: bool) -> str:
    tok, suffix = m["tok"], m["suf"] or ""
    if "&" in tok:
        left, right = tok.split("&", 1)
        if "A" in (left, right):  # "Q and A session" would be read "Q and uh session"
            return spell(left + "N" + right, suffix)
        return f"{spell(left)} and {spell(right, suffix)}"
    if tok == "FTSE":
        return "Footsie" + suffix
    prev = prev_word(text, m.start())
    value = roman(tok) if prev[:1].isupper() and not suffix else 0
    if value and prev in _ROMAN_CARDINAL_PREV and value <= 100:  # "Super Bowl LVIII"
        return cardinal(value).capitalize()
    if 1 < value <= 30:  # "Henry VIII", "Pope John XXIII"
        return "the " + ordinal(value).capitalize()
    if tok in WORD_ACRONYMS:
        return m.group()
    if tok in INITIALISMS or (not shouting and tok not in _SHOUTED_WORDS
                              and (len(tok) <= 3 or not _pronounceable(tok))):
        return spell(tok, suffix)
    return m.group()


_CAPS = re.compile(r"(?<![\w&'])(?P<tok>[A-Z]+(?:&[A-Z]+)+|[A-Z]{2,})(?P<suf>'s|s)?(?![\w&])")


def _initialisms_in_line(line: str) -> str:
    shouting = not any(c.islower() for c in line)  # an all-caps headline: curated list only
    return _CAPS.sub(lambda m: _initialism(line, m, shouting), line)


def _initialisms(text: str) -> str:
    return "\n".join(_initialisms_in_line(line) for line in text.split("\n"))


def _symbols(text: str) -> str:
    text = re.sub(r"\band/or\b", "and or", text)
    text = re.sub(r"\bkm/h\b", "kilometers per hour", text)
    text = re.sub(r"\s?/\s?(hour|day|week|month|year|night|person|head|capita|share|barrel|"
                  r"tonne|ton|gallon|liter|litre)\b", r" per \1", text)
    text = re.sub(r"\s?/\s?(bbl|kg|lb|oz|MWh|kWh|t|hr|yr|mo|wk)\b", lambda m: " per " + {
        "bbl": "barrel", "kg": "kilogram", "lb": "pound", "oz": "ounce", "MWh": "megawatt hour",
        "kWh": "kilowatt hour", "t": "tonne", "hr": "hour", "yr": "year", "mo": "month",
        "wk": "week"}[m[1]], text)
    text = re.sub(r"(?<=[A-Za-z])/(?=[A-Za-z])", " slash ", text)
    text = re.sub(r"\s*&\s*", " and ", text)
    text = re.sub(r"#(?=[A-Za-z])", "hashtag ", text)
    text = re.sub(r"(?<![\w])@(?=\w)", "at ", text)
    text = re.sub(r"\s+\+\s+", " plus ", text)
    text = re.sub(r"\s*=\s*", " equals ", text)
    text = re.sub(r"\s*×\s*", " times ", text)
    text = re.sub(r"©\s*", "copyright ", text)
    text = re.sub(r"[®™]", "", text)
    text = re.sub(r"\s*°", " degrees", text)
    return re.sub(r"\s*%", " percent", text)


def _tidy_spaces(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text)


def _capitalize_sentences(text: str) -> str:
    """'$0.99 each.' -> 'Ninety-nine cents each.': a sentence opened by a number or symbol
    starts with a capital once it is spelled out, like any other sentence. Only plain
    lowercase words are touched ("iPhone", "eBay" keep their case), and not spoken web
    addresses ("example dot com")."""
    def cap(m: re.Match[str]) -> str:
        before = re.search(r"(\w+)\.$", text[max(0, m.start() - 12):m.start()])
        if before and (before[1] in ABBREVIATION_WORDS or len(before[1]) == 1):
            return m.group()  # "Gen. on": the period was an abbreviation's
        if m[1].capitalize() in ABBREVIATION_WORDS and text.startswith(".", m.end()):
            return m.group()  # "ft." would turn into "Ft." (Fort)
        cut = m.start(1) - m.start()
        return m.group()[:cut] + m[1][0].upper() + m.group()[cut + 1:]

    return re.sub(r"(?:^|(?<=[.!?])[\"')\]”’]*[ \t]+|(?<=\n))[\"'(\[“‘]*([a-z][a-z-]*)\b(?! dot )",
                  cap, text)


PIPELINE: tuple[Rule, ...] = (
    clean_unicode, _addresses, abbreviations, _pre_symbols, say_dates, say_times,
    say_money, say_percents, say_units, say_phones, say_fractions, say_decades, say_ranges,
    say_ordinals, _identifiers, say_years, say_cardinals, _lone_numerals, lone_letters,
    _initialisms, _symbols, _tidy_spaces, _capitalize_sentences,
)


class EnglishNormalizer:
    """Newsreader English; see :mod:`briefcast.normalize` for the output style."""

    language: str = "en"

    def __init__(self, rules: tuple[Rule, ...] = PIPELINE) -> None:
        self.rules = rules

    def normalize(self, text: str) -> str:
        for rule in self.rules:
            text = rule(text)
        return text
