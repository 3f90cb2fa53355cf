"""The demo as scripts/demo.sh builds it: its articles are dated over three days, so its
three editions air different stories and the feed lists three different briefings, the
same bytes from an empty cache. Real espeak-ng and ffmpeg (the demo's own Festival voice is
built by the engine tests)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest
from conftest import DEMO, ROOT, make_show
from lxml import etree

from briefcast.config import load_config
from briefcast.pipeline import build


def demo_dates() -> list[dt.date]:
    """The editions scripts/demo.sh builds, read from the script itself."""
    text = (ROOT / "scripts" / "demo.sh").read_text(encoding="utf-8")
    match = re.search(r"^DEMO_DATES=\(([^)]*)\)", text, re.MULTILINE)
    assert match, "scripts/demo.sh names no DEMO_DATES"
    return [dt.date.fromisoformat(d) for d in match.group(1).split()]


def published(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and p.name != ".briefcast.lock"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]]]:
    config = load_config(make_show(tmp_path_factory.mktemp("demo"), dated=True))
    aired = [build(config, date).stories_in for date in demo_dates()]
    return config.output_dir, aired


def test_each_edition_airs_its_own_days_news(demo: tuple[Path, list[list[str]]]) -> None:
    out, aired = demo
    assert len(aired) == 3 and all(len(stories) == 3 for stories in aired), aired
    every = [title for stories in aired for title in stories]
    assert len(set(every)) == len(every) == len(list((DEMO / "articles").glob("*.txt")))
    root = etree.parse(str(out / "feed.xml")).getroot()
    items = root.findall("channel/item")
    dates = [i.find("enclosure").get("url").split("/")[-2] for i in items]
    assert dates == [d.isoformat() for d in reversed(demo_dates())]  # newest first
    for item, stories in zip(items, reversed(aired)):
        assert item.findtext("title").endswith(": " + stories[0])  # the lead story
        assert all(s in item.findtext("description") for s in stories)
    assert len({i.findtext("guid") for i in items}) == 3
    page = lxml.html.parse(str(out / "index.html")).getroot()
    assert len(page.xpath("//article[@data-episode]")) == 3
    assert len({tuple(a.xpath(".//nav//bdi/text()"))
                for a in page.xpath("//article[@data-episode]")}) == 3  # chapters differ


def test_the_demo_is_the_same_bytes_from_an_empty_cache(
        demo: tuple[Path, list[list[str]]], tmp_path: Path) -> None:
    out, _ = demo
    again = load_config(make_show(tmp_path, dated=True))
    assert again.cache_dir != load_config(out.parent / "briefcast.toml").cache_dir
    for date in demo_dates():
        build(again, date)
    first, second = published(out), published(again.output_dir)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
    assert sum(k.endswith(".mp3") for k in first) == 3
