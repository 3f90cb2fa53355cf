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

from briefcast.cache import remembered
from briefcast.config import ShowConfig
from briefcast.errors import BuildError
from briefcast.models import Episode, StoryRef
from briefcast.pubdate import require_date

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
        date=require_date(dt.date.fromisoformat(data["date"])).date(),
        title=data["title"],
        guid=data["guid"],
        pub_date=require_date(data["pub_date"]),
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
    """Every published episode whose record and audio agree; problems are returned, not raised.

    An episode whose record is damaged but whose audio is intact is recovered from the
    published feed, so a bad ``episode.json`` never makes an episode vanish from the feed.
    """
    episodes: list[Episode] = []
    problems: list[str] = []
    if not output_dir.is_dir():
        return episodes, problems
    for record in sorted(output_dir.glob(f"*/{RECORD_NAME}")):
        if record.parent.name.startswith("."):
            continue
        try:
            episode = episode_from_json(record.read_bytes())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            recovered = _recover_from_feed(output_dir, record.parent.name)
            if recovered is None:
                problems.append(f"{record}: unreadable episode record ({exc}), and the "
                                "published feed has no intact copy: it leaves the feed")
                continue
            problems.append(f"{record}: unreadable episode record ({exc}); recovered "
                            "from the published feed")
            episode = recovered
        audio = output_dir / episode.audio_file
        if not audio.is_file():
            problems.append(f"{record}: its audio {episode.audio_file} is missing: "
                            "it leaves the feed")
            continue
        if audio.stat().st_size != episode.size_bytes:
            problems.append(f"{record}: {episode.audio_file} is {audio.stat().st_size} bytes, "
                            f"record says {episode.size_bytes}: it leaves the feed")
            continue
        episodes.append(episode)
    on_disk = {e.date.isoformat() for e in episodes} | {
        r.parent.name for r in output_dir.glob(f"*/{RECORD_NAME}")}
    for folder in _feed_folders(output_dir) - on_disk:
        problems.append(f"the published feed lists the {folder} episode, but its folder "
                        f"{output_dir / folder} is gone: it leaves the feed")
    return episodes, problems


def _feed_folders(output_dir: Path) -> set[str]:
    """The episode folders the published feed names (by its enclosure URLs)."""
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.parse(str(output_dir / FEED_NAME), parser).getroot()
    except (OSError, etree.XMLSyntaxError):
        return set()
    folders = set()
    for enclosure in root.iter("enclosure"):
        parts = enclosure.get("url", "").split("/")
        if len(parts) >= 2:
            folders.add(parts[-2])
    return folders


def _recover_from_feed(output_dir: Path, folder: str) -> Episode | None:
    """Rebuild the record of ``folder``'s episode from its item in the published feed."""
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.parse(str(output_dir / FEED_NAME), parser).getroot()
    except (OSError, etree.XMLSyntaxError):
        return None
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    podcast = "{https://podcastindex.org/namespace/1.0}"
    for item in root.iter("item"):
        enclosure = item.find("enclosure")
        url = enclosure.get("url", "") if enclosure is not None else ""
        parts = url.split("/")
        if len(parts) < 2 or parts[-2] != folder:
            continue
        audio_rel = f"{folder}/{parts[-1]}"
        audio = output_dir / audio_rel
        try:
            size = int(enclosure.get("length", "-1"))
            if not audio.is_file() or audio.stat().st_size != size:
                return None
            companions = {t.get("type"): t.get("url", "") for t in
                          item.findall(f"{podcast}transcript")}
            chapters = item.find(f"{podcast}chapters")

            def rel(url: str | None) -> str | None:
                return f"{folder}/{url.rsplit('/', 1)[-1]}" if url else None

            return Episode(
                date=require_date(dt.date.fromisoformat(folder)).date(),
                title=item.findtext("title") or folder,
                guid=item.findtext("guid") or "",
                pub_date=require_date(item.findtext("pubDate")),
                audio_file=audio_rel,
                size_bytes=size,
                duration_s=int(item.findtext(f"{itunes}duration") or 0),
                description=item.findtext("description") or "",
                chapters_file=rel(chapters.get("url") if chapters is not None else None),
                transcript_vtt=rel(companions.get("text/vtt")),
                transcript_srt=rel(companions.get("application/x-subrip")),
            )
        except (ValueError, TypeError, OSError):
            return None
    return None


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


ARCHIVE_DIR = "archive"


def split_retention(episodes: list[Episode], keep: int) -> tuple[list[Episode], list[Episode]]:
    """The newest ``keep`` episodes stay in the feed; the rest go to the archive."""
    ordered = sorted(episodes, key=lambda e: e.recency, reverse=True)
    return ordered[:keep], ordered[keep:]


def commit(out: Path, in_feed: list[Episode], staged: tuple[Episode, Path] | None,
           art_staged: Path, art_name: str, feed: bytes, archived: list[Episode],
           extras: dict[str, bytes | None] | None = None) -> list[str]:
    """Publish a checked feed: episode folder and artwork first, the feed last.

    Audio the current feed names is linked into the new folder, so that feed stays valid
    until the new one replaces it. Only after the feed names its successors are old MP3s
    of the same date removed and episodes that left the feed moved to the archive.
    ``extras`` (pages, alexa.json: paths relative to ``out``) are written before the feed;
    an extra given as None is removed (it would name audio the feed no longer carries).
    Returns the archived dates.
    """
    if staged is not None:
        episode, staging = staged
        final = out / episode.date.isoformat()
        keep_old_audio(final, staging)
        install_dir(staging, final)
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
    return archive_episodes(out, archived)


def archived_episode(out: Path, date: dt.date) -> Episode | None:
    """The record of ``date``'s episode in the archive, if it was published and left the feed."""
    record = out / ARCHIVE_DIR / date.isoformat() / RECORD_NAME
    try:
        return episode_from_json(record.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def archive_episodes(out: Path, episodes: list[Episode]) -> list[str]:
    """Move episode folders that left the feed to ``archive/``; audio is never deleted."""
    moved: list[str] = []
    for episode in episodes:
        source = out / episode.date.isoformat()
        if not source.is_dir():
            continue
        target = out / ARCHIVE_DIR / source.name
        n = 1
        while target.exists():  # an older archived build of the same date stays too
            n += 1
            target = out / ARCHIVE_DIR / f"{source.name}-{n}"
        target.parent.mkdir(exist_ok=True)
        os.replace(source, target)
        moved.append(source.name)
        log.info("archived %s (no longer in the feed) to %s", source.name, target)
    if moved:
        fsync_dir(out)
    return moved
