"""Shared fixtures: a copy of the demo show in a temp folder, built with the real tools."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefcast.models import Article, Skipped, Story

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo"
# Our own article in the exact shape of the newsroom's scraped export (shared/samples):
# title twice, body, a photo credit block, the site's blurb, sponsor tags, navigation.
SEED = ROOT / "tests" / "corpus" / "seed" / "000_seed_shaped.txt"


# The voices most tests speak with: espeak-ng through pyttsx3, fast and exact. The demo's own
# voices (Festival and flite) are built by tests that pass ``demo_voices=True``.
ESPEAK_VOICES = ('engine = "pyttsx3"\nname = "en-us"\nspeaker = "Morgan"\n'
                 'second_name = "en-us+f3"\nsecond_speaker = "Riley"\nrate = 165\n')


def undated(data: bytes) -> bytes:
    """An article without its front matter (the demo's say when they were published)."""
    if data.startswith(b"---\n") and b"\n---\n" in data:
        return data.split(b"\n---\n", 1)[1]
    return data


def make_show(tmp: Path, articles: list[Path] | None = None, demo_voices: bool = False,
              dated: bool = False, **overrides: str) -> Path:
    """Write a show folder (config + articles) under ``tmp``; return its config path.

    The demo's articles are dated over three days (each edition airs that day's news); a
    test show takes them undated unless ``dated``, so any edition airs every one of them.
    """
    show = tmp / "show"
    (show / "articles").mkdir(parents=True, exist_ok=True)
    for src in articles if articles is not None else sorted((DEMO / "articles").glob("*.txt")):
        data = src.read_bytes()
        (show / "articles" / src.name).write_bytes(data if dated else undated(data))
    for extra in DEMO.glob("*.txt"):  # the lexicon and other files the config names
        shutil.copy(extra, show / extra.name)
    text = (DEMO / "briefcast.toml").read_text(encoding="utf-8")
    text = text.replace('folder = "../../episodes"', 'folder = "episodes"')
    text = text.replace('cache = "../../.briefcast-cache"', 'cache = "cache"')
    if not demo_voices:
        start, end = text.index("[voice]\n"), text.index("\n[briefing]")
        text = text[:start] + "[voice]\n" + ESPEAK_VOICES + text[end:]
    for key, value in overrides.items():
        text = text.replace(f"{key} = ", f"{key} = {value}\n# was: {key} = ", 1)
    config = show / "briefcast.toml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def seed_article() -> Path:
    assert SEED.is_file(), f"seed-shaped article missing at {SEED}"
    return SEED


def clean_file(path: Path) -> Story | Skipped:
    """An article file read and cleaned, as the build does; the file must be readable."""
    from briefcast.stages.clean import clean_article
    from briefcast.stages.ingest import read_article

    article = read_article(path)
    assert isinstance(article, Article), f"{path.name}: {article}"
    return clean_article(article)
