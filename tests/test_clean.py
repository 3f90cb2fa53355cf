from __future__ import annotations

from pathlib import Path

from conftest import DEMO

from briefcast.models import Article, Skipped, Story
from briefcast.stages.clean import classify_lines, clean_article
from briefcast.stages.ingest import read_article

SEED_JUNK = [
    "Creator: harborlens_88", "Credit: Stock Images/Photo Library", "Quayside Wire",
    "Quayside Wirehttps://staging.quaysidewire.example", "Tune in to our podcasts",
    "What began as a weekend newsletter", "- Sponsor -spot_img", "Week's Top Stories",
    "More In This Category",
]


def test_seed_article_junk_removed(seed_article: Path) -> None:
    article = read_article(seed_article)
    assert isinstance(article, Article)
    story = clean_article(article)
    assert isinstance(story, Story)
    text = "\n".join(story.paragraphs)
    for junk in SEED_JUNK:
        assert junk not in text
    assert story.title not in text  # the repeated title is gone
    assert len(story.paragraphs) == 5
    assert story.paragraphs[0].startswith("Talks between the Kestrel Bay Port Authority")
    assert story.paragraphs[-1].startswith("The authority's announcement")


def test_demo_articles_keep_story_drop_footer() -> None:
    for path in sorted((DEMO / "articles").glob("*.txt")):
        article = read_article(path)
        assert isinstance(article, Article)
        story = clean_article(article)
        assert isinstance(story, Story), path
        text = "\n".join(story.paragraphs)
        assert "spot_img" not in text and "Credit:" not in text and "https://" not in text
        assert "Top Stories" not in text and "More In This Category" not in text
        assert 4 <= len(story.paragraphs) <= 7, path
        assert story.word_count > 150


def test_quotes_with_we_survive_but_trailing_blurb_goes() -> None:
    lines = ["", "“We will rebuild the pier by May,” the mayor said on Monday.", "",
             "The council will vote on the plan next week.", "", "Town Ledger",
             "We bring you the news that matters to our readers every day."]
    labels = classify_lines(lines, "Pier plan")
    assert labels == [True, False, True, False, True, True, True]


def test_too_little_story_is_skipped() -> None:
    article = Article("x.txt", "Title", ("Title", "Credit: someone", "- Sponsor -spot_img"))
    result = clean_article(article)
    assert isinstance(result, Skipped) and "words of story text" in result.reason


STORY = "The council will vote on the plan next week, the mayor said on Monday."
GENERAL_JUNK = [
    "Updated: 12:45 PM ET, Tue March 4, 2025", "Nov. 6, 2026 at 6:15 p.m.",
    "ROME —", "By Jane Doe and John Smith", "By Jane Doe, Rome correspondent",
    "Get the latest headlines delivered straight to your inbox.",
    "Subscribe now for unlimited access.", "Story continues below advertisement",
    "A man crosses the square in Rome on Nov. 2, 2026. (AP Photo/Jane Doe)",
    "This site uses cookies. By continuing, you agree to our cookie policy.",
    "(Reporting by Jane Doe; Editing by John Smith)", "Copyright 2026 Example Media.",
    "Read more: Ten things to know about the flood",
    "Don't miss a story: get breaking news alerts sent straight to your phone.",
]
GENERAL_STORY = [
    "By Friday, the river had risen two metres above its usual level.",
    "He urged parents to keep reading to their children every night.",
    "Subscribers to the service rose 4% in the quarter, the company said.",
    "He said the news alerts on his phone woke him before dawn.",
    "Don't miss the parade, the mayor told residents on Friday.",
]


def test_general_junk_dropped_and_story_kept() -> None:
    for junk in GENERAL_JUNK:
        assert classify_lines([STORY, junk, STORY], "Title") == [False, True, False], junk
    for line in GENERAL_STORY:
        assert classify_lines([STORY, line, STORY], "Title") == [False, False, False], line


def test_subheading_kept_between_paragraphs_but_not_in_footer() -> None:
    lines = [STORY, "", "What happens next", "", "Advertisement", STORY, "Related Stories",
             "Flood barriers to be tested in spring", "Jane Doe covers the environment for "
             "the Example Post. She joined the paper in 2020."]
    assert classify_lines(lines, "Title") == [False, True, False, True, True, False, True,
                                              True, True]


def test_reporter_taglines_and_contacts_are_junk() -> None:
    from briefcast.stages.clean import classify_lines

    lines = ["Associated Press writer Bruce Schreiner contributed to this report from Frankfort.",
             "Contact Jane Doe at jdoe@maplefallsgazette.com or 555-0143.",
             "Follow her on X @janedoe_news.",
             "The council contributed $5,000 to the report's printing costs, officials said.",
             "Contact with the virus was limited, doctors said."]
    assert classify_lines(lines, "Title") == [True, True, True, False, False]


def test_web_labels_leave_the_headline() -> None:
    body = ("Polls closed at 8 p.m. across the whole county, and counting began at once in all "
            "twelve precincts, with results expected before midnight, officials said.")
    for title, kept in [("Live updates: Polls close in county race", "Polls close in county race"),
                        ("BREAKING: Ferry service suspended", "Ferry service suspended"),
                        ("Watch: the parade in full", "the parade in full"),
                        ("Live music returns to the pier", "Live music returns to the pier")]:
        story = clean_article(Article("x.txt", title, (body,)))
        assert isinstance(story, Story) and story.title == kept


# Seed-shaped articles (title twice, body, photo credit block, site blurb, sponsor and
# navigation lines) clean exactly as before the page locator (``locate.py``) existed:
# the first 16 hex digits of the SHA-256 of the kept paragraphs joined by newlines,
# measured on the code before it. Hashes, so the shared seed's text is not copied here.
# Since measured: 05's wing opened "on Wednesday" (was Thursday, the day after its dating;
# the kept text differs in that word only), and 09 was added (pinned on the code of then).
# The front matter dating each demo article is read off before cleaning.
SEED_SHAPED_GOLDEN = {
    "01-council-budget.txt": "ac00d0162923424c", "02-storm-ferry.txt": "a820dce68af2e672",
    "03-basketball-final.txt": "d17fac89d0f47fc5", "04-tech-office.txt": "7211d5bb4b6cafcd",
    "05-hospital-wing.txt": "0057ed15238b3536", "06-fishing-quota.txt": "96d712058575603f",
    "07-arts-festival.txt": "840ceb0e126c3e65", "08-university-research.txt": "ae3dd740b9770264",
    "09-food-bank.txt": "ec5cec0e275c0dc3",
}
SEED_GOLDEN = "8744b8446823285a"  # tests/corpus/seed, our own seed-shaped article


def _cleaned_digest(path: Path) -> str:
    import hashlib

    article = read_article(path)
    assert isinstance(article, Article) and article.scraped
    story = clean_article(article)
    assert isinstance(story, Story), path
    return hashlib.sha256("\n".join(story.paragraphs).encode()).hexdigest()[:16]


def test_seed_shape_cleans_exactly_as_before(seed_article: Path) -> None:
    found = {p.name: _cleaned_digest(p) for p in sorted((DEMO / "articles").glob("*.txt"))}
    assert found == SEED_SHAPED_GOLDEN
    assert _cleaned_digest(seed_article) == SEED_GOLDEN
