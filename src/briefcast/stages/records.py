"""Episode records: what the feed is rebuilt from, kept out of the folder that is served.

Two folders per show. ``output.folder`` is served as it is (by ``briefcast serve`` or any
static host) and holds only what listeners fetch; ``output.private`` (by default
``<folder>-private`` beside it) holds what only the producer reads::

    episodes/                  public: feed.xml, index.html, alexa.json, artwork-<hash>.jpg
      <date>/                  the MP3, index.html, chapters.json, transcript.vtt and .srt
      archive/<date>/          episodes that left the feed, the same files
    episodes-private/          never copied to the web host
      <date>/                  episode.json (the record), script.md, report.json
      archive/<date>/          the records of archived episodes

Why: the record, the script and the report name the show's source files and the articles
that were skipped or held back, which are the newsroom's business, not the listener's.

Folders from before this layout (the three files inside the public episode folders) keep
working: a record is read from the public folder where the private one is missing, and the
next build moves the files across (``migrate``), the private copy written and synced
before the public one is removed, so no step of it can lose an episode.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path, PurePosixPath

from briefcast.models import Episode, StoryRef
from briefcast.pubdate import require_date
from briefcast.stages import publish
from briefcast.stages.publish import ARCHIVE_DIR, FEED_NAME, fsync_dir, write_atomic

log = logging.getLogger(__name__)

RECORD_NAME = "episode.json"
SCRIPT_NAME = "script.md"
REPORT_NAME = "report.json"
PRIVATE_NAMES = (RECORD_NAME, SCRIPT_NAME, REPORT_NAME)  # never in the served folder


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


def read_record(path: Path) -> Episode | None:
    try:
        return episode_from_json(path.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def audio_intact(out: Path, folder: str, episode: Episode | None) -> bool:
    """Whether ``episode``'s MP3 is in ``out/folder`` with the size its record says (the
    folder, not the record's path: an archived record still names ``<date>/…``)."""
    if episode is None:
        return False
    audio = out / folder / PurePosixPath(episode.audio_file).name
    try:
        return audio.stat().st_size == episode.size_bytes
    except OSError:
        return False


def record_path(out: Path, private: Path, folder: str) -> Path | None:
    """The record of the episode in ``folder`` (``<date>`` or ``archive/<date>``).

    The private one, or the public one of the old layout where there is no private one.
    Both exist only after a build was killed while moving them (the same bytes), or when a
    briefcast from before the move wrote the public one later: then the one whose audio is
    on disk wins, the private one if both are.
    """
    new, old = private / folder / RECORD_NAME, out / folder / RECORD_NAME
    if not old.is_file():
        return new if new.is_file() else None
    if not new.is_file():
        return old
    if not audio_intact(out, folder, read_record(new)) and \
            audio_intact(out, folder, read_record(old)):
        return old
    return new


def _folders(out: Path, private: Path, under: str = "") -> list[str]:
    """Episode folders (relative to the roots) that have a record, public or private."""
    names = {p.parent.name for root in (out, private)
             for p in (root / under).glob(f"*/{RECORD_NAME}")}
    return [f"{under}/{n}".lstrip("/") for n in sorted(names)
            if not n.startswith(".") and n != ARCHIVE_DIR]


