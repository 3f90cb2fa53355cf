"""Spanish dates and clock times for :mod:`briefcast.normalize_es`.

Dates are read day first, as every Spanish-speaking country writes them: "03/12/2026",
"3-12-2026", "3.12.2026" and ISO "2026-12-03" all become "tres de diciembre de dos mil
veintiséis"; years are plain cardinals. The first of the month is "uno" or "primero" as
the show's :class:`~briefcast.normalize_es_numbers.Convention` says.

Times are read the way Spanish radio gives the 24-hour clock: "23:40" -> "las veintitrés
cuarenta", "9:05" -> "las nueve y cinco", "9:00 h" -> "las nueve", "a las 9.30" -> "a las
nueve treinta". The article "las" ("la" for one o'clock) is added unless the text has it;
"h" after a time is dropped. "2:03:45" is a duration; "3:1" (one digit after the colon)
a ratio or score.
"""

from __future__ import annotations

import functools
import re

from briefcast.normalize_es_numbers import (
    HAS_DIGIT,
    MONTH_RE,
    MONTHS,
    Convention,
    Gender,
    cardinal,
    keep_period,
    prev_word,
)


def _year(y: str) -> str:
    return cardinal(int(y) + (2000 if len(y) == 2 else 0))


def _day(d: int, conv: Convention) -> str:
    return conv.first_of_month if d == 1 else cardinal(d)


def say_dates(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text

    def date(d: int, mo: int, y: str) -> str | None:
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return f"{_day(d, conv)} de {MONTHS[mo - 1]} de {_year(y)}"

    text = re.sub(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])",
                  lambda m: date(int(m[3]), int(m[2]), m[1]) or m.group(), text)
    text = re.sub(r"(?<![\w./,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|[.,]\d)",
                  lambda m: date(int(m[1]), int(m[3]), m[4]) or m.group(), text)
    return re.sub(rf"(?<![\w.,])1(?=\s+de\s+(?:{MONTH_RE})\b)", conv.first_of_month, text)


def _clock(text: str, m: re.Match[str]) -> str:
    h, mins = int(m["h"]), int(m["m"] or 0)
    if h > 24 or mins > 59:
        return m.group()
    said = cardinal(h, "f")
    if mins:
        said += f" y {cardinal(mins)}" if mins < 10 else f" {cardinal(mins)}"
    if prev_word(text, m.start()).lower() not in ("la", "las"):
        said = ("la " if h == 1 else "las ") + said
    return said + (keep_period(text, m.end()) if m.group().endswith(".") else "")


def _duration(m: re.Match[str]) -> str:
    """'2:03:45' (a race time) -> dos horas, tres minutos y cuarenta y cinco segundos."""
    units: tuple[tuple[int, str, Gender], ...] = (
        (int(m[1]), "hora", "f"), (int(m[2]), "minuto", "m"), (int(m[3]), "segundo", "m"))
    parts = [f"{cardinal(v, g)} {unit if v == 1 else unit + 's'}" for v, unit, g in units if v]
    if not parts:
        return "cero segundos"
    return ", ".join(parts[:-1]) + " y " + parts[-1] if len(parts) > 1 else parts[0]


_H = r"(?:\s?(?:h|hrs?)\b\.?)?"
_COLON = rf"(?<![\w.:,])(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?![\d:]){_H}"
_DOTS = (rf"(?:(?<=\blas )|(?<=\bla ))(?P<h>\d{{1,2}})\.(?P<m>\d{{2}})(?![\d.,]\d|\d){_H}",
         r"(?<![\w.:,])(?P<h>\d{1,2})\.(?P<m>\d{2})\s?(?:h\b\.?|(?=horas\b))")
_TIME = rf"(?:\d{{1,2}}[:.]\d\d{_H}|(?<=las )\d{{1,2}}\s?h\b\.?)"


def say_times(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(rf"(?<![\w.:,])({_TIME})\s?[-–]\s?(?={_TIME})", r"\1 a ", text)  # 9:00-14:00
    text = re.sub(r"(?<![\w.:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])", _duration, text)
    text = re.sub(_COLON, lambda m: _clock(text, m), text)
    for dotted in _DOTS:  # "a las 9.30", "9.30 h": a dot is a clock's only with these
        text = re.sub(dotted, functools.partial(_clock, text), text)
    text = re.sub(r"(?<=\ba la )1\b(?![.,:]\d)", "una", text)  # "a la 1 de la tarde"
    text = re.sub(r"(?<=\b[Ll]as )(\d{1,2})\s?h\b(\.?)",  # "a las 9 h": the h is not said
                  lambda m: cardinal(int(m[1]), "f") + (keep_period(text, m.end())
                                                        if m[2] else ""), text)
    # a ratio or a score, never a clock with one minute digit: "un 3:1", "ganó 2:0"
    return re.sub(r"(?<![\w.:,])(\d{1,3}):(\d{1,3})(?![\w:]|[.,]\d)",
                  lambda m: f"{cardinal(int(m[1]))} a {cardinal(int(m[2]))}", text)
