"""Is a story in the show's language? Measured on the example shows' articles and on the
real English news pages of the page corpus (tests/pages.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import DEMO, ROOT, make_show

from briefcast.models import Article, Story
from briefcast.stages.clean import clean_article
from briefcast.stages.ingest import read_article
from briefcast.stages.language import STOPWORD_SHARE, language_problem, stopword_share

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import our_pages, real_pages

LANGUAGES = ("en", "de", "es", "fr")


def _stories(language: str) -> list[Story]:
    folder = DEMO if language == "en" else ROOT / "examples" / language
    stories = []
    for path in sorted((folder / "articles").glob("*.txt")):
        article = read_article(path)
        assert isinstance(article, Article)
        story = clean_article(article, language)
        assert isinstance(story, Story)
        stories.append(story)
    return stories


def test_example_articles_air_only_in_their_own_language() -> None:
    """Every example article (and the demo's) is accepted by a show in its language and
    refused, naming its language, by a show in any other."""
    names = {"en": "English", "de": "German", "es": "Spanish", "fr": "French"}
    accepted = refused = total = 0
    for written in LANGUAGES:
        total += len(_stories(written))
        for story in _stories(written):
            for show in LANGUAGES:
                problem = language_problem(story, show)
                if show == written:
                    assert problem is None, (story.source, show)
                    accepted += 1
                else:
                    assert problem is not None and f"written in {names[written]}" in problem, \
                        (story.source, show, problem)
                    refused += 1
    print(f"\nexample articles: {accepted} accepted, {refused} refused")
    assert total >= 20  # the four example shows' articles and the demo's
    assert (accepted, refused) == (total, total * (len(LANGUAGES) - 1))


def test_real_english_pages_are_english() -> None:
    """newspaper4k's English news pages and ours: an English show airs them all without
    loading the model (English function words are 0.40 of their words or more; another
    language's, under 0.30); German, Spanish and French shows refuse them all."""
    pages = real_pages() + our_pages()
    assert len(pages) >= 20
    for page in pages:
        story = Story(page.name, page.title, page.body)
        text = "\n".join((story.title, *story.paragraphs))
        assert stopword_share(text, "en") >= STOPWORD_SHARE + 0.1, page.name
        assert language_problem(story, "en") is None, page.name
        for show in ("de", "es", "fr"):
            assert stopword_share(text, show) < STOPWORD_SHARE, (page.name, show)
            problem = language_problem(story, show)
            assert problem is not None and "written in English (en" in problem, (page.name, show)
    print(f"\n{len(pages)} English pages: accepted by en, refused by de, es and fr")


def test_too_short_to_tell_is_kept() -> None:
    story = Story("x.txt", "Kurz", ("The council met.",))
    assert language_problem(story, "de") is None


def test_a_german_show_reports_an_english_article_and_airs_the_rest(
        tmp_path: Path) -> None:
    """Through the pipeline: one English article among the German ones is skipped with its
    reason (``briefcast ingest`` says DROP), the German ones air."""
    import subprocess

    german = sorted((ROOT / "examples" / "de" / "articles").glob("*.txt"))
    english = DEMO / "articles" / "02-storm-ferry.txt"
    config = make_show(tmp_path, [*german, english])
    text = config.read_text(encoding="utf-8").replace('language = "en"', 'language = "de"')
    config.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "briefcast", "ingest", "--config",
                           str(config), "--date", "2026-11-24"], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    drops = [line for line in proc.stdout.splitlines() if line.startswith("DROP")]
    assert len(drops) == 1 and "02-storm-ferry.txt" in drops[0], proc.stdout
    assert "written in English (en" in drops[0] and "not in the show's German (de)" in drops[0]
    assert sum(line.startswith("KEEP") for line in proc.stdout.splitlines()) == 4, proc.stdout


@pytest.mark.parametrize("show", ["de", "fr"])
def test_the_share_of_function_words_decides_most_stories(show: str) -> None:
    for story in _stories(show):
        text = "\n".join((story.title, *story.paragraphs))
        assert stopword_share(text, show) >= 0.45  # the model is not loaded for them
