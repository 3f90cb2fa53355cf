"""Locate: find the story inside a whole-page text dump, so only the story is cleaned and read.

A scraper that keeps a page's whole visible text puts the story somewhere in the middle:
menus, banners (browser warnings, cookie and app notices), bylines and share bars above it;
teasers for other stories, reader comments and footers below it. The line cleaner
(``clean.py``) drops most of those lines by their shape, but prose-shaped junk passes it,
and junk near the top is what the condenser picks first. In plain text, though, the story
is one contiguous run of long, sentence-shaped, stopword-rich lines, broken only by short
inserts (a caption and its credit, an ad slot, a "Read more" link). So:

1. each line gets a score (``line_scores``): a story-like paragraph brings its words, half
   as many when it shares no content word with the headline (a teaser for another story)
   or is short or stopword-poor; a line the cleaner drops costs the run, and so does one
   that addresses the reader ("you", or the site's "we" outside quotes) or that the page
   repeats word for word (templates); a reader's "I" outside quotes brings nothing (reader
   comments), unless the page speaks as "I" from its first paragraphs (a column). How
   story-like a paragraph is comes from jusText's context-free paragraph classification
   (length and stopword density), run on the dump's lines;
2. the story is the run of lines with the highest total (the maximum-sum segment), begun
   at a paragraph, not at a short line, and ended at a sentence, not at a heading-shaped
   line: an insert (one to three dropped lines) costs little, so the run crosses it; a
   longer gap, or junk lines dense among the last few, cost more with every line, so the
   run stops before a comment section or a teaser list;
3. lines outside the run are dropped; inside it, the cleaner's verdicts stand.

Only a scraper's plain text comes here (``clean_article``): HTML, Markdown and feed text
arrive as the story already. A seed-shaped export (title, body, credits, blurb, sponsor and
navigation lines) is one run with junk around it and cleans exactly as before. jusText
alone keeps every good paragraph anywhere in the page, comments included; trafilatura's
heuristics need the HTML tree. Hence jusText's classifier and our own choice of the run.
Known misses (``bench/bench_pages.py``): a short lead that talks to the reader ("T1 are
your champions!") is taken for a notice; a standfirst just above the story is read.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, deque
from collections.abc import Sequence
from functools import lru_cache

from justext import get_stoplist
from justext.core import PathInfo, classify_paragraphs
from justext.paragraph import Paragraph

from briefcast.stages.quotes import outside_quotes

log = logging.getLogger(__name__)

DROPPED_COST = 5.0  # words: what a dropped line costs the run, at least
INSERT_LINES = 3  # dropped lines in a row that cost no more than that: an insert
RECENT_LINES, RECENT_ALLOWED = 6, 2  # more dropped lines among the last 6: a junk section
MINOR_SHARE = 0.5  # what a minor line brings, per word (see line_scores)
PERSONAL_OPENING, PERSONAL_LINES = 5, 2  # "I" in 2 of the first 5 paragraphs: a column
MIN_RUN_WORDS = 25  # a shorter best run is no evidence: keep the cleaner's verdicts alone
TEMPLATE_REPEATS = 3  # a line the page repeats this often is a template, even inside the run
LONG_PARAGRAPH = 200  # characters: jusText's length_high, where a paragraph can be "good"

# Languages by ISO 639-1 code, for jusText's stoplists; others are read as English.
_STOPLISTS = {"en": "English", "de": "German", "fr": "French", "es": "Spanish",
              "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish",
              "da": "Danish", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
              "fi": "Finnish", "pl": "Polish", "cs": "Czech", "tr": "Turkish"}
_SECOND_PERSON = re.compile(r"\b(you|your|yours|you're|you’re|you've|you’ve)\b", re.IGNORECASE)
_FIRST_SINGULAR = re.compile(r"\bI\b|\b(?i:my|me|mine|myself)\b")
_WORD = re.compile(r"[a-z][a-z'’-]+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_FIRST_PLURAL = re.compile(r"\b(we|our|us|we're|we’re|we've|we’ve)\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def stoplist(language: str | None) -> frozenset[str]:
    """jusText's stopword list for a language tag ("en-GB"); English when it has none."""
    code = (language or "en").split("-")[0].lower()
    return frozenset(get_stoplist(_STOPLISTS.get(code, "English")))


def _classes(texts: Sequence[str], stoplist: frozenset[str]) -> list[str]:
    """jusText's context-free class of each text: "good", "neargood", "short" or "bad".

    Its context smoothing is left out: at a story's edge it turns a first paragraph
    between the page header and a name-heavy second paragraph into "bad". The run
    (``best_run``) is our context instead.
    """
    paragraphs = []
    for text in texts:
        paragraph = Paragraph(PathInfo().append("body").append("p"))
        paragraph.append_text(text)
        paragraphs.append(paragraph)
    classify_paragraphs(paragraphs, stoplist)
    return [p.cf_class for p in paragraphs]


def addresses_reader(line: str, good: bool) -> bool:
    """Talks to the reader, outside any quotation: "you", or the site's own "we".

    Browser warnings, app, cookie and newsletter notices do; a story's narrative rarely
    does. A long story paragraph may say "our" ("some of our searches"), so "we" counts
    only in lines jusText does not already call good.
    """
    text = outside_quotes(line)
    return bool(_SECOND_PERSON.search(text)) or (not good and bool(_FIRST_PLURAL.search(text)))


