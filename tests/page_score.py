"""What a listener hears from each page of the corpus, and how it compares with the article.

Every page goes through the same code as ``briefcast script`` (``prepare``: ingest, clean,
condense, rewrite, faithfulness check) as the one story of a one-minute show (about 120
spoken words, a story's share of the demo's five-minute, six-story night), saved as a
``.txt`` dump or a ``.html`` page. The aired sentences are then judged against the page's
ground-truth body:

* **junk aired**: an aired sentence that is not from the body. A sentence counts as the
  body's when at least half of its word pairs (bigrams, lower-cased) occur in the body, so
  the rewriter's small changes (a dateline cut, "yesterday" for "Monday", ", X said" after a
  trimmed quote) do not count as junk, while a teaser or a comment does.
* **lead aired**: the first sentence read is (a part of) the article's lead sentence: the
  body's first sentence of 5 words or more.
* **lead facts**: the lead sentence's numbers and names (capitalised words after its first,
  not weekday or month names, which the rewriter re-says as "yesterday" or "on Tuesday";
  nothing in parentheses, which the rewriter drops as an aside), counted when they appear
  in the aired text; the share over all stories.

A column is one function of an ``Aired`` story (``CHECKS``): a later check adds one line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tempfile
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from conftest import make_show
from pages import Page

from briefcast.config import load_config
from briefcast.errors import BuildError
from briefcast.models import Article
from briefcast.prepare import prepare
from briefcast.stages.coherence import check_coherence, describe
from briefcast.stages.condense import split_sentences
from briefcast.stages.ingest import read_article
from briefcast.stages.rewrite import strip_dateline

LEAD_MIN_WORDS = 5
BODY_SHARE = 0.5  # share of a sentence's word pairs found in the body for it to be the body's
UNDATED_EDITION = dt.date(2026, 11, 26)
_TOKEN = re.compile(r"[a-z0-9]+")
_CALENDAR = set("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec""".split())
_NUMBER = re.compile(r"(?<!\w)\d(?:[\d,.]*\d)?(?:st|nd|rd|th)?")
_ASIDE = re.compile(r"\([^()]*\)")
_POSSESSIVE = re.compile(r"[’']s?$")
_NAME = re.compile(r"[A-Z][\w’'-]*")


@dataclass(frozen=True)
class Aired:
    """One page's story as the listener hears it (``sentences`` empty: it did not air)."""

    page: Page
    route: str  # "dump" or "html"
    sentences: tuple[str, ...]
    reason: str = ""  # why nothing aired
    coherence: tuple[str, ...] = ()  # what the build's coherence check found in what aired

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'").replace("'", ""))


def _pairs(words: Sequence[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(words))


def from_text(sentence: str, text: str) -> bool:
    """Whether ``sentence`` is (a rewriting of) part of ``text``: see the module docstring."""
    words, source = tokens(sentence), tokens(text)
    if len(words) < 2:
        return set(words) <= set(source)
    pairs = _pairs(words)
    return len(pairs & _pairs(source)) / len(pairs) >= BODY_SHARE


def lead_sentence(body: Sequence[str]) -> str:
    """The article's first sentence of LEAD_MIN_WORDS words or more."""
    for paragraph in body:
        for sentence in split_sentences(strip_dateline(paragraph)):
            if len(sentence.split()) >= LEAD_MIN_WORDS:
                return sentence
    return body[0] if body else ""


def lead_facts(lead: str) -> list[str]:
    """Numbers and names of the lead sentence, outside parentheses (the rewriter drops
    asides on purpose); see the module docstring."""
    lead = _ASIDE.sub(" ", lead)
    numbers = [n.replace(",", "") for n in _NUMBER.findall(lead)]
    names = [_POSSESSIVE.sub("", m.group(0)) for word in lead.split()[1:]
             if (m := _NAME.match(word.strip("“\"‘(")))]
    return numbers + [n for n in names if len(n) > 1 and n.lower() not in _CALENDAR]


def facts_found(aired: Aired) -> tuple[int, int]:
    """(lead facts heard, lead facts in the lead sentence)."""
    facts = lead_facts(lead_sentence(aired.page.body))
    text = aired.text.replace(",", "")
    return sum(1 for f in facts if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)), len(facts)


def junk_sentences(aired: Aired) -> list[str]:
    body = " ".join(aired.page.body)
    return [s for s in aired.sentences if not from_text(s, body)]


def lead_aired(aired: Aired) -> bool:
    return bool(aired.sentences) and from_text(aired.sentences[0],
                                                lead_sentence(aired.page.body))


CHECKS: dict[str, Callable[[Aired], bool]] = {
    "junk aired": lambda a: bool(junk_sentences(a)),
    "lead aired": lead_aired,
    "coherent": lambda a: bool(a.sentences) and not a.coherence,
}


def _edition(path: Path, config_tz: str) -> dt.date:
    """An edition date whose 24-hour window holds the article's own publication date."""
    article = read_article(path, zoneinfo.ZoneInfo(config_tz))
    if not isinstance(article, Article) or article.published is None:
        return UNDATED_EDITION
    local = article.published.astimezone(zoneinfo.ZoneInfo(config_tz))
    return (local - dt.timedelta(hours=6)).date() + dt.timedelta(days=1)  # 06:00 shows


def air(page: Page, route: str) -> Aired:
    """Run one page through ``prepare`` as the single story of a one-minute show."""
    with tempfile.TemporaryDirectory() as tmp:
        config_path = make_show(Path(tmp), articles=[], story_count="1", target_minutes="1")
        folder = config_path.parent / "articles"
        path = folder / f"{page.name}.{'txt' if route == 'dump' else 'html'}"
        path.write_text(page.dump if route == "dump" else page.html, encoding="utf-8")
        config = load_config(config_path)
        try:
            prepared = prepare(config, _edition(path, config.timezone))
        except BuildError as exc:
            return Aired(page, route, (), str(exc))
        summaries = prepared.script.stories
        if not summaries:
            return Aired(page, route, ())
        found = check_coherence(summaries[0].sentences, summaries[0].story)
        return Aired(page, route, summaries[0].sentences,
                     coherence=tuple(describe(f) for f in found))


def air_all(pages: Sequence[Page], route: str) -> list[Aired]:
    return [air(page, route) for page in pages]
