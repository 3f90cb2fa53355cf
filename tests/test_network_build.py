"""`briefcast build --all` on a local process pool: real espeak-ng, ffmpeg, feeds on disk."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree
from netgen import TOP_TITLE, make_network

DATE = "2026-11-26"
BROKEN = '''
[shows.broken.show]
title = ""
owner_email = "nobody"
[shows.broken.briefing]
story_count = 0
[shows.mute.show]
title = "Harbor Mute Nightly"
[shows.mute.voice]
name = "no-such-voice"
'''


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", *args], capture_output=True,
                          text=True, timeout=timeout)


def ffprobe_seconds(path: Path) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                          "-of", "default=nw=1:nk=1", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return float(out)


def check_published(out: Path, feed_url: str) -> etree._Element:
    """The show's feed: one item whose enclosure is the MP3 on disk, its size and length."""
    feed = etree.parse(str(out / "feed.xml")).getroot()
    items = feed.findall("channel/item")
    assert len(items) == 1
    enclosure = items[0].find("enclosure")
    assert enclosure is not None
    mp3 = out / enclosure.get("url", "").removeprefix(feed_url.removesuffix("feed.xml"))
    assert mp3.is_file() and int(enclosure.get("length", "0")) == mp3.stat().st_size
    private = out.with_name(out.name + "-private") / mp3.parent.name  # the record: not served
    record = json.loads((private / "episode.json").read_text(encoding="utf-8"))
    assert not (mp3.parent / "episode.json").exists()
    assert abs(ffprobe_seconds(mp3) - record["duration_s"]) <= 1.0
    assert 40 <= record["duration_s"] <= 200  # three stories at 0.5 min, 30 words minimum
    assert not list(out.glob(".staging-*"))
    return feed


def story_lines(script_md: Path) -> set[str]:
    """The spoken lines of a script.md (everything above its '---' footer)."""
    body = script_md.read_text(encoding="utf-8").split("\n---\n")[0]
    return {line for line in body.splitlines() if line and not line.startswith("#")}


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("network")
    config = make_network(root, 3, extra=BROKEN)
    proc = run_cli("build", "--config", str(config), "--all", "--date", DATE,
                   "--workers", "2")
    return config, proc


