"""Rewrite: turn print sentences into sentences a listener can follow.

A newspaper sentence is written for the eye and for the day it was published. Read aloud a
day later it goes wrong in small ways: "today" is no longer today, "LONDON (AP) —" is read
as words, "(pictured)" points at nothing, a 60-word sentence loses the listener, a quote
that runs a paragraph hides who is speaking. Each function here fixes one of those, takes
text and returns text, and changes nothing it is unsure about: a sentence that matches no
rule comes back unchanged, and direct quotes are never reworded (only shortened).

Every rewrite keeps the words traceable to the article, which ``faithful.py`` checks: the
only words introduced are date phrases (listed by :func:`date_phrases`), "said" after a
name taken from the article, sentence capitals and the "…" that marks a cut.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

LONG_SENTENCE_WORDS = 35
LONG_QUOTE_WORDS = 25
MIN_PIECE_WORDS = 6  # neither half of a split sentence may be shorter than this
ELLIPSIS = "…"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


# --- quotes -----------------------------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (including the marks) of direct quotes, balanced or not.

    A sentence splitter can cut a quote in two, so an opening mark with no closing one
    runs to the end of the text, and a closing mark with no opening one starts at 0.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "“":
            opened = i if opened is None else opened
        elif ch == "”":
            spans.append((0 if opened is None else opened, i + 1))
            opened = None
        elif ch == '"':
            if straight is None and (i == 0 or not text[i - 1].isalnum()):
                straight = i
            elif straight is not None:
                spans.append((straight, i + 1))
                straight = None
            else:  # a closing mark whose opening is in an earlier sentence
                spans.append((0, i + 1))
    for start in (opened, straight):
        if start is not None:
            spans.append((start, len(text)))
    return sorted(spans)


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def outside_quotes(text: str) -> str:
    """The text with every direct quote blanked out (same length, so offsets still match)."""
    chars = list(text)
    for a, b in quote_spans(text):
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# --- datelines, asides, prompts and captions ---------------------------------------------

_DASH = r"\s*[—–-]{1,2}\s+"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATELINES = (
    # "HARBOR TOWN, Ohio (AP) —", "LONDON —", "WASHINGTON (Reuters) -"
    re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+)*"
               r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?(?: \([A-Za-z .]+\))?" + _DASH),
    # "Harbor Town, Nov. 3 –", "Kyiv, March 29, 2022 —"
    re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, " + _MONTH_ABBR
               + r" \d{1,2}(?:, \d{4})?" + _DASH),
    re.compile(r"^\((?:AP|Reuters|AFP|UPI|CNN|dpa|PA)\)" + _DASH),
)
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_BRACKETED = re.compile(r"\s*\[([^\[\]]*)\]")
_PROMPT = re.compile(
    r"\b(click|tap) here\b|\bread (more|the full (story|article|report))\b|"
    r"^\W*(subscribe|sign up|register)\b|\b(subscribe|sign up) (now|today|here|to our|for our|"
    r"for free|for (the|our) newsletter)\b", re.IGNORECASE)
_CAPTION = re.compile(
    r"^\W*(pictured|above|below|top|main image|left|right|from left|left to right|"
    r"photos?|image|caption|file photo)\s*[:,(]", re.IGNORECASE)


def strip_dateline(paragraph: str) -> str:
    """Remove a wire-style dateline that opens a paragraph ("LONDON (AP) — The ...")."""
    for pattern in _DATELINES:
        match = pattern.match(paragraph)
        if match and len(paragraph) > match.end():
            rest = paragraph[match.end():]
            return rest[:1].upper() + rest[1:]
    return paragraph


def strip_asides(sentence: str) -> str:
    """Drop parenthetical and bracketed asides; a listener cannot hear parentheses.

    "(AP)", "(pictured)", "(see chart)" and acronym definitions go entirely. Square brackets
    inside a quote are an editor's insertion standing in for the speaker's words, so only
    the brackets go and the words stay.
    """
    spans = quote_spans(sentence)

    def bracket(match: re.Match[str]) -> str:
        if _in_spans(match.start(1), spans):
            return match.group(0).replace("[", "").replace("]", "")
        return ""

    text = _BRACKETED.sub(bracket, sentence)
    text = _PARENTHETICAL.sub("", text)
    text = re.sub(r"\s+([,.;:!?…])", r"\1", text)
    return " ".join(text.split())


def is_prompt_or_caption(sentence: str) -> bool:
    """A reader prompt ("Click here to ...", "Read more") or a photo caption that slipped in."""
    return bool(_PROMPT.search(outside_quotes(sentence)) or _CAPTION.match(sentence))


# --- long sentences -----------------------------------------------------------------------

_JOINT = re.compile(r"(;|, and|, but|, while|, whereas) ")
_SUBJECTS = frozenset(
    "the a an this that these those he she it they we you his her its their our some many "
    "most both all no each every one two three".split())
_RELATIVE_PRONOUNS = frozenset("which who whom whose that where when".split())
_VERBS = frozenset(
    "is are was were be been has have had will would can could should may might must do "
    "does did said says say told tells added argued warned met held won lost began made "
    "took gave left set cut hit ran rose fell came went sank spent paid sold kept brought "
    "built found felt led put thought grew drew became got saw knew wrote spoke".split())


def _is_clause(words: Sequence[str]) -> bool:
    """Looks like an independent clause: a subject-like start, then a verb within 8 words."""
    if len(words) < MIN_PIECE_WORDS:
        return False
    first = words[0].strip("“\"")
    if first.lower() in _RELATIVE_PRONOUNS:
        return False
    if not (first.lower() in _SUBJECTS or first[:1].isupper() or first[:1].isdigit()):
        return _is_verb(words[1])  # a bare plural subject: "analysts warned", "crews said"
    for word in words[1:9]:
        if word.lower().strip(",.;:“”\"'’") in _RELATIVE_PRONOUNS:
            return False  # the verb found later would belong to the relative clause
        if _is_verb(word):
            return True
    return False


def _is_verb(word: str) -> bool:
    w = word.lower().strip(",.;:“”\"'’")
    return w in _VERBS or (len(w) > 4 and w.endswith("ed")) or w.endswith("n’t")


def split_long_sentence(sentence: str, max_words: int = LONG_SENTENCE_WORDS) -> list[str]:
    """Split a sentence of more than ``max_words`` words at a natural joint.

    Joints, in order of preference: a semicolon, then ", and", ", but", ", while" followed by
    a full clause (its own subject and verb), so no piece is a fragment. "And" and "while"
    are dropped, "but" is kept as the new sentence's opening word. The joint nearest the
    middle wins; joints inside quotes are never used. Pieces still too long are split again.
    """
    if len(sentence.split()) <= max_words:
        return [sentence]
    spans = quote_spans(sentence)
    total = len(sentence.split())
    best: tuple[float, int, int, str] | None = None
    for match in _JOINT.finditer(sentence):
        if _in_spans(match.start(), spans):
            continue
        head, tail = sentence[:match.start()], sentence[match.end():]
        head_words, tail_words = head.split(), tail.split()
        conj = match.group(1)[2:] if match.group(1) != ";" else ""
        if len(head_words) < MIN_PIECE_WORDS or not _is_clause(tail_words):
            continue
        rank = (0 if conj == "" else 1) + abs(len(head_words) - total / 2) / total
        if best is None or rank < best[0]:
            best = (rank, match.start(), match.end(), conj)
    if best is None:
        return [sentence]
    _, start, end, conj = best
    head = sentence[:start].rstrip(" ,;") + "."
    tail = sentence[end:]
    tail = ("But " + tail) if conj == "but" else tail[:1].upper() + tail[1:]
    return split_long_sentence(head, max_words) + split_long_sentence(tail, max_words)


# --- long quotes --------------------------------------------------------------------------

_SAY = r"(?:said|says|stated|added|told|argued|explained|warned)"
_NAME_WORD = r"[A-ZÀ-Þ][\w'’-]+"
_SAID_NAME = re.compile(r"\b(?:" + _SAY + r"|according to)\s+([^,;:“”\"]{1,80})")
_NAME_SAID = re.compile(r"((?:\bthe\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*)\s+"
                        + _SAY + r"\b")
_SENTENCE_IN_QUOTE = re.compile(r"[.!?](?=\s+[A-Z])")
_CLAUSE_MARK = re.compile(r"[,;:—–]|\s(?=(?:and|but|because|which|while|so) )")
_ATTRIBUTION_AFTER = re.compile(r",?\s*(?:" + _SAY + r"|according to|(?:the\s+)?" + _NAME_WORD
                                + r"(?:\s+" + _NAME_WORD + r")*\s+" + _SAY + r")\b")


def _speaker(chunk: str, leading: bool) -> str | None:
    """The short name to attribute a quote to: a surname, or "the" plus an organisation."""
    chunk = chunk.strip().rstrip(".")
    words = chunk.split()
    if not words or len(words) > 7:
        return None
    if leading:  # "said Tidewire chief executive Hanne Veldkamp": the name ends the chunk
        caps = [w for w in words if re.fullmatch(_NAME_WORD + r"\.?", w)]
        if not caps or caps[-1] != words[-1]:
            return None
        run = [words[-1]]
        for w in reversed(words[:-1]):
            if not re.fullmatch(_NAME_WORD + r"\.?", w):
                break
            run.insert(0, w)
        organisation = len(words) > len(run) and words[-len(run) - 1].lower() == "the"
    else:
        run = words[1:] if words[0].lower() == "the" else words
        organisation = words[0].lower() == "the"
    if organisation:
        return "the " + " ".join(run)
    return run[-1] if run[-1] not in WEEKDAYS + MONTHS else None


def find_speaker(sentence: str) -> str | None:
    """Who a sentence says is speaking ("said Mayor Ines Okafor" -> "Okafor"), if anyone."""
    text = outside_quotes(sentence)
    for match in _SAID_NAME.finditer(text):
        name = _speaker(match.group(1), leading=True)
        if name:
            return name
    for match in _NAME_SAID.finditer(text):
        if match.group(1).split()[-1] in ("He", "She", "They", "It", "We", "I"):
            continue
        name = _speaker(match.group(1), leading=False)
        if name:
            return name
    return None


def _shorten_quote(inner: str, max_words: int) -> str:
    """The quote's first sentence if short enough, else its first clause, marked with "…"."""
    end = _SENTENCE_IN_QUOTE.search(inner)
    if end and 4 <= len(inner[:end.end()].split()) <= max_words:
        return inner[:end.end()]
    cut = None
    for mark in _CLAUSE_MARK.finditer(inner):
        n = len(inner[:mark.start()].split())
        if MIN_PIECE_WORDS <= n <= max_words:
            cut = mark.start()
    if cut is None:  # no clause mark: cut after a fixed number of words
        words = re.match(r"\s*(?:\S+\s+){%d}\S+" % (max_words - 6), inner)
        cut = words.end() if words else len(inner)
    return inner[:cut].rstrip(" ,;:—–") + ELLIPSIS


