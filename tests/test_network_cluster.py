"""A network built on a real Dask cluster: a ``distributed.LocalCluster`` of 2 worker
processes on this machine, reached over TCP exactly as a remote one. A worker is killed
mid-build; its show is built again elsewhere, and nothing is ever half-published."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster
from netgen import make_network
from test_network_build import DATE, check_published, run_cli

from briefcast.validate import validate_output


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def _cluster_table(cache: Path) -> str:
    return f'\n[cluster]\ncache = "{cache}"\n'


def _published_everywhere(report: dict[str, Any]) -> list[dict[str, Any]]:
    shows: list[dict[str, Any]] = report["shows"]
    for show in shows:
        out = Path(show["output"])
        assert validate_output(out, show["feed"].removesuffix("feed.xml")) == []
        check_published(out, show["feed"])
    return shows


def test_network_builds_on_the_cluster_and_files_come_back(scheduler: str,
                                                           tmp_path: Path) -> None:
    cache = tmp_path / "worker-cache"  # the workers' cache, a path they all see
    config = make_network(tmp_path, 3, extra=_cluster_table(cache))
    proc = run_cli("build", "--config", str(config), "--all", "--date", DATE,
                   "--cluster", scheduler)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "network-report.json").read_text())
    assert report["where"] == scheduler and report["published"] == 3
    shows = _published_everywhere(report)
    workers = {s["worker"] for s in shows}
    assert all(str(w).split(":")[-1] != str(os.getpid()) for w in workers)
    assert len(workers) == 2  # both worker processes built shows
    # The files came back over the wire: the workers wrote only to their cache.
    calls = sum(int(s["tts_calls"]) for s in shows)
    assert calls == len(list(cache.joinpath("segments").rglob("*.wav")))
    assert not (tmp_path / "cache" / "segments").exists()  # the client's cache: no speech
    assert sum(int(s["cache_hits"]) for s in shows) >= 2  # the top story, once for three


def test_killed_worker_show_is_rebuilt_others_publish(scheduler: str, tmp_path: Path) -> None:
    cache = tmp_path / "worker-cache"
    # show001 is the long one, so the kill lands while it is being built
    config = make_network(tmp_path, 3, extra=_cluster_table(cache) + (
        "[shows.show001.briefing]\ntarget_minutes = 2\n"))
    with Client(scheduler, set_as_default=False) as client:
        proc = subprocess.Popen([sys.executable, "-m", "briefcast", "build", "--config",
                                 str(config), "--all", "--date", DATE, "--cluster",
                                 scheduler], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        victim, deadline = None, time.monotonic() + 120
        while victim is None and time.monotonic() < deadline and proc.poll() is None:
            for worker, keys in client.processing().items():
                if any(str(k).startswith("briefcast-show001-") for k in keys):
                    victim = worker
            time.sleep(0.05)
        assert victim is not None, "show001 never reached a worker"
        time.sleep(0.5)  # into the build: the pace, the script, the speech
        pid = client.run(os.getpid, workers=[victim])[victim]
        os.kill(pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    report = json.loads((tmp_path / "network-report.json").read_text())
    assert report["published"] == 3 and report["failed"] == 0
    shows = {s["name"]: s for s in _published_everywhere(report)}
    assert shows["show001"]["worker"].split(":")[-1] != str(pid)  # rebuilt elsewhere
    assert shows["show001"]["stories"] == 3  # two sections (one article each), the top story
