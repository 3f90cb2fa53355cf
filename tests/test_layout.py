"""What is published and what stays with the producer: the served folder holds only what
listeners fetch; episode records, scripts and reports live in the private folder beside it.
An output folder of the old layout (all of them in the public episode folders) keeps every
episode and is moved across by its next build. Real builds (espeak-ng, ffmpeg) and the real
``briefcast serve`` on loopback.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, make_show
from lxml import etree

from briefcast.config import load_config
from briefcast.pipeline import build
from briefcast.stages import publish, records

DATES = ("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26")
PUBLIC_SUFFIXES = {".mp3", ".html", ".vtt", ".srt", ".json", ".xml", ".jpg"}


def small_show(tmp: Path, **overrides: str) -> Path:
    articles = sorted((DEMO / "articles").glob("*.txt"))[:2]
    opts: dict[str, Any] = {"story_count": "2", "target_minutes": "1", **overrides}
    return make_show(tmp, articles, **opts)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", *args], capture_output=True,
                          text=True, timeout=600)


def feed_items(out: Path) -> list[tuple[str, str, str]]:
    """(folder, guid, title) of each feed item, in feed order."""
    root = etree.parse(str(out / "feed.xml")).getroot()
    return [(i.find("enclosure").get("url").split("/")[-2], i.findtext("guid"),
             i.findtext("title")) for i in root.iter("item")]


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A built show served by ``briefcast serve`` (the CLI, a real process) on loopback."""
    config = small_show(tmp_path)
    assert run_cli("build", "--config", str(config), "--date", DATES[1]).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "briefcast", "serve", "--config",
                             str(config), "--port", "0", "--quiet"],
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert match, line
        yield match.group(1), config
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_served_folder_holds_only_what_listeners_fetch(
        serving: tuple[str, Path]) -> None:
    base, config = serving
    out, private = config.parent / "episodes", config.parent / "episodes-private"
    public = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
                    and p.name != ".briefcast.lock")
    assert {Path(p).suffix for p in public} <= PUBLIC_SUFFIXES, public
    assert not [p for p in public if Path(p).name in records.PRIVATE_NAMES]
    day = DATES[1]
    for rel in public:  # everything in the folder is served...
        assert status(base + rel) == 200, rel
    assert {f"{day}/chapters.json", f"{day}/transcript.vtt", f"{day}/transcript.srt",
            f"{day}/index.html", "feed.xml", "index.html"} <= set(public)
    for name in records.PRIVATE_NAMES:  # ...and the producer's files are not in it
        assert status(f"{base}{day}/{name}") == 404, name
        assert (private / day / name).is_file(), name
    record = json.loads((private / day / "episode.json").read_text(encoding="utf-8"))
    assert (out / record["audio_file"]).stat().st_size == record["size_bytes"]
    report = json.loads((private / day / "report.json").read_text(encoding="utf-8"))
    assert report["audio_file"] == record["audio_file"]
    assert "02-storm-ferry.txt" in (private / day / "script.md").read_text(encoding="utf-8")
    assert run_cli("check", "--config", str(config)).returncode == 0


def to_old_layout(out: Path, private: Path) -> int:
    """Put the producer's files back into the public episode folders, as briefcast did
    before the private folder; returns how many files moved."""
    moved = 0
    for path in sorted(private.rglob("*")):
        if path.is_file():
            target = out / path.relative_to(private)
            assert target.parent.is_dir(), target
            shutil.move(path, target)
            moved += 1
    shutil.rmtree(private)
    return moved


