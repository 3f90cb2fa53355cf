"""Scale bench: a generated newsroom network built on 1 and on 2 workers, and the cache
shared by shows that air the same story.

1. **Efficiency.** Networks of 2, 8 and 32 generated shows (tests/netgen.py: the demo's
   articles as Markdown with sections, 3 stories and 0.5 minutes a show, espeak-ng) are
   built with ``build --all`` on a local pool of 1 worker process and of 2, each run on a
   fresh cache so both do the same work. Every show reads at its own rate (150 + i words a
   minute), so no sentence is shared between shows and the figure is the pool's scaling
   alone. The 1-worker run is the baseline, measured in the same run; the ratio is the
   figure to quote. With ``--dask`` the largest network is also built on a
   ``distributed.LocalCluster`` of 2 worker processes (files shipped back over TCP).
2. **Cache sharing.** 3 shows, one voice and rate, all airing the top story (the hospital
   story, tagged ``top``; 3 minutes a show, so it airs several sentences): synthesis
   calls in all, against the cues aired and the distinct lines of the three scripts, built
   one after another (1 worker) and at once (2 workers).
3. **A 1,000-show night**, estimated from the measured CPU cost of a show on one worker
   (CPU time of the bench and all its finished descendants: it does not depend on how
   busy the shared machine is, as wall time does).

The machine is shared: the load average before and after each run is printed beside it.

Usage: python bench/bench_network.py [--sizes 2,8,32] [--workers 2] [--dask] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from netgen import TOP_TITLE, make_network  # noqa: E402

from briefcast.network import load_network  # noqa: E402
from briefcast.network_build import NetworkReport, build_network  # noqa: E402
from briefcast.runners import DaskRunner, LocalRunner, Runner, cores  # noqa: E402

DATE = dt.date(2026, 11, 26)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process (the client: ingest and publishing) and of it with every
    finished descendant (pool processes, their synthesis workers and ffmpeg runs are all
    waited for, so all are counted)."""
    me, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    client = me.ru_utime + me.ru_stime
    return client, client + children.ru_utime + children.ru_stime


CLIENT_CPU: list[float] = []  # the client's CPU seconds of each local run


def run(config: Path, runner: Runner) -> tuple[NetworkReport, float, float, str]:
    """Build the whole network on ``runner``: its report, wall and CPU seconds (local
    runners only: a cluster's workers are not this process's children), load before/after."""
    before, (client, cpu) = load(), cpu_seconds()
    started = time.monotonic()
    try:
        report = build_network(load_network(config), runner, lambda _: DATE)
    finally:
        runner.close()
    wall = time.monotonic() - started
    after = cpu_seconds()
    CLIENT_CPU.append(after[0] - client)
    cpu = after[1] - cpu
    failed = [s for s in report.shows if s.status == "failed"]
    if failed:
        raise SystemExit(f"{len(failed)} show(s) failed, e.g. {failed[0].name}: "
                         f"{failed[0].reason}")
    return report, wall, cpu, f"{before} -> {load()}"


def fresh(root: Path, name: str, shows: int, **kwargs: Any) -> Path:
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    return make_network(folder, shows, **kwargs)


def efficiency(root: Path, sizes: list[int], workers: int,
               dask: bool) -> dict[str, Any]:
    print(f"\n== Efficiency: {workers} workers vs 1 (local process pool; each show its own "
          "rate, fresh cache per run)")
    print(f"{'shows':>5} {'1 worker s':>11} {f'{workers} workers s':>12} {'speedup':>8} "
          f"{'efficiency':>10} {'CPU s 1|' + str(workers):>14} {'cores busy':>10}  load 1/5 min "
          f"(1 worker | {workers})")
    rows: list[dict[str, Any]] = []
    per_show = audio_s = 0.0
    for size in sizes:
        report1, t1, cpu1, load1 = run(fresh(root, f"n{size}-w1", size, distinct_rates=True),
                                       LocalRunner(1))
        _, t2, cpu2, load2 = run(fresh(root, f"n{size}-w{workers}", size,
                                       distinct_rates=True), LocalRunner(workers))
        speedup = t1 / t2
        print(f"{size:>5} {t1:>11.1f} {t2:>12.1f} {speedup:>7.2f}x {speedup / workers:>9.0%}"
              f" {f'{cpu1:.0f}|{cpu2:.0f}':>14} {f'{cpu1 / t1:.2f}|{cpu2 / t2:.2f}':>10}"
              f"  {load1} | {load2}")
        rows.append({"shows": size, "one_worker_s": round(t1, 2), "cpu_s": round(cpu1, 1),
                     "workers": workers, "workers_s": round(t2, 2),
                     "workers_cpu_s": round(cpu2, 1), "speedup": round(speedup, 3),
                     "load": [load1, load2]})
        per_show = cpu1 / size
        client_s = CLIENT_CPU[-2] / size
        audio_s = sum(s.duration_s for s in report1.shows) / size
    print(f"client (ingest, publishing) on 1 worker: {client_s:.2f} of the {per_show:.2f} "
          "CPU-s of a show")
    busy = rows[-1]["cpu_s"] / rows[-1]["one_worker_s"]
    print(f"one worker keeps {busy:.2f} cores busy (a show's own processes overlap: its mix "
          f"encodes and measures loudness in two ffmpeg processes at once): on {cores()} "
          f"cores the most {workers} workers can gain is about "
          f"{min(workers, cores()) / busy:.2f}x")
    result: dict[str, Any] = {"rows": rows, "cpu_per_show_s": round(per_show, 3),
                              "client_cpu_per_show_s": round(client_s, 3),
                              "audio_per_show_s": round(audio_s, 1)}
    if dask:
        from distributed import LocalCluster

        size = sizes[-1]
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
            config = fresh(root, f"n{size}-dask", size, distinct_rates=True)
            _, td, _, loadd = run(config, DaskRunner(cluster.scheduler_address, cache=str(
                config.parent / "worker-cache")))  # fresh, like the pool runs' caches
        print(f"{size:>5} {'':>11} {td:>12.1f} {rows[-1]['one_worker_s'] / td:>7.2f}x "
              f"{rows[-1]['one_worker_s'] / td / workers:>9.0%}  Dask LocalCluster, "
              f"{workers} worker processes (vs the 1-worker pool above); load {loadd}")
        result["dask_s"] = round(td, 2)
    return result


