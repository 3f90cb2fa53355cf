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
from dataclasses import dataclass, field
from pathlib import Path

from briefcast.backends.tts import Pyttsx3Engine, TTSEngine, voice_problem
from briefcast.cache import Cache
from briefcast.config import ShowConfig
from briefcast.errors import BuildError, LockedError
from briefcast.feed import build_feed, podcast_guid
from briefcast.models import Episode, Script, Skipped, Story, StoryRef
from briefcast.stages import publish
from briefcast.stages.clean import clean_article
from briefcast.stages.ingest import ingest
from briefcast.stages.mix import MixResult, mix_cached
from briefcast.stages.script import compose_script
from briefcast.stages.speak import SpeakResult, speak_cues
from briefcast.validate import validate_feed
from briefcast.transcript import to_srt, to_vtt

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BuildReport:
    """What happened tonight, for the summary screen and report.json."""

    date: str
    stories_in: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    timings_s: dict[str, float] = field(default_factory=dict)
    tts_calls: int = 0
    cache_hits: int = 0
    mix_cached: bool = False
    duration_s: float = 0.0
    loudness_lufs: float = 0.0
    true_peak_dbtp: float = 0.0
    audio_file: str = ""
    size_bytes: int = 0
    feed: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Prepared:
    """Everything decided before any audio is made."""

    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...]
    script: Script


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "episode"