def test_an_old_layout_folder_upgrades_without_losing_an_episode(tmp_path: Path) -> None:
    config_path = small_show(tmp_path, max_feed_items="2")
    out, private = config_path.parent / "episodes", config_path.parent / "episodes-private"
    for day in DATES[:3]:
        assert run_cli("build", "--config", str(config_path), "--date", day).returncode == 0
    before = feed_items(out)
    assert [f for f, _, _ in before] == [DATES[2], DATES[1]]  # DATES[0] left for archive/
    # Records of the old layout, with the old titles ("<show>: <date>")
    assert to_old_layout(out, private) == 9
    for day in DATES[:3]:
        folder = out / ("archive" if day == DATES[0] else "") / day
        record = json.loads((folder / "episode.json").read_text(encoding="utf-8"))
        record["title"] = f"Harbor Town Ledger Nightly: {day}"
        (folder / "episode.json").write_text(json.dumps(record), encoding="utf-8")
    config = load_config(config_path)

    # Read as it is: every episode is there before anything moves.
    episodes, problems = records.load_episodes(out, config.private_dir)
    assert not problems and sorted(e.date.isoformat() for e in episodes) == list(DATES[1:3])
    assert records.archived_episode(out, config.private_dir, dt.date.fromisoformat(DATES[0]))

    # The next night moves the files out of the served folder and loses nothing.
    report = build(config, dt.date.fromisoformat(DATES[3]))
    assert any("moved episode.json, script.md, report.json of 3 episode(s)" in w
               for w in report.warnings), report.warnings
    assert not [p for name in records.PRIVATE_NAMES for p in out.rglob(name)]
    assert [f for f, _, _ in feed_items(out)] == [DATES[3], DATES[2]]
    assert report.archived == [DATES[1]]
    for day, where in ((DATES[0], "archive/"), (DATES[1], "archive/"), (DATES[2], ""),
                       (DATES[3], "")):
        assert (private / f"{where}{day}" / "episode.json").is_file(), day
        assert (private / f"{where}{day}" / "script.md").is_file(), day
        assert list((out / f"{where}{day}").glob("*.mp3")), day
    kept = {f: (g, t) for f, g, t in before}
    assert [(g, t) for f, g, t in feed_items(out) if f == DATES[2]] == \
        [(kept[DATES[2]][0], f"Harbor Town Ledger Nightly: {DATES[2]}")]  # as published

    # A rebuild of the migrated episode: the new title, the same GUID (no new episode).
    build(config, dt.date.fromisoformat(DATES[2]), rebuild=True)
    (guid, title), = [(g, t) for f, g, t in feed_items(out) if f == DATES[2]]
    assert guid == kept[DATES[2]][0]
    assert title.startswith("Wednesday, November 25, 2026: ") and "Nightly" not in title
    proc = run_cli("build", "--config", str(config_path), "--date", DATES[0])
    assert proc.returncode == 1 and "left the feed" in proc.stderr  # the archive is known
    assert run_cli("check", "--config", str(config_path)).returncode == 0


def test_a_move_cut_short_is_finished_by_the_next(tmp_path: Path) -> None:
    """Killed between writing the private copy and removing the public one: both exist.
    And an old briefcast that wrote a public record later: the one whose audio is there wins."""
    out, private = tmp_path / "episodes", tmp_path / "episodes-private"
    for day, audio in ((DATES[0], "a"), (DATES[1], "b")):
        (out / day).mkdir(parents=True)
        (out / day / f"{audio}.mp3").write_bytes(b"x" * 10)
    record = {"date": DATES[0], "title": "T", "guid": "g0", "audio_file": f"{DATES[0]}/a.mp3",
              "pub_date": "2026-11-23T11:00:00+00:00", "size_bytes": 10, "duration_s": 60}
    for root in (out, private):  # the same bytes on both sides
        (root / DATES[0]).mkdir(parents=True, exist_ok=True)
        (root / DATES[0] / "episode.json").write_text(json.dumps(record))
    newer = dict(record, date=DATES[1], guid="g1", audio_file=f"{DATES[1]}/b.mp3")
    (out / DATES[1] / "episode.json").write_text(json.dumps(newer))
    (out / DATES[1] / "report.json").write_text("{}")
    (private / DATES[1]).mkdir()
    gone = dict(newer, audio_file=f"{DATES[1]}/gone.mp3")  # audio an older build removed
    (private / DATES[1] / "episode.json").write_text(json.dumps(gone))
    (private / DATES[1] / "report.json").write_text('{"old": true}')

    assert records.migrate(out, private) == [DATES[0], DATES[1]]
    assert not list(out.rglob("*.json"))
    episodes, problems = records.load_episodes(out, private)
    assert not problems
    assert [(e.guid, e.audio_file) for e in episodes] == [("g0", f"{DATES[0]}/a.mp3"),
                                                          ("g1", f"{DATES[1]}/b.mp3")]
    assert (private / DATES[1] / "report.json").read_text() == "{}"  # went with its record


