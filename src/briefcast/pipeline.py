"""Run one night's build: gather and compute everything, then write outputs in one phase.

Order: ingest -> clean -> script (condense inside) -> speak -> mix, all into a private
staging folder; then the episode folder is put in place and the feed is replaced last. A
build that fails at any point leaves the previous feed and episodes exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from briefcast.backends.engines import make_engine, voice_problems
from briefcast.backends.tts import TTSEngine
from briefcast.cache import Cache
from briefcast.config import ShowConfig
from briefcast.errors import BuildError, ConfigError, LockedError, SynthesisError
from briefcast.feed import podcast_guid
from briefcast.models import Episode, Script, Skipped, StoryRef
from briefcast.prepare import (  # prepare and script_markdown: also used via this module
    Prepared,
    compose_checked,
    estimate,
    held_back,
    prepare,
    script_markdown,
)
from briefcast.sound import sound_seconds
from briefcast.stages import publish, records
from briefcast.stages.ingest import IngestResult
from briefcast.stages.mix import MasterTarget, MixResult, mix_cached
from briefcast.stages.pacing import Pace, measure_pace
from briefcast.stages.release import BuildReport, release
from briefcast.stages.speak import SpeakResult, speak_cues
from briefcast.transcript import to_srt, to_vtt

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "episode"


@contextmanager
def output_lock(output_dir: Path) -> Iterator[None]:
    """One build per output folder. flock is released by the kernel if the build dies."""
    output_dir.mkdir(parents=True, exist_ok=True)
    path = output_dir / ".briefcast.lock"
    fh = open(path, "a+")  # noqa: SIM115 (held for the build, closed below)
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(f"another briefcast build is running on {output_dir}") from None
        yield
    finally:
        fh.close()


def _description(script: Script) -> str:
    """Plain text; "<" and ">" are dropped because some apps render descriptions as HTML."""
    titles = [s.story.title.rstrip(".") for s in script.stories]
    text = f"{len(titles)} stories: " + "; ".join(titles) + "."
    return text.replace("<", "").replace(">", "")


def _chapters_json(mix: MixResult) -> bytes:
    chapters = [{"startTime": c.start_s, "title": c.title} for c in mix.chapters]
    return (json.dumps({"version": "1.2.0", "chapters": chapters}, indent=2,
                       ensure_ascii=False) + "\n").encode("utf-8")


def _speak_isolating_failures(prepared: Prepared, config: ShowConfig, date: dt.date,
                              engine: TTSEngine, cache: Cache, progress: Progress | None
                              ) -> tuple[Prepared, SpeakResult]:
    """Speak the script; a story whose speech fails is dropped and the script recomposed.

    The night fails only if the show's own lines (intro, rundown, sign-off) cannot be
    spoken once failing stories are gone (the rundown names every story, so it fails with
    them), or if fewer than ``min_stories`` stories remain.
    """
    stories, skipped, script = list(prepared.stories), list(prepared.skipped), prepared.script
    calls = 0
    while True:
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress:
                progress("speak", done, len(script.cues))  # noqa: B023 (this pass)

        spoken = speak_cues(script.cues, config.rate_wpm, engine, cache, tick)
        calls += spoken.tts_calls
        if not spoken.failures:
            spoken = SpeakResult(spoken.segments, (), calls)
            return replace(prepared, stories=tuple(stories), skipped=tuple(skipped),
                           script=script), spoken
        failed = {c.chapter: r for c, r in spoken.failures
                  if c.kind not in ("intro", "headlines", "outro")}
        if not failed:  # only the show's own lines failed: nothing to drop, nothing to air
            cue, reason = spoken.failures[0]
            raise BuildError(f"the show's {cue.kind} could not be spoken: {reason}")
        for summary in script.stories:
            if summary.story.title in failed:
                stories.remove(summary.story)
                skipped.append(Skipped(summary.story.source, "speech synthesis failed: "
                                       f"{failed[summary.story.title]}"))
                log.warning("dropped %r: speech failed", summary.story.title)
        if len(stories[: config.story_count]) < config.min_stories:
            raise BuildError(f"only {len(stories)} stories could be spoken, the show needs at "
                             f"least {config.min_stories}; last failure: "
                             f"{spoken.failures[0][1]}")
        prepared = compose_checked(config, date, stories, skipped, prepared.paces,
                                   prepared.extra_s)
        stories, skipped = list(prepared.stories), list(prepared.skipped)
        script = prepared.script


def public_source(source: str, config: ShowConfig) -> str:
    """How a source is named in the episode's record and report (episode.json, report.json):
    URLs as they are, files relative to the show's folder, never the machine's full path."""
    if "://" in source:
        return source
    path = Path(source)
    try:
        return path.relative_to(config.config_path.parent).as_posix()
    except ValueError:
        return path.name


def check_voices(config: ShowConfig, remember: bool = True) -> None:
    """A voice the engine does not have is a config problem (exit 2), found before any work.

    ``remember=False`` keeps the engines' voice lists out of the cache (a dry run)."""
    problems = voice_problems(config.voices, config.cache_dir, remember)
    if problems:
        raise ConfigError(config.config_path, problems)


