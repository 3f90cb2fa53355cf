"""Rewrite: turn print sentences into sentences a listener can follow.

A newspaper sentence is written for the eye and for the day it was published. Read aloud a
day later it goes wrong in small ways: "today" is no longer today, "LONDON (AP) —" is read
as words, "(pictured)" points at nothing, a 60-word sentence loses the listener, a quote
that runs a paragraph hides who is speaking. Each function here fixes one of those, takes
text and returns text, and changes nothing it is unsure about: a sentence that matches no
rule comes back unchanged, and direct quotes are never reworded (only shortened).

Relative dates are re-said by ``dates.py``; quotes are found by ``quotes.py``.

Every rewrite keeps the words traceable to the article, which ``faithful.py`` checks: the
only words introduced are date phrases (listed by :func:`date_phrases`), "said" after a
name taken from the article, sentence capitals and the "…" that marks a cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Quote finding and date re-saying live in their own modules; the names are re-exported here
# because callers (faithful.py, condense.py, tests) have always imported them from rewrite.
from briefcast.stages.dates import (
    MONTH_ABBR,
    MONTHS,
    WEEKDAYS,
    DateFrame,
    date_edits,
    date_frame,
    date_phrases,
    resolve_dates,
    stale_future,
)
from briefcast.stages.quotes import in_spans, outside_quotes, quote_spans
from briefcast.stages.sentences import is_fragment, is_teaser, looks_like_verb

__all__ = [
    "ELLIPSIS", "LONG_QUOTE_WORDS", "LONG_SENTENCE_WORDS", "MIN_PIECE_WORDS", "MONTHS",
    "WEEKDAYS", "DateFrame", "date_edits", "date_frame", "date_phrases", "find_speaker",
    "is_prompt_or_caption", "outside_quotes", "quote_spans", "resolve_dates",
    "rewrite_sentences", "split_long_sentence", "strip_asides", "strip_dateline",
    "trim_long_quote",
]

LONG_SENTENCE_WORDS = 35
LONG_QUOTE_WORDS = 25
MIN_PIECE_WORDS = 6  # neither half of a split sentence may be shorter than this
ELLIPSIS = "…"


# --- datelines, asides, prompts and captions ---------------------------------------------

_DASH = r"\s*[—–-]{1,2}\s+"
_DATELINES = (
    # "HARBOR TOWN, Ohio (AP) —", "LONDON —", "WASHINGTON (Reuters) -"
    re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+)*"
               r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?(?: \([A-Za-z .]+\))?" + _DASH),
    # "Harbor Town, Nov. 3 –", "Kyiv, March 29, 2022 —"
    re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, " + MONTH_ABBR
               + r" \d{1,2}(?:, \d{4})?" + _DASH),
    re.compile(r"^\((?:AP|Reuters|AFP|UPI|CNN|dpa|PA)\)" + _DASH),
    # "Berlin (dpa) -", "Madrid, 24 nov (EFE).-", "Paris (AFP) -"
    re.compile(r"^[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){0,2}(?:, [^()]{1,25})? \((?:AP|AFP|"
               r"Reuters|dpa|EFE|epd|KNA|SID|Europa Press|Belga|ATS|UPI)\)\s*\.?" + _DASH),
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
        if in_spans(match.start(1), spans):
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


def _is_clause(words: Sequence[str]) -> bool:
    """Looks like an independent clause: a subject-like start, then a verb within 8 words."""
    if len(words) < MIN_PIECE_WORDS:
        return False
    first = words[0].strip("“\"")
    if first.lower() in _RELATIVE_PRONOUNS:
        return False
    if not (first.lower() in _SUBJECTS or first[:1].isupper() or first[:1].isdigit()):
        return looks_like_verb(words[1])  # a bare plural subject: "crews said"
    for word in words[1:9]:
        if word.lower().strip(",.;:“”\"'’") in _RELATIVE_PRONOUNS:
            return False  # the verb found later would belong to the relative clause
        if looks_like_verb(word):
            return True
    return False


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
        if in_spans(match.start(), spans):
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
        words = re.match(rf"\s*(?:\S+\s+){{{max_words - 6}}}\S+", inner)
        cut = words.end() if words else len(inner)
    return inner[:cut].rstrip(" ,;:—–") + ELLIPSIS


_SUBORDINATE = re.compile(
    r"(?i)(due to|because|although|though|since|while|whereas|unless|if|as|when|given|"
    r"in order|so that|despite|after|before|until)\b")


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
        if short.endswith("…") and _SUBORDINATE.match(short):
            return ""  # "Due to the fact that…": a cut that says nothing is not aired
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


# --- all together -------------------------------------------------------------------------

def rewrite_sentences(sentences: Sequence[str], frame: DateFrame | None = None,
                      max_words: int = LONG_SENTENCE_WORDS, *, before: str = "",
                      after: str = "") -> tuple[str, ...]:
    """Spoken-style versions of one paragraph's sentences, in order.

    Prompts and captions go, and so do teasers ("… what happened next…") and fragments
    (headings, verbless scraps: ``sentences.py``); asides go, long quotes are trimmed
    (using the neighbouring sentences to find the speaker; ``before`` and ``after`` are the
    sentences just outside the paragraph), long sentences are split, and dates re-expressed.
    """
    kept = [strip_asides(s) for s in sentences if not is_prompt_or_caption(s)]
    kept = [s for s in kept if len(s.split()) >= 2 and not is_teaser(s) and not is_fragment(s)]
    out: list[str] = []
    for i, sentence in enumerate(kept):
        previous = kept[i - 1] if i > 0 else before
        following = kept[i + 1] if i + 1 < len(kept) else after
        sentence = trim_long_quote(sentence, previous, following)
        if not sentence or stale_future(sentence, frame):
            continue  # an empty quote fragment, or news of something already past
        out.extend(resolve_dates(piece, frame)
                   for piece in split_long_sentence(sentence, max_words))
    return tuple(out)
