"""Faithfulness: every number, name, date and quote in a script is traceable to the article."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED, clean_file

from briefcast.models import Story
from briefcast.stages.condense import condense_story
from briefcast.stages.faithful import Finding, check_story

UTC = dt.UTC
DEMO = sorted((Path(__file__).parent.parent / "examples" / "demo" / "articles").glob("*.txt"))
SAMPLE = SEED  # our own seed-shaped article, in tests/ (a user's clone has no samples)
BUDGET_STORY = next(p for p in DEMO if p.name.startswith("01-"))

QUOTE = ("“This budget is not glamorous, but it keeps the water out and the buses running,” "
         "said Mayor Ines Okafor.")
LEAD = ("The Harbor Town Council approved a $48.6 million operating budget for the 2026 "
        "fiscal year early Wednesday, ending a five-hour meeting at Town Hall on Quay Street "
        "that ran past 11:40 p.m.")


def _story(path: Path = BUDGET_STORY) -> Story:
    story = clean_file(path)
    assert isinstance(story, Story)
    return story


def test_the_untouched_sentences_are_faithful() -> None:
    assert check_story([LEAD, QUOTE], _story()) == ()


@pytest.mark.parametrize(("sentence", "expected"), [
    (LEAD.replace("$48.6", "$46.8"), Finding("number", "46.8", LEAD.replace("$48.6", "$46.8"))),
    (LEAD.replace("five-hour", "six-hour"),
     Finding("number", "six", LEAD.replace("five-hour", "six-hour"))),
    (LEAD.replace("Quay Street", "Pier Street"),
     Finding("name", "Pier Street", LEAD.replace("Quay Street", "Pier Street"))),
    (LEAD.replace("early Wednesday", "early Thursday"),
     Finding("date", "thursday", LEAD.replace("early Wednesday", "early Thursday"))),
    (QUOTE.replace("buses", "trains"),
     Finding("quote", "This budget is not glamorous, but it keeps the water out and the trains "
             "running", QUOTE.replace("buses", "trains"))),
    ("Smith said the plan passed.", Finding("name", "Smith", "Smith said the plan passed.")),
])
def test_doctored_sentences_are_found(sentence: str, expected: Finding) -> None:
    assert check_story([sentence], _story()) == (expected,)


def test_an_invented_middle_name_is_a_finding() -> None:
    doctored = QUOTE.replace("Ines Okafor", "Ines Marie Okafor")
    assert check_story([doctored], _story()) == (
        Finding("name", "Mayor Ines Marie Okafor", doctored),)


def test_rewritten_dates_are_traceable_only_for_their_own_frame() -> None:
    story = Story("x.txt", "Ferries Stop", (
        "Bayline Ferries cancelled every crossing today, the company said.",),
        published=dt.datetime(2026, 11, 3, 15, 0, tzinfo=UTC))
    edition = dt.date(2026, 11, 20)
    summary = condense_story(story, 100, edition=edition, timezone="UTC")
    assert summary.sentences == (
        "Bayline Ferries cancelled every crossing on November 3, the company said.",)
    assert check_story(summary.sentences, story, edition=edition) == ()
    # The same words checked against another edition day were not written by the rewriter.
    assert check_story(summary.sentences, story, edition=dt.date(2026, 11, 4)) == (
        Finding("number", "3", summary.sentences[0]),
        Finding("date", "november", summary.sentences[0]),
    )
    wrong_day = ("Bayline Ferries cancelled every crossing on November 4, the company said.",)
    assert [f.text for f in check_story(wrong_day, story, edition=edition)] == ["4", "november"]


def test_trimmed_and_attributed_quotes_are_traceable() -> None:
    story = Story("x.txt", "Plan Defended", (
        "The plan was defended on Monday, said Deputy Minister Alexander Fomin.",
        "“The plan is sound and it has been tested by engineers from three universities and "
        "by the harbor authority over many months of hard work and it will hold.”"))
    summary = condense_story(story, 200)
    assert summary.sentences[-1].endswith("hard work…,” Fomin said.")
    assert check_story(summary.sentences, story) == ()
    doctored = summary.sentences[-1].replace("sound", "safe")
    assert [f.kind for f in check_story([doctored], story)] == ["quote"]


@pytest.mark.parametrize("path", DEMO + [SAMPLE],
                         ids=lambda p: p.name)
@pytest.mark.parametrize("timezone", ["UTC", "Asia/Tokyo", "America/New_York"])
def test_condensed_real_articles_have_no_findings(path: Path, timezone: str) -> None:
    story = _story(path)
    for published in (None, dt.datetime(2026, 3, 10, 23, 30, tzinfo=UTC)):
        dated = dataclasses.replace(story, published=published)
        for edition in (None, dt.date(2026, 3, 11), dt.date(2026, 3, 12),
                        dt.date(2026, 4, 30)):
            for budget in (40, 120, 1000):
                summary = condense_story(dated, budget, edition=edition, timezone=timezone)
                assert check_story(summary.sentences, dated, edition=edition,
                                   timezone=timezone) == ()


def test_plural_possessives_and_full_names_said_by_the_condenser_are_traceable() -> None:
    story = Story("x.txt", "Court", (
        "Rick Santorum, 58, appeared at Westminster Magistrates' Court on Monday.",
        "But Santorum said the Heroes' Day rally would go ahead.",))
    said = ["But Rick Santorum said the Heroes' Day rally would go ahead.",
            "Rick Santorum appeared at Westminster Magistrates' Court on Monday."]
    assert check_story(said, story) == ()
    doctored = "But Rick Santorini said the rally would go ahead."
    assert [f.text for f in check_story([doctored], story)] == ["Rick Santorini"]
