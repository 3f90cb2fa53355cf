"""English rules for :mod:`briefcast.normalize` (output style is documented there).

Each rule is a pure ``str -> str`` function and :class:`EnglishNormalizer` applies them in
a fixed order, most specific first: "$5.2 billion" is claimed by the money rule before
the generic number rule could read "5.2", and "555-0142" by the phone rule before the
range rule could read "five hundred fifty-five to one hundred forty-two". Number words
always come from num2words; this module only decides which reading a number gets
(cardinal, ordinal, year, paired, digit by digit).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from num2words import num2words

Rule = Callable[[str], str]

# --- number readings (words from num2words; only tidied here) -------------------------


def _tidy(words: str) -> str:
    """num2words' "en" is British: drop "and" and commas, "oh-five" -> "oh five"."""
    return words.replace(",", "").replace(" and ", " ").replace("oh-", "oh ")


def cardinal(n: int) -> str:
    return _tidy(num2words(n, lang="en"))


def ordinal(n: int) -> str:
    return _tidy(num2words(n, lang="en", to="ordinal"))


def year(n: int) -> str:
    return _tidy(num2words(n, lang="en", to="year"))


def digits(s: str) -> str:
    return " ".join(cardinal(int(c)) for c in s if c.isdigit())


def number(s: str, sign: str = "") -> str:
    """'3,400' -> three thousand four hundred; '3.14' -> three point one four; '007' digit-wise."""
    whole, _, frac = s.replace(",", "").partition(".")
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 15:
        words = digits(whole)
    else:
        words = cardinal(int(whole or "0"))
    if frac:
        words += " point " + digits(frac)
    return {"-": "minus ", "+": "plus "}.get(sign or "", "") + words


def paired(s: str) -> str:
    """How model and flight numbers are said: 370 -> three seventy, 1549 -> fifteen forty-nine."""
    if len(s) > 1 and s.startswith("0") or len(s) > 4:
        return digits(s)
    if len(s) <= 2 or s.endswith("00"):
        return cardinal(int(s))
    if len(s) == 4:
        return year(int(s))
    tail = f"oh {cardinal(int(s[2]))}" if s[1] == "0" else cardinal(int(s[1:]))
    return f"{cardinal(int(s[0]))} {tail}"


def _plural(words: str) -> str:
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def spell(letters: str) -> str:
    return "-".join(letters.upper())


NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SIGN = r"(?:(?<![^\s(\[])(?P<sign>[-+]))?(?<![\w.,])"
_END = r"(?![\w%°]|[.,]\d)"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_RE = "|".join(MONTHS)
_STARTERS = frozenset("The A An He She It They We I You But And Or So In On At As For This "
                      "That These Those There Its His Her Their Our Officials Police".split())


def _keep_period(text: str, end: int) -> str:
    """'.' if the abbreviation's period also ends the sentence (end of text, line, or a
    following sentence-starting word), else ''."""
    rest = text[end:]
    m = re.match(r"[ \t]*(?:\n|$)|\s+([A-Z][a-z]*)\b", rest)
    if m and (m.group(1) is None or m.group(1) in _STARTERS):
        return "."
    return ""


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[:start])
    return m.group(1) if m else ""


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“(")
    return not before or before[-1] in ".!?\n:;"


# --- 1. characters, URLs and e-mail -------------------------------------------------------

_UNICODE = str.maketrans({"’": "'", "‘": "'", "−": "-", "\u00a0": " ", "\u2009": " ",
                          "\u202f": " ", "º": "°", "⁄": "/"})
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8"}


def _clean_unicode(text: str) -> str:
    text = text.translate(_UNICODE)
    return re.sub("[½¼¾⅓⅔⅛]", lambda m: (" " if m.start() and text[m.start() - 1].isdigit()
                                         else "") + _VULGAR[m.group()], text)


_TLD = r"(?:com|org|net|gov|edu|io|uk|eu|de|fr|info|news|ai|tv|int|mil|ly|app|dev|ca|au|jp|nz|ie)"
_EMAIL = re.compile(r"(?<![\w.@-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?:[A-Za-z0-9-]+\.)+" + _TLD
                  + r"\b(?:/[\w\-./%?=&#~+]*[\w/])?")
_URL_SYMBOLS = {".": " dot ", "/": " slash ", "@": " at ", "_": " underscore ", "+": " plus ",
                "?": " question mark ", "=": " equals ", "&": " and ", "#": " hash ", "%": " percent ",
                "~": " tilde "}


def _say_address(address: str) -> str:
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address).rstrip("/")
    spoken = re.sub(r"[./@_+?=&#%~]", lambda m: _URL_SYMBOLS[m.group()], address)
    return " ".join(re.sub(r"\d+", lambda m: f" {paired(m.group())} ", spoken).split())


