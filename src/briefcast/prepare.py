"""Prepare: everything decided before any audio is made, and the script a producer reviews.

Ingest, clean, compose (the condensing happens inside), then check the script: each story's
numbers, names and quotes against its article, and whether it can be followed by ear
(flagged, or dropped by the show's choice), and its names against what espeak-ng is likely
to say wrong. ``briefcast script``,
``build --dry-run`` and the build itself all come through here, so what is reviewed is
what airs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefcast.cache import Cache
from briefcast.config import ShowConfig
from briefcast.errors import BuildError
from briefcast.models import Article, Finding, Script, Skipped, Story
from briefcast.stages.ingest import edition_window, ingest
from briefcast.stages.pacing import Pace, estimate_seconds, nominal_pace

if TYPE_CHECKING:
    from briefcast.stages.ingest import IngestResult

# Cleaning, composing and checking (clean, script, lexicon, faithful, coherence) are
# imported where they run: a warm rebuild takes the prepared script from the cache and
# does without them and their dependencies (num2words, the word lists).


@dataclass(frozen=True)
class Prepared:
    """Everything decided before any audio is made."""

    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...]
    script: Script
    warnings: tuple[str, ...] = ()  # for the producer: untraceable facts, names to check
    paces: dict[str, Pace] = field(default_factory=dict)  # the voices' measured paces
    extra_s: float = 0.0  # airtime that is not speech (stings)
    notes: tuple[str, ...] = ()  # from ingest, e.g. a date ignored (the article is undated)


def prepare(config: ShowConfig, date: dt.date, paces: dict[str, Pace] | None = None,
            extra_s: float = 0.0, cache: Cache | None = None,
            ingested: IngestResult | None = None) -> Prepared:
    """Ingest, clean, compose and check the script: no audio, no writes (but ``cache``).

    Every story's script is checked against its article (numbers, names, quotes) and for
    what a listener cannot follow (a sentence cut short, a surname out of nowhere, a story
    opening on "He ..."); a story that fails is reported, or left out when the show says
    ``unfaithful = "drop"``. Ingest always runs (feeds may have changed); with a
    ``cache``, what follows it is reused when the articles, config, date, paces and code
    are all the same (:mod:`briefcast.prepared_cache`). ``ingested`` is the result of
    ingesting elsewhere (a network's worker gets the articles from its client).
    """
    if ingested is None:
        ingested = ingest(config, date)  # folder + feeds, edition window, deduplicated
    notes = tuple(f"{source_label(a.source)}: {a.date_note}" for a in ingested.articles
                  if a.date_note)
    if cache is None:
        prepared = _from_ingested(config, date, ingested, paces or {}, extra_s)
    else:
        from briefcast.prepared_cache import cached_prepare

        prepared = cached_prepare(config, date, ingested, paces or {}, extra_s, cache,
                                  _from_ingested)
    return replace(prepared, notes=notes)


def _from_ingested(config: ShowConfig, date: dt.date, ingested: IngestResult,
                   paces: dict[str, Pace], extra_s: float) -> Prepared:
    """Clean the ingested articles, then compose and check the script."""
    stories: list[Story] = []
    skipped = list(ingested.skipped)
    other = 0  # cleaned stories the show's [select] leaves to other shows
    # An undated article is taken to be from the middle of the edition's window: for a
    # 06:00 show that is the evening before, so its "today" is said as "yesterday".
    assumed = edition_window(config, date).start + dt.timedelta(hours=12)
    for article in ingested.articles:
        cleaned = clean_for_show(article, config)
        if isinstance(cleaned, Skipped):
            skipped.append(cleaned)
        elif not selected(config, article, cleaned):
            other += 1
        else:
            stories.append(cleaned if cleaned.published else replace(
                cleaned, published=assumed, published_assumed=True))
    if not stories:
        reasons = "; ".join(f"{Path(s.source).name}: {s.reason}" for s in skipped) or "none found"
        if other:
            reasons = f"{other} matched none of the show's [select] criteria; {reasons}"
        where = ", ".join([str(config.sources_folder)] if config.sources_folder else []
                          + list(config.sources_feeds))
        raise BuildError(f"no usable articles for {date} in {where} ({reasons})")
    return compose_checked(config, date, stories, skipped, paces, extra_s)


def clean_for_show(article: Article, config: ShowConfig) -> Story | Skipped:
    """The article cleaned with the show language's rules, or why it cannot air: too
    little story left, or a story in another language than the show's."""
    from briefcast.stages.clean import clean_article
    from briefcast.stages.language import language_problem

    cleaned = clean_article(article, config.language)
    if isinstance(cleaned, Skipped):
        return cleaned
    problem = language_problem(cleaned, config.language)
    return cleaned if problem is None else Skipped(article.source, problem)


def selected(config: ShowConfig, article: Article, story: Story) -> bool:
    """Whether the show's ``[select]`` takes this story (a show without one takes all)."""
    if config.select.everything:
        return True
    return config.select.why(article, " ".join((story.title, *story.paragraphs))) is not None


def compose_checked(config: ShowConfig, date: dt.date, stories: list[Story],
                    skipped: list[Skipped], paces: dict[str, Pace],
                    extra_s: float) -> Prepared:
    """Compose the script and check it: faithfulness and coherence (flag or drop) and
    pronunciation.

    Used for the first composition and for every recomposition after a story is dropped,
    so a story that moves up into the briefing is checked like the others.
    """
    from briefcast.lexicon import load_lexicon, review_warnings
    from briefcast.stages.script import compose_script

    stories, skipped = list(stories), list(skipped)
    lexicon = load_lexicon(config.lexicon)
    while True:
        script = compose_script(stories, config, date, lexicon, paces, extra_s)
        failing = _failing(script, config, date)
        if not failing or not config.drop_unfaithful:
            break
        for story, reason in failing:  # dropped: the next story in line may take its slot
            stories.remove(story)
            skipped.append(Skipped(story.source, reason))
        if not stories:
            raise BuildError(f"no story for {date} passed the faithfulness and coherence "
                             f"checks ({'; '.join(r for _, r in failing)})")
    warnings = [f"{source_label(story.source)}: {reason}" for story, reason in failing]
    planned = estimate_seconds(script, paces or {config.voice: nominal_pace(config.rate_wpm)},
                               extra_s)
    target = config.target_minutes * 60
    if planned < SHORT_SHOW * target:
        warnings.append(f"the briefing runs about {_clock(planned)}, well short of its "
                        f"{_clock(target)} slot: {len(script.stories)} stories have no more "
                        "to say (add articles, or lower briefing.target_minutes)")
    warnings += review_warnings(script, lexicon, config.language, config.voice)
    return Prepared(tuple(stories), tuple(skipped), script, tuple(warnings), paces, extra_s)


SHORT_SHOW = 0.8  # below this share of the target length the producer is told


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def held_back(prepared: Prepared) -> list[str]:
    """Usable stories that did not make the running order (story_count), by source."""
    aired = {s.story.source for s in prepared.script.stories}
    return [source_label(s.source) for s in prepared.stories if s.source not in aired]


def estimate(prepared: Prepared) -> float | None:
    """The planned length in seconds, from the voices' measured pace (None if unmeasured)."""
    if not prepared.paces:
        return None
    return estimate_seconds(prepared.script, prepared.paces, prepared.extra_s)


def source_label(source: str) -> str:
    """A source as a producer reads it in messages: a URL whole, a file by its name."""
    return source if "://" in source else Path(source).name


def _failing(script: Script, config: ShowConfig, date: dt.date) -> list[tuple[Story, str]]:
    """Stories whose script says something their article does not, or that a listener
    could not follow, with what it is."""
    from briefcast.stages.coherence import check_coherence, describe
    from briefcast.stages.faithful import check_story

    found = []
    for summary in script.stories:
        untraceable = check_story(summary.sentences, summary.story, edition=date,
                                  timezone=config.timezone)
        incoherent = check_coherence(summary.sentences, summary.story)
        reasons = [_reason("not traceable to the article", untraceable,
                           lambda f: f'{f.kind} "{f.text}"'),
                   _reason("hard to follow by ear", incoherent, describe)]
        if untraceable or incoherent:
            found.append((summary.story, "; ".join(r for r in reasons if r)))
    return found


def _reason(what: str, findings: tuple[Finding, ...], say: Callable[[Finding], str],
            shown: int = 4) -> str:
    """'what: first findings and N more', or "" when there are none (each said once)."""
    said = list(dict.fromkeys(say(f) for f in findings))
    if not said:
        return ""
    more = f" and {len(said) - shown} more" if len(said) > shown else ""
    return f"{what}: {'; '.join(said[:shown])}{more}"


def script_markdown(script: Script, rate_wpm: int, estimate_s: float | None = None,
                    measured: bool = True, name: Callable[[str], str] = str) -> str:
    """The script as a producer reviews it: every line, then each story's source and budget."""
    lines = [f"# {script.title}", ""]
    for cue in script.cues:
        if cue.kind == "transition":
            lines += ["", f"## {cue.chapter}", ""]
        lines.append(cue.text)
    seconds = estimate_s if estimate_s is not None else script.word_count / rate_wpm * 60
    how = ("the voices' measured pace" if estimate_s is not None and measured
           else f"the nominal {rate_wpm} words a minute")
    minutes, rest = divmod(round(seconds), 60)
    lines += ["", "---", f"{script.word_count} spoken words, about {minutes}:{rest:02d} "
              f"at {how}, pauses included.", ""]
    for summary in script.stories:
        lines.append(f"- {summary.story.title}: {summary.word_count} of "
                     f"{summary.story.word_count} words (budget {summary.budget_words}), "
                     f"source {name(summary.story.source)}")
    return "\n".join(lines) + "\n"
