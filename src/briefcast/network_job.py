"""One show's build as a job a worker runs: inputs in, staged files out, nothing published.

The client (the machine running ``briefcast build --all``) holds each show's output lock,
reads what is published, ingests the articles and packs them into a ``ShowJob``. A worker
(a local process, or a Dask worker on another machine) speaks and mixes the episode into
staging folders of its own and sends back their files' bytes (``StagedShow``); the client
writes them into staging folders beside the show's output and its private folder (the
record and script, never served) and publishes them exactly as a
single-show build does: the gate checks the new feed, the episode goes in place, the feed
last. A worker therefore needs no access to the output folders or the articles, and a
worker that dies mid-build leaves nothing published: the client only publishes whole
results.

With ``ship_files`` the job also carries the files the config names (artwork, lexicon,
sting, bed), which the worker keeps in its cache under their hash, so the same inputs give
the same paths (and cache keys) on every run.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import socket
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from briefcast.backends.engines import VoiceSpec, make_engine
from briefcast.backends.tts import TTSEngine
from briefcast.config import ShowConfig
from briefcast.errors import BriefcastError, BuildError
from briefcast.models import Episode
from briefcast.sound import SoundOptions
from briefcast.stages.ingest import IngestResult
from briefcast.stages.release import BuildReport

WORKER_CACHE = "~/.cache/briefcast"  # a cluster worker's cache when [cluster] cache is unset


@dataclass(frozen=True)
class ShowJob:
    """Everything a worker needs to stage one show's episode."""

    name: str
    config: ShowConfig
    date: dt.date
    previous: Episode | None  # the date's published episode: a rebuild keeps its GUID
    ingested: IngestResult  # read by the client: workers need not see the sources
    inputs: dict[str, bytes] | None = None  # config file -> bytes, when shipped
    cache_dir: str | None = None  # the cache as the worker sees it; None: the config's
    parallelism: int | None = None  # synthesis workers for this show's cues


@dataclass(frozen=True)
class StagedShow:
    """A worker's result: the episode and its folder's files, ready to publish."""

    name: str
    episode: Episode
    report: BuildReport
    files: dict[str, bytes]  # relative path in the episode folder -> bytes
    private_files: dict[str, bytes]  # the producer's files (record, script), never served
    worker: str  # host:pid that built it
    elapsed_s: float


@dataclass(frozen=True)
class ShowFailure:
    """A build that failed on the worker, with the exit code a single show would give."""

    name: str
    reason: str
    exit_code: int
    worker: str = ""


# --- on the client ----------------------------------------------------------------------

def config_files(config: ShowConfig) -> dict[str, Path]:
    """The files a show's config names besides its sources: role -> path."""
    files = {"artwork": config.artwork, "lexicon": config.lexicon,
             "sting": config.sound.sting if isinstance(config.sound.sting, Path) else None,
             "bed": config.sound.bed if isinstance(config.sound.bed, Path) else None}
    return {role: path for role, path in files.items() if path is not None}


def read_inputs(config: ShowConfig) -> dict[str, bytes]:
    """The bytes of ``config_files``; one that cannot be read fails the show here."""
    inputs = {}
    for role, path in config_files(config).items():
        try:
            inputs[role] = path.read_bytes()
        except OSError as exc:
            raise BuildError(f"cannot read the {role} file {path}: "
                             f"{exc.strerror or exc}") from None
    return inputs


# --- on the worker ----------------------------------------------------------------------

_ENGINES: dict[tuple[tuple[VoiceSpec, ...], int | None], TTSEngine] = {}


def _engine(voices: tuple[VoiceSpec, ...], parallelism: int | None) -> TTSEngine:
    """One engine per voice set, kept for the worker's life: the next show with the same
    voices reuses its synthesis workers instead of starting new ones."""
    key = (voices, parallelism)
    if key not in _ENGINES:
        if not _ENGINES:
            atexit.register(_close_engines)
        _ENGINES[key] = make_engine(voices, parallelism)
    return _ENGINES[key]


def _close_engines() -> None:
    for engine in _ENGINES.values():
        engine.close()
    _ENGINES.clear()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _worker_config(job: ShowJob) -> ShowConfig:
    """The job's config with the cache and shipped files as this worker sees them."""
    config = job.config
    if job.cache_dir is not None:
        config = replace(config, cache_dir=Path(os.path.expanduser(job.cache_dir)).resolve())
    if job.inputs is None:
        return config
    paths = {}
    for role, data in job.inputs.items():
        original = config_files(job.config)[role]
        folder = config.cache_dir / "inputs" / hashlib.sha256(data).hexdigest()[:32]
        path = folder / original.name
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            temp = folder / f".{original.name}.{os.getpid()}.tmp"
            temp.write_bytes(data)
            os.replace(temp, path)
        paths[role] = path
    sound = SoundOptions(paths.get("sting", config.sound.sting),
                         paths.get("bed", config.sound.bed), config.sound.bed_level_db)
    return replace(config, artwork=paths.get("artwork", config.artwork),
                   lexicon=paths.get("lexicon", config.lexicon), sound=sound)


def run_job(job: ShowJob) -> StagedShow | ShowFailure:
    """Stage one show's episode on this worker and return its files (runs on the worker).

    A build failure comes back as a ``ShowFailure`` (it would fail again anywhere);
    anything else raised is a bug or a dying machine, and reaches the client as is.
    """
    from briefcast.pipeline import check_voices, new_report, stage_episode

    started = time.monotonic()
    try:
        config = _worker_config(job)
        report = new_report(config, job.date)
        check_voices(config)
        engine = _engine(config.voices, job.parallelism)
        with tempfile.TemporaryDirectory(prefix=f"briefcast-{job.name}-") as work:
            staging, private = Path(work) / "public", Path(work) / "private"
            episode = stage_episode(config, job.date, job.previous, report, staging, private,
                                    engine, ingested=job.ingested)
            files, private_files = _contents(staging), _contents(private)
    except BriefcastError as exc:
        return ShowFailure(job.name, str(exc), exc.exit_code, worker_name())
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return ShowFailure(job.name, f"cannot write on the worker{where}: "
                                     f"{exc.strerror or exc}", 1, worker_name())
    return StagedShow(job.name, episode, report, files, private_files, worker_name(),
                      round(time.monotonic() - started, 3))


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
