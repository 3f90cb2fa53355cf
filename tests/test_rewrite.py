"""Spoken-style rewriting: dates re-said for the edition day, asides dropped, splits, quotes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED, clean_file

from briefcast.models import Story
from briefcast.stages.condense import condense_story, split_sentences, spoken_sentences
from briefcast.stages.rewrite import (
    date_frame,
    is_prompt_or_caption,
    resolve_dates,
    rewrite_sentences,
    split_long_sentence,
    strip_asides,
    strip_dateline,
    trim_long_quote,
)

UTC = dt.UTC
TUESDAY_3PM = dt.datetime(2026, 11, 3, 15, 0, tzinfo=UTC)  # Tuesday, November 3, 2026
DEMO = sorted((Path(__file__).parent.parent / "examples" / "demo" / "articles").glob("*.txt"))
SAMPLE = SEED  # our own seed-shaped article, in tests/ (a user's clone has no samples)


def redate(sentence: str, published: dt.datetime | None, edition: dt.date | None,
           timezone: str = "UTC") -> str:
    return resolve_dates(sentence, date_frame(published, edition, timezone))


# --- relative dates -------------------------------------------------------------------------

@pytest.mark.parametrize(("edition", "expected"), [
    (dt.date(2026, 11, 3), "The council voted today to approve it."),
    (dt.date(2026, 11, 4), "The council voted yesterday to approve it."),
    (dt.date(2026, 11, 6), "The council voted on Tuesday to approve it."),
    (dt.date(2026, 11, 9), "The council voted on Tuesday to approve it."),
    (dt.date(2026, 11, 10), "The council voted on November 3 to approve it."),
    (dt.date(2026, 11, 20), "The council voted on November 3 to approve it."),
])
def test_today_is_said_again_from_the_edition_day(edition: dt.date, expected: str) -> None:
    assert redate("The council voted today to approve it.", TUESDAY_3PM, edition) == expected


@pytest.mark.parametrize(("sentence", "edition", "expected"), [
    ("Today, the mayor said no.", dt.date(2026, 11, 4), "Yesterday, the mayor said no."),
    ("Today, the mayor said no.", dt.date(2026, 11, 6), "On Tuesday, the mayor said no."),
    ("The storm hit last night.", dt.date(2026, 11, 4), "The storm hit on Monday night."),
    ("The storm hit last night.", dt.date(2026, 11, 3), "The storm hit last night."),
    ("The storm hit last night.", dt.date(2026, 11, 20),
     "The storm hit on the night of November 2."),
    ("Tonight's game was cancelled.", dt.date(2026, 11, 4), "Last night's game was cancelled."),
    ("Today's vote was close.", dt.date(2026, 11, 20), "The November 3 vote was close."),
    ("Crews returned this morning.", dt.date(2026, 11, 4), "Crews returned yesterday morning."),
    ("The report is due tomorrow.", dt.date(2026, 11, 4), "The report is due today."),
    ("The report is due tomorrow.", dt.date(2026, 11, 20),
     "The report is due on November 4."),
    ("Sales rose this week.", dt.date(2026, 11, 10), "Sales rose last week."),
    ("Sales rose this week.", dt.date(2026, 11, 30),
     "Sales rose in the week of November 2."),
    ("Ferries stop until tomorrow.", dt.date(2026, 11, 10), "Ferries stop until Wednesday."),
])
def test_relative_phrases(sentence: str, edition: dt.date, expected: str) -> None:
    assert redate(sentence, TUESDAY_3PM, edition) == expected


@pytest.mark.parametrize(("sentence", "edition", "expected"), [
    # Past tense: the most recent such day on or before publication (Monday, November 2).
    ("The council met on Monday to vote.", dt.date(2026, 11, 4),
     "The council met on Monday to vote."),
    ("The council met on Monday to vote.", dt.date(2026, 11, 3),
     "The council met yesterday to vote."),
    ("The council met on Monday to vote.", dt.date(2026, 11, 17),
     "The council met on November 2 to vote."),
    ("Officials announced Tuesday that the plan passed.", dt.date(2026, 11, 4),
     "Officials announced yesterday that the plan passed."),
    # Future tense: the next such day after publication (Friday, November 6).
    ("The board will meet on Friday.", dt.date(2026, 11, 4), "The board will meet on Friday."),
    ("The board will meet on Friday.", dt.date(2026, 11, 6), "The board will meet today."),
    ("The board will meet on Friday.", dt.date(2026, 11, 17),
     "The board will meet on November 6."),
    ("Power could be out until Thursday evening.", dt.date(2026, 11, 4),
     "Power could be out until tomorrow evening."),
    # An explicit date or a name containing a weekday is left alone.
    ("The parade is on Sunday, March 16.", dt.date(2026, 11, 20),
     "The parade is on Sunday, March 16."),
    ("Black Friday sales were strong.", dt.date(2026, 11, 20), "Black Friday sales were strong."),
])
def test_weekday_names(sentence: str, edition: dt.date, expected: str) -> None:
    assert redate(sentence, TUESDAY_3PM, edition) == expected


def test_month_end_and_leap_of_a_month() -> None:
    published = dt.datetime(2026, 3, 31, 12, 0, tzinfo=UTC)  # a Tuesday
    edition = dt.date(2026, 4, 1)
    assert redate("The road reopened yesterday.", published, edition) == \
        "The road reopened on Monday."
    assert redate("Results come out tomorrow.", published, edition) == "Results come out today."
    assert redate("Results came out today.", published, dt.date(2026, 4, 9)) == \
        "Results came out on March 31."


def test_year_end_names_the_year_only_when_it_differs() -> None:
    published = dt.datetime(2025, 12, 31, 12, 0, tzinfo=UTC)
    assert redate("Fireworks light the harbor tonight.", published, dt.date(2026, 1, 1)) == \
        "Fireworks light the harbor last night."
    assert redate("Fireworks light the harbor tonight.", published, dt.date(2026, 1, 15)) == \
        "Fireworks light the harbor on the night of December 31, 2025."
    assert redate("The vote was today.", published, dt.date(2025, 12, 31)) == \
        "The vote was today."


@pytest.mark.parametrize(("timezone", "expected"), [
    ("Asia/Tokyo", "The talks ended today."),  # 08:30 on November 4 in Tokyo
    ("UTC", "The talks ended yesterday."),
    ("America/New_York", "The talks ended yesterday."),  # 18:30 on November 3
])
def test_publication_day_is_taken_in_the_show_time_zone(timezone: str, expected: str) -> None:
    published = dt.datetime(2026, 11, 3, 23, 30, tzinfo=UTC)
    assert redate("The talks ended today.", published, dt.date(2026, 11, 4), timezone) == \
        expected


def test_new_york_evening_is_the_previous_day() -> None:
    published = dt.datetime(2026, 11, 4, 2, 30, tzinfo=UTC)  # 21:30 on November 3 in New York
    assert redate("Today, the mayor said no.", published, dt.date(2026, 11, 4),
                  "America/New_York") == "Yesterday, the mayor said no."
    assert redate("Today, the mayor said no.", published, dt.date(2026, 11, 4), "UTC") == \
        "Today, the mayor said no."


def test_quotes_and_show_names_are_left_alone() -> None:
    edition = dt.date(2026, 11, 4)
    assert redate("“We won today,” she said after the match today.", TUESDAY_3PM, edition) == \
        "“We won today,” she said after the match yesterday."
    assert redate('"Tonight is theirs," the coach said.', TUESDAY_3PM, edition) == \
        '"Tonight is theirs," the coach said.'
    assert redate("She told the Today programme that talks would go on.", TUESDAY_3PM,
                  edition) == "She told the Today programme that talks would go on."


def test_without_publication_or_edition_date_nothing_changes() -> None:
    sentence = "The council met on Monday and voted today."
    assert redate(sentence, None, dt.date(2026, 11, 20)) == sentence
    assert redate(sentence, TUESDAY_3PM, None) == sentence


# --- datelines, asides, prompts -------------------------------------------------------------

@pytest.mark.parametrize(("paragraph", "expected"), [
    ("HARBOR TOWN, Ohio (AP) — The council met.", "The council met."),
    ("LONDON — The council met.", "The council met."),
    ("WASHINGTON (Reuters) - the council met.", "The council met."),
    ("Harbor Town, Nov. 3 – The council met.", "The council met."),
    ("Kyiv, March 29, 2022 — Talks resumed.", "Talks resumed."),
    ("NATO said on Monday it would meet.", "NATO said on Monday it would meet."),
    ("The X-ray - a new model - arrived.", "The X-ray - a new model - arrived."),
])
def test_strip_dateline(paragraph: str, expected: str) -> None:
    assert strip_dateline(paragraph) == expected


def test_strip_asides() -> None:
    assert strip_asides("The mayor (pictured) said the North Atlantic Treaty Organization "
                        "(NATO) would act (see chart).") == \
        "The mayor said the North Atlantic Treaty Organization would act."
    assert strip_asides("Prices rose [citation needed], officials said.") == \
        "Prices rose, officials said."
    assert strip_asides("“[Smith] was right,” she said.") == "“Smith was right,” she said."


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Click here to read the full report.", True),
    ("Read more about the storm on our website.", True),
    ("Subscribe now for unlimited access.", True),
    ("Pictured: the mayor at the pier.", True),
    ("Subscribers to the ferry pass will get refunds.", False),
    ("The offer was oversubscribed by investors.", False),
    ("“Click here,” the scammers wrote, police said.", False),
])
def test_prompts_and_captions(sentence: str, expected: bool) -> None:
    assert is_prompt_or_caption(sentence) is expected


# --- long sentences -------------------------------------------------------------------------

def test_long_sentence_splits_at_while_clause() -> None:
    sentence = ("Marsh said the town should have delayed a $640,000 renovation of the "
                "harbormaster’s office and the new parking garage on Quay Street, while "
                "Achterberg argued the 1st-year cost of the breakwater work had been "
                "underestimated by the engineers who surveyed it.")
    assert split_long_sentence(sentence) == [
        "Marsh said the town should have delayed a $640,000 renovation of the harbormaster’s "
        "office and the new parking garage on Quay Street.",
        "Achterberg argued the 1st-year cost of the breakwater work had been underestimated "
        "by the engineers who surveyed it.",
    ]


def test_long_sentence_prefers_a_semicolon_and_keeps_but() -> None:
    sentence = ("The company reported record profits in the third quarter on strong sales in "
                "Europe and Asia; the shares rose 12% in early trading as investors cheered, "
                "but analysts warned that costs had also climbed sharply this year.")
    assert split_long_sentence(sentence) == [
        "The company reported record profits in the third quarter on strong sales in Europe "
        "and Asia.",
        "The shares rose 12% in early trading as investors cheered, but analysts warned that "
        "costs had also climbed sharply this year.",
    ]
    assert split_long_sentence(sentence, max_words=20) == [
        "The company reported record profits in the third quarter on strong sales in Europe "
        "and Asia.",
        "The shares rose 12% in early trading as investors cheered.",
        "But analysts warned that costs had also climbed sharply this year.",
    ]


@pytest.mark.parametrize("sentence", [
    # A list, not two clauses: ", and" is followed by a noun phrase without a verb.
    "The plan covers road repairs on Shore Road, seawall maintenance along the harbor, new "
    "buses for the school routes, two ferry ramps, rising insurance costs for the town hall, "
    "and lighting for the pier and parking lots on Quay Street and Anchor Street.",
    # A joint inside a quote is never used.
    "“We looked at fourteen towns along this coast and many of them were lovely, and Harbor "
    "Town had the port, the fiber line and the people we needed for the work,” said the "
    "chief executive of the company.",
    # Short sentences are left alone.
    "The plan passed, and the mayor said it was a good day.",
])
def test_no_split_without_a_clean_joint(sentence: str) -> None:
    assert split_long_sentence(sentence) == [sentence]


# --- long quotes ----------------------------------------------------------------------------

LONG_QUOTE = ("“The plan is sound and it has been tested by engineers from three universities "
              "and by the harbor authority over many months of hard work and it will hold.”")


def test_long_quote_is_trimmed_and_attributed_from_the_previous_sentence() -> None:
    before = "The plan was defended on Monday, said Deputy Minister Alexander Fomin."
    assert trim_long_quote(LONG_QUOTE, before, "") == (
        "“The plan is sound and it has been tested by engineers from three universities and "
        "by the harbor authority over many months of hard work…,” Fomin said.")


def test_long_quote_attribution_from_the_next_sentence_and_an_organisation() -> None:
    after = "The Regional Fisheries Council said the study would be published."
    assert trim_long_quote(LONG_QUOTE, "", after).endswith(
        "hard work…,” the Regional Fisheries Council said.")


def test_long_quote_keeps_its_first_sentence_and_same_sentence_speaker() -> None:
    sentence = ("“The plan is sound. It has been tested by engineers from three universities "
                "and by the harbor authority over many months of hard work, and it will "
                "hold,” said Mayor Ines Okafor.")
    assert trim_long_quote(sentence) == "“The plan is sound,” said Mayor Ines Okafor."


def test_long_quote_cut_to_a_dangling_clause_is_not_aired() -> None:
    """The sample's Fomin quote: its first clause is "Due to the fact that ...", which says
    nothing on its own, so the sentence is dropped rather than read as a fragment."""
    sentence = ("Today, Russian Deputy Defense Minister Alexander Fomin stated “Due to the fact "
                "that negotiations on the preparation of an agreement on the neutrality and "
                "non-nuclear status of Ukraine, as well as on the provision of security "
                "guarantees to Ukraine, are moving into practice, a decision was made.”")
    assert trim_long_quote(sentence) == ""
    assert rewrite_sentences([sentence, "The talks resume on Friday, officials said."]) == (
        "The talks resume on Friday, officials said.",)


def test_short_quotes_and_unknown_speakers_are_not_changed() -> None:
    short = "“This budget is not glamorous,” said Mayor Ines Okafor."
    assert trim_long_quote(short) == short
    assert trim_long_quote(LONG_QUOTE, "He paused.", "") == (
        "“The plan is sound and it has been tested by engineers from three universities and "
        "by the harbor authority over many months of hard work…”")


# --- all together ---------------------------------------------------------------------------

def test_rewrite_sentences_drops_prompts_and_redates() -> None:
    frame = date_frame(TUESDAY_3PM, dt.date(2026, 11, 4), "UTC")
    assert rewrite_sentences(["The council (pictured) voted today.", "Click here for more.",
                              "(AP)"], frame) == ("The council voted yesterday.",)


def test_condense_counts_rewritten_sentences() -> None:
    story = Story("x.txt", "Title", (
        "LONDON (AP) — The council (pictured) voted today to approve the plan.",
        "Click here to read more about the plan.",), published=TUESDAY_3PM)
    summary = condense_story(story, 100, edition=dt.date(2026, 11, 4), timezone="UTC")
    assert summary.sentences == ("The council voted yesterday to approve the plan.",)


@pytest.mark.parametrize("path", DEMO + [SAMPLE],
                         ids=lambda p: p.name)
@pytest.mark.parametrize("budget", [40, 80, 160])
def test_condensed_demo_articles_stay_within_budget(path: Path, budget: int) -> None:
    story = clean_file(path)
    assert isinstance(story, Story)
    story = dataclasses.replace(story, published=dt.datetime(2026, 3, 10, 23, 30, tzinfo=UTC))
    summary = condense_story(story, budget, edition=dt.date(2026, 3, 12),
                             timezone="America/New_York")
    assert summary.sentences
    assert summary.word_count <= budget * 1.1 or len(summary.sentences) == 1
    assert all(len(s.split()) <= 60 for s in spoken_sentences(story))


def test_old_callers_see_no_date_rewriting() -> None:
    story = clean_file(DEMO[1])
    assert isinstance(story, Story)
    plain = [s for p in story.paragraphs for s in split_sentences(p)]
    assert "Service is expected to resume today with the 7 a.m. crossing if waves fall " \
           "below 8 feet." in plain
    assert spoken_sentences(story) == plain  # nothing in this story needs rewriting


@pytest.mark.parametrize("sentence", [
    "The race is on Tuesday.",
    "Schools reopen on Tuesday after the storm.",
    "Voting ends on Tuesday.",
    "The council votes on Wednesday.",
])
def test_weekday_without_a_tense_is_left_alone(sentence: str) -> None:
    """Present tense can mean last Tuesday or next: moving it either way could be wrong."""
    frame = date_frame(dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC),
                       dt.date(2026, 11, 30), "UTC")
    assert resolve_dates(sentence, frame) == sentence


def test_weekday_with_a_tense_is_redated() -> None:
    frame = date_frame(dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC),
                       dt.date(2026, 11, 26), "UTC")
    assert resolve_dates("The mayor met residents on Wednesday.", frame) == \
        "The mayor met residents yesterday."
    assert resolve_dates("The vote will be held on Friday.", frame) == \
        "The vote will be held tomorrow."


@pytest.mark.parametrize("sentence", [
    "The festival opens on Wednesday, organizers said.",   # the attribution is not the tense
    "Voting ends on Wednesday, election officials said.",
    "The road reopens on Wednesday after it was closed for repairs.",
    "The council meets on Tuesday night, the clerk said.",
    "Officials said the festival opens on Wednesday.",
])
def test_attribution_does_not_date_a_scheduled_event(sentence: str) -> None:
    frame = date_frame(dt.datetime(2025, 3, 4, 15, tzinfo=dt.UTC), dt.date(2025, 3, 5))
    assert resolve_dates(sentence, frame) == sentence


def test_sunday_weeks_are_the_coming_week() -> None:
    frame = date_frame(dt.datetime(2025, 3, 9, 15, tzinfo=dt.UTC), dt.date(2025, 3, 10))
    assert resolve_dates("The council meets this week.", frame) == "The council meets this week."
    assert resolve_dates("Schools reopen next week.", frame) == "Schools reopen this week."


def test_assumed_publication_day_redates_only_today_and_yesterday() -> None:
    """An undated article's day is a guess: "today" moves with it, weekdays do not."""
    frame = date_frame(dt.datetime(2025, 3, 4, 18, tzinfo=dt.UTC), dt.date(2025, 3, 5),
                       exact=False)
    assert resolve_dates("The vote was held today.", frame) == "The vote was held yesterday."
    assert resolve_dates("The meeting ran late on Wednesday.", frame) == \
        "The meeting ran late on Wednesday."
    assert resolve_dates("The council met this week.", frame) == "The council met this week."