def sharing(root: Path, workers: int) -> dict[str, Any]:
    print("\n== Cache sharing: 3 shows, one voice, all airing the top story")
    found: dict[str, Any] = {}
    for label, pool in (("one after another (1 worker)", 1), (f"at once ({workers} workers)",
                                                              workers)):
        config = fresh(root, f"share-w{pool}", 3, target_minutes=3)
        report, wall, _, loads = run(config, LocalRunner(pool))
        scripts, tops = [], []
        for show in report.shows:
            lines, top = script_lines(Path(show.private) / DATE.isoformat() / "script.md")
            scripts.append(lines)
            tops.append(top)
        calls = sum(s.tts_calls for s in report.shows)
        aired = sum(s.tts_calls + s.cache_hits for s in report.shows)
        files = len(list((config.parent / "cache" / "segments").rglob("*.wav")))
        distinct = set.union(*scripts)
        # Every synthesis made its own cache entry and every distinct line has one: each
        # line was synthesized exactly once, so the top story's were too.
        once = calls == files == len(distinct)
        print(f"{label:<30} cues aired {aired:>3}, distinct lines {len(distinct):>3}, synthesis "
              f"calls {calls:>3}, cache entries {files:>3}: each line synthesized "
              f"{'once' if once else 'MORE THAN ONCE'}; the top story's sentences aired "
              f"{sum(len(t) for t in tops)} times ({len(set.intersection(*tops))} on all 3 "
              f"shows), synthesized {len(set.union(*tops)) if once else '?'} times; "
              f"{wall:.1f} s, load {loads}")
        found[label] = {"aired": aired, "calls": calls, "entries": files,
                        "distinct": len(distinct), "top_aired": sum(len(t) for t in tops),
                        "top_distinct": len(set.union(*tops))}
    return found


def script_lines(script_md: Path) -> tuple[set[str], set[str]]:
    """The spoken lines of a script.md, and those of the top story (the lines under its
    chapter heading but its lead-in, which names its place in the show)."""
    body = script_md.read_text(encoding="utf-8").split("\n---\n")[0]
    lines: set[str] = set()
    top: set[str] = set()
    chapter, lead_in = "", False
    for line in body.splitlines():
        if line.startswith("## "):
            chapter, lead_in = line[3:], True
            continue
        if not line or line.startswith("#"):
            continue
        lines.add(line)
        if chapter == TOP_TITLE and not lead_in:
            top.add(line)
        lead_in = False
    return lines, top


def estimate(measured: dict[str, Any], workers: int) -> None:
    per_show = float(measured["cpu_per_show_s"])
    audio = float(measured["audio_per_show_s"])
    rows = measured["rows"]
    assert isinstance(rows, list)
    speedup = float(rows[-1]["speedup"])
    print("\n== A 1,000-show night, from the measured CPU cost of a show on one worker")
    print(f"measured: {per_show:.2f} CPU-s a show ({audio:.0f} s of espeak-ng audio, "
          f"3 stories; pool start, client publishing included), {speedup:.2f}x on {workers} "
          "workers")
    hours = 1000 * per_show / 3600
    print(f"  espeak-ng shows like these: {hours:.1f} core-hours; on this {cores()}-core "
          f"machine {hours / speedup:.1f} h; the client alone (ingest and publishing, one "
          f"process) {1000 * float(measured['client_cpu_per_show_s']) / 60:.0f} CPU-min")
    # Natural voices: the README's measured speeds (seconds of audio per CPU-second, one
    # core): Piper 9x, Festival 15x. A 5-minute show then costs 300/9 = 33 CPU-s of speech
    # (Festival 20 s) on top of what the pipeline costs without speech, which scales with
    # the audio's length (mix, loudness, encode), taken as the measured show's.
    for engine, speed in (("Piper", 9.0), ("Festival", 15.0)):
        show = per_show * 300 / audio + 300 / speed
        total = 1000 * show / 3600
        print(f"  5-minute {engine} shows: about {show:.0f} CPU-s a show, {total:.0f} "
              f"core-hours a night: {total / 8:.1f} h on one 8-core machine, "
              f"{total / 32:.1f} h on a 32-core cluster (at 90 % efficiency "
              f"{total / 32 / 0.9:.1f} h)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,8,32")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dask", action="store_true",
                        help="also build the largest network on a Dask LocalCluster")
    parser.add_argument("--keep", type=Path, help="build here and keep the outputs")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-network-"))
    print(f"bench_network: {cores()} cores, load {load()}, in {root}")
    try:
        measured = efficiency(root, [int(s) for s in args.sizes.split(",")], args.workers,
                              args.dask)
        shared = sharing(root, args.workers)
        estimate(measured, args.workers)
        (root / "bench-network.json").write_text(json.dumps(
            {"efficiency": measured, "sharing": shared}, indent=2))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
