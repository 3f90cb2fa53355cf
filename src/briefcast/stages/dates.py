"""Relative dates ("today", "last night", "on Monday") re-said for the day a show is heard.

An article says "today" meaning the day it was published; the briefing may be heard a day
or a week later. :func:`resolve_dates` reads each relative phrase against the publication
day (in the show's time zone) and names the same day again from the edition day.
:func:`date_phrases` lists the phrases it would write, so ``faithful.py`` can accept them
as the only words not taken from the article. Direct quotes are never re-dated.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from briefcast.english import MONTHS, WEEKDAYS
from briefcast.stages.quotes import in_spans, outside_quotes, quote_spans

MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"


@dataclass(frozen=True)
class DateFrame:
    """The two days a relative date is read against: when it was written, when it is heard."""

    published: dt.date  # the article's publication day in the show's time zone
    edition: dt.date
    exact: bool = True  # False: the day is assumed (an undated article), not known
    language: str = "en"  # the story's: German, Spanish, French rules are in dates_lang.py


def date_frame(published: dt.datetime | None, edition: dt.date | None,
               timezone: str = "UTC", exact: bool = True,
               language: str = "en") -> DateFrame | None:
    """The frame for rewriting, or None when there is nothing to rewrite.

    Without an edition date or a publication time relative dates are left as written.
    With an assumed publication day (``exact=False``) only "today", "yesterday" and the
    like are re-said; weekdays and weeks, which a day's error would turn into a wrong
    date, are left as written.
    """
    if edition is None or published is None:
        return None
    local = published.astimezone(zoneinfo.ZoneInfo(timezone)).date()
    return DateFrame(local, edition, exact, language)


# After "today's", words that mean nowadays rather than this date.
_ERA = re.compile(r"\s+(leading|growing|changing|emerging|existing|prevailing|booming|"
                  r"\w+est|modern|world|society|youth|generation|standards?|economy|"
                  r"market|technology|young|children|kids|teens|consumers|era|climate|"
                  r"media|culture|politics|families|cars|phones|computers|chips|workers|"
                  r"students|athletes|players|fans)\b", re.IGNORECASE)

_PARTS = {"morning": "morning", "afternoon": "afternoon", "evening": "evening",
          "night": "night", "tonight": "night"}
_RELATIVE = re.compile(
    r"\b(?:(today|yesterday|tomorrow)(?: (morning|afternoon|evening|night))?(’s|'s)?|"
    r"(this|last) (morning|afternoon|evening|night)(’s|'s)?|(tonight)(’s|'s)?|"
    r"(this|last|next) week)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:(on|early|late|since|until|till|by|from|through|before|after) )?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (morning|afternoon|evening|night))?\b(?!’s|'s|,? (?:the )?\d|,? " + MONTH_ABBR
    + r" ?\d|(?-i: [A-Z]))", re.IGNORECASE)
_FUTURE = re.compile(r"\b(will|’ll|'ll|(is|are) expected|expected to|scheduled|plans? to|"
                     r"set to|upcoming|until|till)\b", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(until|till|by|since|from|through|before|after|of|for)\s*$",
                          re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(\w{3,}ed|said|told|met|held|won|lost|began|was|were)"
                          r"(?: \w+ly)?\s*$")


_PAST = re.compile(
    r"\b(was|were|had|did|\w{3,}ed|said|told|met|held|won|lost|began|went|came|took|made|"
    r"gave|ran|fell|rose|left|sold|paid|built|struck|broke|spoke|wrote|found|got|brought|"
    r"became|saw|shut|hit|cut|quit)\b", re.IGNORECASE)


def _weekday_tense(sentence: str, m: re.Match[str]) -> str | None:
    """The tense of the verb the weekday belongs to, or None when it is not clear.

    Only the words right next to it count: "voted on Tuesday", "will meet on Friday",
    "On Tuesday, the council voted". An attribution elsewhere ("opens on Wednesday,
    organizers said") says when it was said, not when it happens.
    """
    clause = re.split(r"[,;:—–]", outside_quotes(sentence[:m.start(2)]))[-1]
    if _FUTURE.search(clause):  # "will meet on Friday", "until Thursday"
        return "future"
    words = clause.split()[:-1] if m.group(1) else clause.split()  # without "on"
    for back, word in enumerate(reversed(words)):
        bare = word.strip("“”\"'()").lower()
        if _PRESENT.fullmatch(bare):
            break  # "Officials said the festival opens on Wednesday": the event's verb
        if _PAST.fullmatch(bare) and (back < 3 or not _ATTRIBUTION_ONLY.fullmatch(bare)):
            return "past"  # "approved a new contract for teachers on Monday", "told
            # reporters on Monday"; a "said" further back is about the saying
    if _at_start(sentence, m.start()):  # "On Tuesday, the council voted ...": its verb
        following = re.split(r"[;:—–]", outside_quotes(sentence[m.end():]).lstrip(" ,"))[0]
        head = " ".join(following.split()[:5])
        if _FUTURE.search(head):
            return "future"
        if _PAST.search(head) and not _ATTRIBUTION_ONLY.fullmatch(head.split()[-1]):
            return "past"
    return None


_ATTRIBUTION_ONLY = re.compile(r"(?i)said|told|announced|reported")
# A present-tense verb of a scheduled event stops the look-back for a past verb.
_PRESENT = re.compile(r"(?i)is|are|opens|ends|meets|starts|begins|reopens|closes|runs|"
                      r"takes|comes|goes|holds|plays|faces|resumes|returns|arrives|leaves")


def _tense(text: str) -> str | None:
    """"future", "past" or None for a clause: a bare weekday means nothing without it."""
    if _FUTURE.search(text):
        return "future"
    if _PAST.search(text):
        return "past"
    return None


def _say_day(target: dt.date, frame: DateFrame, part: str | None, with_on: bool,
             possessive: str) -> str:
    """Name ``target`` as heard on the edition day: "yesterday", "on Tuesday", "on May 3"."""
    delta = (target - frame.edition).days
    if delta in (-1, 0, 1):
        word = ("yesterday", "today", "tomorrow")[delta + 1]
        if part:
            word = {"today": "this", "yesterday": "last" if part == "night" else "yesterday",
                    "tomorrow": "tomorrow"}[word] + " " + part
            word = "tonight" if word == "this night" else word
        return word + possessive
    on = "on " if with_on and not possessive else ""
    after = f" {part}" if part else ""
    if -7 < delta < 7:
        return f"{on}{WEEKDAYS[target.weekday()]}{after}{possessive}"
    day = f"{MONTHS[target.month - 1]} {target.day}"
    day += f", {target.year}" if target.year != frame.edition.year else ""
    if possessive:  # "today's vote" -> "the November 3 vote"
        return f"the {day}{after}"
    return f"{on}the {part} of {day}" if part else f"{on}{day}"


def _cased(new: str, sentence: str, start: int) -> str:
    """Capitalised only where it opens the sentence ("Yesterday, the ...")."""
    return new[:1].upper() + new[1:] if _at_start(sentence, start) else new


def _at_start(sentence: str, pos: int) -> bool:
    return not sentence[:pos].strip(" “\"‘'(")


def date_edits(sentence: str, frame: DateFrame) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits that re-date relative phrases outside quotes."""
    if frame.language != "en":
        from briefcast.stages import dates_lang

        return dates_lang.date_edits(sentence, frame.published, frame.edition, frame.exact,
                                     frame.language)
    spans = quote_spans(sentence)
    edits: list[tuple[int, int, str]] = []
    for m in _RELATIVE.finditer(sentence):
        word = m.group(0)
        if in_spans(m.start(), spans) or (word[:1].isupper() and not (
                _at_start(sentence, m.start()) and re.match(r"[\s,’']*([,a-z]|$)",
                                                            sentence[m.end():]))):
            continue  # a quote, or a capital mid-sentence: "the Today programme"
        if (m.group(3) or "") and (m.group(1) or "").lower() == "today" and _ERA.match(
                sentence[m.end():]):
            continue  # "today's leading chips": the present day, not a date
        if m.group(9):
            if frame.exact:
                edits.extend(_week_edit(m, frame, sentence))
            continue
        key = (m.group(1) or m.group(7) or m.group(4) or "").lower()
        part = m.group(2) or m.group(5) or ("night" if m.group(7) else None)
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(key, 0)
        target = frame.published + dt.timedelta(days=shift)
        with_on = not _PREPOSITION.search(sentence[:m.start()])
        new = _say_day(target, frame, part and _PARTS[part.lower()], with_on,
                       m.group(3) or m.group(6) or m.group(8) or "")
        if new.lower() != word.lower():
            edits.append((m.start(), m.end(), _cased(new, sentence, m.start())))
    for m in _WEEKDAY.finditer(sentence) if frame.exact else ():
        lead, name, part = m.group(1), m.group(2), m.group(3)
        before = sentence[:m.start(2)]
        if (in_spans(m.start(2), spans) or not name[0].isupper()
                or any(a < m.end() and m.start() < b for a, b, _ in edits)):
            continue
        if not lead and not _VERB_BEFORE.search(before) and not (
                _at_start(sentence, m.start(2)) and sentence[m.end():m.end() + 1] == ","):
            continue  # "a busy summer Saturday", "Black Friday": not a date reference
        wanted = WEEKDAYS.index(name.capitalize())
        back = (frame.published.weekday() - wanted) % 7
        tense = _weekday_tense(sentence, m)
        if tense is None:
            continue  # "the race is on Tuesday": past or coming? Left as the newsroom wrote it
        if tense == "future":
            back = back - 7 if back else -7  # the next such day after publication
        elif back == 6:
            continue  # six days back: a newsroom would have written "last Tuesday"
        target = frame.published - dt.timedelta(days=back)
        delta = (target - frame.edition).days
        if -7 < delta < 7 and delta not in (-1, 0, 1):
            continue  # the weekday is still the clearest way to say it
        on = (lead or "").lower() == "on"
        start = m.start(1) if on else m.start(2)
        new = _say_day(target, frame, part and part.lower(), on, "")
        edits.append((start, m.end(), _cased(new, sentence, start)))
    return sorted(edits)


def _week_edit(m: re.Match[str], frame: DateFrame,
               sentence: str) -> list[tuple[int, int, str]]:
    """"this week" / "last week" / "next week", re-said from the edition's week."""
    shift = {"this": 0, "last": -1, "next": 1}[m.group(9).lower()]
    if frame.published.weekday() == 6:  # written on a Sunday: "this" and "next" week are
        shift = {"this": 1, "last": 0, "next": 1}[m.group(9).lower()]  # the one from Monday
    monday = frame.published - dt.timedelta(days=frame.published.weekday()) \
        + dt.timedelta(weeks=shift)
    weeks = (monday - (frame.edition - dt.timedelta(days=frame.edition.weekday()))).days // 7
    if weeks in (-1, 0, 1):
        new = ("last week", "this week", "next week")[weeks + 1]
    else:
        new = f"in the week of {MONTHS[monday.month - 1]} {monday.day}"
        new += f", {monday.year}" if monday.year != frame.edition.year else ""
    word = m.group(0)
    return [] if new == word.lower() else [(m.start(), m.end(), _cased(new, sentence, m.start()))]


def stale_future(sentence: str, frame: DateFrame | None) -> bool:
    """Whether the sentence announces as coming something that is over by air time:
    "Ministers are expected to respond today" in yesterday's article. Re-dated it would
    say "expected to respond yesterday"; a briefing leaves it out instead."""
    if frame is None:
        return False
    if frame.language != "en":
        from briefcast.stages import dates_lang

        return dates_lang.stale_future(sentence, frame.published, frame.edition, frame.exact,
                                       frame.language)
    spans = quote_spans(sentence)
    for m in _WEEKDAY.finditer(sentence) if frame.exact else ():
        name = m.group(2)
        if in_spans(m.start(2), spans) or not name[0].isupper():
            continue
        if _weekday_tense(sentence, m) == "future":
            ahead = (WEEKDAYS.index(name.capitalize()) - frame.published.weekday()) % 7 or 7
            if frame.published + dt.timedelta(days=ahead) < frame.edition:
                return True  # "set to resume on Monday", and that Monday is past
    for m in _RELATIVE.finditer(sentence):
        key = (m.group(1) or m.group(7) or m.group(4) or "").lower()
        if in_spans(m.start(), spans) or m.group(9) or key in ("yesterday", "last"):
            continue
        clause = re.split(r"[,;:—–]", outside_quotes(sentence[:m.start()]))[-1]
        if key != "tomorrow" and not _FUTURE.search(clause):
            continue  # "tomorrow" is a coming day whatever the verb says
        shift = 1 if key == "tomorrow" else 0
        if frame.published + dt.timedelta(days=shift) < frame.edition:
            return True
    return False


def resolve_dates(sentence: str, frame: DateFrame | None) -> str:
    """Re-express "today", "yesterday", "on Monday", ... for the edition day.

    The phrase is resolved against the publication day (in the show's time zone) and said
    again from the edition day: the same day stays "today", the day before is "yesterday",
    a day in the past week is "on Tuesday", anything older "on November 3". Direct quotes
    and show names ("the Today programme") are left alone.
    """
    if frame is None:
        return sentence
    out = sentence
    for start, end, new in reversed(date_edits(sentence, frame)):
        out = out[:start] + new + out[end:]
    return out


def date_phrases(sentences: Sequence[str], frame: DateFrame | None) -> frozenset[str]:
    """Every phrase :func:`resolve_dates` would write into these sentences."""
    if frame is None:
        return frozenset()
    return frozenset(new for s in sentences for _, _, new in date_edits(s, frame))
