"""Ingest: gather tonight's articles from a show's sources into ``Article`` values.

Sources (configured in ``[sources]``, any mix): a folder of ``.txt`` (scraped shape: first
line is the title), ``.md`` and ``.html`` files, and RSS/Atom feeds by URL or file path (see
``backends/feed_source.py``). ``.txt`` and ``.md`` files may open with front matter
(``date``, ``url``, ``author``, ``lang``; ``.md`` also ``title``).

Then two decisions, each reported per article so a producer can see why a story is missing:

- **Edition window.** An article with a known publication date is kept only if it was
  published in the 24 hours before the edition's publish time, in the show's time zone
  (see ``EditionWindow``; a bare date counts as local noon). Dates are read by
  ``briefcast.pubdate``: one that is not plausible (a CMS's "0001-01-01", "+99:00", "N/A")
  leaves the article undated, with a note saying which date was ignored and why.
  This depends only on the date and the config, never on when the build runs, so a rerun
  picks the same stories. Articles without a date are kept: dropping a file in the folder
  is the producer's choice.
- **Duplicates.** The same story from two sources appears once: same canonical URL, or
  near-identical text (Jaccard similarity of 5-word shingles >= 0.8). The first one seen
  wins (folder before feeds, feeds in config order).

Bad input never ends the night: empty, binary or oversized files, hostile feeds and
unreachable URLs come back as ``Skipped`` with a reason the producer can act on.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zoneinfo
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefcast.backends.feed_source import load_feed
from briefcast.backends.fetch import MAX_BYTES as PAGE_MAX_BYTES, Fetcher, UrlFetcher
from briefcast.backends.html_source import (
    as_lines,
    decode_text,
    html_to_article,
    normalize_language,
)
from briefcast.config import ShowConfig
from briefcast.models import Article, Skipped
from briefcast.pubdate import checked, first_date, read_date
from briefcast.selection import split_list

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
MAX_BYTES = 2_000_000  # a news article is a few KB; anything this big is not one
MAX_HTML_BYTES = PAGE_MAX_BYTES  # a saved page carries scripts and inline data, like a fetched one
DUPLICATE_SIMILARITY = 0.8
SHINGLE_WORDS = 5
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$", re.IGNORECASE)


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


# --- folder files -------------------------------------------------------------------------

def read_article(path: Path, tz: dt.tzinfo = dt.UTC) -> Article | Skipped:
    """Read one article file of any supported kind; ``tz`` applies to dates without offset."""
    source = str(path)
    try:
        size = path.stat().st_size
        cap = MAX_HTML_BYTES if path.suffix.lower() in HTML_SUFFIXES else MAX_BYTES
        if size > cap:
            return Skipped(source, f"file is {size:,} bytes, over the {cap:,}-byte cap")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(source, f"cannot read file: {exc.strerror or exc}")
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return html_to_article(data, source, tz=tz)
    decoded = decode_text(data)
    if isinstance(decoded, str):
        return Skipped(source, decoded)
    encoding = decoded.encoding if decoded.encoding != "utf-8" else None
    if encoding:
        log.info("%s decoded as %s", path.name, encoding)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(text, source, tz=tz, encoding=encoding)
    # A newsroom's export may say when and where a story was published above it; the
    # scraped text below keeps its shape (the title is its first line).
    meta, text = _front_matter(text, strict=True)
    lines = [line.rstrip().replace("\u00a0", " ") for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Skipped(source, "file has no text")
    title = " ".join(lines[first].split())
    return Article(source=source, title=title, lines=tuple(lines[first + 1:]),
                   encoding=encoding, scraped=True, **_meta_fields(meta, source, tz))


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images say nothing aloud
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<!\w)([*_])(.+?)\1(?!\w)"), r"\2"),
    (re.compile(r"`([^`]*)`"), r"\1"),
]


FRONT_MATTER_KEYS = frozenset({"title", "date", "published", "url", "canonical", "author",
                               "lang", "language", "section", "tags", "categories"})


def _front_matter(text: str, strict: bool = False) -> tuple[dict[str, str], str]:
    """Split ``---``-fenced ``key: value`` front matter from the body (no YAML needed).

    ``strict`` (plain text, where a page dump may open with a rule of dashes): only a block
    of known ``key: value`` lines counts; anything else is all body text.
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            meta: dict[str, str] = {}
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                if sep and key.strip():
                    meta[key.strip().lower()] = value.strip().strip("'\"")
                elif strict and line.strip():
                    return {}, text
            if strict and not set(meta) <= FRONT_MATTER_KEYS:
                return {}, text
            return meta, "\n".join(lines[end + 1:])
    if not strict:
        log.warning("front matter is not closed with '---'; read as body text")
    return {}, text


