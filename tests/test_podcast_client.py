"""A real podcast client subscribes to `briefcast serve`: gPodder's command line (`gpo`,
Debian's gpodder package, installed by scripts/test.sh) adds the feed, finds the episode
and downloads it, byte for byte, through the URLs the served feed names."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO, make_show

from briefcast.config import load_config
from briefcast.pipeline import build
from briefcast.serve import make_server

DATE = dt.date(2026, 11, 24)
GPO = shutil.which("gpo")
if GPO is None:  # never skipped: install it
    pytest.fail("gPodder's gpo is not installed (scripts/test.sh installs Debian's gpodder)",
                pytrace=False)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("client")
    config = load_config(make_show(tmp, sorted((DEMO / "articles").glob("*.txt"))[:2],
                                   story_count="2", target_minutes="1"))
    build(config, DATE)
    server = make_server(config.output_dir, "127.0.0.1", 0, base_url=config.base_url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml", config.output_dir
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def gpo(home: Path, *args: str) -> str:
    env = dict(os.environ, GPODDER_HOME=str(home / "home"),
               GPODDER_DOWNLOAD_DIR=str(home / "downloads"))
    (home / "downloads").mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([str(GPO), *args], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_gpodder_subscribes_and_downloads_the_episode(served: tuple[str, Path],
                                                      tmp_path: Path) -> None:
    feed_url, out = served
    assert "Successfully added" in gpo(tmp_path, "subscribe", feed_url)
    assert "1 new episode" in gpo(tmp_path, "update")
    listing = gpo(tmp_path, "episodes")
    assert "Tuesday, November 24, 2026: Harbor Town Council Approves" in listing
    assert "1 episodes downloaded" in gpo(tmp_path, "download")
    (downloaded,) = (tmp_path / "downloads").rglob("*.mp3")
    (published,) = (out / DATE.isoformat()).glob("*.mp3")
    assert downloaded.name == published.name
    assert downloaded.read_bytes() == published.read_bytes()