def _addresses(text: str) -> str:
    text = _EMAIL.sub(lambda m: _say_address(m.group()), text)
    return _URL.sub(lambda m: _say_address(m.group()), text)


# --- 2. abbreviations ------------------------------------------------------------------------

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
             "Govt": "Government", "Nos": "numbers"}
_DOTTED = {"e.g.": "for example", "i.e.": "that is", "a.k.a.": "also known as", "a.m.": "A-M",
           "p.m.": "P-M", "ph.d.": "P-H-D"}
_MONTH_ABBR = {m[:3]: m for m in MONTHS if m != "May"} | {"Sept": "September"}
_DATE_PREPS = {"in", "since", "until", "by", "from", "last", "next", "early", "late", "mid",
               "of", "during", "through", "before", "after"}


def _st_dr(text: str, m: re.Match[str]) -> str:
    title, place = {"St": ("Saint", "Street"), "Dr": ("Doctor", "Drive")}[m.group(1)]
    prev = re.search(r"(\S+)\s+$", text[:m.start()])
    prev_cap = bool(prev and (re.match(r"[A-Z]", prev.group(1)) and not _sentence_start(
        text, prev.start(1)) or re.match(r"\d", prev.group(1))))
    next_cap = bool(re.match(r"\s+[A-Z]", text[m.end():]))
    if not prev_cap and (next_cap or m.group(1) == "Dr" and m.group(2)):
        return title
    return place + (_keep_period(text, m.end()) if m.group(2) else "")


def _month_abbr(text: str, m: re.Match[str]) -> str:
    before_digit = re.match(r"\s+\d", text[m.end():])
    if before_digit or (m.group(2) and _prev_word(text, m.start()).lower() in _DATE_PREPS):
        return _MONTH_ABBR[m.group(1)] + ("" if before_digit else _keep_period(text, m.end()))
    return m.group()


def _dotted(text: str, m: re.Match[str]) -> str:
    key = m.group(1).lower() + "."
    said = _DOTTED.get(key) or spell(m.group(1).replace(".", ""))
    return said + (_keep_period(text, m.end()) if m.group(2) and key not in (
        "e.g.", "i.e.") else "")


def _abbreviations(text: str) -> str:
    text = re.sub(r"\bPh\.?D\b\.?", "P-H-D", text)
    text = re.sub(r"(?<![A-Za-z.])([A-Za-z](?:\.[A-Za-z])+)(\.?)(?![A-Za-z])",
                  lambda m: _dotted(text, m), text)
    text = re.sub(r"\b(St|Dr)\b(\.?)", lambda m: _st_dr(text, m), text)
    text = re.sub(r"\b(" + "|".join(_ALWAYS_TITLES) + r")\.", lambda m: _TITLES[m[1]], text)
    text = re.sub(r"\b(" + "|".join(_TITLES) + r")\b(\.?)(?=\s+[A-Z])",
                  lambda m: _TITLES[m.group(1)] if m.group(2) or m.group(1) in _UNDOTTED_TITLES
                  else m.group(), text)
    text = re.sub(r"\b(" + "|".join(_TRAILING) + r")\.",
                  lambda m: _TRAILING[m.group(1)] + _keep_period(text, m.end()), text)
    text = re.sub(r"\bvs\b", "versus", text)
    text = re.sub(r"(?<=\w) v\.? (?=[A-Z])", " versus ", text)
    text = re.sub(r"\b[Nn]o\.(?=\s*\d)|\bNo(?=\s+\d)", "number", text)
    return re.sub(r"\b(" + "|".join(_MONTH_ABBR) + r")\b(\.?)", lambda m: _month_abbr(text, m),
                  text)