def speaks_for_site(line: str) -> bool:
    """The site's "we" and the reader's "you" in one line, outside quotes, in a line too
    short for a story paragraph: "Follow us to get stories like this in your feed"."""
    text = outside_quotes(line)
    return (len(line) < LONG_PARAGRAPH and bool(_SECOND_PERSON.search(text))
            and bool(_FIRST_PLURAL.search(text)))


def _content(text: str, stoplist: frozenset[str]) -> set[str]:
    """Crude stems (first four letters) of the content words: "vote" meets "voters"."""
    return {w[:4] for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in stoplist}


def line_scores(lines: Sequence[str], junk: Sequence[bool], title: str = "",
                language: str | None = None) -> tuple[list[float], list[bool], list[bool]]:
    """Each line's worth to the story run (see the module docstring; blank lines are 0),
    whether the story may start there (a paragraph, not a short line) and whether it may
    end there (a paragraph or a sentence).

    Positive: story-like lines, by their words; half as much for a line that shares no
    content word with the headline (a teaser's summary of another story), for a long
    line with few stopwords (names and figures, or a ticker) and for a short one (a
    caption, a one-line paragraph). Zero: a reader's "I" outside quotes (comments).
    Negative: dropped lines, dearer the longer the gap and the denser the junk around
    (an insert is one to three lines; a comment or teaser section alternates junk with
    prose for many lines).
    """
    texts = [line.strip() for line in lines]
    filled = [i for i, text in enumerate(texts) if text]
    stop = stoplist(language)
    classes = dict(zip(filled, _classes([texts[i] for i in filled], stop)))
    counts = Counter(texts[i] for i in filled)
    topic = _content(title, stop)
    # A review or a column speaks as "I" from its first paragraphs (reader comments come
    # last, or above the headline): then "I" and "you" tell nothing about where the story is.
    # Counted below the headline when the page has it (comments may sit above a story).
    heading = next((i for i in filled if title and texts[i].casefold() == title.strip(
        ).casefold()), -1)
    opening = [i for i in filled if i > heading and classes[i] in ("good", "neargood")
               and not junk[i]]
    voiced = sum(bool(_FIRST_SINGULAR.search(outside_quotes(texts[i])))
                 for i in opening[:PERSONAL_OPENING]) >= PERSONAL_LINES
    scores: list[float] = []
    starts = [classes.get(i) in ("good", "neargood", "bad") for i in range(len(texts))]
    ends = [start or bool(_SENTENCE_END.search(text)) for start, text in zip(starts, texts)]
    streak = 0  # junk in a row
    recent: deque[bool] = deque(maxlen=RECENT_LINES)  # junk among recent lines
    for i, text in enumerate(texts):
        if not text:
            scores.append(0.0)
            continue
        kind = classes[i]
        dropped = junk[i] or counts[text] > 1 or (
            not voiced and addresses_reader(text, kind == "good"))
        if dropped:
            streak += 1
            dense = max(0, sum(recent) - RECENT_ALLOWED)
            scores.append(-DROPPED_COST * (1 + max(0, streak - INSERT_LINES) + dense))
        else:
            streak = 0
            weight = 1.0 if kind in ("good", "neargood") else MINOR_SHARE
            if topic and not topic & _content(text, stop):
                weight *= MINOR_SHARE
            first_person = not voiced and _FIRST_SINGULAR.search(outside_quotes(text))
            scores.append(0.0 if first_person else weight * len(text.split()))
            if weight == 1.0 and not first_person:
                recent.clear()  # a story paragraph: the junk before it was the page's top
        recent.append(dropped)
    return scores, starts, ends


def best_run(scores: Sequence[float], can_start: Sequence[bool],
             can_end: Sequence[bool]) -> tuple[int, int] | None:
    """The maximum-sum run of lines as (start, end exclusive), narrowed to begin with a
    paragraph (``can_start``: a caption or a notice sits just above many a story's first
    paragraph, and a lead too short to tell from them is rare) and to end with a sentence
    (``can_end``: not "Reply" or "Related"). None when nothing is worth anything.
    """
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0 and score > 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
        if total < 0:
            total = 0.0
    if best_span is None:
        return None
    start, end = best_span
    while start < end and not (can_start[start] and scores[start] > 0):
        start += 1
    while end > start and not (can_end[end - 1] and scores[end - 1] > 0):
        end -= 1
    return (start, end) if start < end else None


def locate_story(lines: Sequence[str], junk: Sequence[bool], title: str = "",
                 language: str | None = None) -> list[bool]:
    """The cleaner's labels (True = junk) with every line outside the story's run dropped.

    ``junk`` is the cleaner's verdict on each line, ``title`` the headline. When no run
    of at least MIN_RUN_WORDS story words stands out, the verdicts are returned unchanged.
    """
    span = best_run(*line_scores(lines, junk, title, language))
    if span is None:
        return list(junk)
    start, end = span
    words = sum(len(lines[i].split()) for i in range(start, end) if not junk[i])
    if words < MIN_RUN_WORDS:
        return list(junk)
    # Inside the run, the site talking to the reader ("Want more stories like this?
    # Follow us") is an insert, not story: "we" and "you" together, outside quotes.
    # So is a line the page repeats TEMPLATE_REPEATS times or more (a market-data credit
    # under every quote); twice may be a pull quote, so the cleaner's verdict stands.
    counts = Counter(line.strip() for line in lines if line.strip())
    located = [j or not start <= i < end or speaks_for_site(lines[i])
               or counts[lines[i].strip()] >= TEMPLATE_REPEATS for i, j in enumerate(junk)]
    if located != list(junk):
        log.debug("story found at lines %d-%d of %d", start + 1, end, len(lines))
    return located