@contextmanager
def output_lock(output_dir: Path) -> Iterator[None]:
    """One build per output folder. flock is released by the kernel if the build dies."""
    output_dir.mkdir(parents=True, exist_ok=True)
    path = output_dir / ".briefcast.lock"
    fh = open(path, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(f"another briefcast build is running on {output_dir}") from None
        yield
    finally:
        fh.close()


def prepare(config: ShowConfig, date: dt.date) -> Prepared:
    """Ingest, clean and compose the script: no audio, no writes."""
    ingested = ingest(config, date)  # folder + feeds, edition window, deduplicated
    stories: list[Story] = []
    skipped = list(ingested.skipped)
    for article in ingested.articles:
        cleaned = clean_article(article)
        if isinstance(cleaned, Skipped):
            skipped.append(cleaned)
        else:
            stories.append(cleaned)
    if not stories:
        reasons = "; ".join(f"{Path(s.source).name}: {s.reason}" for s in skipped) or "none found"
        where = ", ".join([str(config.sources_folder)] if config.sources_folder else []
                          + list(config.sources_feeds))
        raise BuildError(f"no usable articles for {date} in {where} ({reasons})")
    script = compose_script(stories, config, date)
    return Prepared(tuple(stories), tuple(skipped), script)


def _description(script: Script) -> str:
    """Plain text; "<" and ">" are dropped because some apps render descriptions as HTML."""
    titles = [s.story.title.rstrip(".") for s in script.stories]
    text = f"{len(titles)} stories: " + "; ".join(titles) + "."
    return text.replace("<", "").replace(">", "")


def script_markdown(script: Script, rate_wpm: int) -> str:
    lines = [f"# {script.title}", ""]
    for cue in script.cues:
        if cue.kind == "transition":
            lines += ["", f"## {cue.chapter}", ""]
        lines.append(cue.text)
    lines += ["", "---", f"{script.word_count} spoken words, about "
              f"{script.word_count / rate_wpm:.1f} minutes at {rate_wpm} wpm.", ""]
    for summary in script.stories:
        lines.append(f"- {summary.story.title}: {summary.word_count} of "
                     f"{summary.story.word_count} words (budget {summary.budget_words}), "
                     f"source {summary.story.source}")
    return "\n".join(lines) + "\n"


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
                progress("speak", done, len(script.cues))

        spoken = speak_cues(script.cues, config.rate_wpm, engine, cache, tick)
        calls += spoken.tts_calls
        if not spoken.failures:
            spoken = SpeakResult(spoken.segments, (), calls)
            return Prepared(tuple(stories), tuple(skipped), script), spoken
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
        script = compose_script(stories, config, date)


def _remove_leftovers(out: Path) -> None:
    for leftover in out.glob(".staging-*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def build(config: ShowConfig, date: dt.date, engine: TTSEngine | None = None,
          progress: Progress | None = None) -> BuildReport:
    """Build and publish the episode for ``date``; raise BriefcastError on failure."""
    report = BuildReport(date=date.isoformat(), warnings=list(config.warnings))
    clock = time.monotonic
    out = config.output_dir
    with output_lock(out):
        started = clock()
        prepared = prepare(config, date)
        report.timings_s["prepare"] = round(clock() - started, 3)

        owned_engine = engine is None
        if owned_engine:
            for voice in sorted({c.voice for c in prepared.script.cues}):
                problem = voice_problem(voice)
                if problem:
                    raise BuildError(f"voice {voice!r} in {config.config_path.name}: {problem}")
        engine = engine or Pyttsx3Engine()
        cache = Cache(config.cache_dir)
        started = clock()
        try:
            prepared, spoken = _speak_isolating_failures(prepared, config, date, engine, cache,
                                                         progress)
        finally:
            if owned_engine:
                engine.close()
        report.timings_s["speak"] = round(clock() - started, 3)
        report.tts_calls, report.cache_hits = spoken.tts_calls, cache.hits
        report.stories_in = [s.story.title for s in prepared.script.stories]
        report.skipped = [{"source": s.source, "reason": s.reason} for s in prepared.skipped]

        slug = slugify(config.title)
        folder = date.isoformat()
        staging = out / f".staging-{folder}-{os.getpid()}"
        art_staged = staging.with_name(f"{staging.name}-art")  # beside, not in, the folder
        _remove_leftovers(out)  # from builds killed mid-way; we hold the lock, so none is live
        staging.mkdir(parents=True)
        try:
            started = clock()
            mixed = staging / "episode.mp3"
            mix, mix_hit = mix_cached(spoken.segments, staging, mixed,
                                      cache, title=prepared.script.title, show=config.title,
                                      author=config.author, date=date,
                                      comment=_description(prepared.script))
            report.mix_cached = mix_hit
            report.timings_s["mix"] = round(clock() - started, 3)
            # The name carries a hash of the audio: the same inputs give the same name, and
            # a changed rebuild gets a new one, so the old file (named by the old feed) can
            # stay until the new feed replaces it.
            digest = hashlib.sha256(mixed.read_bytes()).hexdigest()[:8]
            audio_rel = f"{folder}/{slug}-{folder}-{digest}.mp3"
            os.replace(mixed, staging / Path(audio_rel).name)

            existing, problems = publish.load_episodes(out)
            report.warnings += problems
            previous = next((e for e in existing if e.date == date), None)
            show_guid = podcast_guid(config.feed_url)
            episode = Episode(
                date=date,
                title=prepared.script.title,
                guid=previous.guid if previous else str(uuid.uuid5(uuid.UUID(show_guid),
                                                                   folder)),
                pub_date=previous.pub_date if previous else publish.publish_datetime(date,
                                                                                     config),
                audio_file=audio_rel,
                size_bytes=mix.size_bytes,
                duration_s=round(mix.duration_s),
                description=_description(prepared.script),
                stories=tuple(StoryRef(s.story.title, s.story.source, s.story.url)
                              for s in prepared.script.stories),
                chapters_file=f"{folder}/chapters.json",
                transcript_vtt=f"{folder}/transcript.vtt",
                transcript_srt=f"{folder}/transcript.srt",
            )
            publish.write_atomic(staging / "transcript.vtt", to_vtt(mix.timings).encode("utf-8"))
            publish.write_atomic(staging / "transcript.srt", to_srt(mix.timings).encode("utf-8"))
            publish.write_atomic(staging / publish.RECORD_NAME, publish.episode_to_json(episode))
            publish.write_atomic(staging / "chapters.json", _chapters_json(mix))
            publish.write_atomic(staging / "script.md",
                                 script_markdown(prepared.script,
                                                  config.rate_wpm).encode("utf-8"))
            art, suffix = publish.artwork_bytes(config)
            art_name = publish.artwork_name(art, suffix)
            episodes = [e for e in existing if e.date != date] + [episode]
            feed = build_feed(config, episodes, config.base_url + art_name, show_guid)

            report.duration_s = round(mix.duration_s, 2)
            report.loudness_lufs, report.true_peak_dbtp = mix.loudness_lufs, mix.true_peak_dbtp
            report.audio_file, report.size_bytes = audio_rel, mix.size_bytes
            report.feed = str(out / publish.FEED_NAME)
            publish.write_atomic(staging / "report.json",
                                 (json.dumps(report.__dict__, indent=2) + "\n").encode())
            # Gate: check the new feed against the files it names while they are still
            # staged, so a feed that would be refused changes nothing that is published.
            publish.write_atomic(art_staged, art)
            problems = validate_feed(feed, out, config.base_url,
                                     overlay={folder: staging, art_name: art_staged})
            if problems:
                raise BuildError("the new feed failed validation, nothing was published:\n"
                                 + "\n".join(f"  - {p}" for p in problems))
            # Commit: episode folder and artwork first, the feed last. Audio the current
            # feed names is linked into the new folder so that feed stays valid until then.
            publish.keep_old_audio(out / folder, staging)
            publish.install_dir(staging, out / folder)
            if not (out / art_name).exists():
                os.replace(art_staged, out / art_name)
            publish.write_atomic(out / publish.FEED_NAME, feed)
            publish.drop_stale_audio(out / folder, Path(audio_rel).name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            art_staged.unlink(missing_ok=True)
    return report