def _pre_symbols(text: str) -> str:
    text = re.sub(r"#(?=\d)", "number ", text)
    text = re.sub(r"~\s?(?=\d)", "about ", text)
    return re.sub(r"±\s?", "plus or minus ", text)


# --- 3. dates, times, money, percentages, units -----------------------------------------


def _day_month(text: str, m: re.Match[str]) -> str:
    the = "" if _prev_word(text, m.start()).lower() == "the" else "the "
    tail = f" {year(int(m.group(4)))}" if m.group(4) else ""
    return f"{the}{ordinal(int(m.group(1)))} of {m.group(2)}{tail}"


def _dates(text: str) -> str:
    def iso(m: re.Match[str]) -> str:
        y, mo, d = (int(g) for g in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        return f"{MONTHS[mo - 1]} {ordinal(d)}, {year(y)}"

    text = re.sub(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])", iso, text)
    text = re.sub(rf"\b({_MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?!:|\.\d)(?:(,?) (\d{{4}})\b)?",
                  lambda m: f"{m.group(1)} {ordinal(int(m.group(2)))}" + (
                      f"{m.group(3)} {year(int(m.group(4)))}" if m.group(4) else "")
                  if 1 <= int(m.group(2)) <= 31 else m.group(), text)
    text = re.sub(rf"(?<![\w.,])(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_RE})\b(?:(,?) (\d{{4}})\b)?",
                  lambda m: _day_month(text, m) if 1 <= int(m.group(1)) <= 31 else m.group(),
                  text)
    return re.sub(rf"\b({_MONTH_RE}),? (\d{{4}})\b", lambda m: f"{m.group(1)} {year(int(m[2]))}",
                  text)


_MARK = r"(?P<mark>A-M|P-M|[ap]\.?m\b\.?|[AP]\.?M\b\.?)"


def _clock(h: int, mins: str | None, mark: str | None) -> str:
    hour = cardinal(h)
    if mark:
        mark = "A-M" if mark[0] in "aA" else "P-M"
    if not mins or mins == "00":
        if mark:
            return f"{hour} {mark}"
        if h == 0 or h == 24:
            return "midnight"
        return f"{hour} hundred" if h > 12 else f"{hour} o'clock"
    m = int(mins)
    said = f"{hour} {'oh ' if m < 10 else ''}{cardinal(m)}"
    return f"{said} {mark}" if mark else said


def _times(text: str) -> str:
    text = re.sub(r"(?<![\w.:])(\d{1,2})(?:[:.](\d{2}))?\s?" + _MARK,
                  lambda m: _clock(int(m[1]), m[2], m["mark"]) + (
                      "." if m["mark"].endswith(".") and _keep_period(text, m.end()) else "")
                  if 1 <= int(m[1]) <= 12 else m.group(), text)
    return re.sub(r"(?<![\w.:])(\d{1,2}):(\d{2})(?![\d:])",
                  lambda m: _clock(int(m[1]), m[2], None)
                  if int(m[1]) <= 24 and int(m[2]) < 60 else m.group(), text)


_CURRENCY = {"US$": ("U-S dollar", "cent"), "A$": ("Australian dollar", "cent"),
             "C$": ("Canadian dollar", "cent"), "HK$": ("Hong Kong dollar", "cent"),
             "NZ$": ("New Zealand dollar", "cent"), "$": ("dollar", "cent"),
             "€": ("euro", "cent"), "£": ("pound", "penny"), "¥": ("yen", "")}
