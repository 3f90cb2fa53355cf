from __future__ import annotations

from pathlib import Path

from briefcast.models import Article, Skipped, Story
from briefcast.stages.clean import classify_lines, clean_article
from briefcast.stages.ingest import read_article
from conftest import DEMO

SEED_JUNK = [
    "Creator: andriano_cz", "Credit: Getty Images/iStockphoto", "Atlas News",
    "Atlas Newshttps://staging.theatlasnews.co", "Tune in to our podcasts",
    "What started out of passion", "- Sponsor -spot_img", "Week's Top Stories",
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
    assert story.paragraphs[0].startswith("Negotiations in Turkey")
    assert story.paragraphs[-1].startswith("Russia’s announcement")


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
