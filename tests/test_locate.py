"""The story's run inside a whole-page dump (``stages/locate.py``), and fuzzing of page dumps."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from briefcast.models import Article, Skipped, Story
from briefcast.stages.clean import classify_lines, clean_article
from briefcast.stages.ingest import read_article
from briefcast.stages.locate import locate_story

TITLE = "Harbor Town opens its new ferry terminal"
STORY = [
    "Harbor Town opened its new ferry terminal on Monday, two years after the old one was "
    "closed by storm damage, with the first crossing to Gull Island leaving at 7:15 a.m.",
    "The $14 million terminal has a covered waiting room for 200 passengers, a cafe and "
    "space for 40 cars on each sailing, the port authority said.",
    "“We have waited a long time for this morning,” said harbormaster Lena Okafor, who "
    "cut the ribbon in front of about 150 residents.",
    "The ferry will run every hour from 6 a.m. to 10 p.m. in summer and every two hours in "
    "winter, and fares will stay at $4 for adults until next year.",
]
MENU = ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe", "Search", "Menu"]
NOTICE = ("We've detected that you are using an older browser. Please update it for the "
          "best experience on our site.")
COMMENTS = [
    "Reader comments (12)", "Mary K. · 3 hours ago",
    "I have taken that ferry every summer since I was a child and I am so glad it is back "
    "at last, even if the fares are higher than they used to be.",
    "Reply", "Tom B. · 1 hour ago",
    "My father worked on the old terminal for thirty years and I think he would have loved "
    "the new waiting room.", "Reply",
]


def story_of(lines: list[str], title: str = TITLE) -> Story:
    story = clean_article(Article("page.txt", title, tuple(lines), scraped=True))
    assert isinstance(story, Story)
    return story


def test_story_found_between_notices_and_comments() -> None:
    page = MENU + [NOTICE, TITLE, "By Ann Lee", "Share", STORY[0],
                   "Crowds on the quay on Monday morning.", "Photo: Ann Lee", *STORY[1:],
                   "Related", "Island school gets new roof",
                   "Work on the roof will start in spring and take three months.", *COMMENTS]
    assert story_of(page).paragraphs == tuple(STORY)
    # the line cleaner alone keeps the notice, the caption, a teaser and the comments
    alone = clean_article(Article("page.md", TITLE, tuple(page)))
    assert isinstance(alone, Story) and NOTICE in alone.paragraphs


def test_seed_shaped_text_is_left_as_the_cleaner_has_it() -> None:
    lines = ["", TITLE, "", STORY[0], "", STORY[1], "", "Creator: ann_lee", "Credit: Ledger",
             "", STORY[2], "", STORY[3], "", "Harbor Town Ledger",
             "We have covered the harbor for a century. Tune in to our podcasts!",
             "- Sponsor -spot_img", "", "Week's Top Stories"]
    junk = classify_lines(lines, TITLE)
    assert locate_story(lines, junk, TITLE) == junk
    assert story_of(lines).paragraphs == tuple(STORY)


def test_a_column_in_the_first_person_is_kept_whole() -> None:
    column = ["I have taken the Gull Island ferry for forty years, and I never thought I would "
              "miss a draughty shed as much as I missed the old terminal.",
              "My grandmother sold fish on that quay. I stood there on Monday and watched "
              "the first boat leave from a building that finally keeps the rain out.",
              "You will find the new waiting room warm, the coffee decent and the timetable "
              "on a screen that works, which is more than I expected."]
    page = MENU + [TITLE, "By Ann Lee", *column, "Share", "Terms of use"]
    assert story_of(page).paragraphs == tuple(column)


def test_located_labels_only_ever_add_junk() -> None:
    page = MENU + [NOTICE, *STORY, *COMMENTS]
    junk = classify_lines(page, TITLE)
    located = locate_story(page, junk, TITLE)
    assert len(located) == len(junk) and all(b for a, b in zip(junk, located) if a)


# --- fuzzing: random page chrome around a story, shuffled pages, empty and huge lines ------

# Page chrome that says it is chrome: by its shape, its voice or its repetition. (A single
# prose line with no such sign, glued to the story's last paragraph, stays: see locate.py.)
_JUNK_LINES = MENU + [NOTICE, *COMMENTS, "Advertisement", "Photo: Staff", "Most read",
                      "Chat with us in Messenger. Find out what's happening as it unfolds.",
                      "© 2026 Example News. All rights reserved.", "Share this article"]
_lines = st.one_of(st.sampled_from(_JUNK_LINES), st.text(max_size=80), st.just(""),
                   st.just("Quotes delayed at least 15 minutes. Market data by a vendor."),
                   st.just("word " * 5_000), st.just("\u00a0 \t"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(above=st.lists(st.sampled_from(_JUNK_LINES), max_size=25),
       below=st.lists(st.sampled_from(_JUNK_LINES), max_size=25))
@example(above=[c for c in _JUNK_LINES if c.startswith(("I have", "My father"))]  # found by
         + ["Chat with us in Messenger. Find out what's happening as it unfolds."],  # this
         below=[])  # test in CI: comments above the headline were taken for a column
def test_fuzz_story_amid_random_page_chrome_airs_whole_and_alone(
        above: list[str], below: list[str]) -> None:
    story = story_of([*above, TITLE, *STORY, *below])
    kept = " ".join(story.paragraphs)
    assert all(p in story.paragraphs for p in STORY[:2]), story.paragraphs  # lead intact
    assert NOTICE not in kept and "Reply" not in kept and "Messenger" not in kept


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_lines, max_size=40), data=st.data())
def test_fuzz_any_page_dump_gives_a_story_or_a_reason(tmp_path_factory: pytest.TempPathFactory,
                                                      lines: list[str],
                                                      data: st.DataObject) -> None:
    page = data.draw(st.permutations([*lines, *STORY]))
    folder = tmp_path_factory.mktemp("dump")
    path = folder / "page.txt"
    path.write_text("\n".join([TITLE, *page]), encoding="utf-8", errors="surrogatepass")
    article = read_article(path)
    if isinstance(article, Article):
        result = clean_article(article)
        assert isinstance(result, (Story, Skipped))
        if isinstance(result, Story):
            assert result.paragraphs and all(p.strip() for p in result.paragraphs)
