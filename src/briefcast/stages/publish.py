"""Publish: atomic writes, the show artwork, and putting a night's files in place.

Every episode has an ``episode.json`` record (in the private folder, see ``records.py``);
the feed is rebuilt from those records each night, so it always lists exactly the
episodes whose audio is on disk. Files are written to a temporary name and renamed into
place; the episode's folders go first and the feed last.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import textwrap
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefcast.cache import remembered
from briefcast.config import ShowConfig
from briefcast.errors import BuildError
from briefcast.models import Episode

log = logging.getLogger(__name__)

FEED_NAME = "feed.xml"
ARCHIVE_DIR = "archive"
STAGING_PREFIX = ".staging-"  # a build's unfinished folders (removed by the next build)
COMMIT_PREFIX = ".commit-"  # a night's private files, ready once its public folder is in place
ART_SIZE = 3000


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
    finally:
        temp.unlink(missing_ok=True)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable: without it a power cut can undo the rename."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on folders; the rename itself still happened
    finally:
        os.close(fd)


def publish_datetime(date: dt.date, config: ShowConfig) -> dt.datetime:
    """The episode's pubDate: the show's publish time on that date, in UTC (no clock read)."""
    hour, minute = (int(x) for x in config.publish_time.split(":"))
    local = dt.datetime(date.year, date.month, date.day, hour, minute,
                        tzinfo=zoneinfo.ZoneInfo(config.timezone))
    return local.astimezone(dt.UTC)


def _art_color(title: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    return (30 + digest[0] % 60, 40 + digest[1] % 70, 80 + digest[2] % 90)


def render_cover(title: str) -> bytes:
    """A plain 3000x3000 RGB JPEG with the show title, for shows without artwork."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (ART_SIZE, ART_SIZE), _art_color(title))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=260)
    lines = textwrap.wrap(title, width=14) or [title]
    y = ART_SIZE // 2 - len(lines) * 160
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text(((ART_SIZE - width) / 2, y), line, font=font, fill=(250, 246, 235))
        y += 320
    draw.rectangle((240, ART_SIZE - 420, ART_SIZE - 240, ART_SIZE - 380), fill=(250, 246, 235))
    out = BytesIO()
    image.save(out, format="JPEG", quality=88, optimize=True)
    return out.getvalue()


def generated_cover(title: str, cache_dir: Path) -> bytes:
    """``render_cover(title)``, kept in the cache: drawing and encoding 3000x3000 pixels
    (and importing Pillow) would cost more than all the rest of a warm rebuild."""
    return remembered(cache_dir, "covers", (title, ART_SIZE), lambda: render_cover(title))


def check_artwork(path: Path) -> None:
    from PIL import Image

    try:
        with Image.open(path) as img:
            size, mode, fmt = img.size, img.mode, img.format
    except OSError as exc:
        raise BuildError(f"artwork {path} cannot be read as an image: {exc}") from exc
    problems = []
    if size[0] != size[1] or not 1400 <= size[0] <= 3000:
        problems.append(f"must be square, 1400-3000 px (is {size[0]}x{size[1]})")
    if mode != "RGB":
        problems.append(f"must be RGB (is {mode})")
    if fmt not in ("JPEG", "PNG"):
        problems.append(f"must be JPEG or PNG (is {fmt})")
    if problems:
        raise BuildError(f"artwork {path}: " + "; ".join(problems))


def artwork_bytes(config: ShowConfig) -> tuple[bytes, str]:
    """The show's artwork and its extension: the configured file, or a generated cover."""
    if config.artwork is None:
        return generated_cover(config.title, config.cache_dir), ".jpg"
    if not config.artwork.is_file():
        raise BuildError(f"artwork file not found: {config.artwork}")
    check_artwork(config.artwork)
    return config.artwork.read_bytes(), config.artwork.suffix.lower()


def artwork_name(data: bytes, suffix: str) -> str:
    """Content-hashed name: podcast apps cache art by URL, so new art needs a new name."""
    return f"artwork-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"


def install_dir(staging: Path, final: Path) -> None:
    """Put a finished episode folder in place, replacing an older build of the same date.

    A rebuild swaps the two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``), so
    a build killed here never leaves the feed pointing at a missing folder. Where the swap
    is unsupported, the old folder is moved aside first: a short window without it.
    """
    if final.exists():
        import ctypes
        import errno

        try:
            renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
        except (OSError, AttributeError):  # not glibc >= 2.28
            renameat2 = None
        if renameat2 is not None:
            at_fdcwd, rename_exchange = -100, 2
            if renameat2(at_fdcwd, os.fsencode(staging), at_fdcwd, os.fsencode(final),
                         rename_exchange) == 0:
                shutil.rmtree(staging, ignore_errors=True)  # it now holds the old build
                return
            err = ctypes.get_errno()
            if err not in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                raise OSError(err, os.strerror(err), str(final))
    trash = final.with_name(f".trash-{final.name}-{os.getpid()}")
    if final.exists():
        os.replace(final, trash)
    os.replace(staging, final)
    shutil.rmtree(trash, ignore_errors=True)


def keep_old_audio(final: Path, staging: Path) -> None:
    """Hard-link the published folder's MP3s into the new one, until the feed moves on."""
    if not final.is_dir():
        return
    for old in final.glob("*.mp3"):
        target = staging / old.name
        if not target.exists():
            try:
                os.link(old, target)
            except OSError:
                shutil.copy2(old, target)


