"""Build every show of a network: workers stage the episodes, this process publishes them.

For each show, in the network's order: take its output lock (one build per folder, as for
a single show), read what is published, ingest its articles (a feed shared by many shows
is fetched once), and send a ``ShowJob`` to the runner (a local process pool or a Dask
cluster, :mod:`briefcast.runners`). As each staged episode comes back it is published
exactly as ``briefcast build`` publishes one (:func:`briefcast.pipeline.publish_staged`:
the gate checks the new feed against the files, the episode goes in place, the feed
last) and the lock is released. A few more jobs than the runner has slots are in flight
at a time, so a 1,000-show night holds a bounded number of locks and staged episodes.

One show's failure never stops the others: a bad show table, a voice the worker lacks, a
build that fails, a worker that dies (retried, then reported) each end that show alone,
with the reason, in the ``NetworkReport``. Nothing is ever half-published: a show is
published from a whole staged result or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import time
from collections import deque
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefcast.backends.fetch import Fetched, FetchError, UrlFetcher
from briefcast.config import ShowConfig
from briefcast.errors import BriefcastError, BuildError
from briefcast.network import Network, NetworkShow
from briefcast.network_job import ShowFailure, ShowJob, StagedShow, read_inputs
from briefcast.pipeline import (
    Night,
    complete_published,
    new_report,
    output_lock,
    plan_night,
    publish_staged,
    staging_dirs,
)
from briefcast.runners import Runner
from briefcast.stages import publish
from briefcast.stages.ingest import ingest
from briefcast.stages.release import BuildReport

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # a show whose local worker died is tried this often in all
EXIT_SOME_FAILED = 5  # some shows failed, the others published


@dataclass
class ShowOutcome:
    """What became of one show tonight: published, partial (published with articles
    skipped or dropped, exit code 4) or failed (exit code 1, 2 or 3), and why."""

    name: str
    status: str
    exit_code: int
    date: str = ""
    reason: str = ""
    output: str = ""
    private: str = ""  # the producer's files: records, scripts, reports
    feed: str = ""
    audio_file: str = ""
    duration_s: float = 0.0
    stories: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    tts_calls: int = 0
    cache_hits: int = 0
    reused: bool = False  # the date was already published: feed and pages redone only
    attempts: int = 0
    worker: str = ""
    elapsed_s: float = 0.0  # from the lock taken to the feed published, queueing included
    build_s: float = 0.0  # on the worker: staging the episode


@dataclass
class NetworkReport:
    network: str
    where: str
    elapsed_s: float
    shows: list[ShowOutcome]

    @property
    def exit_code(self) -> int:
        return network_exit_code([s.exit_code for s in self.shows])

    def counts(self) -> dict[str, int]:
        return {status: sum(s.status == status for s in self.shows)
                for status in ("published", "partial", "failed")}

    def to_json(self) -> bytes:
        data = {"network": self.network, "where": self.where, "elapsed_s": self.elapsed_s,
                "exit_code": self.exit_code, **self.counts(),
                "shows": [asdict(s) for s in self.shows]}
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def network_exit_code(codes: list[int]) -> int:
    """The night's worst outcome: 0 every show published; 4 every show published, some
    with articles skipped; 5 some shows failed and the others published; when every show
    failed, their common exit code (2 config, 3 locked), else 1."""
    failed = [c for c in codes if c not in (0, 4)]
    if failed and len(failed) == len(codes):
        return failed[0] if len(set(failed)) == 1 else 1
    if failed:
        return EXIT_SOME_FAILED
    return max(codes, default=0)


def write_report(report: NetworkReport, path: Path) -> None:
    publish.write_atomic(path, report.to_json())


class SharedFetcher:
    """One fetch per URL for the whole night: the network's shows share their feeds."""

    def __init__(self) -> None:
        self._fetcher: UrlFetcher | None = None
        self._seen: dict[str, Fetched | FetchError] = {}

    def fetch(self, url: str) -> Fetched:
        if url not in self._seen:
            self._fetcher = self._fetcher or UrlFetcher()
            try:
                self._seen[url] = self._fetcher.fetch(url)
            except FetchError as exc:
                self._seen[url] = exc
        found = self._seen[url]
        if isinstance(found, FetchError):
            raise found
        return found


@dataclass
class _InFlight:
    show: str
    config: ShowConfig
    job: ShowJob
    night: Night
    report: BuildReport  # the client's: warnings from reading the published folder
    lock: ExitStack
    started: float
    attempts: int = 1


def _failed(name: str, reason: str, code: int, config: ShowConfig | None = None,
            **more: Any) -> ShowOutcome:
    return ShowOutcome(name, "failed", code, reason=reason,
                       output=str(config.output_dir) if config else "",
                       private=str(config.private_dir) if config else "",
                       feed=config.feed_url if config else "", **more)


def _published(name: str, config: ShowConfig, report: BuildReport, **more: Any) -> ShowOutcome:
    return ShowOutcome(name, "partial" if report.skipped else "published",
                       4 if report.skipped else 0, date=report.date,
                       output=str(config.output_dir), private=str(config.private_dir),
                       feed=config.feed_url,
                       audio_file=report.audio_file, duration_s=report.duration_s,
                       stories=len(report.stories_in), skipped=report.skipped,
                       tts_calls=report.tts_calls, cache_hits=report.cache_hits,
                       reused=report.reused, **more)


