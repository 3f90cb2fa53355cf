"""Coherence: check that what airs for a story can be followed by ear, on its own.

Condensing keeps some of a story's sentences and leaves the rest out. What is kept has to
make sense without what was left out: a listener cannot glance back up the page. The
faithfulness check (``faithful.py``) asks "is every fact in the article?"; this one asks
"can a listener follow it?". Its findings are reported, and acted on, exactly like
unfaithful ones (``prepare.py``: flagged, or the story dropped with ``unfaithful = "drop"``).

The rules, one :class:`~briefcast.models.Finding` kind each:

* ``split``: a sentence cut in the wrong place: it stops at a title ("... said Gov."), or
  it opens or closes a quotation that its paragraph closes or opens on the other side of
  the cut ("South Dakota's viral “Meth." from "the viral “Meth. We're on it.” campaign");
* ``teaser``: it ends on an ellipsis ("Here is what happened next…");
* ``fragment``: a heading ("Why the change") or a short line with no verb ("Like Yahoo!.");
* ``question``, ``pronoun``, ``connective``: the story's first sentence is a question,
  opens with a pronoun that points back at nothing ("He", "It", "They", "This", and "he"
  in "“…,” he said."), or with a word that continues an argument ("But", "However");
* ``pronoun`` later in the story: "He" or "She" with no person named or described before;
* ``surname``: a surname ("Dempsey", "Mr. Dempsey") heard before the full name the article
  gives ("Maria Dempsey"), counting the story's title, which the lead-in reads.

Usage, for a story's aired sentences (``Summary.sentences``) and its cleaned article::

    findings = check_coherence(summary.sentences, summary.story)   # () when coherent

``condense.py`` uses the same rules to choose what airs, so condensed stories come out
clean; the check is there to prove it and to catch what the rules cannot prevent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefcast.models import Finding, Story
from briefcast.stages.names import acting_people, people, titled, unintroduced
from briefcast.stages.quotes import outside_quotes
from briefcast.stages.rewrite import strip_dateline
from briefcast.stages.sentences import (
    ends_with_title,
    is_fragment,
    is_question,
    is_teaser,
    quoted_ranges,
    split_sentences,
)

__all__ = ["article_sentences", "check_coherence", "describe", "opener_problem",
           "pronoun_start"]

PRONOUNS = frozenset("he she it they we his her its their him them this these those that "
                     "such".split())
PERSONAL = frozenset("he she his her him".split())
CONNECTIVES = frozenset("But And Or Yet So However Also Still Instead Nevertheless Moreover "
                        "Furthermore Besides Otherwise Thus Therefore Likewise Similarly "
                        "Nonetheless Meanwhile".split())
# "This year's festival", "That night": a demonstrative before a time points at the calendar.
_TIME_WORDS = frozenset("""year year's week week's month month's morning afternoon evening
    night weekend summer winter spring fall autumn season season's time""".split())
# Who "he" or "she" can point back at, besides a name: "A 94-year-old former postman ..."
_PERSON_WORDS = frozenset("""man woman boy girl child mother father son daughter wife husband
    brother sister grandson granddaughter grandmother grandfather widow student pupil teacher
    mayor chief director president officer minister senator governor founder co-founder owner
    resident postman fisherman driver farmer doctor nurse surgeon coach player guard captain
    pastor priest volunteer maintainer executive spokesperson spokesman spokeswoman chair
    chairman chairwoman manager judge lawyer worker employee suspect victim author writer
    artist singer actor champion winner pilot lawmaker councillor councilor treasurer
    principal librarian keeper brewer baker chef scientist researcher professor engineer
    candidate leader premier chancellor king queen prince princess surveyor officer
    firefighter paramedic soldier veteran teenager pensioner retiree tenant landlord
    shopkeeper fishermen neighbour neighbor friend partner colleague striker forward
    midfielder defender goalkeeper keeper winger batsman bowler jockey boxer golfer
    cyclist athlete runner swimmer skier boss manager umpire referee""".split())
_DESCRIBES = {
    "split": "cut mid-sentence at",
    "teaser": "teaser line ending",
    "fragment": "not a sentence:",
    "question": "opens with a question:",
    "pronoun": "nobody for the pronoun",
    "connective": "opens mid-argument with",
    "surname": "surname before the full name:",
}


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].strip("“”\"‘’'(),.;:!?—–-") if words else ""


