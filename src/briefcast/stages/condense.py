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
import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from briefcast.languages import language_data
from briefcast.models import Story, Summary
from briefcast.stages.coherence import article_sentences, opener_problem, pronoun_start
from briefcast.stages.dates import date_frame
from briefcast.stages.names import introduce, people, unintroduced
from briefcast.stages.rewrite import rewrite_sentences, strip_dateline
from briefcast.stages.sentences import split_sentences

__all__ = ["condense_story", "opens_inside_quote", "split_sentences", "spoken_sentences",
           "unattributed_quote"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
_STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those he she they them his her their we our you your i not no
has have had will would can could should may might said says say also than then there here
about after before over under into out up down more most some any all who which what when
where while do does did so such just one two""".split())
MAX_SENTENCE_WORDS = 60


_WORD_ANY = re.compile(r"[^\W\d_][\w'’-]+|\d[\d,.]*")  # "Fähre", "año": any alphabet


@functools.lru_cache(maxsize=8)
def _stopwords(language: str) -> frozenset[str]:
    """English's, and jusText's list of the show's language ("der", "el", "les")."""
    from briefcast.stages.locate import stoplist

    return frozenset(_STOP) | (stoplist(language) if language != "en" else frozenset())


def _content_words(sentence: str, language: str = "en") -> list[str]:
    stop = _stopwords(language)
    pattern = _WORD if language == "en" else _WORD_ANY
    return [w.lower().strip("'’") for w in pattern.findall(sentence)
            if w.lower() not in stop and len(w) > 2]


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
                       exact=not story.published_assumed, language=story.language)
    paragraphs = [split_sentences(strip_dateline(p), story.language) for p in story.paragraphs]
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


@functools.lru_cache(maxsize=8)
def _attribution(language: str) -> re.Pattern[str]:
    """English's attribution words, and the show language's ("sagte", "dijo", "a déclaré")."""
    own = language_data(language).attribution
    return re.compile(_ATTRIBUTION.pattern + (f"|{own}" if own else ""), re.IGNORECASE)


def unattributed_quote(sentence: str, language: str = "en") -> bool:
    """A quotation with no speaker in the sentence: a quote's later sentence, or a whole
    quoted sentence ("“Tonight is theirs.”"). Listeners hear no quote marks, so read out
    alone it is put in the anchor's mouth."""
    text = sentence.strip()
    curly_open, curly_close = text.count("“"), text.count("”")
    unbalanced = curly_open != curly_close or text.count('"') % 2 == 1
    opens_with_quote = text[:1] in _OPENING and text[:1] != "'"
    if not (unbalanced or opens_with_quote):
        return False
    return _attribution(language).search(text) is None


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


def _scores(sentences: list[str], language: str = "en") -> list[float]:
    """How much each sentence is worth hearing: position, centrality, facts, names."""
    words = [_content_words(s, language) for s in sentences]
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
    return scores


def condense_story(story: Story, budget_words: int,
                   count_words: Callable[[str], int] = _written_words, *,
                   edition: dt.date | None = None, timezone: str = "UTC") -> Summary:
    """Choose sentences worth hearing, up to about ``budget_words`` words.

    ``count_words`` measures a sentence as it will be *spoken* (numbers spelled out), so the
    budget tracks airtime rather than print length. ``edition`` is the date the episode is
    heard for and ``timezone`` the show's, used to re-date relative dates.

    What is chosen must hold together when heard alone (``coherence.py``): the first
    sentence can open a story (no question, no "He ...", no "But ..."), a sentence starting
    with a pronoun or inside a quote follows the one before it, and a person first heard by
    surname brings the sentence that introduces them when the budget allows; otherwise
    their full name is said at that first mention (``Summary.picked`` keeps the positions).
    """
    sentences = spoken_sentences(story, edition, timezone)
    if not sentences:
        return Summary(story, (), budget_words)
    words = [set(_content_words(s, story.language)) for s in sentences]
    scores = _scores(sentences, story.language)
    lengths = [count_words(s) for s in sentences]
    article = "\n".join(article_sentences(story))
    # People introduced in the spoken sentences, then those only the unspoken text names
    # in full (an aside, a caption): their full name can still be said.
    cast = people(sentences)
    cast += tuple(replace(p, first_seen=len(sentences)) for p in people(article.split("\n"))
                  if p.name not in {c.name for c in cast})
    # Each sentence's length with the full names it would need if it aired without them.
    named = [introduce([s], cast, [i], article, story.title)[0] for i, s in enumerate(sentences)]
    full = [lengths[i] if named[i] == s else count_words(named[i])
            for i, s in enumerate(sentences)]
    inside = opens_inside_quote(sentences)
    can_open = [opener_problem(s) is None for s in sentences]
    follows = [pronoun_start(s) is not None for s in sentences]  # needs the one before

    def fits(k: int, chosen: list[int]) -> bool:
        """Whether sentence ``k`` may join ``chosen`` as far as its neighbours go."""
        if unattributed_quote(sentences[k], story.language) or (inside[k] and k - 1 not in chosen):
            return False  # read aloud alone, it would sound like the anchor's own words
        if follows[k] and k - 1 not in chosen:
            return False  # "He added: ..." needs the sentence that says who he is
        if (not chosen or k < min(chosen)) and not can_open[k]:
            return False  # it would open the story
        return not any(_similar(words[k], words[j]) for j in chosen)

    def introductions(k: int, chosen: list[int]) -> list[int]:
        """The unchosen earlier sentences that introduce people ``k`` names by surname."""
        heard = [sentences[j] for j in sorted(chosen) if j < k]
        return sorted({p.first_seen for _, m in unintroduced([sentences[k]], cast,
                                                             " ".join([story.title, *heard]))
                       for p in cast if p.surname == m.surname and p.first_seen < k})

    budget, over = budget_words * 0.92, budget_words * 1.1
    # The lead goes first (it answers who, what, where) unless it alone would blow the
    # budget; a lead that cannot open a story gives way to the first sentence that can.
    lead = next((k for k in range(len(sentences)) if can_open[k]), 0)
    chosen, total = ([lead], full[lead]) if full[lead] <= budget_words * 1.5 else ([], 0)
    for i in sorted(range(len(sentences)), key=lambda k: -scores[k]):
        if total >= budget:
            break
        if i == lead or i in chosen or not fits(i, chosen):
            continue
        intro = introductions(i, chosen)
        if intro and total + lengths[i] + sum(lengths[j] for j in intro) <= over and all(
                fits(j, chosen) for j in intro):
            chosen += [*intro, i]  # who they are, then what they said
            total += lengths[i] + sum(lengths[j] for j in intro)
        elif total + full[i] <= over:
            chosen.append(i)
            total += full[i]
    if not chosen:  # nothing fits: the shortest sentence is the least damage
        chosen = [min(range(len(sentences)), key=lambda k: (not can_open[k], lengths[k]))]
    picked = tuple(sorted(chosen))
    aired = introduce([sentences[i] for i in picked], cast, picked, article, story.title)
    return Summary(story, aired, budget_words, picked)