def build_network(network: Network, runner: Runner, date_for: Callable[[ShowConfig], dt.date],
                  rebuild: bool = False,
                  on_outcome: Callable[[ShowOutcome], None] | None = None) -> NetworkReport:
    """Build and publish every show of ``network`` on ``runner``; never raises for a
    show's failure (each is in the report)."""
    started = time.monotonic()
    outcomes: dict[str, ShowOutcome] = {}

    def done(outcome: ShowOutcome) -> None:
        outcomes[outcome.name] = outcome
        if on_outcome:
            on_outcome(outcome)

    todo: deque[NetworkShow] = deque()
    for show in network.shows:
        if show.config is None:
            done(_failed(show.name, "config: " + "; ".join(show.problems), 2))
        else:
            todo.append(show)
    parallelism = runner.per_show_parallelism(len(todo))
    fetcher = SharedFetcher()
    in_flight: dict[Any, _InFlight] = {}
    window = 2 * runner.slots  # enough to keep every slot busy while results come back
    try:
        while todo or in_flight:
            while todo and len(in_flight) < window:
                started_show = _start(todo.popleft(), runner, date_for, rebuild, fetcher,
                                      parallelism)
                if isinstance(started_show, ShowOutcome):
                    done(started_show)
                else:
                    in_flight[runner.submit(started_show.job)] = started_show
            if not in_flight:
                continue
            for future in runner.first_done(list(in_flight)):
                item = in_flight.pop(future)
                retry = _finish(future, item, runner)
                if isinstance(retry, ShowOutcome):
                    done(retry)
                else:
                    in_flight[runner.submit(item.job)] = item
    finally:
        for item in in_flight.values():  # interrupted: nothing of theirs was published
            item.lock.close()
    order = {s.name: i for i, s in enumerate(network.shows)}
    return NetworkReport(network.name, runner.where, round(time.monotonic() - started, 3),
                         sorted(outcomes.values(), key=lambda o: order[o.name]))


def _start(show: NetworkShow, runner: Runner, date_for: Callable[[ShowConfig], dt.date],
           rebuild: bool, fetcher: SharedFetcher,
           parallelism: int | None) -> _InFlight | ShowOutcome:
    """Lock the show's folder, read it, ingest its articles: a job, or the show's outcome
    when nothing is left to build (already published) or it cannot be built."""
    config = show.config
    assert config is not None
    lock = ExitStack()
    clock = time.monotonic()
    try:
        lock.enter_context(output_lock(config.output_dir))
        date = date_for(config)
        report = new_report(config, date)
        night = plan_night(config, date, rebuild, report)
        if night.reuse:
            complete_published(config, night, report)
            lock.close()
            return _published(show.name, config, report,
                              elapsed_s=round(time.monotonic() - clock, 3))
        job = ShowJob(show.name, config, date, night.previous,
                      ingest(config, date, fetcher),
                      read_inputs(config) if runner.ships_files else None,
                      parallelism=parallelism)
    except BriefcastError as exc:
        lock.close()
        return _failed(show.name, str(exc), exc.exit_code, config)
    except OSError as exc:
        lock.close()
        return _failed(show.name, _cannot_write(exc), 1, config)
    return _InFlight(show.name, config, job, night, report, lock, clock)


def _cannot_write(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"cannot write{where}: {exc.strerror or exc}; the published feed is untouched"


def _finish(future: Any, item: _InFlight, runner: Runner) -> ShowOutcome | None:
    """Publish a staged result; None when the show should be tried again."""
    try:
        result = runner.result(future)
    except Exception as exc:  # the worker died or the cluster failed: nothing was published
        if runner.retryable(exc) and item.attempts < MAX_ATTEMPTS:
            item.attempts += 1
            log.warning("show %s: its worker failed (%s); trying again", item.show, exc)
            return None
        item.lock.close()
        return _failed(item.show, f"its worker failed: {type(exc).__name__}: {exc}"
                       .rstrip(": "), 1, item.config, attempts=item.attempts,
                       elapsed_s=round(time.monotonic() - item.started, 3))
    try:
        if isinstance(result, ShowFailure):
            return _failed(item.show, result.reason, result.exit_code, item.config,
                           attempts=item.attempts, worker=result.worker,
                           elapsed_s=round(time.monotonic() - item.started, 3))
        assert isinstance(result, StagedShow)
        report = _published_report(item, result)
        return _published(item.show, item.config, report, attempts=item.attempts,
                          worker=result.worker, build_s=result.elapsed_s,
                          elapsed_s=round(time.monotonic() - item.started, 3))
    except BriefcastError as exc:
        return _failed(item.show, str(exc), exc.exit_code, item.config,
                       attempts=item.attempts)
    except OSError as exc:
        return _failed(item.show, _cannot_write(exc), 1, item.config, attempts=item.attempts)
    finally:
        item.lock.close()


def _published_report(item: _InFlight, result: StagedShow) -> BuildReport:
    """Write the staged files beside the show's output and publish them, feed last."""
    report = result.report
    # the client's warnings (the published folder) before the worker's own
    report.warnings = item.report.warnings + report.warnings[len(item.config.warnings):]
    staging, private = staging_dirs(item.config, item.job.date)
    try:
        for folder, files in ((staging, result.files), (private, result.private_files)):
            folder.mkdir(parents=True)
            for name, data in files.items():
                if Path(name).is_absolute() or ".." in Path(name).parts:
                    raise BuildError(f"the worker sent a file outside the episode: {name!r}")
                publish.write_atomic(folder / name, data)
        publish_staged(item.config, item.night,
                       publish.Staged(result.episode, staging, private), report)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(private, ignore_errors=True)
    return report