def _plain(line: str) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def read_markdown(text: str, source: str, *, tz: dt.tzinfo = dt.UTC,
                  encoding: str | None = None) -> Article | Skipped:
    """A Markdown article: front matter (title, date, author, url, lang, section, tags,
    categories) and paragraphs."""
    meta, body = _front_matter(text)
    paragraphs: list[str] = []
    current: list[str] = []
    heading: str | None = None
    in_code = False

    def flush() -> None:
        if current:
            paragraphs.append(_plain(" ".join(current)))
            current.clear()

    for raw in body.split("\n"):
        line = raw.rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            flush()
            continue
        if in_code or _RULE.match(line):
            flush()
            continue
        if not line.strip():
            flush()
            continue
        if match := _HEADING.match(line):
            flush()
            if heading is None and not paragraphs:
                heading = _plain(match.group(2))  # the first heading names the story
            else:
                paragraphs.append(_plain(match.group(2)))
            continue
        if _LIST_ITEM.match(line):
            flush()
            current.append(_LIST_ITEM.sub("", line, count=1))
            continue
        current.append(re.sub(r"^\s*>\s?", "", line))
    flush()
    paragraphs = [p for p in paragraphs if p]
    title = " ".join((meta.get("title") or heading or "").split())
    if not title and paragraphs:
        title = paragraphs.pop(0)
    elif heading and heading != title:
        paragraphs.insert(0, heading)
    if not title:
        return Skipped(source, "file has no text")
    return Article(source=source, title=title, lines=as_lines(paragraphs), encoding=encoding,
                   **_meta_fields(meta, source, tz))


def _meta_fields(meta: dict[str, str], source: str, tz: dt.tzinfo) -> dict[str, Any]:
    """An article's fields from its front matter: date (or published), url (or canonical),
    author, lang (or language), section, tags and categories (``[a, b]`` or ``a, b``). A date that is not plausible leaves it undated, with why."""
    published = first_date(read_date(meta.get(key), tz) for key in ("date", "published"))
    if published.note:
        log.info("%s: front matter %s; treated as undated", source, published.note)
    url = meta.get("url") or meta.get("canonical") or None
    if url and urlsplit(url).scheme not in ("http", "https"):
        url = None
    return {"url": url, "published": published.when, "author": meta.get("author") or None,
            "language": normalize_language(meta.get("lang") or meta.get("language")),
            "date_note": published.note, "section": meta.get("section") or None,
            "tags": split_list(meta.get("tags") or ""),
            "categories": split_list(meta.get("categories") or "")}


def ingest_folder(folder: Path, tz: dt.tzinfo = dt.UTC) -> IngestResult:
    """Read every article file in ``folder`` (sorted by name: the newsroom's running order)."""
    if not folder.is_dir():
        return IngestResult((), (Skipped(str(folder), "source folder does not exist"),))
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            skipped.append(Skipped(str(path), f"not an article file ({', '.join(ARTICLE_SUFFIXES)})"))
            continue
        result = read_article(path, tz)
        if isinstance(result, Skipped):
            log.warning("skipped %s: %s", path.name, result.reason)
            skipped.append(result)
        else:
            articles.append(result)
    return IngestResult(tuple(articles), tuple(skipped))


# --- tonight's selection ------------------------------------------------------------------

@dataclass(frozen=True)
class EditionWindow:
    """Which publication times belong to an edition: the 24 hours before it goes out.

    The edition of day D is published at the show's ``publish_time`` on D, so it carries
    what the newsroom published from that time on D-1 up to that time on D. A 06:00
    briefing is yesterday's news, heard this morning (which is why "today" in its
    articles must become "yesterday"); an 18:00 one is the day's news.
    """

    date: dt.date
    tz: zoneinfo.ZoneInfo
    publish_time: dt.time = dt.time(0, 0)

    @property
    def end(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.publish_time, tzinfo=self.tz)

    @property
    def start(self) -> dt.datetime:
        day_before = self.date - dt.timedelta(days=1)
        return dt.datetime.combine(day_before, self.publish_time, tzinfo=self.tz)

    def reason(self, published: dt.datetime | None) -> str | None:
        """Why an article published then is left out tonight, or None to keep it."""
        if published is None:
            return None  # undated: the producer put it there, keep it
        if self.start < published <= self.end:
            return None
        local = published.astimezone(self.tz)
        return (f"published {local:%Y-%m-%d %H:%M}, not in the window of the "
                f"{self.date.isoformat()} edition ({self.start:%Y-%m-%d %H:%M} to "
                f"{self.end:%Y-%m-%d %H:%M} {self.tz.key})")


