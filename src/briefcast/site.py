"""The show's web pages: ``index.html`` at the output root and ``<date>/index.html`` per episode.

Pages are rendered from typed values (``ShowConfig``, ``Episode``, ``Chapter``, ``CueTiming``)
by Jinja2 templates with autoescaping on, so no title, description or transcript line can
inject markup. Rendering is pure: the functions return bytes and read no clock, so the same
inputs give byte-identical pages; the build decides where and when to write them.

Every link is relative (``feed.xml``, ``2026-11-24/index.html``, ``../artwork-….jpg``), so the
site works from ``briefcast serve``, from any static host under ``base_url`` and from disk.
The basics need no JavaScript: the player is a plain ``<audio>``, a chapter link points at the
MP3 with a media fragment (``episode.mp3#t=93.2``). The small inline script upgrades those
links to seek the player on the page instead. CSS and script are inline: no other files.

Chapters and transcripts come from our own files when an episode is re-rendered from disk:
``chapters.json`` (Podcasting 2.0 chapters, v1.2) and ``transcript.vtt`` (WebVTT with
``<v Speaker>`` spans, as ``briefcast.transcript.to_vtt`` writes it); both are parsed leniently.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import logging
import math
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from briefcast.cache import remembered
from briefcast.config import ShowConfig
from briefcast.english import MONTHS as _MONTHS
from briefcast.models import Chapter, CueTiming, Episode

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger(__name__)

INDEX_NAME = "index.html"


@dataclass(frozen=True)
class EpisodeDetail:
    """An episode with what its page shows beyond the record: chapters and timed speech."""

    episode: Episode
    chapters: tuple[Chapter, ...] = ()
    timings: tuple[CueTiming, ...] = ()


# --- reading our own chapter and transcript files ------------------------------------------

def parse_chapters(raw: bytes | str) -> tuple[Chapter, ...]:
    """Chapters from a Podcasting 2.0 ``chapters.json``, sorted by start.

    Entries without a usable ``startTime`` are skipped, as are ``"toc": false`` entries (the
    spec's "not for the table of contents"); a missing title becomes "Chapter N". Raises
    ValueError only when the file is not a JSON object with a ``chapters`` list.
    """
    data = json.loads(raw)
    if not isinstance(data, dict) or not isinstance(data.get("chapters"), list):
        raise ValueError("not a chapters document: no 'chapters' list")
    found: list[Chapter] = []
    for entry in data["chapters"]:
        if not isinstance(entry, dict) or entry.get("toc") is False:
            continue
        start = entry.get("startTime")
        if isinstance(start, bool) or not isinstance(start, (int, float)):
            continue
        if not math.isfinite(start) or start < 0:
            continue
        title = entry.get("title")
        if not isinstance(title, str) or not title.strip():
            title = f"Chapter {len(found) + 1}"
        found.append(Chapter(" ".join(title.split()), float(start)))
    return tuple(sorted(found, key=lambda c: c.start_s))


_TIMING = re.compile(r"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+"
                     r"((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    value = 0.0
    for part in parts:
        value = value * 60 + float(part)
    return value


def parse_vtt(text: str) -> tuple[CueTiming, ...]:
    """Timed cues from a WebVTT file; the speaker comes from a ``<v Name>`` span.

    Tolerates a BOM, CRLF line ends, cue identifiers or none, cue settings, NOTE/STYLE/REGION
    blocks, ``mm:ss.ttt`` stamps, other inline tags and HTML character references. Blocks
    without a timing line are skipped; a file without the ``WEBVTT`` header gives no cues.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not lines[0].startswith("WEBVTT"):
        return ()
    blocks: list[list[str]] = [[]]
    for line in lines[1:]:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    cues: list[CueTiming] = []
    for block in blocks:
        at = next((i for i, line in enumerate(block) if "-->" in line), None)
        if at is None or at > 1:  # NOTE, STYLE, REGION, or junk
            continue
        match = _TIMING.match(block[at])
        if not match:
            continue
        payload = " ".join(block[at + 1:])
        voice = _VOICE.search(payload)
        speaker = html.unescape(voice.group(1)).strip() if voice else ""
        spoken = html.unescape(_TAG.sub("", payload))
        spoken = " ".join(spoken.split())
        if spoken:
            cues.append(CueTiming(spoken, speaker, _seconds(match.group(1)),
                                  _seconds(match.group(2))))
    return tuple(cues)


def read_detail(episode: Episode, folder: Path) -> EpisodeDetail:
    """The episode with the chapters and transcript found in ``folder`` (its episode folder,
    published or still staged). A missing or unreadable file leaves that part empty."""
    chapters: tuple[Chapter, ...] = ()
    timings: tuple[CueTiming, ...] = ()
    if episode.chapters_file:
        path = folder / Path(episode.chapters_file).name
        try:
            chapters = parse_chapters(path.read_bytes())
        except (OSError, ValueError) as exc:
            log.warning("%s: chapters left off the page (%s)", path, exc)
    if episode.transcript_vtt:
        path = folder / Path(episode.transcript_vtt).name
        try:
            timings = parse_vtt(path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            log.warning("%s: transcript left off the page (%s)", path, exc)
    return EpisodeDetail(episode, chapters, timings)


# --- formatting helpers (used by the templates) ---------------------------------------------

def clock(seconds: float) -> str:
    """``4:05`` or ``1:02:03``: a time as a listener reads it."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def long_date(date: dt.date) -> str:
    """``24 November 2026``, the same whatever the machine's locale."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _seconds_attr(seconds: float) -> str:
    """A start time for ``#t=`` and ``data-start``: up to milliseconds, no trailing zeros."""
    return f"{seconds:.3f}".rstrip("0").rstrip(".")


def _href(rel_path: str, page_dir: str) -> str:
    """The relative URL of ``rel_path`` (under the output root) from a page in ``page_dir``."""
    return quote(posixpath.relpath(rel_path, page_dir or "."), safe="/")


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links reach a page: ``javascript:`` and friends are dropped."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


# --- view models ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Turn:
    """Consecutive transcript cues by one speaker, with the chapter that starts there."""

    speaker: str
    start_s: float
    cues: tuple[CueTiming, ...]
    chapter: str | None


def _turns(timings: Sequence[CueTiming], chapters: Sequence[Chapter]) -> list[_Turn]:
    turns: list[_Turn] = []
    pending = list(chapters)
    current: list[CueTiming] = []
    heading: str | None = None

    def flush() -> None:
        nonlocal current, heading
        if current:
            turns.append(_Turn(current[0].speaker, current[0].start_s, tuple(current), heading))
        current, heading = [], None

    for cue in timings:
        starts_chapter = None
        while pending and pending[0].start_s <= cue.start_s + 0.05:
            starts_chapter = pending.pop(0).title
        if starts_chapter is not None or (current and cue.speaker != current[0].speaker):
            flush()
        if starts_chapter is not None:
            heading = starts_chapter
        current.append(cue)
    flush()
    return turns


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]»]*$")