def pronoun_start(sentence: str) -> str | None:
    """The pronoun a sentence starts with, quotes skipped ("“…,” he said." gives "he")."""
    text = sentence.lstrip()
    outside = (outside_quotes(text) if text[:1] in "“\"‘'" else text).split()
    if not outside:
        return None
    word = _first_word(outside[0])
    if word.lower() not in PRONOUNS:
        return None
    nxt = _first_word(outside[1]).lower() if len(outside) > 1 else ""
    if word.lower() in ("this", "that", "these", "those") and nxt in _TIME_WORDS:
        return None
    return word


def opener_problem(sentence: str) -> Finding | None:
    """Why ``sentence`` cannot open a story, or None if it can."""
    if is_teaser(sentence):
        return Finding("teaser", _tail(sentence), sentence)
    if is_fragment(sentence):
        return Finding("fragment", sentence, sentence)
    if is_question(sentence):
        return Finding("question", _head(sentence), sentence)
    pronoun = pronoun_start(sentence)
    if pronoun:
        return Finding("pronoun", pronoun, sentence)
    first = _first_word(sentence)
    if first in CONNECTIVES and not re.match(r"\W*So far\b", sentence):
        return Finding("connective", first, sentence)
    return None


def _head(sentence: str, words: int = 6) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _tail(sentence: str, words: int = 5) -> str:
    parts = sentence.split()
    return ("… " if len(parts) > words else "") + " ".join(parts[-words:])


def _balanced(sentence: str) -> bool:
    return sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0


def _cut_quotation(sentence: str, paragraphs: Sequence[str]) -> bool:
    """Whether ``sentence`` is a piece of a quotation its paragraph keeps whole."""
    if _balanced(sentence):
        return False
    text = sentence.strip()
    for paragraph in paragraphs:
        at = paragraph.find(text)
        if at < 0:
            continue
        end = at + len(text)
        return any(a < at < b or a < end < b for a, b in quoted_ranges(paragraph))
    return False  # rewritten past recognition: cannot tell


def _knows_a_person(text: str, surnames: frozenset[str]) -> bool:
    """Whether ``text`` names or describes someone "he" or "she" could be."""
    words = {w.strip("“”\"‘’'(),.;:!?").removesuffix("’s").removesuffix("'s")
             for w in text.split()}
    lower = {w.lower() for w in words}
    return bool(people([text], confirmed=False) or titled(text) or acting_people(text)
                or words & surnames or lower & _PERSON_WORDS
                or any(w.endswith("-year-old") for w in lower))


def article_sentences(story: Story) -> list[str]:
    """The article's sentences as written (datelines off), before any rewriting."""
    return [s for p in story.paragraphs
            for s in split_sentences(strip_dateline(p), story.language)]


def check_coherence(sentences: Sequence[str], story: Story) -> tuple[Finding, ...]:
    """What a listener could not follow in ``sentences``, the aired text of ``story``.

    ``sentences`` are the story's script sentences in airing order; ``story`` is the
    cleaned article they come from. No findings means the story is coherent. Pure: reads
    nothing but its arguments.
    """
    paragraphs = [strip_dateline(p) for p in story.paragraphs]
    cast = people(article_sentences(story))
    surnames = frozenset(p.surname for p in cast)
    findings: list[Finding] = []

    def add(finding: Finding) -> None:
        if finding not in findings:
            findings.append(finding)

    for index, sentence in enumerate(sentences):
        if ends_with_title(sentence) or _cut_quotation(sentence, paragraphs):
            add(Finding("split", _tail(sentence), sentence))
        if index == 0:
            problem = opener_problem(sentence)
            if problem:
                add(problem)
            continue
        if is_teaser(sentence):
            add(Finding("teaser", _tail(sentence), sentence))
        elif is_fragment(sentence):
            add(Finding("fragment", sentence, sentence))
        pronoun = pronoun_start(sentence)
        heard = " ".join((story.title, *sentences[:index]))
        if pronoun and pronoun.lower() in PERSONAL and not _knows_a_person(heard, surnames):
            add(Finding("pronoun", pronoun, sentence))
    for index, mention in unintroduced(sentences, cast, heard=story.title):
        add(Finding("surname", sentences[index][mention.start:mention.end], sentences[index]))
    return tuple(findings)


def describe(finding: Finding) -> str:
    """A finding as a producer reads it: 'opens with a question: "Why now?"'."""
    return f'{_DESCRIBES.get(finding.kind, finding.kind)} "{finding.text}"'
