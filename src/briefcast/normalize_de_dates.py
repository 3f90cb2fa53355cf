"""German dates, clock times, scores and phone numbers for :mod:`briefcast.normalize_de`.

"3.12.2026" and "3. Dezember 2026" are said with the month's name and the year read as a
year ("am dritten Dezember zweitausendsechsundzwanzig"); "23:40 Uhr" is "dreiundzwanzig
Uhr vierzig"; "3:1" is a score ("drei zu eins") when it cannot be a time or the sentence
is about a match; phone numbers are read digit by digit in their written groups. Pure
``str -> str`` rules, run in the order :data:`briefcast.normalize_de.PIPELINE` gives.
"""

from __future__ import annotations

import re

from briefcast.normalize_de_numbers import (
    HAS_DIGIT,
    MONTH_RE,
    MONTHS,
    cardinal,
    digits,
    keep_period,
    ordinal,
    ordinal_ending,
    prev_word,
    upper_first,
    year,
)


def _month(name: str) -> str:
    return "Januar" if name == "Jänner" else name


def _day(text: str, start: int, d: int) -> str:
    return ordinal(d, ordinal_ending(text, start, date=True))


def say_dates(text: str) -> str:
    """'3.12.2026', '2026-12-03', '3. Dezember 2026', '3.–5. Mai', 'Dezember 1998'."""
    if not HAS_DIGIT(text):
        return text

    def iso(m: re.Match[str]) -> str:
        y, mo, d = (int(g) for g in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        return f"{_day(text, m.start(), d)} {MONTHS[mo - 1]} {year(y)}"

    def numeric(m: re.Match[str]) -> str:
        d, mo = int(m["d"]), int(m["m"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return m.group()
        said = f"{_day(text, m.start(), d)} {MONTHS[mo - 1]}"
        if m["y"]:
            y = int(m["y"])
            return f"{said} {year(y) if len(m['y']) == 4 else cardinal(y)}"
        return said + keep_period(text, m.end())

    def named(m: re.Match[str]) -> str:
        days = [int(d) for d in (m["d"], m["d2"]) if d]
        if not all(1 <= d <= 31 for d in days):
            return m.group()
        ending = ordinal_ending(text, m.start(), date=True)
        link = " und " if m["link"] in ("/", "und") else " bis "
        said = link.join(ordinal(d, ending) for d in days) + " " + _month(m["mon"])
        return said + (f" {year(int(m['y']))}" if m["y"] else "")

    text = re.sub(r"(?<![\w.-])(\d{4})-(\d{2})-(\d{2})(?![\w-])", iso, text)
    text = re.sub(r"(?<![\w.,:])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?![\w.]\d)",
                  numeric, text)
    text = re.sub(r"(?<![\w.,:])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?:(?P<y>\d{2})(?![\w.,]))?"
                  r"(?![\w]|\.\d)", numeric, text)
    text = re.sub(rf"(?<![\w.,:])(?P<d>\d{{1,2}})\.\s?(?:(?P<link>[–/-]|bis|und)\s?"
                  rf"(?P<d2>\d{{1,2}})\.\s?)?(?P<mon>{MONTH_RE})\b(?:\s(?P<y>\d{{4}})\b)?",
                  named, text)
    return re.sub(rf"\b({MONTH_RE}),? ((?:1[1-9]|20)\d\d)\b(?![.,]\d)",
                  lambda m: f"{_month(m[1])} {year(int(m[2]))}", text)


# --- clock times and scores -----------------------------------------------------------------


def _clock(h: str, mins: str | None) -> str:
    """'23', '40' -> 'dreiundzwanzig Uhr vierzig'; '1' -> 'ein Uhr'; minutes '00' unsaid."""
    hour = "ein" if int(h) == 1 else cardinal(int(h))
    if not mins or int(mins) == 0:
        return f"{hour} Uhr"
    return f"{hour} Uhr {cardinal(int(mins))}"


def _duration(m: re.Match[str]) -> str:
    """'2:03:45' (a race time) -> zwei Stunden, drei Minuten und fünfundvierzig Sekunden."""
    units = (("Stunde", "Stunden"), ("Minute", "Minuten"), ("Sekunde", "Sekunden"))
    parts = [f"eine {one}" if v == 1 else f"{cardinal(v)} {many}"
             for v, (one, many) in zip((int(m[1]), int(m[2]), int(m[3])), units, strict=True)
             if v]
    if not parts:
        return f"{cardinal(0)} Sekunden"
    return ", ".join(parts[:-1]) + " und " + parts[-1] if len(parts) > 1 else parts[0]


# A sentence about a match: its "2:1" is a score even where it could be a time.
_SPORT = re.compile(r"(?i)\b(?:spiel|sieg|niederlage|tor|tore|treffer|gewann|gewinnt|siegte|"
                    r"verlor|verliert|unterlag|besiegte|schlug|endstand|halbzeit|satz|sätze|"
                    r"elfmeter|remis|unentschieden|führung|ausgleich|trennten|derby|heimspiel|"
                    r"auswärtsspiel|finale|halbfinale|partie|pokal|liga|bundesliga|"
                    r"endete|stand|punkte)\w*")
_TIME_PREV = frozenset("um gegen ab bis seit von zwischen".split())


def _about_a_match(text: str, pos: int) -> bool:
    """Whether the sentence around ``pos`` talks about a match (only that sentence: a
    paragraph's sport story does not turn the next sentence's "14:30" into a score)."""
    start = max((m.end() for m in re.finditer(r"[.!?]\s", text[:pos])), default=0)
    end = re.search(r"[.!?](?:\s|$)", text[pos:])
    return bool(_SPORT.search(text[start:pos + (end.start() if end else len(text))]))


def say_times(text: str) -> str:
    """'23:40 Uhr', '9.30 Uhr', '9 Uhr', '9–17 Uhr', 'um 14:30', '2:03:45'; and scores."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,:])(\d{1,2})(?:[:.](\d{2}))?(?:\s?[-–]\s?|\s+bis\s+)"
                  r"(?=\d{1,2}(?:[:.]\d{2})?\s?Uhr\b)",
                  lambda m: (_clock(m[1], m[2]) if m[2] else cardinal(int(m[1]))) + " bis ",
                  text)
    text = re.sub(r"(?<![\w.,:])(\d{1,2})(?:[:.](\d{2}))?\s?Uhr\b",
                  lambda m: _clock(m[1], m[2]) if int(m[1]) <= 24 else m.group(), text)
    text = re.sub(r"(?<![\w.:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])", _duration, text)

    def clock_or_score(m: re.Match[str]) -> str:
        h, mins = m[1], m[2]
        prev = prev_word(text, m.start()).lower()
        is_time = (len(mins) == 2 and int(h) <= 24 and int(mins) < 60
                   and (not _about_a_match(text, m.start()) or prev in _TIME_PREV) and not m[3])
        if is_time:
            return _clock(h, mins)
        said = f"{cardinal(int(h))} zu {cardinal(int(mins))}"
        return upper_first(said.replace(" ", "-")) + "-" if m[3] else said  # "2:0-Sieg"

    text = re.sub(r"(?<![\w.:,])(\d{1,3}):(\d{1,3})(?:(-)(?=[A-ZÄÖÜ])|(?![\w:]|[.,]\d))",
                  clock_or_score, text)
    return re.sub(r"\b(um|gegen|ab|bis) (\d{1,2})\.(\d{2})(?![\w.,]|\.\d)",  # "um 9.30"
                  lambda m: f"{m[1]} {_clock(m[2], m[3])}"
                  if int(m[2]) <= 24 and int(m[3]) < 60 else m.group(), text)


# --- phone numbers ------------------------------------------------------------------------

_PHONE = re.compile(r"(?<![\w.,+-])(?:\+\d{1,3}(?:[ /-]?(?:\(0\)|\(\d{1,5}\)|\d{1,8})){2,6}"
                    r"|\(0\d{1,5}\)\s?\d{3,}(?:[ -]\d{2,})*"
                    r"|0\d{2,5}(?:\s?/\s?|[ -])\d{2,}(?:[ -]\d+)*)(?![\w]|[.,]\d)")
_PHONE_WORDS = re.compile(r"\b((?:Notruf|Telefon|Rufnummer|Hotline|Fax|Durchwahl|"
                          r"Servicenummer|Bürgertelefon)\w*:?\s+)(\d[\d /-]*\d|\d)(?![\w.,]\d)")


def _say_phone(number: str) -> str:
    groups = re.findall(r"\d+", number)
    return ("plus " if number.startswith("+") else "") + ", ".join(digits(g) for g in groups)


def say_phones(text: str) -> str:
    """'+49 30 1234567' -> 'plus vier neun, drei null, eins zwei ...'; 'Notruf 112'."""
    if not HAS_DIGIT(text):
        return text
    text = _PHONE.sub(lambda m: _say_phone(m.group()), text)
    return _PHONE_WORDS.sub(lambda m: m[1] + _say_phone(m[2]), text)
