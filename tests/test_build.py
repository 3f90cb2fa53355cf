"""End to end: the demo show built with real espeak-ng, ffmpeg and feedgen, then measured."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from conftest import make_show
from lxml import etree
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode

from briefcast.audio import measure_loudness, probe
from briefcast.config import load_config
from briefcast.sound import BED_LEAD_S, STING_S

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom",
      "content": "http://purl.org/rss/1.0/modules/content/"}
DATE = "2026-11-24"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", *args], capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, seed_article: Path) -> Path:
    """The demo show plus the seed-shaped article (first in running order), built once."""
    tmp = tmp_path_factory.mktemp("demo")
    config = make_show(tmp)
    shutil.copy(seed_article, config.parent / "articles" / "00-seed.txt")
    proc = run_cli("build", "--config", str(config), "--date", DATE)
    assert proc.returncode == 0, proc.stderr
    return config


def _feed(config: Path) -> etree._Element:
    return etree.parse(str(config.parent / "episodes" / "feed.xml")).getroot()


def _item(config: Path, date: str = DATE) -> etree._Element:
    """The feed item of one edition (the module builds more than one date)."""
    items = [i for i in _feed(config).findall("channel/item")
             if f"/{date}/" in i.find("enclosure").get("url")]
    assert len(items) == 1
    return items[0]


def test_mp3_is_mastered_mono_44k_cbr(built: Path) -> None:
    mp3 = next((built.parent / "episodes" / DATE).glob("*.mp3"))
    import re

    assert re.fullmatch(rf"harbor-town-ledger-nightly-{DATE}-[0-9a-f]{{8}}\.mp3", mp3.name)
    assert len(list((built.parent / "episodes" / DATE).glob("*.mp3"))) == 1
    info = probe(mp3)
    assert (info.codec, info.sample_rate, info.channels) == ("mp3", 44100, 1)
    assert info.bit_rate == pytest.approx(96000, rel=0.02)
    info_mp3 = MP3(mp3).info
    assert info_mp3 is not None and info_mp3.bitrate_mode == BitrateMode.CBR  # from LAME's "Info" header
    loud = measure_loudness(mp3)
    assert -17.0 <= loud.integrated_lufs <= -15.0
    assert loud.true_peak_dbtp <= -1.0
    # a five-minute target with seven stories: within a minute either way
    assert 240 <= info.duration_s <= 360
    tags = ID3(mp3)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TALB"]) == "Harbor Town Ledger Nightly"


def test_feed_items_match_files(built: Path) -> None:
    root = _feed(built)
    out = built.parent / "episodes"
    items = root.findall("channel/item")
    assert len(items) == 1
    item = items[0]
    enclosure = item.find("enclosure")
    url = enclosure.get("url")
    mp3_name = next((built.parent / "episodes" / DATE).glob("*.mp3")).name
    assert url == f"https://ledger.example.org/podcast/{DATE}/{mp3_name}"
    mp3 = out / url.removeprefix("https://ledger.example.org/podcast/")
    assert int(enclosure.get("length")) == mp3.stat().st_size
    assert enclosure.get("type") == "audio/mpeg"
    duration = int(item.findtext("itunes:duration", namespaces=NS))
    assert abs(duration - probe(mp3).duration_s) <= 1
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("pubDate") == "Tue, 24 Nov 2026 11:00:00 +0000"  # 06:00 New York
    description = item.findtext("description")
    assert "Port Authority Delays Vote" in description and "Harbor Town Council" in description
    # Apple's guide: the episode's own name, not the show's again; the date (what differs
    # between episodes) first, then the lead story. The MP3's ID3 title says the same.
    title = item.findtext("title")
    assert title.startswith("Tuesday, November 24, 2026: Port Authority Delays Vote"), title
    assert "Nightly" not in title
    assert str(ID3(mp3)["TIT2"]) == title


def test_channel_tags(built: Path) -> None:
    channel = _feed(built).find("channel")
    assert channel.findtext("link") == "https://ledger.example.org/"
    page = _item(built).findtext("link")  # each episode links to its page, built with it
    assert page == f"https://ledger.example.org/podcast/{DATE}/index.html"
    assert (built.parent / "episodes" / DATE / "index.html").is_file()
    assert channel.find("atom:link", NS).get("href") == "https://ledger.example.org/podcast/feed.xml"
    assert channel.find("atom:link", NS).get("rel") == "self"
    assert channel.findtext("language") == "en"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "podcast@ledger.example.org"
    cat = channel.find("itunes:category", NS)
    assert cat.get("text") == "News" and cat.find("itunes:category", NS).get("text") == "Daily News"
    image = channel.find("itunes:image", NS).get("href")
    art = built.parent / "episodes" / image.rsplit("/", 1)[1]
    from PIL import Image
    with Image.open(art) as img:
        assert img.size == (3000, 3000) and img.mode == "RGB"
    assert len(channel.findtext("description").encode()) <= 4000


def test_feedparser_reads_without_bozo(built: Path) -> None:
    parsed = feedparser.parse(str(built.parent / "episodes" / "feed.xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.title == "Harbor Town Ledger Nightly"
    assert len(parsed.entries) == 1 and parsed.entries[0].enclosures[0].type == "audio/mpeg"


def test_ai_content_is_declared_as_a_boolean(built: Path) -> None:
    """podcast:txt purpose="ai-content" carries true, like itunes:explicit, on the channel
    and on every episode: a synthetic voice reads every word, from condensed articles.
    The human-readable detail (which engine) is in the show notes."""
    import podcastparser

    from briefcast.validate import validate_output

    channel = _feed(built).find("channel")
    items = channel.findall("item")
    for parent in [channel, *items]:
        tags = [t for t in parent.findall("podcast:txt", NS) if t.get("purpose") == "ai-content"]
        assert [t.text for t in tags] == ["true"]
    notes = items[0].findtext("content:encoded", namespaces=NS)
    assert "Read by a synthetic voice (espeak-ng)" in notes
    # feedparser reads the tag (it keeps its attributes, not its text); podcastparser
    # skips podcast:* but must still read the feed
    parsed = feedparser.parse(str(built.parent / "episodes" / "feed.xml"))
    assert parsed.bozo == 0
    assert parsed.feed.podcast_txt == {"purpose": "ai-content"}
    assert all(e.podcast_txt == {"purpose": "ai-content"} for e in parsed.entries)
    with open(built.parent / "episodes" / "feed.xml", "rb") as fh:
        assert len(podcastparser.parse(load_config(built).feed_url, fh)["episodes"]) == len(items)
    assert validate_output(built.parent / "episodes", load_config(built).base_url) == []


def test_feed_dates_do_not_follow_the_clock(built: Path) -> None:
    """lastBuildDate is the newest episode's publish time: no date in the feed is later,
    and a build that runs before that time (or days before) writes the same bytes as one
    that runs after it. Only a date more than a day ahead is warned about (validators call
    it implausible)."""
    out = built.parent / "episodes"
    feed = _feed(built).find("channel")
    last = feed.findtext("lastBuildDate")
    pub_dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in feed.findall("item")]
    assert parsedate_to_datetime(last) == max(pub_dates)
    assert parsedate_to_datetime(feed.findtext("pubDate")) <= parsedate_to_datetime(last)
    parsed = feedparser.parse(str(out / "feed.xml"))
    assert all(e.published_parsed <= parsed.feed.updated_parsed for e in parsed.entries)

    before = (out / "feed.xml").read_bytes()
    publish = dt.datetime(2026, 11, 24, 11, 0, tzinfo=dt.UTC)  # 06:00 in New York
    for early, warned in ((dt.timedelta(minutes=30), False), (dt.timedelta(days=3), True)):
        clock = str(int((publish - early).timestamp()))
        proc = subprocess.run([sys.executable, "-m", "briefcast", "build", "--config",
                               str(built), "--date", DATE, "--rebuild", "--quiet"],
                              capture_output=True, text=True, timeout=600,
                              env={**os.environ, "SOURCE_DATE_EPOCH": clock})
        assert proc.returncode == 0, proc.stderr
        assert (out / "feed.xml").read_bytes() == before
        assert ("72 h from now" in proc.stderr) is warned, proc.stderr


def test_seed_junk_never_reaches_script(built: Path) -> None:
    script = (built.parent / "episodes-private" / DATE / "script.md").read_text()
    assert "Port Authority Delays Vote" in script
    for junk in ("Creator:", "Credit:", "Stock Images", "Quayside Wire", "spot_img", "Sponsor",
                 "Tune in to our podcasts", "Top Stories", "More In This Category", "http"):
        assert junk not in script, junk


def test_rebuild_is_byte_identical_and_uses_cache(built: Path) -> None:
    out = built.parent / "episodes"
    feed_before = (out / "feed.xml").read_bytes()
    mp3 = next((out / DATE).glob("*.mp3"))
    mp3_before = mp3.read_bytes()
    proc = run_cli("build", "--config", str(built), "--date", DATE, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    assert "0 synthesized" in proc.stdout and "Reused" not in proc.stdout
    assert (out / "feed.xml").read_bytes() == feed_before
    assert mp3.read_bytes() == mp3_before


# What a warm rebuild must not need: everything it would make with them is in the cache.
HEAVY = ("feedgen", "jinja2", "PIL", "mutagen", "pydub", "num2words", "feedparser",
         "trafilatura", "charset_normalizer", "justext", "importlib.metadata")


def test_warm_rebuild_loads_no_heavy_library_and_damage_changes_no_byte(built: Path) -> None:
    out = built.parent / "episodes"
    published = ["feed.xml", "index.html", f"{DATE}/index.html", f"{DATE}/transcript.vtt",
                 f"../episodes-private/{DATE}/episode.json"]
    before = {name: (out / name).read_bytes() for name in published}
    mp3_before = next((out / DATE).glob("*.mp3")).read_bytes()
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefcast", "build",
                           "--config", str(built), "--date", DATE, "--rebuild", "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    loaded = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()
              if line.startswith("import time:")}
    assert "briefcast.pipeline" in loaded  # the listing is real
    assert not {m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY}, loaded
    assert {name: (out / name).read_bytes() for name in published} == before
    # Every cached script, feed, page, cover and file fact damaged: made again, same bytes.
    cache = built.parent / "cache"
    damaged = 0
    for blob in cache.rglob("*.blob"):
        blob.write_bytes(blob.read_bytes()[:-1] + b"?")
        damaged += 1
    assert damaged >= 6
    proc = run_cli("build", "--config", str(built), "--date", DATE, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    assert "0 synthesized" in proc.stdout
    assert {name: (out / name).read_bytes() for name in published} == before
    assert next((out / DATE).glob("*.mp3")).read_bytes() == mp3_before


def test_rerun_reuses_the_published_episode(built: Path) -> None:
    """Without --rebuild a second run of the same night remakes nothing and changes nothing."""
    out = built.parent / "episodes"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*")
              if p.is_file() and "lock" not in p.name}
    (built.parent / "articles" / "late.txt").write_text(
        "A Late Story About the Harbor\n\nThe harbor master said on Tuesday that the "
        "north pier will reopen next week after repairs costing $40,000.\n", encoding="utf-8")
    try:
        proc = run_cli("build", "--config", str(built), "--date", DATE)
    finally:
        (built.parent / "articles" / "late.txt").unlink()
    assert proc.returncode == 0, proc.stderr
    assert "Reused" in proc.stdout and "--rebuild" in proc.stdout
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*")
             if p.is_file() and "lock" not in p.name}
    assert after == before  # not even a timestamp moved


def test_failed_build_leaves_feed_untouched(built: Path, tmp_path: Path) -> None:
    out = built.parent / "episodes"
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and "lock" not in p.name}
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "junk.txt").write_text("Title\n\n- Sponsor -spot_img\n", encoding="utf-8")
    text = built.read_text().replace('folder = "articles"', f'folder = "{empty}"')
    broken = built.parent / "broken.toml"
    broken.write_text(text)
    proc = run_cli("build", "--config", str(broken), "--date", "2026-11-25")
    assert proc.returncode == 1
    assert "no usable articles" in proc.stderr and "junk.txt" in proc.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and "lock" not in p.name}
    assert after == before
    assert not list(out.glob(".staging-*"))


def test_second_date_is_listed_newest_first(built: Path) -> None:
    config = load_config(built)
    proc = run_cli("build", "--config", str(built), "--date", "2026-11-25")
    assert proc.returncode == 0, proc.stderr
    items = _feed(built).findall("channel/item")
    dates = [i.findtext("pubDate") for i in items]
    assert dates == ["Wed, 25 Nov 2026 11:00:00 +0000", "Tue, 24 Nov 2026 11:00:00 +0000"]
    guids = [i.findtext("guid") for i in items]
    assert len(set(guids)) == 2
    assert config.output_dir == built.parent / "episodes"


def test_bad_config_lists_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[show]\ntitle = "x"\n[voice]\nrate = 5\n', encoding="utf-8")
    proc = run_cli("build", "--config", str(bad))
    assert proc.returncode == 2
    assert "show.author is missing" in proc.stderr and "voice.rate" in proc.stderr
    assert "sources.folder is missing" in proc.stderr


def test_chapters_match_json_and_id3(built: Path) -> None:
    import json

    folder = built.parent / "episodes" / DATE
    chapters = json.loads((folder / "chapters.json").read_text())
    assert chapters["version"] == "1.2.0"
    titles = [c["title"] for c in chapters["chapters"]]
    assert titles[0] == "Introduction" and titles[-1] == "Sign-off"
    assert len(titles) == 2 + 6  # intro, six stories, sign-off
    starts = [c["startTime"] for c in chapters["chapters"]]
    assert starts == sorted(starts) and starts[0] == 0
    mp3 = next(folder.glob("*.mp3"))
    tags = ID3(mp3)
    chaps = tags.getall("CHAP")  # in file order: that must be time order
    assert [f.start_time for f in chaps] == sorted(f.start_time for f in chaps)
    assert [f.element_id for f in chaps] == [f"chp{i}" for i in range(len(titles))]
    assert [str(f.sub_frames["TIT2"]) for f in chaps] == titles
    assert [f.start_time for f in chaps] == [round(s * 1000) for s in starts]
    assert abs(chaps[-1].end_time / 1000 - probe(mp3).duration_s) < 0.1
    toc = tags.getall("CTOC")
    assert len(toc) == 1 and toc[0].child_element_ids == [f.element_id for f in chaps]
    # players built on ffmpeg list chapters in file order: it must be time order
    listed = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json",
                             str(mp3)], capture_output=True, text=True, check=True).stdout
    import json as _json

    assert [c["tags"]["title"] for c in _json.loads(listed)["chapters"]] == titles
    feed_item = _item(built)
    chapters_tag = feed_item.find("podcast:chapters", NS)
    assert chapters_tag.get("type") == "application/json+chapters"
    assert chapters_tag.get("url").endswith(f"{DATE}/chapters.json")


def test_transcripts_are_captions_timed_within_the_episode(built: Path) -> None:
    """The published VTT and SRT, read by webvtt-py and srt: caption-sized cues (VTT lines
    of at most 65 characters, SRT two lines of 32), in order, never overlapping, inside the
    audio, and together they say exactly what the script says."""
    import html
    import io
    import re

    import srt
    import webvtt

    folder = built.parent / "episodes" / DATE
    duration = probe(next(folder.glob("*.mp3"))).duration_s
    # what the script says, one cue a line, as `briefcast script` prints it for review
    printed = run_cli("script", "--config", str(built), "--date", DATE)
    assert printed.returncode == 0, printed.stderr
    body = printed.stdout.split("\n---\n")[0].splitlines()[1:]
    cues = [line for line in body if line.strip() and not line.startswith("## ")]
    said = " ".join(" ".join(line.split()) for line in cues)

    vtt = webvtt.from_buffer(io.StringIO((folder / "transcript.vtt").read_text()))
    vtt_lines = [[html.unescape(re.sub(r"<[^>]+>", "", line)) for line in c.lines]
                 for c in vtt.captions]
    assert all(1 <= len(lines) <= 2 for lines in vtt_lines)
    assert max(len(line) for lines in vtt_lines for line in lines) <= 65
    assert " ".join(" ".join(lines) for lines in vtt_lines) == said
    assert {c.voice for c in vtt.captions} == {"Morgan", "Riley"}  # anchors alternate

    cards = list(srt.parse((folder / "transcript.srt").read_text()))
    card_lines = [c.content.split("\n") for c in cards]
    assert all(1 <= len(lines) <= 2 for lines in card_lines)
    assert max(len(line) for lines in card_lines for line in lines) <= 32
    labelled = " ".join(c.content.replace("\n", " ") for c in cards)
    labels = re.findall(r"(?:^| )(Morgan|Riley): ", labelled)
    assert labels[:2] == ["Morgan", "Riley"] and len(labels) >= 6  # at each change of anchor
    assert re.sub(r"(^| )(Morgan|Riley): ", r"\1", labelled) == said
    assert len(cards) > len(vtt.captions) > len(cues) > 20

    def secs(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    for times in ([(secs(c.start), secs(c.end)) for c in vtt.captions],
                  [(c.start.total_seconds(), c.end.total_seconds()) for c in cards]):
        # the demo opens with the sting, then the bed alone; it closes with the sting
        assert abs(times[0][0] - (STING_S + BED_LEAD_S)) < 0.01
        assert all(a < b for a, b in times)
        assert all(times[i][1] <= times[i + 1][0] for i in range(len(times) - 1))
        assert duration - STING_S - 1.0 < times[-1][1] <= duration - STING_S + 0.1
    assert [c.content for c in cards].count("Our top story.") == 1
    types = [t.get("type") for t in _item(built).findall("podcast:transcript", NS)]
    assert types == ["text/vtt", "application/x-subrip"]


def test_unknown_voice_is_refused(built: Path) -> None:
    bad = built.parent / "badvoice.toml"
    bad.write_text(built.read_text().replace('second_name = "en-us+f3"', 'second_name = "en-us+nope"'))
    proc = run_cli("build", "--config", str(bad), "--date", "2026-11-20")
    # a config problem (exit 2), found before any work; dry runs check it too
    assert proc.returncode == 2 and "no voice variant 'nope'" in proc.stderr


def test_story_whose_speech_fails_is_dropped(tmp_path: Path) -> None:
    """A poisoned story (TTS keeps failing on it) is dropped; the rest still airs."""
    import wave

    from briefcast.pipeline import build

    class PoisonEngine:
        name, parallelism = "poison", 2

        def fingerprint(self, voice: str) -> str:
            return "poison-1"

        def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
            seconds = 0 if "tidewire" in text.lower() else len(text.split()) * 60 / rate_wpm
            with wave.open(str(out), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(22050)
                wav.writeframes((b"\x10\x27\xf0\xd8") * int(22050 * seconds / 2))

        def close(self) -> None:
            pass

    config = load_config(make_show(tmp_path))
    report = build(config, dt.date(2026, 11, 24), engine=PoisonEngine())
    assert len(report.stories_in) == 6
    assert not any("Tidewire" in t for t in report.stories_in)
    assert any("Lanterns" in t for t in report.stories_in)  # the 7th article moved up
    dropped = [s for s in report.skipped if "tech-office" in s["source"]]
    assert dropped and "speech synthesis failed" in dropped[0]["reason"]
    feed = (config.output_dir / "feed.xml").read_text()
    assert "Tidewire" not in feed and "Lanterns on the Water" in feed


def test_skipped_article_gives_partial_exit_code(tmp_path: Path) -> None:
    config = make_show(tmp_path)
    (config.parent / "articles" / "99-broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    proc = run_cli("build", "--config", str(config), "--date", DATE, "--quiet")
    assert proc.returncode == 4, proc.stderr
    assert "99-broken.txt" in proc.stderr and "binary" in proc.stderr
    assert proc.stdout == ""


def test_podcastparser_reads_what_gpodder_would(built: Path) -> None:
    """gPodder and its kin parse feeds with podcastparser: cross-check every item."""
    import podcastparser

    out = built.parent / "episodes"
    with open(out / "feed.xml", "rb") as fh:
        parsed = podcastparser.parse(load_config(built).feed_url, fh)
    assert parsed["title"] == "Harbor Town Ledger Nightly"
    assert parsed["cover_url"].startswith("https://ledger.example.org/podcast/artwork-")
    assert parsed["episodes"], "no episodes parsed"
    guids = [e["guid"] for e in parsed["episodes"]]
    assert len(set(guids)) == len(guids)
    for episode in parsed["episodes"]:
        (enclosure,) = episode["enclosures"]
        local = out / enclosure["url"].removeprefix("https://ledger.example.org/podcast/")
        assert enclosure["file_size"] == local.stat().st_size
        assert enclosure["mime_type"] == "audio/mpeg"
        assert abs(episode["total_time"] - probe(local).duration_s) <= 1
        assert episode["published"] > 0 and episode["title"]
        assert "<" not in episode["description"]


def test_episode_fits_its_slot(built: Path) -> None:
    """Five minutes means five: the plan from the measured pace, and the real audio."""
    import json

    report = json.loads((built.parent / "episodes-private" / DATE / "report.json").read_text())
    target = 5 * 60
    assert abs(report["duration_s"] - target) / target <= 0.10, report["duration_s"]
    assert abs(report["estimated_s"] - report["duration_s"]) / report["duration_s"] <= 0.06


def test_articles_of_other_days_are_left_out_not_skipped(tmp_path: Path) -> None:
    """A folder that keeps older (and newer) dated articles is normal: they are listed as
    left out, but the night is not "partial" (cron would alert on exit code 4 every day)."""
    config_path = make_show(tmp_path, dated=True, story_count="2", target_minutes="1")
    proc = run_cli("build", "--config", str(config_path), "--date", "2026-11-25", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""
    config = load_config(config_path)
    report = json.loads((config.private_dir / "2026-11-25" / "report.json").read_text())
    assert report["skipped"] == []
    left = {Path(s["source"]).name: s["reason"] for s in report["left_out"]}
    assert len(left) >= 4 and all("not in the window" in r for r in left.values()), left
    # the same folder with one unreadable file: that one is a problem, exit code 4
    (config_path.parent / "articles" / "99-broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    proc = run_cli("build", "--config", str(config_path), "--date", "2026-11-25", "--quiet",
                   "--rebuild")
    assert proc.returncode == 4, proc.stderr
    assert "99-broken.txt" in proc.stderr and "not in the window" not in proc.stderr