def load_episodes(out: Path, private: Path) -> tuple[list[Episode], list[str]]:
    """Every published episode whose record and audio agree; problems are returned, not raised.

    An episode whose record is damaged or missing but whose audio is intact is recovered
    from the published feed, so a bad or lost ``episode.json`` never makes an episode
    vanish from the feed.
    """
    episodes: list[Episode] = []
    problems: list[str] = []
    if not out.is_dir():
        return episodes, problems
    folders = _folders(out, private)
    for folder in folders:
        record = record_path(out, private, folder)
        if record is None:
            continue
        try:
            episode = episode_from_json(record.read_bytes())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            recovered = _recover_from_feed(out, folder)
            if recovered is None:
                problems.append(f"{record}: unreadable episode record ({exc}), and the "
                                "published feed has no intact copy: it leaves the feed")
                continue
            problems.append(f"{record}: unreadable episode record ({exc}); recovered "
                            "from the published feed")
            episode = recovered
        audio = out / episode.audio_file
        if not (out / folder).is_dir():
            problems.append(f"the {folder} episode's folder {out / folder} is gone: it leaves "
                            f"the feed (its record {record} stays: delete it too if the "
                            "episode was taken down on purpose)")
            continue
        if not audio.is_file():
            problems.append(f"{record}: its audio {episode.audio_file} is missing: "
                            "it leaves the feed")
            continue
        if audio.stat().st_size != episode.size_bytes:
            problems.append(f"{record}: {episode.audio_file} is {audio.stat().st_size} bytes, "
                            f"record says {episode.size_bytes}: it leaves the feed")
            continue
        episodes.append(episode)
    for folder in sorted(_feed_folders(out) - set(folders)):
        recovered = _recover_from_feed(out, folder) if (out / folder).is_dir() else None
        if recovered is not None:  # its record is lost (say, a CI run without the private
            episodes.append(recovered)  # folder): the feed still has what it needs
            problems.append(f"the {folder} episode has no record in {private}; recovered "
                            "from the published feed")
            continue
        problems.append(f"the published feed lists the {folder} episode, but its folder "
                        f"{out / folder} is gone: it leaves the feed")
    return episodes, problems


def archived_episode(out: Path, private: Path, date: dt.date) -> Episode | None:
    """The record of ``date``'s episode in the archive, if it was published and left the feed."""
    record = record_path(out, private, f"{ARCHIVE_DIR}/{date.isoformat()}")
    return read_record(record) if record is not None else None


def migrate(out: Path, private: Path) -> list[str]:
    """Move the producer's files of an old-layout output folder to the private folder.

    Each file is written (and synced) privately before its public copy is removed; a build
    killed in between leaves both, and the next one finishes the move. Returns the episode
    folders that had files moved out.
    """
    moved: list[str] = []
    if not out.is_dir():
        return moved
    public = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")
              and p.name != ARCHIVE_DIR]
    if (out / ARCHIVE_DIR).is_dir():
        public += [p for p in (out / ARCHIVE_DIR).iterdir()
                   if p.is_dir() and not p.name.startswith(".")]
    for folder in sorted(public):
        found = [n for n in PRIVATE_NAMES if (folder / n).is_file()]
        if not found:
            continue
        rel = folder.relative_to(out).as_posix()
        take_public = record_path(out, private, rel) == folder / RECORD_NAME
        for name in found:
            target = private / rel / name
            if take_public or not target.exists():
                write_atomic(target, (folder / name).read_bytes())
            (folder / name).unlink()
        fsync_dir(folder)
        moved.append(rel)
    if moved:
        log.warning("moved episode.json, script.md and report.json of %d episode(s) out of "
                    "the served folder %s to %s", len(moved), out, private)
    return moved


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


def settle(out: Path, private: Path) -> list[str]:
    """Before a build reads the records (holding the lock): clear what killed builds left,
    finish the nights and archive moves they had committed to, and move an old layout's
    files out of the served folder. Returns what the producer should be told."""
    import shutil

    for root in (out, private):
        for leftover in root.glob(f"{publish.STAGING_PREFIX}*") if root.is_dir() else []:
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
    publish.finish_commits(out, private, lambda ready, date: audio_intact(
        out, date, read_record(ready / RECORD_NAME)))
    moved = migrate(out, private)
    publish.finish_archive(out, private)
    if not moved:
        return []
    return [f"moved {', '.join(PRIVATE_NAMES)} of {len(moved)} episode(s) out of the served "
            f"folder {out} into {private}, which is not to be published; a web host that "
            "got copies of them before still has them: delete them there (e.g. rsync --delete)"]
