"""Faithful: check that every fact a listener hears can be traced to the article.

Condensing is extractive and rewriting only cuts, splits and re-dates, so a script sentence
should never carry a number, name or quoted phrase that the article does not. A finding
means something went wrong (a rewrite bug, a hand-edited script, a future abstractive
condenser) and the story should be flagged, or dropped if the show asks for that.

What is checked, in each sentence:

* **numbers** written in digits ("$48.6", "3,400", "11:40") and number words ("five",
  "million", "first"), compared as written;
* **names**: runs of capitalised words. Mid-sentence they must appear in the article with
  the same capitals; a run that opens a sentence (or a quote) is compared ignoring case,
  since any word is capitalised there;
* **dates**: weekday and month names and "today", "yesterday", "tomorrow", "tonight";
* **quotes**: the words between quotation marks, minus the "…" that marks a cut.

Rewriting introduces date phrases ("on Tuesday" for the article's "today"); those are
recomputed from the article with :func:`briefcast.stages.rewrite.date_phrases` and
removed before numbers and names are checked, so only phrases the rewriter would write for
this article, edition day and time zone pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefcast.models import Finding, Story
from briefcast.stages.coherence import article_sentences
from briefcast.stages.condense import split_sentences, spoken_sentences
from briefcast.stages.names import not_a_name
from briefcast.stages.rewrite import (
    ELLIPSIS,
    MONTHS,
    WEEKDAYS,
    date_frame,
    date_phrases,
    quote_spans,
    strip_asides,
    strip_dateline,
)

NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen half first second third "
    "fourth fifth sixth seventh eighth ninth tenth".split())
_DATE_WORDS = frozenset(w.lower() for w in WEEKDAYS + MONTHS) | {
    "today", "tonight", "yesterday", "tomorrow"}
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]+")
_EDGE_PUNCT = "“”\"‘’'()[]{},.;:!?…—–-"
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")


def _norm(text: str) -> str:
    """Comparable text: straight quotes, no editor's brackets, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.replace("[", "").replace("]", "").split())


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".:") for n in _NUMBER.findall(text)}


def _number_words(text: str) -> set[str]:
    return {w.lower() for w in _LETTERS.findall(text) if w.lower() in NUMBER_WORDS}


def _date_words(text: str) -> set[str]:
    return {w.lower() for w in _LETTERS.findall(text) if w.lower() in _DATE_WORDS}


@dataclass(frozen=True)
class _Source:
    """The article's text in the forms a faithful sentence may quote from."""

    texts: tuple[str, ...]  # as written, and with datelines and asides removed
    lower: tuple[str, ...]
    numbers: frozenset[str]
    number_words: frozenset[str]
    date_words: frozenset[str]

    def has_run(self, run: str, ignore_case: bool) -> bool:
        pattern = re.compile(r"(?<!\w)" + re.escape(run) + r"(?!\w)",
                             re.IGNORECASE if ignore_case else 0)
        return any(pattern.search(t) for t in self.texts)

    def has_phrase(self, phrase: str) -> bool:
        phrase = _norm(phrase).lower()
        return any(phrase in t for t in self.lower)


def _source(story: Story) -> _Source:
    raw = "\n".join((story.title,) + story.paragraphs)
    tidied = "\n".join(
        " ".join(strip_asides(s) for s in split_sentences(strip_dateline(p), story.language))
        for p in story.paragraphs)
    texts = (_norm(raw), _norm(tidied))
    return _Source(texts, tuple(t.lower() for t in texts), frozenset(_numbers(raw)),
                   frozenset(_number_words(raw)), frozenset(_date_words(raw)))


def _quoted(sentence: str) -> list[str]:
    """The pieces of quoted text in a sentence, split at cut marks, edges trimmed."""
    pieces: list[str] = []
    for a, b in quote_spans(sentence):
        for piece in sentence[a:b].split(ELLIPSIS):
            piece = piece.strip(" " + _EDGE_PUNCT)
            if piece:
                pieces.append(piece)
    return pieces


def _name_runs(sentence: str) -> list[tuple[str, bool]]:
    """Runs of capitalised words, each with whether it opens a sentence or a quote."""
    runs: list[tuple[str, bool]] = []
    run: list[str] = []
    run_at_start = at_start = True

    def flush() -> None:
        if run:
            runs.append((" ".join(run), run_at_start))
            run.clear()

    for token in sentence.split():
        core = token.strip(_EDGE_PUNCT)
        word = _POSSESSIVE.sub("", core)
        starts = at_start or token[:1] in "“\"‘'"
        if word[:1].isupper() and word.lower() not in _DATE_WORDS:
            if starts:
                flush()
            if not run:
                run_at_start = starts
            run.append(word)
            trailing = token[len(token.rstrip(_EDGE_PUNCT)):]
            if any(c in trailing for c in ",;:!?.”\")…'’") or word != core:
                flush()
        else:
            flush()
        at_start = token.rstrip("”\"’')") [-1:] in (".", "!", "?", ":", "…")
    flush()
    return runs


def _without(sentence: str, phrases: Sequence[str]) -> str:
    """The sentence with the rewriter's own date phrases cut out."""
    for phrase in phrases:
        sentence = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", " ", sentence,
                          flags=re.IGNORECASE)
    return sentence


def check_story(sentences: Sequence[str], story: Story, *, edition: dt.date | None = None,
                timezone: str = "UTC") -> tuple[Finding, ...]:
    """Findings for every number, name and quote in ``sentences`` not traceable to ``story``.

    ``sentences`` are the script's sentences for this story (``Summary.sentences``);
    ``edition`` and ``timezone`` must be the ones condensing used, so the re-dated phrases
    it wrote are recognised. No findings means the story is faithful.
    """
    source = _source(story)
    frame = date_frame(story.published, edition, timezone,
                       exact=not story.published_assumed, language=story.language)
    originals = article_sentences(story)
    derived = date_phrases(originals, frame) | date_phrases(
        spoken_sentences(story, edition, timezone), frame)
    phrases = sorted(derived, key=len, reverse=True)
    findings: list[Finding] = []

    def add(kind: str, text: str, sentence: str) -> None:
        finding = Finding(kind, text, sentence)
        if finding not in findings:
            findings.append(finding)

    for sentence in sentences:
        for piece in _quoted(sentence):
            if not source.has_phrase(piece):
                add("quote", piece, sentence)
        text = _norm(_without(sentence, phrases))
        for number in sorted(_numbers(text) - source.numbers):
            add("number", number, sentence)
        for word in sorted(_number_words(text) - source.number_words):
            add("number", word, sentence)
        for word in sorted(_date_words(text) - source.date_words):
            add("date", word, sentence)
        for run, at_start in _name_runs(text):
            first, _, rest = run.partition(" ")
            if at_start and rest and not_a_name(first):
                run = rest  # "But Rick Santorum": "But" is capitalised for the sentence's sake
            if not source.has_run(run, ignore_case=at_start):
                add("name", run, sentence)
    return tuple(findings)
