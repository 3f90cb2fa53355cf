"""The nightly run: reruns reuse the published episode, retention archives old audio,
a crashed night is completed by the next run, a full or read-only disk fails cleanly,
and the Alexa flash briefing follows Amazon's limits. Real espeak-ng, ffmpeg, feedgen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, make_show
from lxml import etree

from briefcast.alexa import flash_briefing
from briefcast.config import load_config
from briefcast.models import Episode

DATE_A, DATE_B, DATE_C = "2026-11-23", "2026-11-24", "2026-11-25"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", *args], capture_output=True,
                          text=True, timeout=600)


def small_show(tmp: Path, **overrides: str) -> Path:
    """Two short demo stories: a build of about a minute of audio."""
    articles = sorted((DEMO / "articles").glob("*.txt"))[:2]
    opts: dict[str, Any] = {"story_count": "2", "target_minutes": "1", **overrides}
    return make_show(tmp, articles, **opts)


def private(config: Path) -> Path:
    """The show's private folder (records, scripts, reports), beside ``episodes/``."""
    return config.parent / "episodes-private"


def build(config: Path, date: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("build", "--config", str(config), "--date", date, *extra)


def feed_dates(out: Path) -> list[str]:
    root = etree.parse(str(out / "feed.xml")).getroot()
    return [i.find("enclosure").get("url").split("/")[-2] for i in root.iter("item")]


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and p.name != ".briefcast.lock"}


def test_retention_keeps_newest_in_feed_and_archives_older_audio(tmp_path: Path) -> None:
    config = small_show(tmp_path, max_feed_items="2")
    out = config.parent / "episodes"
    for date in (DATE_A, DATE_B):
        assert build(config, date).returncode == 0
    mp3_a = next((out / DATE_A).glob("*.mp3")).read_bytes()
    proc = build(config, DATE_C)
    assert proc.returncode == 0, proc.stderr
    assert feed_dates(out) == [DATE_C, DATE_B]
    assert f"Archived  {DATE_A}" in proc.stdout
    assert not (out / DATE_A).exists()
    archived = list((out / "archive" / DATE_A).glob("*.mp3"))
    assert len(archived) == 1 and archived[0].read_bytes() == mp3_a  # never deleted
    report = json.loads((private(config) / DATE_C / "report.json").read_text())
    assert report["archived"] == [DATE_A]
    assert run_cli("check", "--config", str(config)).returncode == 0


def test_next_run_completes_a_night_killed_before_the_feed(tmp_path: Path) -> None:
    """Episode folder in place but the feed still yesterday's: a plain rerun publishes it."""
    config = small_show(tmp_path)
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    old_feed = (out / "feed.xml").read_bytes()
    assert build(config, DATE_B).returncode == 0
    record = (private(config) / DATE_B / "episode.json").read_bytes()
    (out / "feed.xml").write_bytes(old_feed)  # as if killed between folder and feed
    assert feed_dates(out) == [DATE_A]

    proc = build(config, DATE_B)
    assert proc.returncode == 0, proc.stderr
    assert "Reused" in proc.stdout and "0 synthesized" in proc.stdout
    assert feed_dates(out) == [DATE_B, DATE_A]
    assert (private(config) / DATE_B / "episode.json").read_bytes() == record  # same GUID, same bytes
    assert run_cli("check", "--config", str(config)).returncode == 0


