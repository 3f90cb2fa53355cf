"""English rules for :mod:`briefcast.normalize` (the output style is documented there).

Each rule is a pure ``str -> str`` function and :class:`EnglishNormalizer` applies them in
a fixed order, most specific first: "$5.2 billion" is claimed by the money rule before
the generic number rule could read "5.2", and "555-0142" by the phone rule before the
range rule could read "five hundred fifty-five to one hundred forty-two". Number
readings live in :mod:`briefcast.normalize_en_numbers`; this module holds the word-level
rules (URLs, abbreviations, initialisms, symbols) and the pipeline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from briefcast.normalize_en_numbers import (
    MONTHS,
    cardinal,
    digits,
    keep_period,
    ordinal,
    paired,
    prev_word,
    say_cardinals,
    say_dates,
    say_decades,
    say_fractions,
    say_money,
    say_ordinals,
    say_percents,
    say_phones,
    say_ranges,
    say_times,
    say_units,
    say_years,
    sentence_start,
)

Rule = Callable[[str], str]


def spell(letters: str, suffix: str = "") -> str:
    """'FBI' -> 'F.B.I', with "'s" -> "F.B.I.'s". espeak-ng reads dotted capitals as letter
    names everywhere; with spaces or hyphens it reads a lone "A" as the article "uh"."""
    return ".".join(letters.upper()) + (".'s" if suffix else "")


# --- characters, URLs and e-mail -------------------------------------------------------

_UNICODE = str.maketrans({"’": "'", "‘": "'", "−": "-", "\u00a0": " ", "\u2009": " ",
                          "\u202f": " ", "º": "°", "⁄": "/"})
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8"}


def _foreign_script(ch: str) -> bool:
    """A letter an English voice cannot read: espeak-ng spells it out by its Unicode name."""
    return ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN")


def _drop_foreign_scripts(text: str) -> str:
    """Words in Arabic, Cyrillic, CJK... are left unspoken (the transcript keeps them).

    Read by an English voice they become a minute of letter names ("arabic letter meem...")
    that drowns the sentence; silence loses one quoted phrase and keeps the story.
    """
    if text.isascii():
        return text
    kept = "".join(" " if _foreign_script(ch) else ch for ch in text)
    kept = re.sub(r"[\u0600-\u06ff\u200c-\u200f\u0610-\u061a\u064b-\u065f]", " ", kept)
    if kept == text:
        return text
    kept = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", kept)  # "Zurich, Ελλάδα, Москва" leftovers
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", kept)


def _clean_unicode(text: str) -> str:
    text = _drop_foreign_scripts(text.translate(_UNICODE))

    def vulgar(m: re.Match[str]) -> str:  # "2½" -> "2 1/2"
        glued = m.start() > 0 and text[m.start() - 1].isdigit()
        return (" " if glued else "") + _VULGAR[m.group()]

    return re.sub("[½¼¾⅓⅔⅛]", vulgar, text)


_TLD = r"(?:com|org|net|gov|edu|io|uk|eu|de|fr|info|news|ai|tv|int|mil|ly|app|dev|ca|au|jp|nz|ie)"
_EMAIL = re.compile(r"(?<![\w.@-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?:[A-Za-z0-9-]+\.)+" + _TLD
                  + r"\b(?:/[\w\-./%?=&#~+]*[\w/])?")
_URL_SYMBOLS = {".": " dot ", "/": " slash ", "@": " at ", "_": " underscore ", "+": " plus ",
                "?": " question mark ", "=": " equals ", "&": " and ", "#": " hash ",
                "%": " percent ", "~": " tilde "}


def _say_address(address: str) -> str:
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address).rstrip("/")
    spoken = re.sub(r"[./@_+?=&#%~]", lambda m: _URL_SYMBOLS[m.group()], address)
    return " ".join(re.sub(r"\d+", lambda m: f" {paired(m.group())} ", spoken).split())


def _addresses(text: str) -> str:
    text = re.sub(r"(?<=\w)(?=https?://)", " ", text)  # "Ledgerhttps://..." in scraped text
    text = _EMAIL.sub(lambda m: _say_address(m.group()), text)
    return _URL.sub(lambda m: _say_address(m.group()), text)


# --- abbreviations ------------------------------------------------------------------------

_TITLES = {"Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Sen": "Senator",
           "Gov": "Governor", "Lt": "Lieutenant", "Sgt": "Sergeant", "Gen": "General",
           "Col": "Colonel", "Capt": "Captain", "Cmdr": "Commander", "Rep": "Representative",
           "Rev": "Reverend", "Maj": "Major", "Cpl": "Corporal", "Adm": "Admiral",
           "Det": "Detective", "Insp": "Inspector", "Supt": "Superintendent", "Pres": "President",
           "Fr": "Father", "Mt": "Mount", "Ft": "Fort", "Hon": "Honorable"}
_UNDOTTED_TITLES = {"Mr", "Mrs", "Ms", "Prof", "Sgt", "Lt", "Capt", "Mt"}  # British style
_ALWAYS_TITLES = {"Mr", "Mrs", "Ms", "Prof"}  # "Mr. and Mrs. Smith"
_TRAILING = {"etc": "et cetera", "vs": "versus", "approx": "approximately", "Inc": "Incorporated",
             "Ltd": "Limited", "Corp": "Corporation", "Jr": "Junior", "Sr": "Senior",
             "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Dept": "Department",
             "Govt": "Government", "Nos": "numbers", "Co": "Company"}
_DOTTED = {"e.g.": "for example", "i.e.": "that is", "a.k.a.": "also known as"}
_MONTH_ABBR = {m[:3]: m for m in MONTHS if m != "May"} | {"Sept": "September"}
_DATE_PREPS = {"in", "since", "until", "by", "from", "last", "next", "early", "late", "mid",
               "of", "during", "through", "before", "after"}


def _st_dr(text: str, m: re.Match[str]) -> str:
    """'St. Louis', 'Dr. Smith' (a title before a name) versus 'Baker St.', 'Elm Dr.'
    (a place type after a capitalized name or a number, as in '42nd St.')."""
    title, place = {"St": ("Saint", "Street"), "Dr": ("Doctor", "Drive")}[m.group(1)]
    prev = re.search(r"(\S+)\s+$", text[:m.start()])
    after_name = prev is not None and (
        (prev.group(1)[0].isupper() and not sentence_start(text, prev.start(1)))
        or prev.group(1)[0].isdigit())
    next_cap = bool(re.match(r"\s+[A-Z]", text[m.end():]))
    if not after_name and (next_cap or (m.group(1) == "Dr" and m.group(2))):
        return title
    return place + (keep_period(text, m.end(), eager=False) if m.group(2) else "")


def _month_abbr(text: str, m: re.Match[str]) -> str:
    before_digit = re.match(r"\s+\d", text[m.end():])
    if before_digit or (m.group(2) and prev_word(text, m.start()).lower() in _DATE_PREPS):
        return _MONTH_ABBR[m.group(1)] + ("" if before_digit else keep_period(text, m.end()))
    return m.group()


def _dotted(text: str, m: re.Match[str]) -> str:
    key = m.group(1).lower() + "."
    said = _DOTTED.get(key) or spell(m.group(1).replace(".", ""))
    if not m.group(2) or key in _DOTTED:
        return said
    if text.startswith(("'s", "’s"), m.end()):  # "U.N.'s": keep the dot before 's
        return said + "."
    return said + keep_period(text, m.end(), eager=key in ("a.m.", "p.m."))


def _trailing_period(text: str, m: re.Match[str]) -> str:
    """'etc.' before a capital usually ends a sentence; 'Inc.' or 'Jr.' often runs into a
    name or title ("Acme Inc. CEO Jo Bloggs"), so only a clear sentence opener counts."""
    if m.group(1) in ("vs", "approx", "Nos"):
        return ""
    return keep_period(text, m.end(), eager=m.group(1) == "etc")


def _abbreviations(text: str) -> str:
    text = re.sub(r"\bPh\.?D\b", "P.H.D", text)
    text = re.sub(r"(?<![A-Za-z.])([A-Za-z](?:\.[A-Za-z])+)(\.?)(?![A-Za-z])",
                  lambda m: _dotted(text, m), text)
    text = re.sub(r"\b(St|Dr)\b(\.?)", lambda m: _st_dr(text, m), text)
    text = re.sub(r"\b(" + "|".join(_ALWAYS_TITLES) + r")\.", lambda m: _TITLES[m[1]], text)
    text = re.sub(r"\b(" + "|".join(_TITLES) + r")\b(\.?)(?=\s+[A-Z])",
                  lambda m: _TITLES[m.group(1)] if m.group(2) or m.group(1) in _UNDOTTED_TITLES
                  else m.group(), text)
    text = re.sub(r"\b(" + "|".join(_TRAILING) + r")\.",
                  lambda m: _TRAILING[m.group(1)] + _trailing_period(text, m), text)
    text = re.sub(r"\bvs\b", "versus", text)
    text = re.sub(r"(?<=\w) v\.? (?=[A-Z])", " versus ", text)
    text = re.sub(r"\b[Nn]o\.(?=\s*\d)|\bNo(?=\s+\d)", "number", text)
    return re.sub(r"\b(" + "|".join(_MONTH_ABBR) + r")\b(\.?)", lambda m: _month_abbr(text, m),
                  text)


def _pre_symbols(text: str) -> str:
    text = re.sub(r"#(?=\d)", "number ", text)
    text = re.sub(r"~\s?(?=\d)", "about ", text)
    return re.sub(r"±\s?", "plus or minus ", text)


# --- identifiers: MH370, F-35, COVID-19, 5G, Boeing 737, 911 ----------------------------------


def _say_letters(run: str) -> str:
    if run.upper() in WORD_ACRONYMS or (len(run) > 3 and not run.isupper()):
        return run
    return spell(run)


def _identifiers(text: str) -> str:
    text = re.sub(r"\b([Ff]light|Boeing|Airbus)\s+(\d{3,4})\b",
                  lambda m: f"{m[1]} {paired(m[2])}", text)
    text = re.sub(r"\b((?:[Cc]all|[Dd]ial)\w{0,3}\s+)(911|999|112)\b|\b(911|999)(?=\s+(?:call|"
                  r"operator|dispatch|emergenc|cent))", lambda m: (m[1] or "") + digits(m.group()),
                  text)

    def ident(m: re.Match[str]) -> str:
        runs = re.findall(r"[A-Za-z]+|\d+", m.group())
        return "-".join(_say_letters(r) if r[0].isalpha() else paired(r) for r in runs)

    text = re.sub(r"\b(?:[A-Z]{1,6}|Covid)-\d+\b(?!-\d)", ident, text)
    return re.sub(r"(?<![\w-])(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z\d]*\b", ident, text)


# --- letters and symbols ------------------------------------------------------------------

WORD_ACRONYMS = frozenset("NATO NASA UNESCO UNICEF COVID OPEC AIDS FIFA UEFA NAFTA FEMA OSHA "
                          "ASEAN NASDAQ SWAT SARS MERS INTERPOL SCOTUS POTUS BAFTA NIMBY RADAR "
                          "LASER LIDAR SONAR ISIS ICE PIN GIF BRICS NOAA CERN OFCOM OFSTED DEFRA "
                          "ACAS DARPA AIPAC NASCAR FTSE".split())
INITIALISMS = frozenset("FBI CIA NHS BBC CEO CFO CTO US UK EU UN USA UAE IMF GDP NBA NFL CNN "
                        "ABC NBC CBS ITV AI EPA FDA CDC IRS SEC GOP MP PM DNA HIV ATM CCTV "
                        "ACLU NYPD LAPD IAEA OECD ECB ICC IOC WTO".split())
_SHOUTED_WORDS = frozenset("NO NOT YES AND THE FOR ALL NEW NOW ONE TWO OUT OFF TOO WHY HOW YOU "
                           "OUR WAS HAS HAD ARE BUT CAN DID SEE SAY BIG TOP HOT WIN WON GO DO SO "
                           "TO OF ON AT BY BE IS IF WE HE MY UP AS AN ITS".split())
_ROMAN = {"II": 2, "III": 3, "IV": 4, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "XI": 11, "XII": 12,
          "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16}
_ROMAN_CARDINAL_PREV = frozenset("War Part Chapter Phase Volume Act Title Stage Apollo".split())
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
    if tok in _ROMAN and prev[:1].isupper() and not suffix:
        if prev in _ROMAN_CARDINAL_PREV:
            return cardinal(_ROMAN[tok]).title()
        return "the " + ordinal(_ROMAN[tok]).title()
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
    text = re.sub(r"\s?/\s?(hour|day|week|month|year|night|person|head|capita)\b", r" per \1",
                  text)
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


PIPELINE: tuple[Rule, ...] = (
    _clean_unicode, _addresses, _abbreviations, _pre_symbols, say_dates, say_times,
    say_money, say_percents, say_units, say_phones, say_fractions, say_decades, say_ranges,
    say_ordinals, _identifiers, say_years, say_cardinals, _initialisms, _symbols, _tidy_spaces,
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