_PLURALS = {"penny": "pence", "yen": "yen", "foot": "feet", "inch": "inches"}
_CUR_RE = "|".join(re.escape(c) for c in _CURRENCY)
_MAGNITUDE = {"thousand": "thousand", "k": "thousand", "million": "million", "m": "million",
              "mn": "million", "billion": "billion", "bn": "billion", "b": "billion",
              "trillion": "trillion", "tn": "trillion", "trn": "trillion"}
_MAG_RE = r"(?:\s?(?P<mag{0}>" + "|".join(sorted(_MAGNITUDE, key=len, reverse=True)) + r")\b)?"
_MONEY = re.compile(rf"{SIGN}(?P<cur>{_CUR_RE})\s?(?P<a>{NUM}){_MAG_RE.format(1)}"
                    rf"(?:(?:\s?[-–]\s?|\s+to\s+)(?:{_CUR_RE})?\s?(?P<b>{NUM}){_MAG_RE.format(2)})?"
                    + _END)
_NOT_NOUN = frozenset("of in on at to for from by with and or but a an the that which who "
                      "is was are were will would has have had be been each per".split())


def _plural_of(name: str) -> str:
    """Pluralize the head noun: 'mile per hour' -> 'miles per hour', 'square foot' -> 'square feet'."""
    words = name.split()
    i = 0 if "per" in words or words[0] == "degree" else len(words) - 1
    words[i] = _PLURALS.get(words[i], words[i] + "s")
    return " ".join(words)


def _adjectival(text: str, m: re.Match[str]) -> bool:
    """'a $5 bill', 'a 10 km walk': the amount modifies a noun, so its unit stays singular."""
    nxt = re.match(r"\s+([a-z]+)\b", text[m.end():])
    return (_prev_word(text, m.start()).lower() in ("a", "an") and bool(nxt)
            and nxt.group(1) not in _NOT_NOUN)


def _joiner(text: str, m: re.Match[str]) -> str:
    return " and " if _prev_word(text, m.start()).lower() == "between" else " to "


def _amount(s: str, cur: str, mag: str | None, adjectival: bool = False) -> str:
    one, sub_one = _CURRENCY[cur]
    whole, _, frac = s.replace(",", "").partition(".")
    many = one if adjectival else _plural_of(one)
    if mag:
        return f"{number(s)} {_MAGNITUDE[mag]} {many}"
    if len(frac) == 2 and sub_one:
        main = f"{cardinal(int(whole))} {one if whole == '1' else many}"
        sub = f"{cardinal(int(frac))} {sub_one if frac == '01' else _plural_of(sub_one)}"
        return sub if whole == "0" else main if frac == "00" else f"{main} and {sub}"
    return f"{number(s)} {one if s == '1' else many}"


def _money(text: str) -> str:
    def money(m: re.Match[str]) -> str:
        cur, a, b, mag1, mag2 = m["cur"], m["a"], m["b"], m["mag1"], m["mag2"]
        sign, adj = ("minus " if m["sign"] == "-" else ""), _adjectival(text, m)
        if not b:
            return sign + _amount(a, cur, mag1, adj)
        if not (mag1 or mag2) and re.search(r"\.\d\d$", a + " " + b):
            return f"{sign}{_amount(a, cur, None)}{_joiner(text, m)}{_amount(b, cur, None)}"
        first = number(a) + (f" {_MAGNITUDE[mag1]}" if mag1 else "")
        return f"{sign}{first}{_joiner(text, m)}{_amount(b, cur, mag2, adj)}"

    return _MONEY.sub(money, text)


def _percents(text: str) -> str:
    return re.sub(rf"{SIGN}(?P<a>{NUM})(?:\s?[-–]\s?(?P<b>{NUM}))?\s?%",
                  lambda m: number(m["a"], m["sign"]) + (
                      _joiner(text, m) + number(m["b"]) if m["b"] else "") + " percent", text)