def trim_long_quote(sentence: str, before: str = "", after: str = "",
                    max_words: int = LONG_QUOTE_WORDS) -> str:
    """Shorten a quote of more than ``max_words`` words and keep it attributed.

    The quote keeps its own words up to its first sentence or clause. When the sentence is
    nothing but the quote, the speaker named in the neighbouring sentence (``before`` or
    ``after``) is added: "“The plan is sound…,” Fomin said."
    """
    for a, b in quote_spans(sentence):
        open_mark = sentence[a] if sentence[a] in "“\"" else ""
        close_mark = sentence[b - 1] if sentence[b - 1] in "”\"" and b - 1 > a else ""
        inner = sentence[a + len(open_mark):b - len(close_mark)]
        if len(inner.split()) <= max_words or not open_mark or not close_mark:
            continue
        short = _shorten_quote(inner, max_words)
        rest = (sentence[:a] + sentence[b:]).strip(" .,")
        speaker = None if rest else find_speaker(before) or find_speaker(after)
        if speaker:
            short = short[:-1] + "," if short.endswith(".") else short + ","
            return f"{open_mark}{short}{close_mark} {speaker} said."
        tail = sentence[b:]
        if tail.startswith(",") or _ATTRIBUTION_AFTER.match(tail):
            short = short[:-1] + "," if short.endswith(".") else short + ","
            tail = tail.lstrip(",")
        return sentence[:a] + open_mark + short + close_mark + tail
    return sentence