def test_announcements_that_are_over_by_air_time_are_left_out() -> None:
    frame = date_frame(dt.datetime(2026, 11, 25, 15, tzinfo=dt.UTC), dt.date(2026, 11, 26))
    stale = "Ministers are expected to respond today in the House of Commons."
    fresh = "Ministers will respond tomorrow in the House of Commons."
    done = "Ministers responded today in the House of Commons."
    assert rewrite_sentences([stale, fresh, done], frame) == (
        "Ministers will respond today in the House of Commons.",
        "Ministers responded yesterday in the House of Commons.")


@pytest.mark.parametrize(("sentence", "said"), [
    ("The mayor announced the plan on Monday.", "The mayor announced the plan on November 23."),
    ("The board approved a new contract for teachers on Monday.",
     "The board approved a new contract for teachers on November 23."),
    ("The mayor told reporters on Monday she would not run.",
     "The mayor told reporters on November 23 she would not run."),
    ("Officials said the festival opens on Wednesday.",
     "Officials said the festival opens on Wednesday."),
])
def test_past_verb_further_back_still_dates_the_weekday(sentence: str, said: str) -> None:
    frame = date_frame(dt.datetime(2026, 11, 24, 15, tzinfo=dt.UTC), dt.date(2026, 12, 1))
    assert resolve_dates(sentence, frame) == said


def test_coming_days_that_have_passed_by_air_time_are_left_out() -> None:
    frame = date_frame(dt.datetime(2026, 11, 24, 15, tzinfo=dt.UTC), dt.date(2026, 12, 1))
    assert rewrite_sentences(["Talks are set to resume on Monday.",
                              "Tomorrow, the council meets to vote.",
                              "The council met on Monday."], frame) == (
        "The council met on November 23.",)


@pytest.mark.parametrize(("sentence", "said"), [
    ("It uses a tenth of the energy of today's leading graphics chips.",
     "It uses a tenth of the energy of today's leading graphics chips."),
    ("In today's world, phones matter.", "In today's world, phones matter."),
    ("The council held today's meeting at noon.", "The council held yesterday's meeting at noon."),
])
def test_todays_meaning_nowadays_is_not_a_date(sentence: str, said: str) -> None:
    frame = date_frame(dt.datetime(2026, 11, 25, 15, tzinfo=dt.UTC), dt.date(2026, 11, 26))
    assert resolve_dates(sentence, frame) == said