_UNITS = {"km/h": "kilometer per hour", "kph": "kilometer per hour", "mph": "mile per hour",
          "km²": "square kilometer", "km2": "square kilometer", "sq km": "square kilometer",
          "sq ft": "square foot", "m²": "square meter", "km": "kilometer", "cm": "centimeter",
          "mm": "millimeter", "kg": "kilogram", "mg": "milligram", "g": "gram", "lbs": "pound",
          "lb": "pound", "oz": "ounce", "ft": "foot", "mi": "mile", "yd": "yard",
          "ml": "milliliter", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
          "kWh": "kilowatt hour", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
          "°C": "degree Celsius", "°F": "degree Fahrenheit", "°": "degree", "hrs": "hour",
          "mins": "minute", "in": "inch", "C": "degree Celsius", "F": "degree Fahrenheit",
          "m": "meter"}
_ATTACHED_ONLY = {"in", "C", "F"}  # "6ft 2in", "30C": with a space they are other words
_METER_PLURAL = frozenset("tall high long wide deep away above below from in of into "
                          "under".split())
_METER_NOUNS = frozenset("sprint race hurdles freestyle backstroke breaststroke butterfly "
                         "medley relay dash final record drop fall wall".split())
_UNIT_RE = re.compile(rf"{SIGN}(?P<a>{NUM})(?:\s?[-–]\s?(?P<b>{NUM}))?(?P<sp>\s?)(?P<u>"
                      + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
                      + r")(?![\w²])")


def _units(text: str) -> str:
    def unit(m: re.Match[str]) -> str:
        u = m["u"]
        if u in _ATTACHED_ONLY and m["sp"]:
            return m.group()
        said = number(m["a"], m["sign"]) + (_joiner(text, m) + number(m["b"]) if m["b"] else "")
        adjectival = _adjectival(text, m)
        if u == "m":
            nxt = re.match(r"\s+([a-z]+)", text[m.end():])
            if nxt and nxt.group(1) in _METER_NOUNS:
                adjectival = True
            elif nxt and nxt.group(1) not in _METER_PLURAL:
                return f"{said} million"
        singular = adjectival or (m["a"] == "1" and not m["b"])
        return f"{said} {_UNITS[u] if singular else _plural_of(_UNITS[u])}"

    return _UNIT_RE.sub(unit, text)


# --- 4. other number shapes ------------------------------------------------------------------

_PHONE = re.compile(r"(?<![\w.+-])(?:\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,5}"
                    r"|(?:1[.-])?(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}|\d{3}-\d{4})(?![\w-]|\.\d)")


def _phones(text: str) -> str:
    def phone(m: re.Match[str]) -> str:
        groups = re.findall(r"\d+", m.group())
        if len(groups) == 2 and all(int(g) % 100 == 0 for g in groups):
            return m.group()  # "100-2000" is a range, not a number to dial
        said = ", ".join(digits(g) for g in groups)
        return ("plus " if m.group().startswith("+") else "") + said

    return _PHONE.sub(phone, text)


_SPECIAL_PAIRS = {("24", "7"): f"{cardinal(24)} {cardinal(7)}",
                  ("9", "11"): f"{cardinal(9)} {cardinal(11)}",
                  ("50", "50"): f"{cardinal(50)}-{cardinal(50)}"}


def _fraction(whole: str | None, num: int, den: int) -> str:
    name = ({2: "half", 4: "quarter"}.get(den) or ordinal(den))
    if num != 1:
        name = "halves" if den == 2 else name + "s"
    if whole:
        return f"{cardinal(int(whole))} and {'a' if num == 1 else cardinal(num)} {name}"
    return f"{cardinal(num)} {name}"


