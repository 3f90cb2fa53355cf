"""The feed validation gate: a real build passes; each kind of broken feed is refused.

The demo show is built twice (two dates) with the real tools, then each test breaks one
thing, in the XML bytes or in a copy of the output folder, and expects the matching problem.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_show
from lxml import etree
from PIL import Image

from briefcast import pipeline
from briefcast.config import ShowConfig, load_config
from briefcast.errors import BuildError
from briefcast.stages import release
from briefcast.validate import validate_feed, validate_output

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "atom": "http://www.w3.org/2005/Atom",
      "podcast": "https://podcastindex.org/namespace/1.0"}
DATES = (dt.date(2026, 11, 24), dt.date(2026, 11, 25))
BASE = "https://ledger.example.org/podcast/"


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> ShowConfig:
    show = load_config(make_show(tmp_path_factory.mktemp("validate")))
    for date in DATES:
        pipeline.build(show, date)  # each build already passes the gate on staged files
    return show


@pytest.fixture()
def out(config: ShowConfig, tmp_path: Path) -> Path:
    """A private copy of the published folder, free to break."""
    copied = tmp_path / "out"
    shutil.copytree(config.output_dir, copied, symlinks=True)
    return copied


def feed_bytes(config: ShowConfig) -> bytes:
    return (config.output_dir / "feed.xml").read_bytes()


def mutated(config: ShowConfig, change: Callable[[etree._Element], None]) -> bytes:
    root = etree.fromstring(feed_bytes(config))
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def problems_for(config: ShowConfig, change: Callable[[etree._Element], None]) -> list[str]:
    return validate_feed(mutated(config, change), config.output_dir, BASE)


def channel(root: etree._Element) -> etree._Element:
    return root.find("channel")


def first_item(root: etree._Element) -> etree._Element:
    return root.find("channel/item")


def enclosure(root: etree._Element) -> etree._Element:
    return root.find("channel/item/enclosure")


def set_text(path: str, value: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        channel(root).find(path, NS).text = value
    return change


def set_attr(path: str, attr: str, value: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        channel(root).find(path, NS).set(attr, value)
    return change


def remove(path: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        el = channel(root).find(path, NS)
        el.getparent().remove(el)
    return change


def test_real_build_is_valid(config: ShowConfig) -> None:
    assert validate_output(config.output_dir, config.base_url) == []
    assert len(etree.fromstring(feed_bytes(config)).findall("channel/item")) == 2


def _duplicate_guid(root: etree._Element) -> None:
    items = root.findall("channel/item")
    items[1].find("guid").text = items[0].find("guid").text


def _swap_items(root: etree._Element) -> None:
    items = root.findall("channel/item")
    items[1].addnext(items[0])  # lxml moves the element: the older item now comes first


def _second_enclosure(root: etree._Element) -> None:
    first_item(root).append(copy.deepcopy(enclosure(root)))


def _shift_duration(root: etree._Element) -> None:
    el = first_item(root).find("itunes:duration", NS)
    el.text = str(int(el.text) + 5)


def _length_plus_one(root: etree._Element) -> None:
    enclosure(root).set("length", str(int(enclosure(root).get("length")) + 1))


def _bad_category(root: etree._Element) -> None:
    channel(root).find("itunes:category/itunes:category", NS).set("text", "Daily Gossip")


@pytest.mark.parametrize(("change", "expected"), [
    (_length_plus_one, "enclosure length is"),
    (_duplicate_guid, "<guid>"),
    (_swap_items, "newest first"),
    (_second_enclosure, "exactly one <enclosure>"),
    (_shift_duration, "<itunes:duration> is"),
    (set_text("item/itunes:duration", "5:37"), "whole seconds"),
    (_bad_category, "'Daily Gossip' is not under 'News'"),
    (set_attr("itunes:category", "text", "Newz"), "'Newz' is not an Apple Podcasts category"),
    (remove("itunes:category"), "<itunes:category> is missing"),
    (set_attr("item/enclosure", "url", "2026-11-25/x.mp3"), "absolute http(s) URL"),
    (set_attr("item/enclosure", "url", "https://cdn.example.com/x.mp3"), "not under"),
    (set_attr("item/enclosure", "url", BASE + "2026-11-25/caf\u00e9.mp3"), "ASCII"),
    (set_attr("item/enclosure", "url", BASE + "2026-11-25/../../x.mp3"), "does not name"),
    (set_attr("item/enclosure", "url", BASE + "2026-11-25/gone.mp3"), "does not exist"),
    (set_attr("item/enclosure", "type", "audio/mp3"), "audio/mpeg"),
    (set_text("item/pubDate", "2026-11-25T11:00:00Z"), "RFC 2822"),
    (remove("item/guid"), "<guid> is missing"),
    (remove("item/title"), "<title> is missing"),
    (set_text("description", "x" * 4001), "4001 bytes"),
    (remove("title"), "<title> is missing"),
    (remove("link"), "<link> is missing"),
    (remove("language"), "<language> is missing"),
    (remove("itunes:author"), "<itunes:author> is missing"),
    (set_text("itunes:explicit", "no"), "true or false"),
    (remove("itunes:owner/itunes:email"), "<itunes:email>"),
    (remove("itunes:type"), "<itunes:type>"),
    (set_attr("atom:link", "href", "feed.xml"), "absolute http(s) URL"),
    (remove("atom:link"), "exactly one <atom:link"),
    (set_attr("itunes:image", "href", "artwork.jpg"), "absolute http(s) URL"),
    (set_attr("itunes:image", "href", BASE + "artwork.gif"), ".jpg or .png"),
    (set_attr("itunes:image", "href", BASE + "artwork-000000000000.jpg"), "does not exist"),
    (set_attr("item/podcast:chapters", "type", "application/json"), "podcast:chapters> type"),
    (set_attr("item/podcast:transcript", "url", BASE + "2026-11-25/none.vtt"), "does not exist"),
    # AI disclosure is a boolean, like itunes:explicit (the feed once carried a sentence)
    (set_text("podcast:txt", "Read by a synthetic voice."), 'ai-content"> must be true or false'),
    (set_text("item/podcast:txt", "yes"), 'ai-content"> must be true or false'),
    # nothing is dated after the feed's lastBuildDate (the newest episode's publish time)
    (set_text("item/pubDate", "Fri, 27 Nov 2026 11:00:00 +0000"), "later than the channel's"),
    (set_text("lastBuildDate", "Tue, 24 Nov 2026 11:00:00 +0000"), "later than the channel's"),
    (set_text("lastBuildDate", "tomorrow"), "<lastBuildDate> is not an RFC 2822 date"),
])
def test_broken_feed_is_refused(config: ShowConfig, change: Callable[[etree._Element], None],
                                expected: str) -> None:
    problems = problems_for(config, change)
    assert problems, "the change should have been refused"
    assert any(expected in p for p in problems), problems


def test_not_xml_is_refused(config: ShowConfig) -> None:
    problems = validate_feed(feed_bytes(config)[:-20], config.output_dir, BASE)
    assert len(problems) == 1 and "not well-formed XML" in problems[0]
    assert "not well-formed" in validate_feed(b"", config.output_dir, BASE)[0]


def test_every_problem_is_listed_at_once(config: ShowConfig) -> None:
    def many(root: etree._Element) -> None:
        _length_plus_one(root)
        _bad_category(root)
        set_text("itunes:explicit", "yes")(root)
    problems = problems_for(config, many)
    assert len(problems) == 3, problems


def _episode_mp3(out: Path, date: dt.date) -> Path:
    return next((out / date.isoformat()).glob("*.mp3"))


def _art(out: Path) -> Path:
    return next(out.glob("artwork-*"))


def test_missing_audio_file_is_refused(out: Path) -> None:
    _episode_mp3(out, DATES[0]).unlink()
    problems = validate_output(out, BASE)
    assert len(problems) == 1 and "does not exist" in problems[0] and "item 2" in problems[0]


def test_audio_whose_size_changed_is_refused(out: Path) -> None:
    with open(_episode_mp3(out, DATES[1]), "ab") as fh:
        fh.write(b"\0")
    problems = validate_output(out, BASE)
    assert any("enclosure length is" in p and "item 1" in p for p in problems), problems


@pytest.mark.parametrize(("size", "mode", "expected"), [
    ((1400, 1500), "RGB", "must be square"),
    ((1000, 1000), "RGB", "1400-3000 px"),
    ((3200, 3200), "RGB", "1400-3000 px"),
    ((1400, 1400), "CMYK", "must be RGB"),
    ((1400, 1400), "PNG", "is PNG but named .jpg"),
])
def test_bad_artwork_is_refused(out: Path, size: tuple[int, int], mode: str,
                                expected: str) -> None:
    art = _art(out)
    if mode == "PNG":
        Image.new("RGB", size).save(art, format="PNG")
    else:
        Image.new(mode, size).save(art, format="JPEG")
    problems = validate_output(out, BASE)
    assert any(expected in p for p in problems), problems


def test_artwork_that_is_not_an_image_is_refused(out: Path) -> None:
    _art(out).write_bytes(b"not a picture")
    assert any("not a readable image" in p for p in validate_output(out, BASE))


def _tone_mp3(path: Path, seconds: float) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i",
                    f"sine=frequency=440:duration={seconds}", "-ac", "1", "-ar", "44100",
                    "-c:a", "libmp3lame", "-b:a", "96k", str(path)], check=True)


def test_gate_with_a_cache_reads_changed_files_again(out: Path, tmp_path: Path) -> None:
    """What the gate keeps in the cache (durations, artwork facts) never hides a change:
    a published file replaced, a staged file rewritten in place, a damaged entry."""
    cache = tmp_path / "cache"
    feed = (out / "feed.xml").read_bytes()
    assert validate_feed(feed, out, BASE, cache_dir=cache) == []
    assert validate_feed(feed, out, BASE, cache_dir=cache) == []  # from the cache
    assert list((cache / "file-facts").rglob("*.blob"))
    short = tmp_path / "short.mp3"
    _tone_mp3(short, 3)
    mp3 = _episode_mp3(out, DATES[0])
    shutil.copy(short, mp3.with_suffix(".new"))
    mp3.with_suffix(".new").replace(mp3)  # published files are replaced, never edited
    problems = validate_feed(feed, out, BASE, cache_dir=cache)
    assert any("plays 3.0 s" in p and "item 2" in p for p in problems), problems
    # Staged (overlay) files are known by their bytes: an edit in place is seen too.
    staged = tmp_path / "staged"
    shutil.copytree(out / DATES[1].isoformat(), staged)
    overlay = {DATES[1].isoformat(): staged}
    assert not [p for p in validate_feed(feed, out, BASE, overlay, cache) if "item 1" in p]
    next(staged.glob("*.mp3")).write_bytes(short.read_bytes())
    problems = validate_feed(feed, out, BASE, overlay, cache)
    assert any("plays 3.0 s" in p and "item 1" in p for p in problems), problems
    for blob in (cache / "file-facts").rglob("*.blob"):
        blob.write_bytes(blob.read_bytes()[:-3] + b"!!!")  # damaged: read the files again
    assert validate_feed(feed, out, BASE, overlay, cache) == problems
    _art(out).write_bytes(b"not a picture")
    assert any("not a readable image" in p
               for p in validate_feed(feed, out, BASE, cache_dir=cache))


def test_missing_feed_is_reported(tmp_path: Path) -> None:
    assert "does not exist" in validate_output(tmp_path, BASE)[0]


def _run_check(config_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", "check", "--config",
                           str(config_path), *extra], capture_output=True, text=True,
                          timeout=120)


def test_cli_check(config: ShowConfig, out: Path) -> None:
    proc = _run_check(config.config_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "valid" in proc.stdout
    _episode_mp3(out, DATES[0]).unlink()
    _art(out).unlink()
    proc = _run_check(config.config_path, "--output", str(out))
    assert proc.returncode == 1
    assert "2 problem(s)" in proc.stdout
    assert "itunes:image" in proc.stdout and "enclosure" in proc.stdout


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".briefcast.lock"}


@pytest.mark.parametrize("date", [DATES[1], dt.date(2026, 11, 26)],
                         ids=["rebuild", "new-date"])
def test_gate_refusal_leaves_published_files_untouched(
        config: ShowConfig, monkeypatch: pytest.MonkeyPatch, date: dt.date) -> None:
    before = _snapshot(config.output_dir)
    # A rebuild gives identical bytes, so also check the folders were not swapped.
    inodes = {d: (config.output_dir / d.isoformat()).stat().st_ino for d in DATES}
    real_build_feed = release.build_feed

    def broken_build_feed(*args: object, **kwargs: object) -> bytes:
        feed: bytes = real_build_feed(*args, **kwargs)  # type: ignore[arg-type]
        return feed.replace(b'text="Daily News"', b'text="Daily Gossip"')

    monkeypatch.setattr(release, "build_feed", broken_build_feed)
    with pytest.raises(BuildError) as caught:
        pipeline.build(config, date, rebuild=True)
    message = str(caught.value)
    assert "failed validation" in message and "'Daily Gossip' is not under 'News'" in message
    assert _snapshot(config.output_dir) == before
    assert inodes == {d: (config.output_dir / d.isoformat()).stat().st_ino for d in DATES}
    assert not list(config.output_dir.glob(".staging-*"))
    assert not (config.output_dir / "2026-11-26").exists()