def _paragraphs(cues: Sequence[CueTiming]) -> list[str]:
    """The turn's text as sentences: a caption that stops mid-sentence (captions are cut
    to a line's length) is joined to the next."""
    paragraphs: list[str] = []
    open_sentence = False
    for cue in cues:
        if open_sentence:
            paragraphs[-1] += " " + cue.text
        else:
            paragraphs.append(cue.text)
        open_sentence = not _SENTENCE_END.search(cue.text)
    return paragraphs


def _episode_view(detail: EpisodeDetail, page_dir: str) -> dict[str, object]:
    """Everything a template needs about one episode, with URLs relative to the page."""
    episode = detail.episode
    audio = _href(episode.audio_file, page_dir)
    folder = episode.date.isoformat()
    return {
        "episode": episode,
        "date_iso": folder,
        "date_text": long_date(episode.date),
        "duration": clock(episode.duration_s),
        "audio_url": audio,
        "page_url": _href(f"{folder}/{INDEX_NAME}", page_dir),
        "chapters": [{"title": c.title, "start": _seconds_attr(c.start_s),
                      "clock": clock(c.start_s), "href": f"{audio}#t={_seconds_attr(c.start_s)}"}
                     for c in detail.chapters],
        "turns": [{"speaker": t.speaker, "chapter": t.chapter, "clock": clock(t.start_s),
                   "start": _seconds_attr(t.start_s),
                   "href": f"{audio}#t={_seconds_attr(t.start_s)}",
                   "paragraphs": _paragraphs(t.cues)}
                  for t in _turns(detail.timings, detail.chapters)],
        "stories": [{"title": s.title, "url": _safe_url(s.url)} for s in episode.stories],
        "vtt_url": _href(episode.transcript_vtt, page_dir) if episode.transcript_vtt else None,
        "srt_url": _href(episode.transcript_srt, page_dir) if episode.transcript_srt else None,
        "chapters_url": _href(episode.chapters_file, page_dir) if episode.chapters_file else None,
    }