def _fractions(text: str) -> str:
    def frac(m: re.Match[str]) -> str:
        whole, a, b = m["w"], m["a"], m["b"]
        if (a, b) in _SPECIAL_PAIRS and not whole:
            return _SPECIAL_PAIRS[(a, b)]
        if int(a) < int(b) <= 16 and not a.startswith("0") and not m["c"]:
            return _fraction(whole, int(a), int(b))
        parts = [p for p in (whole, a, b, m["c"]) if p]
        said = [year(int(p)) if len(p) == 4 and 1100 <= int(p) < 2100 else number(p)
                for p in parts[-3 if m["c"] else -2:]]
        return (number(whole) + " " if whole and not m["c"] else "") + " slash ".join(said)

    return re.sub(r"(?<![\w.,/])(?:(?P<w>\d+) )?(?P<a>\d+)/(?P<b>\d+)(?:/(?P<c>\d+))?(?![\w/])",
                  frac, text)


def _decades(text: str) -> str:
    def decade(m: re.Match[str]) -> str:
        n = int(m[1])
        if len(m[1]) == 4 and 1000 <= n < 2100:
            return _plural(year(n))
        return _plural(cardinal(n))

    text = re.sub(r"(?<![\w.,])'(\d0)s\b", decade, text)
    return re.sub(r"(?<![\w.,'])(\d*0)'?s\b", decade, text)


def _ranges(text: str) -> str:
    def rng(m: re.Match[str]) -> str:
        a, b = m["a"], m["b"]
        if re.fullmatch(r"\d{4}", a) and 1100 <= int(a) < 2100 and re.fullmatch(r"\d{2}|\d{4}", b):
            end = int(a[:2] + b) if len(b) == 2 else int(b)
            if end > int(a) and end < 2100:
                return f"{year(int(a))} to {year(end)}"
        if "." not in a + b and float(b.replace(",", "")) <= float(a.replace(",", "")) \
                and len(a) <= 2 and len(b) <= 2:
            return f"{number(a)}-{number(b)}"  # a score or a vote: "won 3-1"
        return f"{number(a, m['sign'])}{_joiner(text, m)}{number(b)}"

    return re.sub(rf"{SIGN}(?P<a>{NUM})(?:-|\s?–\s?)(?P<b>{NUM})(?![\w/-]|[.,]\d)", rng, text)


def _ordinals(text: str) -> str:
    return re.sub(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b",
                  lambda m: ordinal(int(m[1].replace(",", ""))), text)


def _say_letters(run: str) -> str:
    if run.upper() in WORD_ACRONYMS or (len(run) > 3 and not run.isupper()):
        return run
    return spell(run)


def _identifiers(text: str) -> str:
    text = re.sub(r"\b([Ff]light|Boeing|Airbus)\s+(\d{3,4})\b",
                  lambda m: f"{m[1]} {paired(m[2])}", text)

    def ident(m: re.Match[str]) -> str:
        runs = re.findall(r"[A-Za-z]+|\d+", m.group())
        return "-".join(_say_letters(r) if r[0].isalpha() else paired(r) for r in runs)

    text = re.sub(r"\b(?:[A-Z]{1,6}|Covid)-\d+\b(?!-\d)", ident, text)
    return re.sub(r"(?<![\w-])(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z\d]*\b", ident, text)


# --- 5. years and plain numbers -------------------------------------------------------------

_STRONG_YEAR_PREV = frozenset("since until till during circa year mid early late spring summer "
                              "autumn fall winter".split()) | {m.lower() for m in MONTHS}
_WEAK_YEAR_PREV = frozenset("in by of from before after around".split())
_YEAR_NOUNS = frozenset("election elections midterms census budget season olympics games "
                        "levels figures goals targets accords protests riots floods "
                        "championships finals polls results prices standards".split())
_COUNT_WORDS = frozenset("people children men women police staff personnel feet sheep fish "
                         "cattle more new other additional extra further".split())
_NOT_PLURAL = frozenset("is was has as its this his us yes thus plus less unless always "
                        "perhaps sees says does goes marks brings remains saw".split())