def test_killed_between_the_episode_and_its_record(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The public folder is in place, the record not yet: the next build finishes the
    night with the new record (never a record naming audio that is not there)."""
    config = load_config(small_show(tmp_path))
    day = dt.date.fromisoformat(DATES[1])
    first = build(config, day)
    article = next((config.config_path.parent / "articles").glob("*.txt"))
    title, rest = article.read_text(encoding="utf-8").split("\n", 1)
    article.write_text(f"{title} Again\n{rest}", encoding="utf-8")
    real = publish.install_dir

    class Killed(BaseException):
        pass

    def die_before_the_record(staging: Path, final: Path) -> None:
        if staging.name.startswith(publish.COMMIT_PREFIX):
            raise Killed
        real(staging, final)

    monkeypatch.setattr(publish, "install_dir", die_before_the_record)
    with pytest.raises(Killed):
        build(config, day, rebuild=True)
    monkeypatch.undo()
    out = config.output_dir
    assert (config.private_dir / f"{publish.COMMIT_PREFIX}{DATES[1]}").is_dir()
    (old,) = records.load_episodes(out, config.private_dir)[0]
    assert old.audio_file == first.audio_file and (out / old.audio_file).is_file()

    again = build(config, day)  # a plain rerun: finishes the night, makes nothing
    assert again.reused and again.audio_file != first.audio_file
    (episode,) = records.load_episodes(out, config.private_dir)[0]
    assert episode.audio_file == again.audio_file and episode.guid == old.guid
    assert [p.name for p in (out / DATES[1]).glob("*.mp3")] == [Path(again.audio_file).name]
    assert not list(config.private_dir.glob(".*"))
    assert run_cli("check", "--config", str(config.config_path)).returncode == 0


def test_a_lost_private_folder_loses_no_episode(tmp_path: Path) -> None:
    """A CI run that restored the public folder but not the private one: the feed keeps
    every episode, read back from the published feed, and says so."""
    config_path = small_show(tmp_path)
    out, private = config_path.parent / "episodes", config_path.parent / "episodes-private"
    for day in DATES[:2]:
        assert run_cli("build", "--config", str(config_path), "--date", day).returncode == 0
    before = feed_items(out)
    shutil.rmtree(private)
    proc = run_cli("build", "--config", str(config_path), "--date", DATES[2], "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert f"the {DATES[0]} episode has no record" in proc.stderr
    assert feed_items(out)[1:] == before
    assert run_cli("check", "--config", str(config_path)).returncode == 0


def test_private_folder_is_configurable_but_never_inside_the_served_one(tmp_path: Path) -> None:
    from briefcast.errors import ConfigError

    config = small_show(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[output]", '[output]\nprivate = "episodes/records"'),
                      encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert any("output.private must be outside output.folder" in p for p in err.value.problems)
    config.write_text(text.replace("[output]", '[output]\nprivate = "../newsroom-only"'),
                      encoding="utf-8")
    loaded = load_config(config)
    assert loaded.private_dir == (tmp_path / "newsroom-only").resolve()
    # --output moves both: the private folder follows the output, never shared by two
    moved = loaded.with_output(tmp_path / "preview")
    assert moved.private_dir == (tmp_path / "preview-private").resolve()
