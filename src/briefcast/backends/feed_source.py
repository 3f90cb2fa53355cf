"""Feed source: read an RSS or Atom feed (local file or URL) into ``Article`` values.

Feeds come from third parties, so the bytes are first parsed with defusedxml, which refuses
entity declarations ("billion laughs" expansion, external entities reading local files or
URLs) with a clear reason; only bytes that pass are handed to feedparser, always as a
stream so feedparser itself never opens a file or URL.

Per entry: the full text comes from ``content:encoded`` (or Atom ``<content>``) when the
feed carries it; otherwise the linked page is fetched and extracted like any HTML page. The
edition's date window is checked before fetching, so old entries cost no requests. A
failing entry or feed becomes a ``Skipped`` line in the report; the night goes on.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefcast.backends.fetch import (
    MAX_BYTES,
    Fetched,
    Fetcher,
    FetchError,
    url_problem,
)
from briefcast.backends.html_source import (
    as_lines,
    fragment_paragraphs,
    html_to_article,
    normalize_language,
    text_paragraphs,
)
from briefcast.models import Article, Skipped
from briefcast.pubdate import PubDate, first_date, read_date

log = logging.getLogger(__name__)

MAX_ENTRIES = 50  # a nightly briefing never needs more; bounds the pages fetched per feed
_URL_SPEC = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

# Why an entry published at this time is not wanted tonight (None = keep it).
SkipReason = Callable[[dt.datetime | None], str | None]


@dataclass(frozen=True)
class FeedResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def is_url(spec: str) -> bool:
    """A feed spec with a scheme is a URL; anything else is a file path."""
    return bool(_URL_SPEC.match(spec))


def xml_refusal(data: bytes) -> tuple[str | None, str | None]:
    """Check feed XML with defusedxml: (refusal, parse_error).

    ``refusal`` is set for hostile constructs and means "do not parse further";
    ``parse_error`` is set for XML that is merely malformed (feedparser may still cope).
    """
    # defusedxml and feedparser are imported where they are used: ingest loads this
    # module on every build, and a show without feeds needs neither.
    import defusedxml.ElementTree
    from defusedxml import (
        DefusedXmlException,
        DTDForbidden,
        EntitiesForbidden,
        ExternalReferenceForbidden,
    )

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                          forbid_external=True)
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            return (f"feed refused: it declares an external entity {exc.name!r} pointing at "
                    f"{exc.sysid or exc.pubid!r} (external entities are not allowed)"), None
        return (f"feed refused: it declares the XML entity {exc.name!r}; entity expansion "
                "(a 'billion laughs' attack) is not allowed"), None
    except ExternalReferenceForbidden as exc:
        return (f"feed refused: it references the external resource {exc.sysid!r} "
                "(external entities are not allowed)"), None
    except DTDForbidden:  # not raised with forbid_dtd=False; kept for clarity
        return "feed refused: it contains a DTD", None
    except DefusedXmlException as exc:
        return f"feed refused: {exc}", None
    except ET.ParseError as exc:
        if re.search(rb"<!ENTITY", data, re.IGNORECASE):
            return f"feed refused: malformed XML that declares entities ({exc})", None
        return None, str(exc)
    return None, None


def _fetch(fetcher: Fetcher | None, url: str, failure: str) -> Fetched | str:
    """The fetched resource, or the reason it could not be had (one source, not the night)."""
    if fetcher is None:
        return "fetching is turned off for this run"
    try:
        return fetcher.fetch(url)
    except FetchError as exc:
        log.warning("%s: %s: %s", failure, url, exc)
        return f"{failure}: {exc}"


def load_feed(spec: str, *, tz: dt.tzinfo, fetcher: Fetcher | None,
              skip_reason: SkipReason | None = None) -> FeedResult:
    """Read one configured feed: ``spec`` is an http(s) URL or an absolute file path."""
    if is_url(spec):
        problem = url_problem(spec)
        if problem:
            return _failed(spec, problem)
        fetched = _fetch(fetcher, spec, "feed unreachable")
        if isinstance(fetched, str):
            return _failed(spec, fetched)
        data, base = fetched.body, fetched.url
    else:
        path = Path(spec)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                return _failed(spec, f"feed file is {size:,} bytes, over the "
                                     f"{MAX_BYTES:,}-byte cap")
            data = path.read_bytes()
        except FileNotFoundError:
            return _failed(spec, "feed file does not exist")
        except OSError as exc:
            return _failed(spec, f"cannot read feed file: {exc.strerror or exc}")
        base = None
    return read_feed(data, spec, tz=tz, fetcher=fetcher, base_url=base, skip_reason=skip_reason)


def read_feed(data: bytes, source: str, *, tz: dt.tzinfo, fetcher: Fetcher | None,
              base_url: str | None = None, skip_reason: SkipReason | None = None,
              max_entries: int = MAX_ENTRIES) -> FeedResult:
    """Parse feed bytes safely and turn each wanted entry into an Article."""
    if not data.strip():
        return _failed(source, "feed is empty")
    refusal, parse_error = xml_refusal(data)
    if refusal:
        log.warning("%s: %s", source, refusal)
        return _failed(source, refusal)
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers,
                              sanitize_html=True, resolve_relative_uris=True)
    entries = list(parsed.entries)
    if parse_error and not any(e.get("title") or e.get("link") for e in entries):
        entries = []  # the lenient parser salvaged nothing usable
    if not entries:
        if parse_error:
            return _failed(source, f"feed is not well-formed XML ({parse_error})")
        if not parsed.get("version"):
            return _failed(source, "not an RSS or Atom feed")
        return _failed(source, "feed has no entries")
    if parse_error:
        log.warning("%s is not well-formed XML (%s); read leniently", source, parse_error)
    feed_language = normalize_language(parsed.feed.get("language"))
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for index, entry in enumerate(entries):
        if index >= max_entries:
            skipped.append(Skipped(source, f"feed has {len(entries)} entries; only the first "
                                           f"{max_entries} were read"))
            break
        result = _entry(entry, index, source, tz=tz, fetcher=fetcher,
                        feed_language=feed_language, skip_reason=skip_reason)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            articles.append(result)
    return FeedResult(tuple(articles), tuple(skipped))


def _failed(source: str, reason: str) -> FeedResult:
    return FeedResult((), (Skipped(source, reason),))


def _entry_time(entry: Any, tz: dt.tzinfo) -> PubDate:
    """The entry's publication time (published, else updated, else created).

    The raw text is read first, because feedparser's own parse is lenient in ways that
    invent dates: it keeps "+99:00" as a 99-hour offset, reads "10000-01-01" as 2010 and
    "1732528800" as 2017. Text that is a plausible date is then taken as feedparser
    normalized it (to UTC, as before); text in a format only feedparser knows (named time
    zones, other languages) is taken from feedparser alone, range-checked.
    """
    def readings() -> Iterator[PubDate]:
        for key in ("published", "updated", "created"):
            raw, parsed = entry.get(key), entry.get(f"{key}_parsed")
            text = read_date(raw, tz) if isinstance(raw, str) else PubDate()
            if text.problem and not text.unreadable:
                yield text
            elif parsed:
                yield read_date(parsed, tz, raw=raw if isinstance(raw, str) else "")
            else:
                yield text

    return first_date(readings())


def _entry_body(entry: Any) -> tuple[list[str], str | None]:
    """Full text carried by the feed (content:encoded / Atom content), and its language."""
    for content in entry.get("content") or ():
        kind = (content.get("type") or "text/html").lower()
        value = content.get("value") or ""
        paragraphs = (fragment_paragraphs(value) if "html" in kind or "xml" in kind
                      else text_paragraphs(value))
        if paragraphs:
            return paragraphs, normalize_language(content.get("language"))
    return [], None


SUMMARY_MIN_WORDS = 40  # below this a description is a teaser, not a story


def text_paragraphs_of_summary(entry: Any) -> list[str]:
    """The entry's description/summary as paragraphs (often a teaser, sometimes the story)."""
    value = entry.get("summary") or ""
    kind = ((entry.get("summary_detail") or {}).get("type") or "text/html").lower()
    return fragment_paragraphs(value) if "html" in kind else text_paragraphs(value)