def drop_stale_audio(folder: Path, keep: str) -> None:
    """After the feed names ``keep``, older MP3s of the same date are no longer referenced."""
    for old in folder.glob("*.mp3"):
        if old.name != keep:
            old.unlink(missing_ok=True)


def split_retention(episodes: list[Episode], keep: int) -> tuple[list[Episode], list[Episode]]:
    """The newest ``keep`` episodes stay in the feed; the rest go to the archive."""
    ordered = sorted(episodes, key=lambda e: e.recency, reverse=True)
    return ordered[:keep], ordered[keep:]


@dataclass(frozen=True)
class Staged:
    """Tonight's episode, complete in two staging folders before anything is published."""

    episode: Episode
    public: Path  # <output>/.staging-…: the MP3, transcripts, chapters (the page comes later)
    private: Path  # <private>/.staging-…: the record, the script, the report


def install_episode(out: Path, private: Path, staged: Staged) -> None:
    """Put both folders of a night in place: the public one first, then its record.

    The private folder is renamed to ``.commit-<date>`` first: from then on a build killed
    before its record is in place is finished by the next one (``finish_commits``), so the
    record never names audio that is not there, nor lags behind the public folder.
    """
    date = staged.episode.date.isoformat()
    final = out / date
    keep_old_audio(final, staged.public)
    ready = private / f"{COMMIT_PREFIX}{date}"
    shutil.rmtree(ready, ignore_errors=True)
    os.replace(staged.private, ready)
    try:
        install_dir(staged.public, final)
    except BaseException:
        shutil.rmtree(ready, ignore_errors=True)
        raise
    install_dir(ready, private / date)
    fsync_dir(private)


def finish_commits(out: Path, private: Path, intact: Callable[[Path, str], bool]) -> list[str]:
    """Complete the nights whose build was killed between its two folders.

    ``intact(ready, date)`` says whether the record in ``ready`` names audio that is in
    ``out/<date>``: then the public folder went in and the record follows it; otherwise
    the build died before, and its record is dropped with the rest of its staging.
    """
    done: list[str] = []
    for ready in sorted(private.glob(f"{COMMIT_PREFIX}*")) if private.is_dir() else []:
        date = ready.name.removeprefix(COMMIT_PREFIX)
        if ready.is_dir() and intact(ready, date):
            install_dir(ready, private / date)
            done.append(date)
            log.warning("finished publishing the %s episode's record (its build was "
                        "stopped after the episode went in place)", date)
        else:
            shutil.rmtree(ready, ignore_errors=True)
    return done


def finish_archive(out: Path, private: Path) -> None:
    """Complete an archive move killed between its two renames (the record goes first)."""
    for records in sorted((private / ARCHIVE_DIR).glob("*")):
        date = records.name[:10]
        public = out / date
        if (records.is_dir() and not (out / ARCHIVE_DIR / records.name).exists()
                and public.is_dir() and not (private / date).exists()):
            os.replace(public, out / ARCHIVE_DIR / records.name)
            fsync_dir(out)


def commit(out: Path, private: Path, in_feed: list[Episode], staged: Staged | None,
           art_staged: Path, art_name: str, feed: bytes, archived: list[Episode],
           extras: dict[str, bytes | None] | None = None) -> list[str]:
    """Publish a checked feed: episode folders and artwork first, the feed last.

    Audio the current feed names is linked into the new folder, so that feed stays valid
    until the new one replaces it. Only after the feed names its successors are old MP3s
    of the same date removed and episodes that left the feed moved to the archive.
    ``extras`` (pages, alexa.json: paths relative to ``out``) are written before the feed;
    an extra given as None is removed (it would name audio the feed no longer carries).
    Returns the archived dates.
    """
    if staged is not None:
        install_episode(out, private, staged)
    if not (out / art_name).exists():
        os.replace(art_staged, out / art_name)
        fsync_dir(out)
    for name, data in sorted((extras or {}).items(), key=lambda kv: kv[0]) + [(FEED_NAME, feed)]:
        path = out / name
        if data is None:
            path.unlink(missing_ok=True)
        elif not path.is_file() or path.read_bytes() != data:
            write_atomic(path, data)
    for episode in in_feed:
        drop_stale_audio(out / episode.date.isoformat(), Path(episode.audio_file).name)
    return archive_episodes(out, private, archived)


def archive_episodes(out: Path, private: Path, episodes: list[Episode]) -> list[str]:
    """Move episode folders that left the feed to ``archive/``; audio is never deleted.

    The private folder goes to the same name under ``<private>/archive/``.
    """
    moved: list[str] = []
    for episode in episodes:
        source = out / episode.date.isoformat()
        if not source.is_dir():
            continue
        name, n = source.name, 1
        while (out / ARCHIVE_DIR / name).exists() or (private / ARCHIVE_DIR / name).exists():
            n += 1  # an older archived build of the same date stays too
            name = f"{source.name}-{n}"
        target = out / ARCHIVE_DIR / name
        target.parent.mkdir(exist_ok=True)
        records = private / source.name
        if records.is_dir():  # first: a kill in between leaves the record by its audio
            (private / ARCHIVE_DIR).mkdir(parents=True, exist_ok=True)
            os.replace(records, private / ARCHIVE_DIR / name)
            fsync_dir(private)
        os.replace(source, target)
        moved.append(source.name)
        log.info("archived %s (no longer in the feed) to %s", source.name, target)
    if moved:
        fsync_dir(out)
    return moved
