"""Condense: pick the sentences of each story that fit its spoken time budget.

Extractive on purpose: every sentence a listener hears is a sentence the newsroom wrote.
Sentences are scored by position (news leads carry the facts), centrality (sharing the
story's frequent content words), and facts (numbers, names); near-duplicates are skipped;
the chosen ones are read in their original order.

Sentences are first rewritten for the ear (``rewrite.py``: datelines and asides dropped,
long sentences split, long quotes trimmed, relative dates re-said for the edition day), so
scores and budgets count what will actually be read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Callable

from briefcast.models import Story, Summary
from briefcast.stages.dates import date_frame
from briefcast.stages.rewrite import rewrite_sentences, strip_dateline

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "prof", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "a.m", "p.m",
    "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "dept", "est", "ave", "blvd", "maj", "adm", "cmdr", "pvt", "cpl",
    "supt", "det", "insp", "atty", "rev", "hon", "sens", "reps",
}
_SPLIT = re.compile(r"(?<=[.!?…])([”\"’)\]]*)\s+(?=[“\"‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
_STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those he she they them his her their we our you your i not no
has have had will would can could should may might said says say also than then there here
about after before over under into out up down more most some any all who which what when
where while do does did so such just one two""".split())
_STARTERS = set("The A An He She It They We I This That These Those But And Its Their His "
                "Her Our In On At By For After Before When While".split())
MAX_SENTENCE_WORDS = 60


def split_sentences(paragraph: str) -> list[str]:
    """Split at sentence ends, not after abbreviations such as "Dr." or "U.S."."""
    pieces: list[str] = []
    pos = 0
    for match in _SPLIT.finditer(paragraph):
        end = match.end(1)
        candidate = paragraph[pos:end]
        last = candidate.rstrip("”\"’)]").rstrip(".").split()[-1:] or [""]
        token = last[0].lower().lstrip("(“\"")
        following = paragraph[match.end():].split(" ", 1)[0]
        if token in ("a.m", "p.m") and following in _STARTERS:
            pass  # "ran past 11:40 p.m. The plan passed": the time ends the sentence
        elif token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        pieces.append(candidate.strip())
        pos = match.end()
    rest = paragraph[pos:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _content_words(sentence: str) -> list[str]:
    return [w.lower().strip("'’") for w in _WORD.findall(sentence)
            if w.lower() not in _STOP and len(w) > 2]


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) > 0.6


def _written_words(sentence: str) -> int:
    return len(sentence.split())


def spoken_sentences(story: Story, edition: dt.date | None = None,
                     timezone: str = "UTC") -> list[str]:
    """All of the story's sentences, rewritten for the ear, paragraph by paragraph.

    ``edition`` and ``timezone`` (the show's) let "today" and "yesterday" be re-said for
    the edition day; without an edition date they are left as written.
    """
    frame = date_frame(story.published, edition, timezone,
                       exact=not story.published_assumed)
    paragraphs = [split_sentences(strip_dateline(p)) for p in story.paragraphs]
    spoken: list[str] = []
    for i, sentences in enumerate(paragraphs):
        before = paragraphs[i - 1][-1] if i > 0 and paragraphs[i - 1] else ""
        after = paragraphs[i + 1][0] if i + 1 < len(paragraphs) and paragraphs[i + 1] else ""
        spoken.extend(rewrite_sentences(sentences, frame, before=before, after=after))
    return spoken


_ATTRIBUTION = re.compile(r"\b(said|says|say|told|tells|asked|asks|added|adds|wrote|"
                          r"writes|according to|recalled|explained|argued|warned|insisted|"
                          r"noted|declared|announced)\b", re.IGNORECASE)
_OPENING = "“‘\"'"


def unattributed_quote(sentence: str) -> bool:
    """A quotation with no speaker in the sentence: a quote's later sentence, or a whole
    quoted sentence ("“Tonight is theirs.”"). Listeners hear no quote marks, so read out
    alone it is put in the anchor's mouth."""
    text = sentence.strip()
    curly_open, curly_close = text.count("“"), text.count("”")
    unbalanced = curly_open != curly_close or text.count('"') % 2 == 1
    opens_with_quote = text[:1] in _OPENING and text[:1] != "'"
    if not (unbalanced or opens_with_quote):
        return False
    return _ATTRIBUTION.search(text) is None


_PRONOUN_START = re.compile(r"[“\"‘']?(He|She|They|His|Her|Their|Him|Them)\b")


def opens_inside_quote(sentences: list[str]) -> list[bool]:
    """For each sentence, whether it begins inside a quotation opened before it: the
    middle of "“I am ashamed. I told myself I would pay it back. I never did,” she said."
    """
    inside, state = [], False
    for sentence in sentences:
        text = sentence.lstrip()
        if text[:1] in "“\"":
            state = False  # a sentence that opens a quote starts outside one
        inside.append(state)
        for ch in text:
            if ch == "“":
                state = True
            elif ch == "”":
                state = False
            elif ch == '"':
                state = not state
    return inside


def condense_story(story: Story, budget_words: int,
                   count_words: Callable[[str], int] = _written_words, *,
                   edition: dt.date | None = None, timezone: str = "UTC") -> Summary:
    """Choose sentences worth hearing, up to about ``budget_words`` words.

    ``count_words`` measures a sentence as it will be *spoken* (numbers spelled out), so the
    budget tracks airtime rather than print length. ``edition`` is the date the episode is
    heard for and ``timezone`` the show's, used to re-date relative dates.
    """
    sentences = spoken_sentences(story, edition, timezone)
    if not sentences:
        return Summary(story, (), budget_words)
    words = [_content_words(s) for s in sentences]
    freq = Counter(w for ws in words for w in set(ws))
    scores: list[float] = []
    for i, (sentence, ws) in enumerate(zip(sentences, words)):
        centrality = sum(freq[w] - 1 for w in ws) / math.sqrt(len(ws) + 1)
        facts = len(re.findall(r"\d", sentence)) > 0
        names = sum(1 for w in sentence.split()[1:] if w[:1].isupper())
        position = 3.0 / (1 + i)
        length_penalty = 0.5 if len(sentence.split()) > MAX_SENTENCE_WORDS else 1.0
        scores.append((position + 0.3 * centrality + 0.5 * facts + 0.1 * min(names, 5))
                      * length_penalty)

    lengths = [count_words(s) for s in sentences]
    # The lead goes first (it answers who, what, where) unless it alone would blow the budget.
    if lengths[0] <= budget_words * 1.5:
        chosen, total = [0], lengths[0]
    else:
        chosen, total = [], 0
    inside = opens_inside_quote(sentences)
    for i in sorted(range(1, len(sentences)), key=lambda k: -scores[k]):
        if unattributed_quote(sentences[i]) or (inside[i] and i - 1 not in chosen):
            continue  # read aloud alone, it would sound like the anchor's own words
        if _PRONOUN_START.match(sentences[i]) and i - 1 not in chosen:
            continue  # "He added: ..." needs the sentence that says who he is
        n = lengths[i]
        if total >= budget_words * 0.92:
            break
        if total + n > budget_words * 1.1:
            continue
        if any(_similar(set(words[i]), set(words[j])) for j in chosen):
            continue
        chosen.append(i)
        total += n
    if not chosen:  # nothing fits: the shortest sentence is the least damage
        chosen = [min(range(len(sentences)), key=lambda k: lengths[k])]
    return Summary(story, tuple(sentences[i] for i in sorted(chosen)), budget_words)