def test_every_good_show_publishes_broken_ones_are_reported(
        network: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    config, proc = network
    assert proc.returncode == 5, proc.stderr  # some shows failed, the others published
    report = json.loads((config.parent / "network-report.json").read_text())
    assert (report["published"], report["partial"], report["failed"]) == (3, 0, 2)
    assert report["exit_code"] == 5 and report["where"] == "local, 2 processes"
    by_name = {s["name"]: s for s in report["shows"]}
    assert list(by_name) == ["show000", "show001", "show002", "broken", "mute"]
    broken = by_name["broken"]
    assert broken["exit_code"] == 2
    for key in ("show.title", "show.owner_email", "briefing.story_count"):
        assert key in broken["reason"]  # every problem of the table, at once
    assert by_name["mute"]["exit_code"] == 2 and "no-such-voice" in by_name["mute"]["reason"]
    assert "show broken failed" in proc.stderr and "show mute failed" in proc.stderr
    assert not (config.parent / "out" / "broken").exists()
    assert not (config.parent / "out" / "mute" / "feed.xml").exists()
    for name in ("show000", "show001", "show002"):
        show = by_name[name]
        assert show["status"] == "published" and show["stories"] == 3
        feed = check_published(Path(show["output"]), show["feed"])
        assert feed.findtext("channel/title") == f"Harbor {name.title()} Nightly"
        assert show["feed"] == f"https://net.example.org/{name}/feed.xml"


def test_a_story_on_three_shows_is_synthesized_once(
        network: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    config, _ = network
    report = json.loads((config.parent / "network-report.json").read_text())
    shows = [s for s in report["shows"] if s["status"] == "published"]
    scripts = [story_lines(Path(s["private"]) / DATE / "script.md") for s in shows]
    assert all(any(TOP_TITLE in line for line in lines) for lines in scripts)
    shared = set.intersection(*scripts)  # the top story's sentences (its lead-in varies)
    assert any(line.startswith("Harbor General Hospital opened") for line in shared)
    calls = sum(s["tts_calls"] for s in shows)
    cues = sum(s["tts_calls"] + s["cache_hits"] for s in shows)
    segments = list((config.parent / "cache" / "segments").rglob("*.wav"))
    # Every synthesis made a distinct entry (no cue spoken twice, even by two processes at
    # once), and every line the three scripts share was spoken once for all of them.
    assert calls == len(segments) == len(set.union(*scripts))
    assert cues - calls >= 2 * len(shared)


def test_show_builds_one_show_and_a_rerun_reuses_it(
        network: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    config, _ = network
    feed = config.parent / "out" / "show001" / "feed.xml"
    before = feed.read_bytes()
    proc = run_cli("build", "--config", str(config), "--show", "show001", "--date", DATE)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((config.parent / "network-report.json").read_text())
    assert [s["name"] for s in report["shows"]] == ["show001"]
    assert report["shows"][0]["reused"] and report["shows"][0]["tts_calls"] == 0
    assert feed.read_bytes() == before
    proc = run_cli("build", "--config", str(config), "--show", "nope", "--date", DATE)
    assert proc.returncode == 2 and "no show called 'nope'" in proc.stderr
    proc = run_cli("build", "--config", str(config), "--date", DATE)
    assert proc.returncode == 2 and "--all" in proc.stderr
    proc = run_cli("script", "--config", str(config), "--show", "show002", "--date", DATE)
    assert proc.returncode == 0 and TOP_TITLE in proc.stdout


def test_unreachable_cluster_fails_fast_and_writes_nothing(tmp_path: Path) -> None:
    config = make_network(tmp_path, 2, extra="\n[cluster]\nconnect_timeout = 2\n")
    started = time.monotonic()
    proc = run_cli("build", "--config", str(config), "--all", "--date", DATE,
                   "--cluster", "tcp://127.0.0.1:9")
    assert time.monotonic() - started < 30
    assert proc.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 2 s" in proc.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "network-report.json").exists()


def test_colliding_shows_refuse_the_network_before_any_work(tmp_path: Path) -> None:
    config = make_network(tmp_path, 2, extra='''
[shows.twin.show]
title = "Twin"
[shows.twin.output]
folder = "out/show000"
''')
    proc = run_cli("build", "--config", str(config), "--all", "--date", DATE)
    assert proc.returncode == 2
    assert "shows 'show000' and 'twin' both write to" in proc.stderr
    assert not (tmp_path / "out").exists()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def test_local_worker_killed_mid_build_is_retried_never_half_published(tmp_path: Path) -> None:
    import datetime as dt
    import os
    import signal
    import threading

    from briefcast.network import load_network
    from briefcast.network_build import NetworkReport, build_network
    from briefcast.runners import LocalRunner

    config = make_network(tmp_path, 3, extra="[shows.show001.briefing]\ntarget_minutes = 2\n")
    runner = LocalRunner(2)
    reports: list[NetworkReport] = []
    thread = threading.Thread(target=lambda: reports.append(build_network(
        load_network(config), runner, lambda _: dt.date.fromisoformat(DATE))))
    thread.start()
    victim, deadline = None, time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and thread.is_alive():
        for pid in _children(os.getpid()):
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"spawn_main" in cmdline and _children(pid):  # a pool process, speaking
                victim = pid
        time.sleep(0.05)
    assert victim is not None, "no pool process ever started speaking"
    os.kill(victim, signal.SIGKILL)
    thread.join(600)
    runner.close()
    (report,) = reports
    assert [s.status for s in report.shows] == ["published"] * 3, report.shows
    assert max(s.attempts for s in report.shows) == 2  # the shows in flight, tried again
    for show in report.shows:
        check_published(Path(show.output), show.feed)
