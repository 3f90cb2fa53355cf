"""Relative dates in German, Spanish and French, re-said for the day the show is heard.

The same job as ``dates.py`` does for English ("gestern" written on Monday is "am Montag"
on Wednesday), driven by each language's tables (:class:`briefcast.languages.DateWords`):

* day words, with or without a part of the day: "heute", "gestern Abend", "morgen früh";
  "hoy", "ayer por la tarde", "esta mañana", "anoche"; "aujourd'hui", "hier soir",
  "ce matin", "demain";
* weekdays with their article or preposition and a "last"/"next" mark: "am Montag",
  "seit Dienstag", "am vergangenen Freitag", "Montagabend"; "el lunes", "este martes",
  "el próximo viernes", "desde el lunes"; "lundi", "ce mardi", "vendredi dernier",
  "depuis lundi".

A phrase is replaced whole, with its article or preposition, or left exactly as written:
inside a quote, after a word that would need changing too ("bis zum Montag", "la reunión
del lunes", "la séance de lundi"), for a habit ("jeden Montag", "los lunes", "le lundi"),
an idiom ("bis heute", "hoy en día", "d'aujourd'hui"), a weekday whose tense is not clear
from its clause, and a date more than a week away that would need a preposition or a
part of the day. A sentence announcing as coming what is over by air time ("Der Rat wird
heute abstimmen" in yesterday's article) is left out, as in English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefcast.languages import DateWords, Frame, language_data
from briefcast.stages.quotes import in_spans, outside_quotes, quote_spans

Edit = tuple[int, int, str]
_I = re.IGNORECASE


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any space."""
    phrases = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@dataclass(frozen=True)
class _Patterns:
    words: DateWords
    frame: Frame
    day: re.Pattern[str]
    weekday: re.Pattern[str]
    idioms: dict[str, tuple[int, str]]  # "esta mañana" -> (0, "morning")
    future: re.Pattern[str]
    past: re.Pattern[str]
    present: re.Pattern[str]
    guard: re.Pattern[str]
    habitual: re.Pattern[str] | None


@lru_cache(maxsize=8)
def _patterns(language: str) -> _Patterns:
    data = language_data(language)
    w = data.dates
    assert w is not None, f"{language} has no relative-date tables"
    edge_l, edge_r = r"(?<![\w'’-])", r"(?![\w-])"
    preps = rf"(?:(?P<pre>{w.prepositions})\s+)?"
    parts = _alternation(w.parts)
    day = re.compile(
        edge_l + preps + rf"(?:(?P<idiom>{_alternation(w.idioms.values())})|"
        rf"(?P<day>{_alternation(w.days)})(?:\s+(?P<part>{parts}))?)" + edge_r, _I)
    compound = [k for k, v in w.parts.items() if not w.part_after_weekday.get(v, " ")[:1]
                .isspace()]
    marks_before = "|".join(m for m in (w.past_before, w.future_before) if m)
    marks_after = "|".join(m for m in (w.past_after, w.future_after) if m)
    weekday = re.compile(
        edge_l + preps + rf"(?:(?P<art>{w.articles})\s+)?"
        + (rf"(?:(?P<mb>{marks_before})\s+)?" if marks_before else "")
        + rf"(?P<name>{_alternation(data.frame.weekdays)})"
        + (rf"(?P<suffix>{_alternation(compound)})?" if compound else "")
        + (rf"(?:\s+(?P<ma>{marks_after}))?" if marks_after else "")
        + rf"(?:\s+(?P<part>{parts}))?" + edge_r, _I)
    idioms = {" ".join(phrase.lower().split()): key for key, phrase in w.idioms.items()}
    return _Patterns(
        w, data.frame, day, weekday, idioms,
        re.compile(w.future, _I), re.compile(w.past, _I),
        re.compile(w.present or r"(?!)", _I), re.compile(rf"\b(?:{w.guard})\s+$", _I),
        re.compile(rf"\b(?:{w.habitual})\s+$", _I) if w.habitual else None)


def _at_start(sentence: str, pos: int) -> bool:
    return not sentence[:pos].strip(" “\"‘'(¿¡")


