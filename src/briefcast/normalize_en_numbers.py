"""English number readings for :mod:`briefcast.normalize_en`.

Decides how each written number is said -- cardinal, ordinal, year ("nineteen oh five"),
paired ("seven thirty-seven"), digit by digit, dates, times -- and rewrites it in words
(money, percentages and units are in :mod:`briefcast.normalize_en_measures`). The words
themselves always come from num2words; this module only tidies them to the house style
(no commas, no British "and"). The ``say_*`` rules are pure
``str -> str`` functions meant to run in the order :data:`briefcast.normalize_en.PIPELINE`
gives them, so the most specific reading claims a number first.
"""

from __future__ import annotations

import re

from num2words import num2words

from briefcast.english import MONTHS

# --- number readings (words from num2words; only tidied here) -------------------------


def _tidy(words: str) -> str:
    """num2words' "en" is British: drop "and" and commas, "oh-five" -> "oh five"."""
    return words.replace(",", "").replace(" and ", " ").replace("oh-", "oh ")


def cardinal(n: int) -> str:
    """103 -> 'one hundred three'."""
    return _tidy(num2words(n, lang="en"))


def ordinal(n: int) -> str:
    """22 -> 'twenty-second'."""
    return _tidy(num2words(n, lang="en", to="ordinal"))


def year(n: int) -> str:
    """1905 -> 'nineteen oh five', 2008 -> 'two thousand eight', 2025 -> 'twenty twenty-five'."""
    return _tidy(num2words(n, lang="en", to="year"))


def digits(s: str) -> str:
    """'0142' -> 'zero one four two'."""
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
    if (len(s) > 1 and s.startswith("0")) or len(s) > 4:
        return digits(s)
    if len(s) <= 2 or s.endswith("00"):
        return cardinal(int(s))
    if len(s) == 4:
        return year(int(s))
    tail = f"oh {cardinal(int(s[2]))}" if s[1] == "0" else cardinal(int(s[1:]))
    return f"{cardinal(int(s[0]))} {tail}"


def _plural(words: str) -> str:
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


HAS_DIGIT = re.compile(r"\d").search  # every number rule needs one; most sentences have none
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SIGN = r"(?:(?<![^\s(\[])(?P<sign>[-+]))?(?<![\w.,])"
END = r"(?![\w%°]|[.,]\d)"
_MONTH_RE = "|".join(MONTHS)
STARTERS = frozenset("The A An He She It They We I You But And Or So In On At As For This "
                      "That These Those There Its His Her Their Our All Some Many Most No Both "
                      "Each Every".split())
_CONTINUATIONS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday ET EST EDT "
                           "PT PST PDT CT CST GMT BST UTC CET".split()) | frozenset(MONTHS)


def keep_period(text: str, end: int, eager: bool = True) -> str:
    """'.' if an abbreviation's period also ends the sentence: at the end of the text or
    line, or before a capitalized word (eager) / a typical sentence opener (not eager,
    for "U.S. President"). Weekdays, months and time zones continue the sentence."""
    m = re.match(r"[ \t]*(?:\n|$)|\s+([A-Z][A-Za-z]*)", text[end:])
    if not m:
        return ""
    word = m.group(1)
    if word is None or (word in STARTERS if not eager else word not in _CONTINUATIONS):
        return "."
    return ""


def prev_word(text: str, start: int) -> str:
    """The last word before ``start`` ('' if none), skipping punctuation and spaces."""
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 80):start])
    return m.group(1) if m else ""


def sentence_start(text: str, start: int) -> bool:
    """True if only quotes/brackets separate ``start`` from a sentence boundary."""
    before = text[:start].rstrip(" \t\"'“(")
    return not before or before[-1] in ".!?\n:;"


def joiner(text: str, m: re.Match[str]) -> str:
    """' and ' after "between" ("between 4 and 5%"), otherwise ' to '."""
    return " and " if prev_word(text, m.start()).lower() == "between" else " to "


# --- dates and times -------------------------------------------------------------------


_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:[-–](?P<d2>\d{1,2})(?:st|nd|rd|th)?)?"
_YEAR_TAIL = r"(?:(?P<comma>,?) (?P<y>\d{4})\b)?"


