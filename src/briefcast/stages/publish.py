"""Publish: episode records on disk, the show artwork, and the feed over all episodes.

Every episode folder holds an ``episode.json`` record; the feed is rebuilt from those
records each night, so it always lists exactly the episodes whose audio is on disk.
Files are written to a temporary name and renamed into place; the feed is written last.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import textwrap
import zoneinfo
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from briefcast.config import ShowConfig
from briefcast.errors import BuildError
from briefcast.models import Episode, StoryRef

log = logging.getLogger(__name__)

RECORD_NAME = "episode.json"
FEED_NAME = "feed.xml"
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
    finally:
        temp.unlink(missing_ok=True)


def publish_datetime(date: dt.date, config: ShowConfig) -> dt.datetime:
    """The episode's pubDate: the show's publish time on that date, in UTC (no clock read)."""
    hour, minute = (int(x) for x in config.publish_time.split(":"))
    local = dt.datetime(date.year, date.month, date.day, hour, minute,
                        tzinfo=zoneinfo.ZoneInfo(config.timezone))
    return local.astimezone(dt.timezone.utc)


def episode_to_json(episode: Episode) -> bytes:
    data = {
        "date": episode.date.isoformat(),
        "title": episode.title,
        "guid": episode.guid,
        "pub_date": episode.pub_date.isoformat(),
        "audio_file": episode.audio_file,
        "size_bytes": episode.size_bytes,
        "duration_s": episode.duration_s,
        "description": episode.description,
        "stories": [{"title": s.title, "source": s.source, "url": s.url} for s in episode.stories],
        "chapters_file": episode.chapters_file,
        "transcript_vtt": episode.transcript_vtt,
        "transcript_srt": episode.transcript_srt,
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def episode_from_json(raw: bytes) -> Episode:
    data = json.loads(raw)
    return Episode(
        date=dt.date.fromisoformat(data["date"]),
        title=data["title"],
        guid=data["guid"],
        pub_date=dt.datetime.fromisoformat(data["pub_date"]),
        audio_file=data["audio_file"],
        size_bytes=int(data["size_bytes"]),
        duration_s=int(data["duration_s"]),
        description=data.get("description", ""),
        stories=tuple(StoryRef(s["title"], s["source"], s.get("url"))
                      for s in data.get("stories", [])),
        chapters_file=data.get("chapters_file"),
        transcript_vtt=data.get("transcript_vtt"),
        transcript_srt=data.get("transcript_srt"),
    )


def load_episodes(output_dir: Path) -> tuple[list[Episode], list[str]]:
    """Every published episode whose record and audio agree; problems are returned, not raised."""
    episodes: list[Episode] = []
    problems: list[str] = []
    if not output_dir.is_dir():
        return episodes, problems
    for record in sorted(output_dir.glob(f"*/{RECORD_NAME}")):
        if record.parent.name.startswith("."):
            continue
        try:
            episode = episode_from_json(record.read_bytes())
        except (OSError, ValueError, KeyError) as exc:
            problems.append(f"{record}: unreadable episode record ({exc})")
            continue
        audio = output_dir / episode.audio_file
        if not audio.is_file():
            problems.append(f"{record}: its audio {episode.audio_file} is missing")
            continue
        if audio.stat().st_size != episode.size_bytes:
            problems.append(f"{record}: {episode.audio_file} is {audio.stat().st_size} bytes, "
                            f"record says {episode.size_bytes}")
            continue
        episodes.append(episode)
    return episodes, problems


def _art_color(title: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    return (30 + digest[0] % 60, 40 + digest[1] % 70, 80 + digest[2] % 90)


def render_cover(title: str) -> bytes:
    """A plain 3000x3000 RGB JPEG with the show title, for shows without artwork."""
    from io import BytesIO

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


def check_artwork(path: Path) -> None:
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
        return render_cover(config.title), ".jpg"
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
