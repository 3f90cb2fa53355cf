"""Shared fixtures: a copy of the demo show in a temp folder, built with the real tools."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo"
SEED = ROOT.parent / "shared" / "samples" / "000_9095fd799122fed3.txt"


def make_show(tmp: Path, articles: list[Path] | None = None, **overrides: str) -> Path:
    """Write a show folder (config + articles) under ``tmp``; return its config path."""
    show = tmp / "show"
    (show / "articles").mkdir(parents=True, exist_ok=True)
    for src in articles if articles is not None else sorted((DEMO / "articles").glob("*.txt")):
        shutil.copy(src, show / "articles" / src.name)
    for extra in DEMO.glob("*.txt"):  # the lexicon and other files the config names
        shutil.copy(extra, show / extra.name)
    text = (DEMO / "briefcast.toml").read_text(encoding="utf-8")
    text = text.replace('folder = "../../episodes"', 'folder = "episodes"')
    text = text.replace('cache = "../../.briefcast-cache"', 'cache = "cache"')
    for key, value in overrides.items():
        text = text.replace(f"{key} = ", f"{key} = {value}\n# was: {key} = ", 1)
    config = show / "briefcast.toml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def seed_article() -> Path:
    assert SEED.is_file(), f"shared seed article missing at {SEED}"
    return SEED