def say_dates(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def iso(m: re.Match[str]) -> str:
        y, mo, d = (int(g) for g in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        return f"{MONTHS[mo - 1]} {ordinal(d)}, {year(y)}"

    def date(m: re.Match[str]) -> str:
        days = [int(d) for d in (m["d"], m["d2"]) if d]
        if not all(1 <= d <= 31 for d in days):
            return m.group()
        tail = f" {year(int(m['y']))}" if m["y"] else ""
        if m.group().startswith(m["mon"]):  # "March 14, 2025"
            said = " to ".join(ordinal(d) for d in days)
            return f"{m['mon']} {said}" + (m["comma"] + tail if tail else "")
        the = "" if prev_word(text, m.start()).lower() == "the" else "the "
        said = " to the ".join(ordinal(d) for d in days)
        return f"{the}{said} of {m['mon']}{tail}"  # "14 March 2025"

    def numeric(m: re.Match[str]) -> str:  # "1/5/2025" (US: month first), "12.05.2024" (day)
        a, sep, b, y = int(m[1]), m[2], int(m[3]), year(int(m[4]))
        if sep == "/" and 1 <= a <= 12 and 1 <= b <= 31:
            return f"{MONTHS[a - 1]} {ordinal(b)}, {y}"
        if sep == "." and 1 <= b <= 12 and 1 <= a <= 31:
            the = "" if prev_word(text, m.start()).lower() == "the" else "the "
            return f"{the}{ordinal(a)} of {MONTHS[b - 1]} {y}"
        return m.group()

    text = re.sub(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])", iso, text)
    text = re.sub(r"(?<![\w./])(\d{1,2})([/.])(\d{1,2})\2((?:1[89]|20)\d\d)(?![\w/]|\.\d)",
                  numeric, text)
    text = re.sub(rf"\b(?P<mon>{_MONTH_RE}) {_DAY}\b(?![:.]\d|[-–]\d){_YEAR_TAIL}", date, text)
    text = re.sub(rf"(?<![\w.,-]){_DAY} (?P<mon>{_MONTH_RE})\b{_YEAR_TAIL}", date, text)
    return re.sub(rf"\b({_MONTH_RE}),? (\d{{4}})\b", lambda m: f"{m.group(1)} {year(int(m[2]))}",
                  text)


_MARK = r"(?P<mark>[ap]\.?m\b\.?|[AP]\.?M\b\.?)"


def _clock(h: int, mins: str | None, mark: str | None) -> str:
    hour = cardinal(h)
    if mark:
        mark = "A.M" if mark[0] in "aA" else "P.M"
    if not mins or mins == "00":
        if mark:
            return f"{hour} {mark}"
        if h == 0 or h == 24:
            return "midnight"
        return f"{hour} hundred" if h > 12 else f"{hour} o'clock"
    m = int(mins)
    said = f"{hour} {'oh ' if m < 10 else ''}{cardinal(m)}"
    return f"{said} {mark}" if mark else said


def _duration(m: re.Match[str]) -> str:
    """'2:03:45' (a race time) -> two hours, three minutes and forty-five seconds."""
    parts = [f"{cardinal(v)} {unit}{'' if v == 1 else 's'}" for v, unit in
             zip((int(m[1]), int(m[2]), int(m[3])), ("hour", "minute", "second"), strict=True)
             if v]
    if not parts:
        return f"{cardinal(0)} seconds"
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


_CLOCK_RANGE = re.compile(r"(?<![\w.:])(\d{1,2}(?:[:.]\d\d)?(?:\s?[ap]\.?m\b\.?)?)\s?[-–]\s?"
                          r"(?=\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\b)", re.IGNORECASE)


def say_times(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    text = _CLOCK_RANGE.sub(r"\1 to ", text)  # "7am-8pm", "9-11 a.m."
    text = re.sub(r"(?<![\w.:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])", _duration, text)
    text = re.sub(r"(?<![\w.:])(\d{1,2})(?:[:.](\d{2}))?\s?" + _MARK,
                  lambda m: _clock(int(m[1]), m[2], m["mark"]) + (
                      "." if m["mark"].endswith(".") and keep_period(text, m.end()) else "")
                  if 1 <= int(m[1]) <= 12 else m.group(), text)
    text = re.sub(r"(?<![\w.:])(\d{1,2}):(\d{2})(?![\d:])",
                  lambda m: _clock(int(m[1]), m[2], None)
                  if int(m[1]) <= 24 and int(m[2]) < 60 else m.group(), text)
    # a ratio or odds, never a clock with one minute digit: "a 3:1 ratio"
    return re.sub(r"(?<![\w.:])(\d{1,3}):(\d{1,3})(?![\w:]|[.,]\d)",
                  lambda m: f"{cardinal(int(m[1]))} to {cardinal(int(m[2]))}", text)


# --- other number shapes ------------------------------------------------------------------

_PHONE = re.compile(r"(?<![\w.+-])(?:\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,5}"
                    r"|(?:1[.-])?(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}|\d{3}-\d{4}"
                    r"|0\d{2,4}(?:[ -]\d{3,4}){2})"  # UK style: 020 7946 0958
                    r"(?![\w-]|\.\d)")


def say_phones(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def phone(m: re.Match[str]) -> str:
        groups = re.findall(r"\d+", m.group())
        if len(groups) == 2 and all(g.endswith("0") for g in groups) and groups[1][0] != "0":
            return m.group()  # "150-1200 people" is a range, not a number to dial
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


def _is_season(a: str, b: str) -> bool:
    """'2023/24', '2023/2024', '2019-20': a year then the next one."""
    return (len(a) == 4 and 1100 <= int(a) < 2100 and len(b) in (2, 4)
            and int(b) == (int(a) + 1) % (100 if len(b) == 2 else 10000))


def say_fractions(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def frac(m: re.Match[str]) -> str:
        whole, a, b = m["w"], m["a"], m["b"]
        if (a, b) in _SPECIAL_PAIRS and not whole:
            return _SPECIAL_PAIRS[(a, b)]
        if int(a) < int(b) <= 16 and not a.startswith("0") and not m["c"]:
            return _fraction(whole, int(a), int(b))
        if not (whole or m["c"]) and _is_season(a, b):  # "the 2023/24 season"
            return f"{year(int(a))} to {year(int(a) + 1)}"
        parts = [p for p in (whole, a, b, m["c"]) if p]
        said = [year(int(p)) if len(p) == 4 and 1100 <= int(p) < 2100 else number(p)
                for p in parts[-3 if m["c"] else -2:]]
        return (number(whole) + " " if whole and not m["c"] else "") + " slash ".join(said)

    return re.sub(r"(?<![\w.,/])(?:(?P<w>\d+) )?(?P<a>\d+)/(?P<b>\d+)(?:/(?P<c>\d+))?(?![\w/])",
                  frac, text)


def say_decades(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def decade(m: re.Match[str]) -> str:
        n = int(m[1])
        if n in (100, 1000):  # "1000s of fans"
            return "hundreds" if n == 100 else "thousands"
        if len(m[1]) == 4 and 1000 <= n < 2100:
            return _plural(year(n))
        return _plural(cardinal(n))

    text = re.sub(r"(?<![\w.,])'(\d0)s\b", decade, text)
    text = re.sub(r"(?<![\w'])'(\d\d)\b(?![\w'])",  # "the class of '08"
                  lambda m: ("oh " if m[1][0] == "0" else "") + cardinal(int(m[1])), text)
    return re.sub(r"(?<![\w.,'])(\d*0)'?s\b", decade, text)


def say_ranges(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def rng(m: re.Match[str]) -> str:
        a, b = m["a"], m["b"]
        if re.fullmatch(r"\d{4}", a) and 1100 <= int(a) < 2100 and re.fullmatch(r"\d{2}|\d{4}", b):
            end = int(a[:2] + b) if len(b) == 2 else int(b)
            if end > int(a) and end < 2100:
                return f"{year(int(a))} to {year(end)}"
        return f"{number(a, m['sign'])}{joiner(text, m)}{number(b)}"

    return re.sub(rf"{SIGN}(?P<a>{NUM})(?:-|\s?–\s?)(?P<b>{NUM})(?![\w/-]|[.,]\d)", rng, text)


def say_ordinals(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    return re.sub(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b",
                  lambda m: ordinal(int(m[1].replace(",", ""))), text)


# --- years and plain numbers -------------------------------------------------------------

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
    prev = prev_word(text, m.start()).lower()
    if word.lower() in _YEAR_NOUNS or prev in _STRONG_YEAR_PREV:
        return True
    plural = bool(re.fullmatch(r"[a-z]+[^su]s", word)) and word not in _NOT_PLURAL
    if plural or word in _COUNT_WORDS:
        return False
    if int(m[1]) >= 2100:  # "by 2100", "the 2100 target": only with a year word nearby
        return prev in _WEAK_YEAR_PREV
    return int(m[1]) >= 1100 or prev in _WEAK_YEAR_PREV


def say_years(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    return re.sub(r"(?<![\w.,$])(?<!\d-)(1\d\d\d|2[01]\d\d)" + END,
                  lambda m: year(int(m[1])) if _is_year(text, m) else m.group(), text)


def say_cardinals(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.])\d+(?:\.\d+){2,}\b",  # version numbers: 2.0.1
                  lambda m: " point ".join(cardinal(int(p)) for p in m.group().split(".")), text)
    text = re.sub(rf"{SIGN}(?P<n>{NUM})", lambda m: number(m["n"], m["sign"]), text)
    text = re.sub(r"(?<![\w.])\.(\d+)\b", lambda m: "point " + digits(m[1]), text)

    def leftover(m: re.Match[str]) -> str:  # digits glued to letters or odd separators
        pre = " " if m.start() and text[m.start() - 1].isalpha() else ""
        post = " " if m.end() < len(text) and text[m.end()].isalpha() else ""
        return f"{pre}{number(m.group())}{post}"

    return re.sub(r"\d+", leftover, text)