def _show_view(config: ShowConfig, art_name: str, page_dir: str) -> dict[str, object]:
    feed = config.feed_url
    return {
        "config": config,
        "art_url": _href(art_name, page_dir),
        "art_abs": config.base_url + quote(art_name),
        "feed_href": _href("feed.xml", page_dir),
        "feed_url": feed,
        "podcast_url": "podcast://" + feed.split("://", 1)[1],
        "home_href": _href(INDEX_NAME, page_dir),
        "website": _safe_url(config.website),
    }


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2  # slow to import: a warm rebuild takes its pages from the cache

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefcast", "templates"),
        autoescape=True,  # every template, whatever its name: nothing reaches a page raw
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def _render(template: str, **context: object) -> bytes:
    return _environment().get_template(template).render(**context).encode("utf-8")


def _newest_first(details: Iterable[EpisodeDetail]) -> list[EpisodeDetail]:
    return sorted(details, key=lambda d: d.episode.recency, reverse=True)


# --- the pages ------------------------------------------------------------------------------

def render_index(config: ShowConfig, episodes: Sequence[Episode | EpisodeDetail],
                 art_name: str) -> bytes:
    """``<output>/index.html``: artwork, description, subscribe links, every episode newest
    first with its player and (when given as ``EpisodeDetail``) its chapter list."""
    details = [e if isinstance(e, EpisodeDetail) else EpisodeDetail(e) for e in episodes]
    return _render("index.html", **_show_view(config, art_name, ""),
                   episodes=[_episode_view(d, "") for d in _newest_first(details)])


def render_episode_page(config: ShowConfig, episode: Episode,
                        chapters: Sequence[Chapter], timings: Sequence[CueTiming],
                        art_name: str) -> bytes:
    """``<output>/<date>/index.html``: the player, chapters, stories and full transcript."""
    detail = EpisodeDetail(episode, tuple(chapters), tuple(timings))
    page_dir = episode.date.isoformat()
    return _render("episode.html", **_show_view(config, art_name, page_dir),
                   item=_episode_view(detail, page_dir))


def render_site(config: ShowConfig, details: Sequence[EpisodeDetail],
                art_name: str) -> dict[str, bytes]:
    """Every page of the site, keyed by its path relative to the output root.

    Rendering is pure, so the pages are kept in the cache under all of its inputs (and the
    code, templates and Jinja2 version): a warm rebuild then does without Jinja2.
    """
    def render() -> bytes:
        pages = {INDEX_NAME: render_index(config, details, art_name)}
        for d in details:
            path = f"{d.episode.date.isoformat()}/{INDEX_NAME}"
            if path in pages:
                raise ValueError(f"two episodes would write {path}")
            pages[path] = render_episode_page(config, d.episode, d.chapters, d.timings,
                                              art_name)
        return json.dumps({k: v.decode("utf-8") for k, v in pages.items()}).encode("utf-8")

    rendered = remembered(config.cache_dir, "pages", (repr(config), repr(list(details)),
                                                      art_name), render)
    return {k: v.encode("utf-8") for k, v in json.loads(rendered).items()}