def voice_paces(config: ShowConfig, engine: TTSEngine,
                cache: Cache) -> tuple[dict[str, Pace], list[str]]:
    """Each voice's measured pace (cached after the first time), and what could not be had.

    The budget needs the real pace; a voice that cannot be timed leaves its stories to the
    other voice's pace or the nominal rate, with a warning.
    """
    paces: dict[str, Pace] = {}
    problems: list[str] = []
    for voice in (v.name for v in config.voices):
        try:
            paces[voice] = measure_pace(engine, voice, config.rate_wpm, cache, config.language)
        except SynthesisError as exc:
            problems.append(f"could not measure the pace of voice {voice!r} ({exc}); its "
                            f"stories are timed at the other voice's pace, or at "
                            f"{config.rate_wpm} words a minute")
    return paces, problems


@dataclass(frozen=True)
class Night:
    """What is on disk for tonight's date, read under the output lock before any work."""

    existing: list[Episode]  # the episodes published in the feed
    previous: Episode | None  # this date's episode, in the feed or archived (GUID, pubDate)
    reuse: bool  # already published and not --rebuild: only the feed and pages are redone


def plan_night(config: ShowConfig, date: dt.date, rebuild: bool,
               report: BuildReport) -> Night:
    """Read the output folder (the caller holds its lock) and decide what tonight does."""
    out = config.output_dir
    # From builds killed mid-way (we hold the lock, so none is live), and the old layout
    report.warnings += records.settle(out, config.private_dir)
    existing, problems = records.load_episodes(out, config.private_dir)
    report.warnings += problems
    previous = next((e for e in existing if e.date == date), None)
    archived = records.archived_episode(out, config.private_dir, date) \
        if previous is None else None
    if archived is not None and not rebuild:
        raise BuildError(f"the {date} episode is already published and has left the feed "
                         f"for {publish.ARCHIVE_DIR}/ (output.max_feed_items is "
                         f"{config.max_feed_items}); --rebuild makes it again, but it "
                         "would go straight back to the archive")
    previous = previous or archived  # a rebuild keeps its GUID and pubDate
    return Night(existing, previous, previous is not None and previous in existing
                 and not rebuild)


def complete_published(config: ShowConfig, night: Night, report: BuildReport) -> None:
    """Tonight is already published: bring the feed and pages up to date from disk."""
    assert night.previous is not None
    report.reused = True
    _report_episode(report, night.previous, config.output_dir, config.private_dir)
    release(config, config.output_dir, night.existing, None, report)


def new_report(config: ShowConfig, date: dt.date) -> BuildReport:
    return BuildReport(date=date.isoformat(), warnings=list(config.warnings),
                       feed=config.feed_url)


def staging_dirs(config: ShowConfig, date: dt.date) -> tuple[Path, Path]:
    """Tonight's two staging folders: public (beside the output) and private (the
    producer's files, never served)."""
    name = f"{publish.STAGING_PREFIX}{date.isoformat()}-{os.getpid()}"
    return config.output_dir / name, config.private_dir / name


def build(config: ShowConfig, date: dt.date, engine: TTSEngine | None = None,
          progress: Progress | None = None, rebuild: bool = False) -> BuildReport:
    """Build and publish the episode for ``date``; raise BriefcastError on failure.

    A date that already has a published episode is not made again unless ``rebuild``:
    the night is only completed (feed, pages) from what is on disk, so a rerun after a
    crash or by a second cron line changes no published byte it does not have to.
    """
    report = new_report(config, date)
    with output_lock(config.output_dir):
        night = plan_night(config, date, rebuild, report)
        if night.reuse:
            complete_published(config, night, report)
            return report
        staging, private = staging_dirs(config, date)
        try:
            episode = stage_episode(config, date, night.previous, report, staging, private,
                                    engine, progress)
            publish_staged(config, night, publish.Staged(episode, staging, private), report)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(private, ignore_errors=True)
    return report


def publish_staged(config: ShowConfig, night: Night, staged: publish.Staged,
                   report: BuildReport) -> None:
    """Hand tonight's staged episode to the gate, which publishes it with the feed last."""
    episodes = [e for e in night.existing if e.date != staged.episode.date] + [staged.episode]
    release(config, config.output_dir, episodes, staged, report)


def _report_episode(report: BuildReport, episode: Episode, out: Path, private: Path) -> None:
    report.stories_in = [s.title for s in episode.stories]
    report.audio_file, report.size_bytes = episode.audio_file, episode.size_bytes
    report.duration_s = float(episode.duration_s)
    old_report = private / episode.date.isoformat() / records.REPORT_NAME
    try:
        old = json.loads(old_report.read_text(encoding="utf-8"))
        report.loudness_lufs = float(old.get("loudness_lufs", 0.0))
        report.true_peak_dbtp = float(old.get("true_peak_dbtp", 0.0))
    except (OSError, ValueError, AttributeError):
        pass