# --- relative dates -----------------------------------------------------------------------

@dataclass(frozen=True)
class DateFrame:
    """The two days a relative date is read against: when it was written, when it is heard."""

    published: dt.date  # the article's publication day in the show's time zone
    edition: dt.date


def date_frame(published: dt.datetime | None, edition: dt.date | None,
               timezone: str = "UTC") -> DateFrame | None:
    """The frame for rewriting, or None when there is nothing to rewrite.

    Without an edition date, or without a publication time (then the article is taken to be
    from the edition day, so "today" stays "today"), relative dates are left as written.
    """
    if edition is None or published is None:
        return None
    local = published.astimezone(zoneinfo.ZoneInfo(timezone)).date()
    return DateFrame(local, edition)


_PARTS = {"morning": "morning", "afternoon": "afternoon", "evening": "evening",
          "night": "night", "tonight": "night"}
_RELATIVE = re.compile(
    r"\b(?:(today|yesterday|tomorrow)(?: (morning|afternoon|evening|night))?(’s|'s)?|"
    r"(this|last) (morning|afternoon|evening|night)(’s|'s)?|(tonight)(’s|'s)?|"
    r"(this|last|next) week)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:(on|early|late|since|until|till|by|from|through|before|after) )?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (morning|afternoon|evening|night))?\b(?!’s|'s|,? (?:the )?\d|,? " + _MONTH_ABBR
    + r" ?\d|(?-i: [A-Z]))", re.IGNORECASE)