def edition_window(config: ShowConfig, date: dt.date) -> EditionWindow:
    hour, minute = (int(x) for x in config.publish_time.split(":"))
    return EditionWindow(date, zoneinfo.ZoneInfo(config.timezone), dt.time(hour, minute))


def canonical_url(url: str | None) -> str | None:
    """A comparison key for URLs: case, fragments, trailing slashes and tracking dropped."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("https" if parts.scheme.lower() in ("http", "https") else parts.scheme,
                       host, parts.path.rstrip("/") or "/", urlencode(query), ""))


def _shingles(article: Article) -> frozenset[int]:
    words = re.findall(r"\w+", " ".join(article.lines).lower()) or \
        re.findall(r"\w+", article.title.lower())
    if len(words) < SHINGLE_WORDS:
        return frozenset(hash(w) for w in words)
    return frozenset(hash(tuple(words[i:i + SHINGLE_WORDS]))
                     for i in range(len(words) - SHINGLE_WORDS + 1))


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two shingle sets (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def dedupe(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    """Keep the first of each story; report later copies with what they duplicate."""
    kept: list[tuple[Article, str | None, frozenset[int]]] = []
    dropped: list[Skipped] = []
    for article in articles:
        key, shingles = canonical_url(article.url), _shingles(article)
        reason = None
        for other, other_key, other_shingles in kept:
            if key and key == other_key:
                reason = f"duplicate of {other.source} (same URL {article.url})"
                break
            score = similarity(shingles, other_shingles)
            if score >= DUPLICATE_SIMILARITY:
                reason = f"duplicate of {other.source} (text {score:.0%} the same)"
                break
        if reason:
            log.info("dropped %s: %s", article.source, reason)
            dropped.append(Skipped(article.source, reason, left_out=True))
        else:
            kept.append((article, key, shingles))
    return [a for a, _, _ in kept], dropped


def _plausibly_dated(article: Article) -> Article:
    """The article, undated (with the reason) if its date is not plausible.

    Every source already reads its dates through ``pubdate``; this is the one gate in
    front of the window's date arithmetic, whatever a source did.
    """
    if article.published is None:
        return article
    reading = checked(article.published, dt.UTC)
    if reading.when is not None and article.published.tzinfo is not None:
        return article
    note = reading.note or f"date {article.published.isoformat()!r} ignored: no time zone"
    log.info("%s: %s; treated as undated", article.source, note)
    return replace(article, published=None, date_note=note)


def ingest(config: ShowConfig, date: dt.date, fetcher: Fetcher | None = None) -> IngestResult:
    """Tonight's articles from every configured source, in the edition window, deduplicated.

    ``fetcher`` is the HTTP seam; by default a ``UrlFetcher`` is made only if a feed needs it.
    """
    tz = zoneinfo.ZoneInfo(config.timezone)
    window = edition_window(config, date)
    found: list[Article] = []
    skipped: list[Skipped] = []
    if config.sources_folder is not None:
        folder = ingest_folder(config.sources_folder, tz)
        found += folder.articles
        skipped += folder.skipped
    for spec in config.sources_feeds:
        if fetcher is None:
            fetcher = UrlFetcher()
        feed = load_feed(spec, tz=tz, fetcher=fetcher, skip_reason=window.reason)
        found += feed.articles
        skipped += feed.skipped
    in_window: list[Article] = []
    for article in map(_plausibly_dated, found):
        reason = window.reason(article.published)
        if reason:
            log.info("left out %s: %s", article.source, reason)
            skipped.append(Skipped(article.source, reason, left_out=True))
        else:
            in_window.append(article)
    articles, duplicates = dedupe(in_window)
    return IngestResult(tuple(articles), tuple(skipped + duplicates))