def stage_episode(config: ShowConfig, date: dt.date, previous: Episode | None,
                  report: BuildReport, staging: Path, private: Path,
                  engine: TTSEngine | None = None, progress: Progress | None = None,
                  ingested: IngestResult | None = None,
                  parallelism: int | None = None) -> Episode:
    """Speak and mix tonight's episode into ``staging`` (its public files) and ``private``
    (its record and script), both made here; publish nothing. ``previous`` is the date's
    published episode, whose GUID and pubDate a rebuild keeps. ``ingested`` and
    ``parallelism`` serve a network's workers: the articles come from the client, and each
    show speaks on its share of the cores.
    """
    clock = time.monotonic
    owned_engine = engine is None
    if owned_engine:
        check_voices(config)
    engine = engine or make_engine(config.voices, parallelism)
    cache = Cache(config.cache_dir)
    try:
        started = clock()
        paces, problems = voice_paces(config, engine, cache)
        report.warnings += problems
        prepared = prepare(config, date, paces, sound_seconds(config.sound), cache, ingested)
        report.warnings += prepared.notes  # before speech, whose retries recompose
        report.timings_s["prepare"] = round(clock() - started, 3)
        started = clock()
        prepared, spoken = _speak_isolating_failures(prepared, config, date, engine, cache,
                                                     progress)
    finally:
        if owned_engine:
            engine.close()
    report.warnings += prepared.warnings  # of the script that airs
    report.held = held_back(prepared)
    report.estimated_s = round(estimate(prepared) or 0.0, 2)
    report.timings_s["speak"] = round(clock() - started, 3)
    report.tts_calls, report.cache_hits = spoken.tts_calls, cache.hits
    report.stories_in = [s.story.title for s in prepared.script.stories]
    report.skipped, report.left_out = [
        [{"source": public_source(s.source, config), "reason": s.reason}
         for s in prepared.skipped if s.left_out is left_out] for left_out in (False, True)]

    slug = slugify(config.title)
    folder = date.isoformat()
    staging.mkdir(parents=True)
    private.mkdir(parents=True)
    started = clock()
    mixed = staging / "episode.mp3"
    mix, mix_hit = mix_cached(spoken.segments, staging, mixed,
                              cache, title=prepared.script.title, show=config.title,
                              author=config.author, date=date,
                              comment=_description(prepared.script),
                              target=MasterTarget(lufs=config.loudness_lufs,
                                                  max_true_peak=config.true_peak_dbtp),
                              sound=config.sound, cover=publish.artwork_bytes(config)[0])
    report.mix_cached = mix_hit
    report.timings_s["mix"] = round(clock() - started, 3)
    # The name carries a hash of the audio: the same inputs give the same name, and
    # a changed rebuild gets a new one, so the old file (named by the old feed) can
    # stay until the new feed replaces it.
    digest = hashlib.sha256(mixed.read_bytes()).hexdigest()[:8]
    audio_rel = f"{folder}/{slug}-{folder}-{digest}.mp3"
    os.replace(mixed, staging / Path(audio_rel).name)

    show_guid = podcast_guid(config.feed_url)
    episode = Episode(
        date=date,
        title=prepared.script.title,
        guid=previous.guid if previous else str(uuid.uuid5(uuid.UUID(show_guid), folder)),
        pub_date=previous.pub_date if previous else publish.publish_datetime(date, config),
        audio_file=audio_rel,
        size_bytes=mix.size_bytes,
        duration_s=round(mix.duration_s),
        description=_description(prepared.script),
        stories=tuple(StoryRef(s.story.title, public_source(s.story.source, config),
                               s.story.url)
                      for s in prepared.script.stories),
        chapters_file=f"{folder}/chapters.json",
        transcript_vtt=f"{folder}/transcript.vtt",
        transcript_srt=f"{folder}/transcript.srt",
    )
    report.duration_s = round(mix.duration_s, 2)
    report.loudness_lufs, report.true_peak_dbtp = mix.loudness_lufs, mix.true_peak_dbtp
    report.audio_file, report.size_bytes = audio_rel, mix.size_bytes
    files = {
        "transcript.vtt": to_vtt(mix.timings).encode("utf-8"),
        "transcript.srt": to_srt(mix.timings).encode("utf-8"),
        "chapters.json": _chapters_json(mix),
    }
    for name, data in files.items():
        publish.write_atomic(staging / name, data)
    publish.write_atomic(private / records.RECORD_NAME, records.episode_to_json(episode))
    publish.write_atomic(private / records.SCRIPT_NAME, script_markdown(
        prepared.script, config.rate_wpm, estimate(prepared),
        name=lambda source: public_source(source, config)).encode("utf-8"))
    return episode