def _entry(entry: Any, index: int, source: str, *, tz: dt.tzinfo, fetcher: Fetcher | None,
           feed_language: str | None, skip_reason: SkipReason | None) -> Article | Skipped:
    link = entry.get("link") or None
    label = link or f"{source}#{entry.get('id') or index + 1}"
    title = " ".join((entry.get("title") or "").split())
    dated = _entry_time(entry, tz)
    published, date_note = dated.when, dated.note
    if skip_reason and (reason := skip_reason(published)):
        return Skipped(label, reason, left_out=True)  # before any fetch: old entries cost nothing
    author = entry.get("author") or None
    categories = tuple(dict.fromkeys(" ".join(t["term"].split()) for t in entry.get("tags") or ()
                                     if isinstance(t.get("term"), str) and t["term"].strip()))
    paragraphs, language = _entry_body(entry)
    if paragraphs:
        if not title:
            return Skipped(label, "feed entry has no title")
        return Article(source=label, title=title, lines=as_lines(paragraphs), url=link,
                       published=published, author=author,
                       language=language or feed_language, date_note=date_note,
                       categories=categories)
    summary = text_paragraphs_of_summary(entry)

    def from_summary(why: str) -> Article | Skipped:
        """The entry's own description, when the full text cannot be had (the cleaner
        still drops a teaser too short to be a story)."""
        words = sum(len(p.split()) for p in summary)
        if title and words >= SUMMARY_MIN_WORDS:
            return Article(source=label, title=title, lines=as_lines(summary), url=link,
                           published=published, author=author, language=feed_language,
                           date_note=date_note, categories=categories)
        if summary:
            why += f" (its description, {words} words, is too short to air instead)"
        return Skipped(label, why)

    if not link:
        return from_summary("feed entry has no full text and no link to fetch it from")
    if fetcher is None:
        return from_summary("feed entry has no full text and fetching is turned off")
    page = _fetch(fetcher, link, "linked page not fetched")
    if isinstance(page, str):
        return from_summary(page)
    if page.content_type and "html" not in page.content_type and page.content_type != "text/plain":
        return from_summary(f"linked page is {page.content_type}, not an HTML article")
    article = html_to_article(page.body, label, tz=tz, url=page.url, charset=page.charset)
    if isinstance(article, Skipped):
        return from_summary(f"linked page: {article.reason}")
    return Article(source=label, title=title or article.title, lines=article.lines,
                   url=article.url or link, published=published or article.published,
                   author=author or article.author,
                   language=article.language or language or feed_language,
                   encoding=article.encoding,
                   date_note=None if published or article.published
                   else date_note or article.date_note,
                   section=article.section, tags=article.tags, categories=categories)