def test_rebuild_keeps_guid_and_pub_date(tmp_path: Path) -> None:
    config = small_show(tmp_path)
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    first = json.loads((private(config) / DATE_A / "episode.json").read_text())
    article = next((config.parent / "articles").glob("*.txt"))
    title, rest = article.read_text().split("\n", 1)
    article.write_text(f"{title} Again\n{rest}")  # a new headline: new audio
    proc = build(config, DATE_A, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    second = json.loads((private(config) / DATE_A / "episode.json").read_text())
    assert second["guid"] == first["guid"] and second["pub_date"] == first["pub_date"]
    assert second["audio_file"] != first["audio_file"]  # new audio, new name
    assert [p.name for p in (out / DATE_A).glob("*.mp3")] == [second["audio_file"].split("/")[1]]


def test_damaged_record_does_not_drop_its_episode(tmp_path: Path) -> None:
    """A corrupt episode.json is rebuilt from the published feed, with a warning."""
    config = small_show(tmp_path)
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    item_before = etree.tostring(etree.parse(str(out / "feed.xml")).find(".//item"))
    (private(config) / DATE_A / "episode.json").write_text("{ not json")
    proc = build(config, DATE_B, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "recovered from the published feed" in proc.stderr
    assert feed_dates(out) == [DATE_B, DATE_A]
    items = etree.parse(str(out / "feed.xml")).findall(".//item")
    for tag in ("guid", "title", "pubDate", "enclosure", "{*}duration", "{*}chapters"):
        old = etree.fromstring(item_before).find(tag)
        new = items[1].find(tag)
        assert etree.tostring(new) == etree.tostring(old), tag
    assert run_cli("check", "--config", str(config)).returncode == 0


# --- disk full and read-only output ------------------------------------------------------


@contextlib.contextmanager
def tiny_filesystem(path: Path, size: str) -> Iterator[bool]:
    """A real tmpfs of ``size`` at ``path``; yields False where mounting is not permitted."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(path)], capture_output=True).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def _fill(folder: Path) -> None:
    """Fill the filesystem until writes fail with ENOSPC."""
    with open(folder / "filler.bin", "wb") as fh:
        chunk = b"\0" * 65536
        try:
            while True:
                fh.write(chunk)
                fh.flush()
        except OSError:
            pass


def test_disk_full_and_read_only_output_fail_cleanly(tmp_path: Path) -> None:
    config = small_show(tmp_path)
    out = config.parent / "episodes"
    with tiny_filesystem(out, "16m") as mounted:
        if not mounted:  # no CAP_SYS_ADMIN: inject the same OS errors instead
            return _injected_write_failures(config, tmp_path)
        assert build(config, DATE_A).returncode == 0
        published = snapshot(out)

        _fill(out)
        proc = build(config, DATE_B)
        assert proc.returncode == 1
        assert "No space left on device" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
        (out / "filler.bin").unlink()
        assert snapshot(out) == published  # nothing half-written, nothing lost
        assert not list(out.glob(".staging*")) and not list(out.glob("*/.*.tmp"))

        subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
        proc = build(config, DATE_B)
        assert proc.returncode == 1
        assert "Read-only file system" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
        subprocess.run(["mount", "-o", "remount,rw", str(out)], check=True)
        assert snapshot(out) == published

        proc = build(config, DATE_B)  # space again: the night completes
        assert proc.returncode == 0, proc.stderr
        assert feed_dates(out) == [DATE_B, DATE_A]
    return None


def _injected_write_failures(config: Path, tmp_path: Path) -> None:
    """Fallback where tmpfs cannot be mounted: every atomic write fails with ENOSPC."""
    import errno

    from briefcast import pipeline
    from briefcast.errors import BriefcastError
    from briefcast.stages import publish

    show = load_config(config)
    out = show.output_dir
    pipeline.build(show, dt.date.fromisoformat(DATE_A))
    published = snapshot(out)
    mp = pytest.MonkeyPatch()

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    mp.setattr(publish, "write_atomic", full)
    try:
        with pytest.raises((OSError, BriefcastError)):
            pipeline.build(show, dt.date.fromisoformat(DATE_B))
    finally:
        mp.undo()
    assert snapshot(out) == published


# --- Alexa flash briefing ----------------------------------------------------------------


def test_alexa_flash_briefing_is_written_beside_the_feed(tmp_path: Path) -> None:
    config = small_show(tmp_path)
    config.write_text(config.read_text().replace("[output]", "[output]\nalexa = true"))
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    items = json.loads((out / "alexa.json").read_text(encoding="utf-8"))
    record = json.loads((private(config) / DATE_A / "episode.json").read_text())
    assert len(items) == 1
    item = items[0]
    assert item["uid"] == f"urn:uuid:{record['guid']}"
    assert item["streamUrl"] == "https://ledger.example.org/podcast/" + record["audio_file"]
    assert item["updateDate"] == "2026-11-23T11:00:00.0Z"  # 06:00 in New York
    assert item["titleText"] == record["title"]
    assert 10 <= record["duration_s"] <= 600


def _episode(duration_s: int) -> Episode:
    return Episode(date=dt.date(2026, 11, 23), title="T", guid=str(uuid.uuid4()),
                   pub_date=dt.datetime(2026, 11, 23, 11, tzinfo=dt.UTC),
                   audio_file="2026-11-23/t.mp3", size_bytes=1, duration_s=duration_s)


def test_alexa_refuses_what_amazon_would_reject(tmp_path: Path) -> None:
    config = load_config(small_show(tmp_path))
    assert flash_briefing(config, [_episode(300)])[0] is not None
    data, problems = flash_briefing(config, [_episode(601)])
    assert data is None and "601 s" in problems[0] and "10 min" in problems[0]
    data, problems = flash_briefing(config, [_episode(9)])
    assert data is None and "9 s" in problems[0]
    from dataclasses import replace

    insecure = replace(config, base_url="http://ledger.example.org/podcast/")
    data, problems = flash_briefing(insecure, [_episode(300)])
    assert data is None and "HTTPS" in problems[0]
    newest = json.loads(flash_briefing(config, [_episode(100), _episode(200)
                                                ])[0] or b"[]")
    assert len(newest) == 1


@pytest.mark.parametrize(("utc", "edition"), [
    ("2026-11-25T10:30:00+00:00", "2026-11-25"),  # 05:30 in New York: this morning's
    ("2026-11-25T11:30:00+00:00", "2026-11-25"),  # 06:30, a late start: still this morning's
    ("2026-11-25T13:30:00+00:00", "2026-11-25"),  # 08:30, after a missed night: this morning's
    ("2026-11-25T14:30:00+00:00", "2026-11-26"),  # 09:30: this morning's has aired; tomorrow's
    ("2026-11-25T22:30:00+00:00", "2026-11-26"),  # 17:30: tomorrow morning's
    ("2026-11-26T04:00:00+00:00", "2026-11-26"),  # 23:00 on the 25th: tomorrow's
    ("2026-07-15T10:30:00+00:00", "2026-07-15"),  # the CI cron in summer (06:30 EDT)
])
def test_default_date_is_the_next_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          utc: str, edition: str) -> None:
    from briefcast.cli import today

    config = load_config(small_show(tmp_path))  # New York, publish_time 06:00
    epoch = int(dt.datetime.fromisoformat(utc).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    assert today(config).isoformat() == edition


def test_alexa_file_is_withdrawn_when_it_cannot_be_offered(tmp_path: Path) -> None:
    """Switched off (or an episode too long): the old alexa.json must not linger."""
    config = small_show(tmp_path)
    config.write_text(config.read_text().replace("[output]", "[output]\nalexa = true"))
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    assert (out / "alexa.json").is_file()
    config.write_text(config.read_text().replace("alexa = true", "alexa = false"))
    assert build(config, DATE_B).returncode == 0
    assert not (out / "alexa.json").exists()


def test_vanished_episode_folder_is_reported(tmp_path: Path) -> None:
    config = small_show(tmp_path)
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    shutil.rmtree(out / DATE_A)  # deleted by hand, or a sync gone wrong
    proc = build(config, DATE_B, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert f"the {DATE_A} episode's folder {out / DATE_A} is gone" in proc.stderr
    assert feed_dates(out) == [DATE_B]


def test_new_speaker_name_reaches_the_transcript_on_rebuild(tmp_path: Path) -> None:
    """Same audio, new speaker name: the cached mix must not bring back old transcripts."""
    config = small_show(tmp_path)
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    config.write_text(config.read_text().replace('speaker = "Morgan"', 'speaker = "Alexandra"'))
    proc = build(config, DATE_A, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    vtt = (out / DATE_A / "transcript.vtt").read_text(encoding="utf-8")
    assert "<v Alexandra>" in vtt and "<v Morgan>" not in vtt
    report = json.loads((private(config) / DATE_A / "report.json").read_text())
    assert report["tts_calls"] == 0  # the speech itself was reused


def test_damaged_mix_cache_entry_is_a_miss(tmp_path: Path) -> None:
    config = small_show(tmp_path)
    assert build(config, DATE_A).returncode == 0
    for meta in (config.parent / "cache" / "mixes").rglob("*.json"):
        meta.write_text("{ damaged")
    proc = build(config, DATE_A, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    assert run_cli("check", "--config", str(config)).returncode == 0
    assert json.loads((private(config) / DATE_A / "report.json").read_text())["mix_cached"] is False


def test_archived_date_is_not_rebuilt_silently(tmp_path: Path) -> None:
    config = small_show(tmp_path, max_feed_items="1")
    out = config.parent / "episodes"
    assert build(config, DATE_A).returncode == 0
    guid = json.loads((private(config) / DATE_A / "episode.json").read_text())["guid"]
    assert build(config, DATE_B).returncode == 0
    assert (out / "archive" / DATE_A).is_dir()
    proc = build(config, DATE_A)  # a backfill by mistake: said plainly, nothing changes
    assert proc.returncode == 1 and "left the feed" in proc.stderr
    assert feed_dates(out) == [DATE_B] and not (out / DATE_A).exists()
    proc = build(config, DATE_A, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    assert "went straight to archive/" in proc.stdout
    assert feed_dates(out) == [DATE_B]
    again = json.loads((private(config) / "archive" / f"{DATE_A}-2" / "episode.json").read_text())
    assert again["guid"] == guid  # the same episode, made again


@pytest.mark.parametrize(("publish_time", "said"), [('"06:00"', "yesterday"),
                                                     ('"18:00"', "today")])
def test_undated_article_is_dated_by_the_edition_window(tmp_path: Path, publish_time: str,
                                                         said: str) -> None:
    """A morning edition airs the evening before's news: its "today" is "yesterday"."""
    from briefcast.prepare import prepare

    article = tmp_path / "pier.txt"
    article.write_text("Pier Reopens After Repairs\n\nThe north pier reopened today after "
                       "three weeks of repairs, the harbor master said.\n\nCrews replaced "
                       "forty rotten boards and a railing, and anglers were back by noon "
                       "with their lines in the water.\n", encoding="utf-8")
    config = load_config(make_show(tmp_path, [article], publish_time=publish_time))
    script = prepare(config, dt.date(2026, 11, 26)).script
    story = " ".join(c.text for c in script.cues if c.kind == "story")
    assert f"The north pier reopened {said} after three weeks" in story


def test_dry_run_says_what_is_held_back_and_when_the_show_runs_short(tmp_path: Path) -> None:
    config = small_show(tmp_path, story_count="1", target_minutes="4")
    proc = run_cli("build", "--dry-run", "--config", str(config), "--date", DATE_A)
    assert proc.returncode == 0, proc.stderr
    assert "Held back (the show airs 1): 02-storm-ferry.txt" in proc.stderr
    assert "well short of its 4:00 slot" in proc.stderr


def test_two_builds_with_empty_caches_give_the_same_bytes(tmp_path: Path) -> None:
    """CI without a kept cache still publishes the same episode for the same inputs."""
    outputs = []
    for run in ("a", "b"):
        config = small_show(tmp_path / run)
        assert build(config, DATE_A).returncode == 0
        out = config.parent / "episodes"
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes()
                        for p in out.rglob("*") if p.is_file()
                        and p.name not in (".briefcast.lock", "report.json")})
    assert outputs[0].keys() == outputs[1].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []


