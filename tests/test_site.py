"""Show pages: rendered for a really built show and for hand-made episodes, read with XPath."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import DEMO, make_show

from briefcast import site
from briefcast.config import ShowConfig, load_config
from briefcast.models import Chapter, CueTiming, Episode, StoryRef
from briefcast.pipeline import build
from briefcast.stages import records
from briefcast.transcript import to_vtt

DATE = dt.date(2026, 11, 24)
HOSTILE = '</title><script>alert(1)</script> & "quotes" \u202eRTL 🎧'
OUR_SCRIPT = (Path(site.__file__).parent / "templates" / "site.js").read_text(encoding="utf-8")


def demo_show(tmp: Path) -> Path:
    """The demo show under ``tmp``, with the side files its config names (e.g. a lexicon)."""
    config = make_show(tmp)
    for extra in DEMO.glob("*.txt"):
        shutil.copy(extra, config.parent / extra.name)
    return config


@dataclasses.dataclass(frozen=True)
class Built:
    config: ShowConfig
    out: Path
    episode: Episode
    art_name: str
    index: lxml.html.HtmlElement
    page: lxml.html.HtmlElement


def render_into(config: ShowConfig, out: Path) -> dict[str, bytes]:
    """Render the site of a built output folder into it, as the build will."""
    episodes, problems = records.load_episodes(out, config.private_dir)
    assert not problems
    art_name = next(out.glob("artwork-*")).name
    details = [site.read_detail(e, out / e.date.isoformat()) for e in episodes]
    pages = site.render_site(config, details, art_name)
    for rel, data in pages.items():
        (out / rel).write_bytes(data)
    return pages


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    config = load_config(demo_show(tmp_path_factory.mktemp("site")))
    build(config, DATE)
    out = config.output_dir
    written = {rel: (out / rel).read_bytes() for rel in
               ("index.html", f"{DATE.isoformat()}/index.html")}  # the build wrote them
    pages = render_into(config, out)
    assert written == {rel: pages[rel] for rel in written}
    (episode,), _ = records.load_episodes(out, config.private_dir)
    return Built(config, out, episode, next(out.glob("artwork-*")).name,
                 lxml.html.fromstring(pages["index.html"]),
                 lxml.html.fromstring(pages[f"{DATE.isoformat()}/index.html"]))


def _chapters_file(b: Built) -> list[dict[str, Any]]:
    return json.loads((b.out / DATE.isoformat() / "chapters.json").read_text())["chapters"]


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


# --- a built show ---------------------------------------------------------------------------

def test_index_has_artwork_description_and_subscribe_links(built: Built) -> None:
    doc = built.index
    assert doc.findtext(".//title") == "Harbor Town Ledger Nightly"
    (art,) = doc.xpath("//img[@class='art']")
    assert art.get("src") == built.art_name and (built.out / built.art_name).is_file()
    assert built.config.description in _text(doc.xpath("//header//p[@class='description']")[0])
    (alternate,) = doc.xpath("//link[@rel='alternate']")
    assert alternate.get("type") == "application/rss+xml" and alternate.get("href") == "feed.xml"
    assert doc.xpath("//section[@class='subscribe']//a[@href='feed.xml']")
    (feed_input,) = doc.xpath("//input[@id='feed-url']")
    assert feed_input.get("value") == "https://ledger.example.org/podcast/feed.xml"
    assert feed_input.get("readonly") is not None
    # the copy button needs the script, so it starts hidden: without JS nothing is broken
    assert doc.xpath("//button[@data-copy='feed-url']")[0].get("hidden") is not None
    assert doc.xpath("//a[@href='podcast://ledger.example.org/podcast/feed.xml']")


def test_index_lists_the_episode_with_player_and_chapters(built: Built) -> None:
    (article,) = built.index.xpath("//article[@data-episode]")
    (audio,) = article.xpath(".//audio")
    assert audio.get("src") == built.episode.audio_file
    assert (built.out / audio.get("src")).is_file()
    assert audio.get("preload") == "none"  # a long list must not fetch every episode
    assert article.xpath(".//h3/a")[0].get("href") == f"{DATE.isoformat()}/index.html"
    links = article.xpath(".//nav[@class='chapters']//a")
    assert [a.get("data-start") for a in links] == [
        site._seconds_attr(c["startTime"]) for c in _chapters_file(built)]
    assert article.xpath(".//time")[0].get("datetime") == DATE.isoformat()


def test_episode_page_player_source(built: Built) -> None:
    doc = built.page
    assert doc.findtext(".//title") == f"{built.episode.title} · Harbor Town Ledger Nightly"
    (audio,) = doc.xpath("//audio")
    mp3 = Path(built.episode.audio_file).name
    assert audio.get("src") == mp3 and audio.get("controls") is not None
    assert (built.out / DATE.isoformat() / audio.get("src")).is_file()
    assert audio.xpath("./a/@href") == [mp3]  # fallback for browsers without <audio>
    assert doc.xpath("//nav[@class='crumbs']/a/@href") == ["../index.html"]
    assert doc.xpath("//nav[@class='crumbs']//img/@src") == [f"../{built.art_name}"]
    assert doc.xpath("//link[@rel='alternate']/@href") == ["../feed.xml"]


def test_episode_page_chapter_links_are_media_fragments(built: Built) -> None:
    chapters = _chapters_file(built)
    links = built.page.xpath("//nav[@class='chapters']//a")
    assert len(links) == len(chapters) == 8
    mp3 = Path(built.episode.audio_file).name
    for link, chapter in zip(links, chapters):
        start = float(link.get("data-start"))
        assert start == pytest.approx(chapter["startTime"], abs=0.001)
        assert link.get("href") == f"{mp3}#t={link.get('data-start')}"
        assert _text(link.xpath(".//bdi")[0]) == chapter["title"]
    assert _text(links[1]).startswith(site.clock(chapters[1]["startTime"]) + " ")


def test_episode_page_transcript_follows_the_vtt(built: Built) -> None:
    vtt = (built.out / DATE.isoformat() / "transcript.vtt").read_text(encoding="utf-8")
    cues = site.parse_vtt(vtt)
    assert len(cues) > 20
    (section,) = built.page.xpath("//section[@id='transcript']")
    paragraphs = [_text(p) for p in section.xpath(".//div[@class='turn']/p[not(@class)]")]
    # captions are cut to a line's length; the page joins them back into sentences
    assert " ".join(paragraphs) == " ".join(" ".join(c.text.split()) for c in cues)
    assert len(paragraphs) < len(cues)
    assert all(re.search(r"[.!?][\"”’)]*$", p) for p in paragraphs), paragraphs
    speakers = {_text(b) for b in section.xpath(".//p[@class='who']/b")}
    assert speakers == {"Morgan", "Riley"}
    headings = [_text(h) for h in section.xpath(".//h3")]
    assert headings == [c["title"] for c in _chapters_file(built)]
    assert section.xpath(".//a[@href='transcript.vtt']") and section.xpath(
        ".//a[@href='transcript.srt']")
    stamps = section.xpath(".//p[@class='who']/a/@data-start")
    assert stamps == sorted(stamps, key=float)
    assert float(stamps[0]) == pytest.approx(cues[0].start_s, abs=0.001)


def test_pages_are_reproducible(built: Built) -> None:
    first = render_into(built.config, built.out)
    assert render_into(built.config, built.out) == first
    assert first["index.html"] == (built.out / "index.html").read_bytes()


def test_only_our_script_and_no_external_resources(built: Built) -> None:
    for doc in (built.index, built.page):
        scripts = doc.xpath("//script")
        assert len(scripts) == 1 and scripts[0].get("src") is None
        assert scripts[0].text.strip() == OUR_SCRIPT.strip()
        for url in doc.xpath("//@src | //link[@rel != 'canonical']/@href"):
            assert "://" not in url, url  # everything the page loads comes from the site
        assert doc.xpath("//style")  # CSS is inline


# --- hand-made episodes ---------------------------------------------------------------------

def _episode(date: dt.date, title: str = "An episode", **extra: object) -> Episode:
    folder = date.isoformat()
    fields: dict[str, object] = dict(
        date=date, title=title, guid=f"guid-{folder}",
        pub_date=dt.datetime(date.year, date.month, date.day, 11, tzinfo=dt.UTC),
        audio_file=f"{folder}/show-{folder}-abcd1234.mp3", size_bytes=1000, duration_s=3725,
        description="Two stories.", chapters_file=f"{folder}/chapters.json",
        transcript_vtt=f"{folder}/transcript.vtt", transcript_srt=f"{folder}/transcript.srt")
    fields.update(extra)
    return Episode(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> ShowConfig:
    return load_config(demo_show(tmp_path_factory.mktemp("cfg")))


def test_hostile_text_is_escaped_everywhere(config: ShowConfig) -> None:
    hostile_config = dataclasses.replace(config, title=HOSTILE, description=HOSTILE,
                                         author=HOSTILE)
    episode = _episode(DATE, HOSTILE, description=HOSTILE, stories=(
        StoryRef(HOSTILE, "a.txt", "javascript:alert(1)"),
        StoryRef("Fine", "b.txt", "https://news.example.org/a?x=1&y=\"2\""),))
    chapters = (Chapter(HOSTILE, 0.0), Chapter("Two", 12.5))
    # through our own VTT writer and reader, as a page rebuilt from disk would be
    timings = site.parse_vtt(to_vtt((CueTiming(HOSTILE, HOSTILE, 0.0, 5.0),
                                     CueTiming("Second line.", "Riley", 12.5, 20.0))))
    page = site.render_episode_page(hostile_config, episode, chapters, timings, "art.jpg")
    index = site.render_index(hostile_config, [site.EpisodeDetail(episode, chapters)], "art.jpg")
    for raw in (page, index):
        assert b"<script>alert" not in raw and b'"quotes"' not in raw.split(b"<script>")[0]
        doc = lxml.html.fromstring(raw)
        assert len(doc.xpath("//script")) == 1
        assert doc.xpath("//script")[0].text.strip() == OUR_SCRIPT.strip()
        assert doc.findtext(".//title").startswith(HOSTILE)
        assert doc.xpath("//meta[@name='description']/@content") == [HOSTILE]
        assert doc.xpath("//*[@onclick or @onerror or @onload]") == []
        assert doc.xpath("//a[starts-with(@href, 'javascript:')]") == []
        assert _text(doc.xpath("//h1")[0]) == " ".join(HOSTILE.split())
        assert doc.xpath("//nav[@class='chapters']//bdi")[0].text == HOSTILE
    doc = lxml.html.fromstring(page)
    stories = doc.xpath("//section[@class='stories']//li")
    assert stories[0].text == HOSTILE and not stories[0].xpath(".//a")  # no javascript: link
    assert stories[1].xpath("./a/@href") == ['https://news.example.org/a?x=1&y="2"']
    turns = doc.xpath("//div[@class='turn']")
    assert turns[0].xpath("./p[@class='who']/b/bdi")[0].text == HOSTILE.replace(">", "")
    assert " ".join(turns[0].xpath("./p[not(@class)]")[0].text.split()) == \
        " ".join(HOSTILE.split())


def test_index_lists_newest_first_and_site_paths(config: ShowConfig) -> None:
    days = [dt.date(2026, 11, d) for d in (23, 25, 24)]
    details = [site.EpisodeDetail(_episode(d, f"Episode {d.day}")) for d in days]
    pages = site.render_site(config, details, "art.png")
    assert sorted(pages) == ["2026-11-23/index.html", "2026-11-24/index.html",
                             "2026-11-25/index.html", "index.html"]
    doc = lxml.html.fromstring(pages["index.html"])
    assert [_text(a) for a in doc.xpath("//article/h3/a")] == [
        "Episode 25", "Episode 24", "Episode 23"]
    assert doc.xpath("//article//audio/@src")[0] == "2026-11-25/show-2026-11-25-abcd1234.mp3"
    assert "1:02:05" in _text(doc.xpath("//article//p[@class='meta']")[0])
    assert doc.xpath("//article/@id")[0] == "e-2026-11-25"
    # an episode without chapters or transcript still gets a page
    page = lxml.html.fromstring(pages["2026-11-23/index.html"])
    assert page.xpath("//nav[@class='chapters']") == []
    assert "No transcript" in _text(page.xpath("//section[@id='transcript']")[0])
    with pytest.raises(ValueError, match=re.escape("2026-11-23/index.html")):
        site.render_site(config, details + details[:1], "art.png")


def test_empty_show_index(config: ShowConfig) -> None:
    doc = lxml.html.fromstring(site.render_index(config, [], "art.jpg"))
    assert "No episodes yet." in _text(doc) and doc.xpath("//input[@id='feed-url']")


# --- reading our own files ------------------------------------------------------------------

def test_parse_vtt_is_lenient() -> None:
    text = ("\ufeffWEBVTT - briefcast\r\n\r\nNOTE made by hand\r\nover two lines\r\n\r\n"
            "STYLE\r\n::cue { color: red }\r\n\r\n"
            "00:01.500 --> 00:04.000 align:start\r\n<v.loud Ana María>Hola <b>mundo</b>"
            " &amp; &lt;todos&gt;</v>\r\n\r\n"
            "intro-2\r\n01:00:00.000 --> 01:00:02,250\r\nNo speaker here,\r\nsecond line\r\n"
            "\r\nbroken\r\nnot a timing\r\n\r\n3\r\n00:00:05.000 --> 00:00:06.000\r\n\r\n")
    assert site.parse_vtt(text) == (
        CueTiming("Hola mundo & <todos>", "Ana María", 1.5, 4.0),
        CueTiming("No speaker here, second line", "", 3600.0, 3602.25),
    )
    assert site.parse_vtt("1\n00:00:01.000 --> 00:00:02.000\nno header\n") == ()
    assert site.parse_vtt("") == ()


def test_parse_vtt_reads_what_to_vtt_writes() -> None:
    timings = (CueTiming('A & B <c> "q" --> x 🎧', "Morgan", 0.0, 1.25),
               CueTiming("\u05e9\u05dc\u05d5\u05dd", "Riley", 1.5, 3.0))
    parsed = site.parse_vtt(to_vtt(timings))
    assert [(c.text, c.speaker, c.start_s, c.end_s) for c in parsed] == [
        ('A & B <c> "q" -> x 🎧', "Morgan", 0.0, 1.25),
        ("\u05e9\u05dc\u05d5\u05dd", "Riley", 1.5, 3.0)]


def test_parse_chapters_is_lenient() -> None:
    raw = json.dumps({"version": "1.2.0", "chapters": [
        {"startTime": 30, "title": "Second"},
        {"startTime": 0, "title": "  First\n title "},
        {"startTime": 15, "title": "Hidden", "toc": False},
        {"startTime": True, "title": "Bool"},
        {"startTime": "40", "title": "String"},
        {"startTime": -1, "title": "Negative"},
        {"title": "No start"},
        {"startTime": 45.5},
        "junk",
    ]})
    assert site.parse_chapters(raw) == (Chapter("First title", 0.0), Chapter("Second", 30.0),
                                        Chapter("Chapter 3", 45.5))
    for bad in ("[]", '{"version": "1.2.0"}', "not json"):
        with pytest.raises(ValueError):
            site.parse_chapters(bad)


def test_read_detail_survives_missing_and_broken_files(tmp_path: Path) -> None:
    episode = _episode(DATE)
    assert site.read_detail(episode, tmp_path) == site.EpisodeDetail(episode)
    (tmp_path / "chapters.json").write_text("{broken")
    (tmp_path / "transcript.vtt").write_bytes(b"WEBVTT\n\n00:00.000 --> 00:01.000\n\xff ok\n")
    detail = site.read_detail(episode, tmp_path)
    assert detail.chapters == () and detail.timings == (CueTiming("\ufffd ok", "", 0.0, 1.0),)


def test_clock_and_dates() -> None:
    assert [site.clock(s) for s in (0, 59.9, 61, 3599, 3600, 3725)] == [
        "0:00", "0:59", "1:01", "59:59", "1:00:00", "1:02:05"]
    assert site.long_date(dt.date(2026, 1, 5)) == "5 January 2026"
    assert site._seconds_attr(38.38200000001) == "38.382" and site._seconds_attr(0.0) == "0"
