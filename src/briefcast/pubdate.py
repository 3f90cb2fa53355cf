"""Publication dates from the wild: read one, and refuse what is not a plausible date.

Every date that enters briefcast from outside (HTML meta and JSON-LD, Markdown front matter,
RSS/Atom entries, episode records, ``--date``) goes through :func:`read_date`, so one
function decides what counts as a date. A value that is not a plausible publication time
comes back with no date and the reason it was ignored; the article then counts as undated
(kept, and taken to be from the middle of the edition's window), and the reason is reported.
One bad article must never stop the night.

What is plausible, and why:

- **Years 1990 to 2099**, as written. Content management systems write "no date" as a
  sentinel: 0001-01-01 (.NET and Go zero values), 0000-00-00 (MySQL), 1900-01-01 (SQL
  Server, spreadsheets), 1970-01-01 (Unix time 0), 9999-12-31 (the maximum). All fall
  outside; no news page on the web predates 1990 and a nightly briefing has no use for one.
  The bounds are fixed rather than taken from the clock or the edition so that reading a
  file gives the same answer on every run; a plausible date far from the edition is the
  edition window's business (it is reported as "not in the window").
- **UTC offsets within 14 hours** (the widest on Earth: Kiribati +14:00, Baker Island
  -12:00). "+99:00" is a typo or garbage, not a place.
- **No bare numbers.** Epoch seconds (or milliseconds? nobody says) are ambiguous, and
  feedparser turns "1732528800" into a date in 2017.

Inside these bounds no conversion to any time zone and no day arithmetic of a few days can
leave ``datetime``'s range (years 1 to 9999), which is what made such dates crash the night.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

EARLIEST_YEAR = 1990
LATEST_YEAR = 2099
MAX_OFFSET = dt.timedelta(hours=14)
_NOTE_CHARS = 60  # a date longer than this is quoted cut in reports

_BARE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_YEAR = re.compile(r"([+-]?\d+)-\d{1,2}-\d{1,2}(?:$|[T\s])")
_RFC_YEAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+"
                       r"(\d+)\b", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_OFFSET = re.compile(r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*([+-])(\d{2}):?(\d{2})?$")


@dataclass(frozen=True)
class PubDate:
    """A publication time read from a source, or why the date it gave was ignored."""

    when: dt.datetime | None = None  # aware, and plausible (see the module docstring)
    raw: str = ""  # what the source said, as text, for the report
    problem: str | None = None  # why it was ignored; None when valid or absent
    unreadable: bool = False  # the format was not understood (another reader may know it)

    @property
    def note(self) -> str | None:
        """The report line: "date '0001-01-01T00:00:00Z' ignored: out of range ..."."""
        if self.problem is None:
            return None
        raw = self.raw if len(self.raw) <= _NOTE_CHARS else self.raw[:_NOTE_CHARS] + "..."
        return f"date {raw!r} ignored: {self.problem}" if raw else self.problem


_BAD_OFFSET = "its UTC offset is impossible (the widest on Earth is 14 hours)"
_OUT_OF_RANGE = f"out of range (a plausible year is {EARLIEST_YEAR} to {LATEST_YEAR})"


def _bad(raw: str, problem: str, unreadable: bool = False) -> PubDate:
    return PubDate(None, raw, problem, unreadable)


def _year_problem(year: int) -> str | None:
    return None if EARLIEST_YEAR <= year <= LATEST_YEAR else _OUT_OF_RANGE


def checked(when: dt.datetime, tz: dt.tzinfo, raw: str = "") -> PubDate:
    """``when`` if plausible (a time without an offset is in ``tz``), else the reason not."""
    raw = raw or when.isoformat()
    if problem := _year_problem(when.year):
        return _bad(raw, problem)
    if when.tzinfo is None:
        when = when.replace(tzinfo=tz)
    try:
        offset = when.utcoffset()
    except (ValueError, OverflowError):
        offset = None
    if offset is None or abs(offset) > MAX_OFFSET:
        return _bad(raw, _BAD_OFFSET)
    return PubDate(when, raw)


def read_date(value: Any, tz: dt.tzinfo, raw: str = "") -> PubDate:
    """Read a publication date: ISO 8601, RFC 822, a ``datetime``/``date``, or a UTC
    ``time.struct_time`` (feedparser's); ``raw`` names it in the report if not ``value``.

    A time without an offset is the show's local time (``tz``); a bare date is local noon,
    the middle of its day: a 06:00 edition then carries the articles dated the day before,
    an 18:00 edition those dated the same day. ``None`` and blank text are no date at all
    (no problem to report); anything else that is not a plausible date has a ``problem``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return PubDate()
    if isinstance(value, bool):  # before int: True is an int
        return _bad(raw or str(value), "not a date")
    if isinstance(value, (int, float)):
        return _bad(raw or str(value), "a number, not a date")
    if isinstance(value, dt.datetime):
        return checked(value, tz, raw)
    if isinstance(value, dt.date):
        return checked(dt.datetime(value.year, value.month, value.day, 12), tz, raw)
    if isinstance(value, time.struct_time):
        if problem := _year_problem(value.tm_year):
            return _bad(raw or "{:04d}-{:02d}-{:02d}".format(*value[:3]), problem)
        try:
            utc = dt.datetime(*value[:6], tzinfo=dt.UTC)
        except (TypeError, ValueError):
            return _bad(raw, "not a date")
        return checked(utc, tz, raw)
    if not isinstance(value, str):
        return _bad(raw or _describe(value), "not a date")
    return _read_text(value.strip(), tz, raw or value.strip())


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _NOTE_CHARS else text[:_NOTE_CHARS] + "..."


def _read_text(text: str, tz: dt.tzinfo, raw: str) -> PubDate:
    if len(text) > 100:
        return _bad(raw, "not a date")
    if _NUMBER.fullmatch(text) and len(text) != 8:  # 20261125 is ISO 8601's basic form
        return _bad(raw, "a number, not a date")
    year = _ISO_YEAR.match(text) or _RFC_YEAR.search(text)
    # two-digit years are RFC 822's
    if year and len(year.group(1).lstrip("+-")) > 2 and (problem := _year_problem(int(year.group(1)))):
        return _bad(raw, problem)
    if offset := _OFFSET.search(text):
        hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
        if minutes > 59:
            return _bad(raw, f"not a date (its UTC offset has {minutes} minutes)")
        if dt.timedelta(hours=hours, minutes=minutes) > MAX_OFFSET:
            return _bad(raw, _BAD_OFFSET)
    if _BARE_DATE.fullmatch(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return _bad(raw, "not a date (no such day)")
        return checked(dt.datetime(day.year, day.month, day.day, 12), tz, raw)
    try:
        return checked(dt.datetime.fromisoformat(text), tz, raw)
    except ValueError:
        pass
    parts = email.utils.parsedate_tz(text)
    if parts is None:
        return _bad(raw, "not a date", unreadable=True)
    if problem := _year_problem(parts[0]):
        return _bad(raw, problem)
    seconds = parts[9]
    if seconds is not None and abs(seconds) > MAX_OFFSET.total_seconds():
        return _bad(raw, _BAD_OFFSET)
    try:
        naive = dt.datetime(*parts[:6])
    except (TypeError, ValueError):
        return _bad(raw, "not a date")
    zone = dt.timezone(dt.timedelta(seconds=seconds)) if seconds is not None else None
    return checked(naive.replace(tzinfo=zone) if zone else naive, tz, raw)


def first_date(readings: Iterable[PubDate]) -> PubDate:
    """The first valid reading; failing that the first problem (to report); else nothing."""
    problem = PubDate()
    for reading in readings:
        if reading.when is not None:
            return reading
        if reading.problem and problem.problem is None:
            problem = reading
    return problem


def require_date(value: Any) -> dt.datetime:
    """A plausible aware time from a record briefcast wrote itself (``episode.json``, its
    own feed), or ``ValueError``: there a bad date means a damaged file, not a sloppy site."""
    reading = read_date(value, dt.UTC)
    if reading.when is None:
        raise ValueError(reading.note or "date is missing")
    return reading.when
