"""Release: check tonight's feed against the files it names, then publish it, feed last.

The gate runs while tonight's episode is still in its staging folder, so a feed that would
be refused changes nothing that is published. Then the episode folder goes in place, the
artwork, the pages and the Alexa file, and the feed last; episodes that left the feed go to
the archive. Also used on a rerun of a published night, with nothing staged.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefcast.alexa import FILE_NAME as ALEXA_FILE, flash_briefing
from briefcast.config import ShowConfig
from briefcast.errors import BuildError
from briefcast.feed import build_feed, podcast_guid
from briefcast.models import Episode
from briefcast.site import read_detail, render_site
from briefcast.stages import publish, records
from briefcast.validate import validate_feed


@dataclass
class BuildReport:
    """What happened tonight, for the summary screen and report.json."""

    date: str
    stories_in: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)  # problems: exit code 4
    left_out: list[dict[str, str]] = field(default_factory=list)  # other days, duplicates
    timings_s: dict[str, float] = field(default_factory=dict)
    tts_calls: int = 0
    cache_hits: int = 0
    mix_cached: bool = False
    duration_s: float = 0.0
    estimated_s: float = 0.0  # the script's length as planned from the voices' pace
    loudness_lufs: float = 0.0
    true_peak_dbtp: float = 0.0
    audio_file: str = ""
    size_bytes: int = 0
    feed: str = ""  # the feed's public URL
    reused: bool = False  # the date was already published: nothing was remade
    archived: list[str] = field(default_factory=list)  # dates moved out of the feed tonight
    held: list[str] = field(default_factory=list)  # usable stories beyond story_count
    warnings: list[str] = field(default_factory=list)



def release(config: ShowConfig, out: Path, episodes: list[Episode],
            staged: publish.Staged | None, report: BuildReport) -> None:
    """Check the new feed against the files it names, then publish: feed last.

    ``staged`` is tonight's episode and its two staging folders (public and private), or
    None when the night's episode is already on disk and only the feed and pages are
    brought up to date.
    """
    in_feed, archived = publish.split_retention(episodes, config.max_feed_items)
    art, suffix = publish.artwork_bytes(config)
    art_name = publish.artwork_name(art, suffix)
    feed = build_feed(config, in_feed, config.base_url + art_name, podcast_guid(config.feed_url))
    art_staged = out / f".staging-art-{os.getpid()}{suffix}"
    overlay = {art_name: art_staged}
    extras: dict[str, bytes | None] = _extras(config, in_feed, report)
    extras.update(_pages(config, out, in_feed, staged, art_name))
    if staged is not None:
        overlay[staged.episode.date.isoformat()] = staged.public
        report_json = dict(report.__dict__, archived=[e.date.isoformat() for e in archived])
        publish.write_atomic(staged.private / records.REPORT_NAME,
                             (json.dumps(report_json, indent=2) + "\n").encode())
    try:
        # Gate: check the new feed while tonight's files are still staged, so a feed
        # that would be refused changes nothing that is published.
        publish.write_atomic(art_staged, art)
        problems = validate_feed(feed, out, config.base_url, overlay=overlay,
                                 cache_dir=config.cache_dir)
        if problems:
            raise BuildError("the new feed failed validation, nothing was published:\n"
                             + "\n".join(f"  - {p}" for p in problems))
        report.archived = publish.commit(out, config.private_dir, in_feed, staged, art_staged,
                                         art_name, feed, archived, extras)
        if staged is not None and staged.episode.date.isoformat() in report.archived:
            report.warnings.append(f"the {staged.episode.date} episode is older than the "
                                   f"{config.max_feed_items} newest: it went straight to "
                                   f"{publish.ARCHIVE_DIR}/ and is not in the feed")
    finally:
        art_staged.unlink(missing_ok=True)


def _extras(config: ShowConfig, in_feed: list[Episode],
            report: BuildReport) -> dict[str, bytes | None]:
    """Files published beside the feed, each night, from the episodes it lists.

    The Alexa file is removed (None) when it is off or cannot be offered tonight: an old
    one could name an episode that just left the feed.
    """
    extras: dict[str, bytes | None] = {ALEXA_FILE: None}
    if config.alexa:
        data, problems = flash_briefing(config, in_feed)
        report.warnings += problems
        extras[ALEXA_FILE] = data
    return extras


def _pages(config: ShowConfig, out: Path, in_feed: list[Episode],
           staged: publish.Staged | None, art_name: str) -> dict[str, bytes]:
    """The show page and one page per episode in the feed, from the files on disk."""
    def folder(episode: Episode) -> Path:
        if staged is not None and staged.episode.date == episode.date:
            return staged.public
        return out / episode.date.isoformat()

    return render_site(config, [read_detail(e, folder(e)) for e in in_feed], art_name)
