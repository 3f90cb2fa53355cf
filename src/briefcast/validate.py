"""The feed validation gate: check a rendered feed against the files it points at.

A feed that podcast apps reject (or, worse, accept with a wrong length or a dead URL) is
the one output a listener notices. The build runs this gate on the new feed before the
old one is replaced, and ``briefcast check`` runs it on a published folder. Every problem
is collected and returned, never raised, so one run lists everything that needs fixing.

The rules follow Apple's podcast RSS guide as summarised in shared/PODCAST-FACTS.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from briefcast.cache import Cache, code_version, content_key
from briefcast.categories import category_problem
from briefcast.pubdate import read_date
from briefcast.stages.publish import FEED_NAME

log = logging.getLogger(__name__)

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST = "https://podcastindex.org/namespace/1.0"
NS = {"itunes": ITUNES, "atom": ATOM, "podcast": PODCAST}
# Podcasting 2.0 transcript types; apps match these strings exactly.
TRANSCRIPT_TYPES = ("text/vtt", "application/x-subrip", "application/srt", "text/html",
                    "application/json", "text/plain")
MAX_DESCRIPTION_BYTES = 4000
ART_MIN_PX, ART_MAX_PX = 1400, 3000
DURATION_TOLERANCE_S = 1.0
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_RFC2822 = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} "
                      r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|UTC)$")
# lxml must not fetch DTDs or expand entities from a feed it is only checking.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


Fact = tuple[Any, str | None]  # what a file holds, or None and why it cannot be read


class _Files:
    """Maps URLs under the show's base_url to local files.

    ``overlay`` names top-level entries of the output folder that live elsewhere for now:
    during a build the new episode folder and artwork are still in staging when the gate
    runs, because the gate must pass before anything is put in place.
    """

    def __init__(self, output_dir: Path, base_url: str,
                 overlay: Mapping[str, Path] | None, cache_dir: Path | None = None) -> None:
        self.output_dir = output_dir
        self.base_url = base_url
        self.overlay = dict(overlay or {})
        self.cache = Cache(cache_dir) if cache_dir is not None else None

    def read(self, path: Path, what: str, reader: Callable[[Path], Fact]) -> Fact:
        """``reader(path)``: what a file holds (an MP3's duration, an image's size), kept in
        the cache when there is one, so a warm rebuild need not load Pillow and mutagen.

        The key is what identifies the file's bytes: their hash for a file still in
        staging (the overlay: written moments ago, so its inode is new on every build),
        else its path, size, mtime, inode and ctime (builds replace published files,
        never edit them). Only an answer without a problem is kept.
        """
        if self.cache is None:
            return reader(path)
        try:
            if any(path == p or path.is_relative_to(p) for p in self.overlay.values()):
                ident: Any = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                st = path.stat()
                ident = [str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ino,
                         st.st_ctime_ns]
        except OSError:
            return reader(path)
        key = content_key("file-facts", what, code_version(), ident)
        try:
            value, problem = json.loads(self.cache.get_blob("file-facts", key) or b"")
            return value, problem
        except (ValueError, TypeError):
            pass  # not there yet, or damaged: read the file
        value, problem = reader(path)
        if problem is None:
            self.cache.put_blob("file-facts", key, json.dumps([value, None]).encode())
        return value, problem

    def local(self, url: str) -> tuple[Path | None, str | None]:
        """The file behind ``url``, or why there cannot be one."""
        if not url.startswith(self.base_url):
            return None, f"is not under the show's base_url {self.base_url}"
        parts = unquote(url[len(self.base_url):]).split("/")
        if not parts or any(p in ("", ".", "..") for p in parts):
            return None, "does not name a file under the output folder"
        head = self.overlay.get(parts[0])
        path = head.joinpath(*parts[1:]) if head else self.output_dir.joinpath(*parts)
        return path, None


def _absolute_url_problem(url: str | None) -> str | None:
    if not url:
        return "is missing"
    if not url.isascii() or any(c.isspace() for c in url):
        return f"must be ASCII without spaces (is {url!r})"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"must be an absolute http(s) URL (is {url!r})"
    return None


def _text(parent: etree._Element, path: str) -> str:
    return (parent.findtext(path, namespaces=NS) or "").strip()


def validate_feed(feed_xml: bytes, output_dir: Path, base_url: str,
                  overlay: Mapping[str, Path] | None = None,
                  cache_dir: Path | None = None) -> list[str]:
    """Every problem with ``feed_xml`` and the files it names; an empty list means valid.

    ``output_dir`` is the folder served at ``base_url``; ``overlay`` maps top-level names
    in it to other paths (files not yet installed, see :class:`_Files`); ``cache_dir``
    keeps what was read from files that have not changed (see :meth:`_Files.read`).
    """
    try:
        root = etree.fromstring(feed_xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        return [f"feed is not well-formed XML: {exc}"]
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        return [f"feed root must be <rss> with a <channel> (is <{root.tag}>)"]
    files = _Files(output_dir, base_url, overlay, cache_dir)
    problems = _channel_problems(channel, files)
    problems += _items_problems(channel.findall("item"), files)
    problems += _build_date_problems(channel)
    for problem in problems:
        log.debug("feed problem: %s", problem)
    return problems


def validate_output(output_dir: Path, base_url: str) -> list[str]:
    """Validate the published ``feed.xml`` in ``output_dir`` (what ``briefcast check`` runs)."""
    feed = output_dir / FEED_NAME
    try:
        data = feed.read_bytes()
    except FileNotFoundError:
        return [f"{feed} does not exist (nothing has been published here)"]
    except OSError as exc:
        return [f"{feed} cannot be read: {exc}"]
    return validate_feed(data, output_dir, base_url)


# --- channel ------------------------------------------------------------------------------

def _channel_problems(channel: etree._Element, files: _Files) -> list[str]:
    problems: list[str] = []
    for tag in ("title", "link", "language", "itunes:author"):
        if not _text(channel, tag):
            problems.append(f"channel <{tag}> is missing or empty")
    description = _text(channel, "description")
    if not description:
        problems.append("channel <description> is missing or empty")
    elif len(description.encode("utf-8")) > MAX_DESCRIPTION_BYTES:
        problems.append(f"channel <description> is {len(description.encode('utf-8'))} bytes "
                        f"(Apple allows {MAX_DESCRIPTION_BYTES})")
    link = _text(channel, "link")
    if link and (problem := _absolute_url_problem(link)):
        problems.append(f"channel <link> {problem}")

    problems += _self_link_problems(channel, files.base_url)
    problems += _artwork_problems(channel, files)
    problems += _category_problems(channel)

    explicit = _text(channel, "itunes:explicit")
    if explicit not in ("true", "false"):
        problems.append(f"channel <itunes:explicit> must be true or false (is {explicit!r})")
    email = _text(channel, "itunes:owner/itunes:email")
    if channel.find("itunes:owner", NS) is None:
        problems.append("channel <itunes:owner> is missing")
    elif not _EMAIL.match(email):
        problems.append(f"channel <itunes:owner> needs an <itunes:email> (is {email!r})")
    kind = _text(channel, "itunes:type")
    if kind not in ("episodic", "serial"):
        problems.append(f"channel <itunes:type> must be episodic or serial (is {kind!r})")
    problems += [f"channel {p}" for p in _ai_content_problems(channel)]
    return problems


def _ai_content_problems(parent: etree._Element) -> list[str]:
    """``podcast:txt purpose="ai-content"`` is a boolean, like ``itunes:explicit``."""
    problems = []
    for tag in parent.findall("podcast:txt", NS):
        value = (tag.text or "").strip()
        if tag.get("purpose") == "ai-content" and value not in ("true", "false"):
            problems.append(f'<podcast:txt purpose="ai-content"> must be true or false '
                            f"(is {value[:40]!r})")
    return problems


def _self_link_problems(channel: etree._Element, base_url: str) -> list[str]:
    selfs = [el for el in channel.findall("atom:link", NS) if el.get("rel") == "self"]
    if len(selfs) != 1:
        return [f"channel needs exactly one <atom:link rel=\"self\"> (has {len(selfs)})"]
    href = selfs[0].get("href")
    if problem := _absolute_url_problem(href):
        return [f"channel <atom:link rel=\"self\"> href {problem}"]
    if href != base_url + FEED_NAME:
        return [f"channel <atom:link rel=\"self\"> is {href}, expected {base_url + FEED_NAME}"]
    return []


def _artwork_problems(channel: etree._Element, files: _Files) -> list[str]:
    image = channel.find("itunes:image", NS)
    href = image.get("href") if image is not None else None
    if problem := _absolute_url_problem(href):
        return [f"channel <itunes:image> href {problem}"]
    assert href is not None
    if not urlsplit(href).path.lower().endswith((".jpg", ".png")):
        return [f"channel <itunes:image> {href} must end in .jpg or .png"]
    path, problem = files.local(href)
    if path is None:
        return [f"channel <itunes:image> {href} {problem}"]
    if not path.is_file():
        return [f"channel <itunes:image> {href}: file {path} does not exist"]
    facts, problem = files.read(path, "image", _image_facts)
    if problem is not None:
        return [f"channel <itunes:image> {path} is not a readable image: {problem}"]
    width, height, mode, fmt = facts
    problems = []
    if width != height or not ART_MIN_PX <= width <= ART_MAX_PX:
        problems.append(f"must be square, {ART_MIN_PX}-{ART_MAX_PX} px (is {width}x{height})")
    if mode != "RGB":
        problems.append(f"must be RGB (is {mode})")
    if fmt not in ("JPEG", "PNG"):
        problems.append(f"must be JPEG or PNG (is {fmt})")
    elif {".jpg": "JPEG", ".png": "PNG"}[Path(urlsplit(href).path).suffix.lower()] != fmt:
        problems.append(f"is {fmt} but named {Path(href).suffix} (served with the wrong type)")
    return [f"channel artwork {path.name} {p}" for p in problems]


def _image_facts(path: Path) -> Fact:
    """[width, height, mode, format] of an image file, or why it cannot be opened."""
    from PIL import Image

    try:
        with Image.open(path) as img:
            return [img.size[0], img.size[1], img.mode, img.format], None
    except OSError as exc:
        return None, str(exc)


def _category_problems(channel: etree._Element) -> list[str]:
    categories = channel.findall("itunes:category", NS)
    if not categories:
        return ["channel <itunes:category> is missing"]
    problems = []
    for cat in categories:
        subs = [s.get("text") or "" for s in cat.findall("itunes:category", NS)] or [None]
        for sub in subs:
            if problem := category_problem(cat.get("text") or "", sub):
                problems.append(f"channel <itunes:category>: {problem}")
    return problems


# --- items --------------------------------------------------------------------------------

def _items_problems(items: list[etree._Element], files: _Files) -> list[str]:
    problems: list[str] = []
    seen_guids: dict[str, int] = {}
    seen_urls: dict[str, int] = {}
    previous: dt.datetime | None = None
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        title = _text(item, "title")
        if title:
            where += f" ({title[:50]!r})"
        else:
            problems.append(f"{where}: <title> is missing or empty")
        guid = _text(item, "guid")
        if not guid:
            problems.append(f"{where}: <guid> is missing or empty")
        elif guid in seen_guids:
            problems.append(f"{where}: <guid> {guid} repeats item {seen_guids[guid]}'s")
        else:
            seen_guids[guid] = number
        published, problem = _pub_date(_text(item, "pubDate"))
        if problem:
            problems.append(f"{where}: <pubDate> {problem}")
        elif published is not None:
            if previous is not None and published > previous:
                problems.append(f"{where}: is newer than the item before it "
                                "(items must be newest first)")
            previous = published
        enclosures = item.findall("enclosure")
        if len(enclosures) != 1:
            problems.append(f"{where}: needs exactly one <enclosure> (has {len(enclosures)})")
            continue
        url = enclosures[0].get("url") or ""
        if url in seen_urls:
            problems.append(f"{where}: enclosure URL repeats item {seen_urls[url]}'s")
        seen_urls.setdefault(url, number)
        problems += [f"{where}: {p}" for p in _enclosure_problems(item, enclosures[0], files)]
        problems += [f"{where}: {p}" for p in _companion_problems(item, files)]
        problems += [f"{where}: {p}" for p in _ai_content_problems(item)]
    return problems


def _build_date_problems(channel: etree._Element) -> list[str]:
    """Nothing in the feed is dated after its ``lastBuildDate``, the last change of its
    content (an episode's publish time, see ``briefcast.feed``)."""
    value = _text(channel, "lastBuildDate")
    if not value:
        return []
    built, problem = _pub_date(value)
    if built is None:
        return [f"channel <lastBuildDate> {problem}"]
    dated = [("channel <pubDate>", _text(channel, "pubDate"))]
    dated += [(f"item {n} <pubDate>", _text(item, "pubDate"))
              for n, item in enumerate(channel.findall("item"), start=1)]
    problems = []
    for where, text in dated:
        when, _ = _pub_date(text)  # a bad date is reported where it stands
        if when is not None and when > built:
            problems.append(f"{where} {text} is later than the channel's <lastBuildDate> "
                            f"{value}")
    return problems


def _companion_problems(item: etree._Element, files: _Files) -> list[str]:
    """``podcast:transcript`` and ``podcast:chapters`` must name files that exist."""
    problems = []
    tags: list[tuple[str, etree._Element, tuple[str, ...]]] = [("transcript", el, TRANSCRIPT_TYPES) for el in item.findall("podcast:transcript", NS)]
    tags += [("chapters", el, ("application/json+chapters",))
             for el in item.findall("podcast:chapters", NS)]
    for name, el, types in tags:
        url, kind = el.get("url"), el.get("type")
        if kind not in types:
            problems.append(f"<podcast:{name}> type must be one of {', '.join(types)} "
                            f"(is {kind!r})")
        if problem := _absolute_url_problem(url):
            problems.append(f"<podcast:{name}> url {problem}")
            continue
        assert url is not None
        path, problem = files.local(url)
        if path is None:
            problems.append(f"<podcast:{name}> {url} {problem}")
        elif not path.is_file():
            problems.append(f"<podcast:{name}> {url}: file {path} does not exist")
    return problems


def _pub_date(value: str) -> tuple[dt.datetime | None, str | None]:
    if not value:
        return None, "is missing"
    if not _RFC2822.match(value):
        return None, f"is not an RFC 2822 date (is {value!r})"
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None, f"is not an RFC 2822 date (is {value!r})"
    if parsed.tzinfo is None:
        return None, f"has no time zone (is {value!r})"
    if problem := read_date(value, dt.UTC).problem:
        return None, f"is not a plausible date: {problem} (is {value!r})"
    return parsed, None


def _enclosure_problems(item: etree._Element, enclosure: etree._Element,
                        files: _Files) -> list[str]:
    url = enclosure.get("url")
    if problem := _absolute_url_problem(url):
        return [f"enclosure url {problem}"]
    assert url is not None
    problems = []
    if enclosure.get("type") != "audio/mpeg":
        problems.append(f"enclosure type must be audio/mpeg (is {enclosure.get('type')!r})")
    path, problem = files.local(url)
    if path is None:
        return problems + [f"enclosure {url} {problem}"]
    if not path.is_file():
        return problems + [f"enclosure {url}: file {path} does not exist"]
    size = path.stat().st_size
    length = enclosure.get("length") or ""
    if not length.isdigit() or int(length) != size:
        problems.append(f"enclosure length is {length!r} but {path.name} is {size} bytes")
    duration = _text(item, "itunes:duration")
    if not duration.isdigit():
        problems.append(f"<itunes:duration> must be whole seconds (is {duration!r})")
        return problems
    real, problem = files.read(path, "duration", _audio_duration)
    if problem:
        problems.append(problem)
    elif real is not None and abs(int(duration) - real) > DURATION_TOLERANCE_S:
        problems.append(f"<itunes:duration> is {duration} s but {path.name} plays "
                        f"{real:.1f} s")
    return problems


def _audio_duration(path: Path) -> tuple[float | None, str | None]:
    """Real duration: mutagen reads the MP3 header (fast); ffprobe is the fallback."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    try:
        info = MP3(path).info
        if info is not None:
            return float(info.length), None
    except MutagenError as exc:
        log.debug("mutagen cannot read %s (%s); trying ffprobe", path, exc)
    from briefcast.audio import probe
    from briefcast.errors import AudioError

    try:
        return probe(path).duration_s, None
    except AudioError as exc:
        return None, f"{path.name} cannot be read as audio: {exc}"