def _cased(new: str, sentence: str, start: int) -> str:
    return new[:1].upper() + new[1:] if _at_start(sentence, start) else new


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a phrase (between , ; : and dashes), quotes blanked out."""
    text = outside_quotes(sentence)
    before = re.split(r"[,;:—–]", text[:start])[-1]
    pieces = re.split(r"[,;:—–]", text[end:])
    after = pieces[0]
    if not before.strip(" “\"‘'(¿¡") and not after.strip() and len(pieces) > 1:
        after = pieces[1]  # "Lundi, la mairie a annoncé ...": the clause it opens
    return before + " " + after


def _tense(p: _Patterns, clause: str) -> str | None:
    """"future", "past" or None (neither, both, or a scheduled present: not clear)."""
    if p.present.search(clause):
        return None
    future, past = bool(p.future.search(clause)), bool(p.past.search(clause))
    if future == past:
        return None
    return "future" if future else "past"


def _say(p: _Patterns, target: dt.date, edition: dt.date, part: str | None,
         pre: str | None, language_frame: Frame) -> str | None:
    """``target`` named from the edition day, or None when it cannot be said here."""
    w = p.words
    delta = (target - edition).days
    if delta in (-1, 0, 1):
        phrase = w.idioms.get((delta, part or "")) or (
            w.near[delta + 1] + (w.part_after_day.get(part, "") if part else ""))
    elif -7 < delta < 7:
        template = w.weekday_after if pre else w.weekday_say
        phrase = template.format(weekday=language_frame.weekdays[target.weekday()],
                                 part=w.part_after_weekday.get(part, "") if part else "")
    elif pre or part:
        return None  # "seit dem 3. November", "el 3 de noviembre por la tarde": left alone
    else:
        day = language_frame.first_day if target.day == 1 else str(target.day)
        phrase = w.date_say.format(day=day, month=language_frame.months[target.month - 1])
        if target.year != edition.year:
            phrase += w.year_say.format(year=target.year)
    return f"{pre} {phrase}" if pre else phrase


def _blocked(p: _Patterns, sentence: str, m: re.Match[str], start: int, word: str) -> bool:
    """An idiom, a habit or a word before the phrase that would need changing with it.

    ``start`` is where the day word itself starts ("heute" in "bis heute"), after any
    preposition the phrase begins with.
    """
    before, after = sentence[:m.start()], sentence[m.end():]
    w = p.words
    rule_before, rule_after = w.blocked_before.get(word), w.blocked_after.get(word)
    return bool(p.guard.search(before) or (p.habitual and p.habitual.search(before))
                or (rule_before and re.search(rule_before, sentence[:start], _I))
                or (rule_after and re.search(rule_after, after, _I)))


def _day_matches(p: _Patterns, sentence: str, published: dt.date
                 ) -> list[tuple[re.Match[str], dt.date, str | None]]:
    """Day words outside quotes that mean a date: each with its day and part of the day."""
    spans = quote_spans(sentence)
    found = []
    for m in p.day.finditer(sentence):
        lead = m.group("idiom") or m.group("day")
        start = m.start("idiom") if m.group("idiom") else m.start("day")
        if in_spans(start, spans) or (lead[:1].isupper() and not _at_start(sentence, start)):
            continue  # a quote, or a noun mid-sentence ("am Morgen", "Heute" the paper)
        if _blocked(p, sentence, m, start, " ".join(lead.lower().split())):
            continue
        part: str | None
        if m.group("idiom"):
            shift, part = p.idioms[" ".join(lead.lower().split())]
        else:
            shift = p.words.days[" ".join(lead.lower().split())]
            written = m.group("part")
            part = p.words.parts[" ".join(written.lower().split())] if written else None
        found.append((m, published + dt.timedelta(days=shift), part or None))
    return found


def _weekday_matches(p: _Patterns, sentence: str, published: dt.date
                     ) -> list[tuple[re.Match[str], dt.date, str | None, str]]:
    """Weekdays outside quotes whose day is clear: each with its day, part and tense."""
    spans = quote_spans(sentence)
    w = p.words
    found = []
    for m in p.weekday.finditer(sentence):
        name = m.group("name")
        if in_spans(m.start("name"), spans) or _blocked(p, sentence, m, m.start(), ""):
            continue
        if re.match(r",?\s*(?:de[rn]\s+)?\d", sentence[m.end():]):
            continue  # "Montag, 3. November", "lunes 3 de noviembre": a date already
        mark = (m.groupdict().get("mb") or m.groupdict().get("ma") or "").lower()
        pre = (m.group("pre") or "").lower()
        if mark and re.fullmatch(w.past_before + "|" + w.past_after, mark, _I):
            tense: str | None = "past"
        elif mark:
            tense = "future"
        elif pre:
            tense = "past" if re.fullmatch(w.since, pre, _I) else "future"
        else:
            tense = _tense(p, _clause(sentence, m.start(), m.end()))
        if tense is None:
            continue  # "die Sitzung ist am Montag": past or coming? Left as written
        wanted = [d.lower() for d in p.frame.weekdays].index(name.lower())
        back = (published.weekday() - wanted) % 7
        if tense == "future":
            back = back - 7 if back else -7  # the next such day after publication
        elif back == 6:
            continue  # six days back: a newsroom would have said "last week"
        suffix = m.groupdict().get("suffix") or m.group("part")
        part = w.parts[" ".join(suffix.lower().split())] if suffix else None
        found.append((m, published - dt.timedelta(days=back), part, tense))
    return found


def date_edits(sentence: str, published: dt.date, edition: dt.date, exact: bool,
               language: str) -> list[Edit]:
    """The (start, end, replacement) edits that re-date relative phrases outside quotes.

    With an assumed publication day (``exact`` False) only day words are re-said, as in
    English: a weekday one day off would name the wrong day.
    """
    p = _patterns(language)
    edits: list[Edit] = []
    for m, target, part in _day_matches(p, sentence, published) if published != edition \
            else ():  # heard on the day it was written: every day word is right
        pre = m.group("pre")
        new = _say(p, target, edition, part, pre, p.frame)
        if new is not None and " ".join(new.lower().split()) != " ".join(
                m.group(0).lower().split()):
            edits.append((m.start(), m.end(), _cased(new, sentence, m.start())))
    for m, target, part, _ in _weekday_matches(p, sentence, published) if exact else ():
        if any(a < m.end() and m.start() < b for a, b, _ in edits):
            continue
        delta = (target - edition).days
        if -7 < delta < 7 and delta not in (-1, 0, 1):
            continue  # the weekday is still the clearest way to say it
        new = _say(p, target, edition, part, m.group("pre"), p.frame)
        if new is not None:
            edits.append((m.start(), m.end(), _cased(new, sentence, m.start())))
    return sorted(edits)


def stale_future(sentence: str, published: dt.date, edition: dt.date, exact: bool,
                 language: str) -> bool:
    """Whether the sentence announces as coming what is over by air time."""
    p = _patterns(language)
    for m, target, _ in _day_matches(p, sentence, published):
        if target >= edition:
            continue
        if target > published or _tense(p, _clause(sentence, m.start(), m.end())) == "future":
            return True  # "morgen" is a coming day whatever the verb says
    for _, target, _, tense in _weekday_matches(p, sentence, published) if exact else ():
        if tense == "future" and target < edition:
            return True
    return False