def _is_year(text: str, m: re.Match[str]) -> bool:
    """Count nouns after the number ("1500 people") make it a cardinal; otherwise a
    number in 1100-2099 is read as a year, as is 1000-1099 after "in", "since" etc."""
    nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():])
    word = nxt.group(1) if nxt else ""
    prev = _prev_word(text, m.start()).lower()
    if word.lower() in _YEAR_NOUNS or prev in _STRONG_YEAR_PREV:
        return True
    plural = bool(re.fullmatch(r"[a-z]+[^su]s", word)) and word not in _NOT_PLURAL
    if plural or word in _COUNT_WORDS:
        return False
    return int(m[1]) >= 1100 or prev in _WEAK_YEAR_PREV


def _years(text: str) -> str:
    return re.sub(r"(?<![\w.,$])(?<!\d-)(1\d\d\d|20\d\d)" + _END,
                  lambda m: year(int(m[1])) if _is_year(text, m) else m.group(), text)


def _cardinals(text: str) -> str:
    text = re.sub(rf"{SIGN}(?P<n>{NUM})", lambda m: number(m["n"], m["sign"]), text)
    text = re.sub(r"(?<![\w.])\.(\d+)\b", lambda m: "point " + digits(m[1]), text)

    def leftover(m: re.Match[str]) -> str:  # digits glued to letters or odd separators
        pre = " " if m.start() and text[m.start() - 1].isalpha() else ""
        post = " " if m.end() < len(text) and text[m.end()].isalpha() else ""
        return f"{pre}{number(m.group())}{post}"

    return re.sub(r"\d+", leftover, text)


# --- 6. letters and symbols ------------------------------------------------------------------

WORD_ACRONYMS = frozenset("NATO NASA UNESCO UNICEF COVID OPEC AIDS FIFA UEFA NAFTA FEMA OSHA "
                          "ASEAN NASDAQ SWAT SARS MERS INTERPOL SCOTUS POTUS BAFTA NIMBY RADAR "
                          "LASER LIDAR SONAR ISIS ICE PIN GIF BRICS NOAA CERN OFCOM OFSTED DEFRA "
                          "ACAS DARPA AIPAC NASCAR FTSE".split())
INITIALISMS = frozenset("FBI CIA NHS BBC CEO CFO CTO US UK EU UN USA UAE IMF GDP NBA NFL CNN "
                        "ABC NBC CBS ITV AI EPA FDA CDC IRS SEC GOP MP MPs PM DNA HIV ATM CCTV "
                        "ACLU NYPD LAPD IAEA OECD ECB ICC IOC WTO".split())
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
        return "-and-".join(spell(p) for p in tok.split("&")) + suffix
    if tok == "FTSE":
        return "Footsie" + suffix
    prev = _prev_word(text, m.start())
    if tok in _ROMAN and prev[:1].isupper() and not suffix:
        if prev in _ROMAN_CARDINAL_PREV:
            return cardinal(_ROMAN[tok]).title()
        return "the " + ordinal(_ROMAN[tok]).title()
    if tok in WORD_ACRONYMS:
        return m.group()
    if tok in INITIALISMS or (not shouting and (len(tok) <= 3 or not _pronounceable(tok))):
        return spell(tok) + ("'s" if suffix else "")
    return m.group()


def _initialisms(text: str) -> str:
    out = []
    for line in text.split("\n"):
        shouting = not any(c.islower() for c in line)
        out.append(re.sub(r"(?<![\w&'])(?P<tok>[A-Z]+(?:&[A-Z]+)+|[A-Z]{2,})(?P<suf>'s|s)?"
                          r"(?![\w&])", lambda m: _initialism(line, m, shouting), line))
    return "\n".join(out)


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
    text = re.sub(r"\s*°", " degrees", text)
    return re.sub(r"\s*%", " percent", text)


def _tidy_spaces(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text)


PIPELINE: tuple[Rule, ...] = (
    _clean_unicode, _addresses, _abbreviations, _pre_symbols, _dates, _times,
    _money, _percents, _units, _phones, _fractions, _decades, _ranges,
    _ordinals, _identifiers, _years, _cardinals, _initialisms, _symbols, _tidy_spaces,
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