def test_build_long_before_air_says_the_window_is_still_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefcast.cli import open_window_note

    config = load_config(small_show(tmp_path))  # New York, 06:00
    at = lambda utc: monkeypatch.setenv(  # noqa: E731
        "SOURCE_DATE_EPOCH", str(int(dt.datetime.fromisoformat(utc).timestamp())))
    at("2026-11-25T23:00:00+00:00")  # 18:00 the evening before
    note = open_window_note(config, dt.date(2026, 11, 26))
    assert note and "until 2026-11-26 06:00" in note and "12 h from now" in note
    at("2026-11-26T10:30:00+00:00")  # 05:30: as the README schedules it
    assert open_window_note(config, dt.date(2026, 11, 26)) is None


@pytest.mark.parametrize(("timezone", "publish_time"), [
    ("America/New_York", "06:00"), ("Europe/Berlin", "23:30"), ("Pacific/Auckland", "00:15")])
def test_default_edition_is_never_dated_a_day_ahead(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    timezone: str, publish_time: str) -> None:
    """The W3C feed validator calls a date more than 24 h after it reads the feed
    implausible. A build at any time of year (every 20 minutes, both daylight-saving
    changes) makes an edition dated between 3 h ago and 21 h ahead (22 h across the
    25-hour day when clocks go back), and warns only for an explicit --date further out."""
    from briefcast.cli import future_date_warning, today
    from briefcast.stages.publish import publish_datetime

    config = load_config(small_show(tmp_path, timezone=f'"{timezone}"',
                                    publish_time=f'"{publish_time}"'))
    assert (config.timezone, config.publish_time) == (timezone, publish_time)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    ahead = []
    for step in range(0, 365 * 24 * 3):
        now = start + dt.timedelta(minutes=20 * step)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(now.timestamp())))
        date = today(config)
        ahead.append(publish_datetime(date, config) - now)
        if step % 97 == 0:
            assert future_date_warning(config, date) is None
            assert future_date_warning(config, date + dt.timedelta(days=2)) is not None
    assert dt.timedelta(hours=-3) < min(ahead) and max(ahead) <= dt.timedelta(hours=22)
    assert sum(a > dt.timedelta(hours=21) for a in ahead) <= 3  # only that one night