_FUTURE = re.compile(r"\b(will|’ll|'ll|(is|are) expected|expected to|scheduled|plans? to|"
                     r"set to|upcoming|until|till)\b", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(until|till|by|since|from|through|before|after|of|for)\s*$",
                          re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(\w+ed|said|says|told|met|held|won|lost|began)\s*$")


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
    spans = quote_spans(sentence)
    edits: list[tuple[int, int, str]] = []
    for m in _RELATIVE.finditer(sentence):
        word = m.group(0)
        if _in_spans(m.start(), spans) or (word[:1].isupper() and not (
                _at_start(sentence, m.start()) and re.match(r"[\s,’']*([,a-z]|$)",
                                                            sentence[m.end():]))):
            continue  # a quote, or a capital mid-sentence: "the Today programme"
        if m.group(9):
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
    for m in _WEEKDAY.finditer(sentence):
        lead, name, part = m.group(1), m.group(2), m.group(3)
        before = sentence[:m.start(2)]
        if (_in_spans(m.start(2), spans) or not name[0].isupper()
                or any(a < m.end() and m.start() < b for a, b, _ in edits)):
            continue
        if not lead and not _VERB_BEFORE.search(before) and not (
                _at_start(sentence, m.start(2)) and sentence[m.end():m.end() + 1] == ","):
            continue  # "a busy summer Saturday", "Black Friday": not a date reference
        wanted = WEEKDAYS.index(name.capitalize())
        back = (frame.published.weekday() - wanted) % 7
        clause = re.split(r"[,;:—–]", outside_quotes(before))[-1]
        if _FUTURE.search(clause):
            back = back - 7 if back else -7  # the next such day after publication
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


# --- all together -------------------------------------------------------------------------

def rewrite_sentences(sentences: Sequence[str], frame: DateFrame | None = None,
                      max_words: int = LONG_SENTENCE_WORDS, *, before: str = "",
                      after: str = "") -> tuple[str, ...]:
    """Spoken-style versions of one paragraph's sentences, in order.

    Prompts and captions go, asides go, long quotes are trimmed (using the neighbouring
    sentences to find the speaker; ``before`` and ``after`` are the sentences just outside
    the paragraph), long sentences are split, and dates re-expressed.
    """
    kept = [strip_asides(s) for s in sentences if not is_prompt_or_caption(s)]
    kept = [s for s in kept if len(s.split()) >= 2]
    out: list[str] = []
    for i, sentence in enumerate(kept):
        previous = kept[i - 1] if i > 0 else before
        following = kept[i + 1] if i + 1 < len(kept) else after
        sentence = trim_long_quote(sentence, previous, following)
        out.extend(resolve_dates(piece, frame)
                   for piece in split_long_sentence(sentence, max_words))
    return tuple(out)
