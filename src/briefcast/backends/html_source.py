"""HTML source: turn a web page (file or fetched) into an ``Article``, plus the text helpers
every source shares (decoding unknown bytes, reading dates, splitting HTML into paragraphs).

Extraction of the story body is trafilatura's job (it is good at dropping navigation and
footers); the metadata a podcast needs (title, byline, publication date, canonical URL,
language) is read from the page's own ``<head>`` first because publishers state it there
precisely, and trafilatura only fills the gaps. Bodies come back as one paragraph per line
with blank lines between them, the shape the cleaner expects.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from briefcast.models import Article, Skipped
from briefcast.pubdate import PubDate, first_date, read_date

if TYPE_CHECKING:
    import lxml.html

# lxml and charset-normalizer are imported where they are used: a folder of UTF-8 text
# articles needs neither, and ingest loads this module on every build.

log = logging.getLogger(__name__)

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd",
           "dt", "tr", "section", "article", "header", "footer", "figure", "figcaption",
           "table", "ul", "ol"}
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date",
              "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
              "dcterms.created", "dcterms.issued", "article.published", "parsely-pub-date",
              "sailthru.date")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec that decoded it, e.g. "utf-8", "cp1252"


def decode_text(data: bytes, declared: str | None = None, *, html: bool = False) -> Decoded | str:
    """Decode bytes of unknown encoding; return the text, or a reason it is not text.

    Order: byte-order mark, the encoding the server or page declared, UTF-8, then
    charset-normalizer's best guess (which is how cp1252 and latin-1 files get read).
    """
    if not data.strip():
        return "file is empty"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec.replace("-sig", ""))
            except UnicodeDecodeError:
                break  # a mark by accident: judge it like any other bytes
    if b"\x00" in data[:8192]:
        return "file is binary (contains NUL bytes), not text"
    candidates = [declared] if declared else []
    if html and (match := _META_CHARSET.search(data[:4096])):
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for codec in [*candidates, "utf-8"]:
        try:
            return Decoded(data.decode(codec), codec.lower())
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        return "not text in any common encoding (binary data?)"
    encoding = best.encoding
    text = data.decode(encoding, errors="replace")
    try:  # cp1250 and friends often tie with cp1252 on Western text; name the usual one
        if data.decode("cp1252") == text:
            encoding = "cp1252"
    except UnicodeDecodeError:
        pass
    return Decoded(text, encoding)


def normalize_language(value: str | None) -> str | None:
    """"en_GB" / "EN-gb" -> "en-GB"; None for anything that does not look like a tag."""
    if not value:
        return None
    match = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2,4}))?\b", value)
    if not match:
        return None
    lang, region = match.group(1).lower(), match.group(2)
    return f"{lang}-{region.upper() if len(region) == 2 else region}" if region else lang


def text_paragraphs(text: str) -> list[str]:
    """One paragraph per non-blank line, whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def fragment_paragraphs(fragment: str) -> list[str]:
    """Split an HTML fragment (a feed's ``content:encoded``) into paragraph texts."""
    if "<" not in fragment:
        return text_paragraphs(fragment)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(_XML_DECL.sub("", fragment), create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return text_paragraphs(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    return text_paragraphs(root.text_content())


def as_lines(paragraphs: list[str]) -> tuple[str, ...]:
    """Paragraphs as the body lines the cleaner reads: text, blank, text, blank ..."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    return tuple(lines)


def _first(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        text = str(value).strip()
        if text:
            return text
    return None


def _json_ld_dates(tree: lxml.html.HtmlElement) -> Iterator[Any]:
    """Every ``datePublished`` in the page's JSON-LD, whatever its shape (object, list,
    ``@graph``, nesting, ``{"@value": ...}``); a block that is not JSON yields a
    ``PubDate`` saying so, reported only if the page has no usable date elsewhere."""
    def walk(node: Any) -> Iterator[Any]:
        if isinstance(node, dict):
            if "datePublished" in node:
                value = node["datePublished"]
                if isinstance(value, list):
                    value = value[0] if value else None
                if isinstance(value, dict) and "@value" in value:
                    value = value["@value"]
                yield value
            node = list(node.values())
        if isinstance(node, list):
            for item in node:
                yield from walk(item)

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            found = list(walk(json.loads(script)))
        except (ValueError, RecursionError):
            yield PubDate(problem="date in JSON-LD ignored: the block is not valid JSON")
            continue
        yield from found


def _meta_values(tree: lxml.html.HtmlElement, *names: str) -> Iterator[str]:
    """The content of each named ``<meta>`` (property, name or itemprop), in name order."""
    for name in names:
        value = _first(tree, f'//meta[translate(@property, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                             f'"abcdefghijklmnopqrstuvwxyz")="{name}" or '
                             f'translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                             f'"abcdefghijklmnopqrstuvwxyz")="{name}" or '
                             f'translate(@itemprop, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                             f'"abcdefghijklmnopqrstuvwxyz")="{name}"]/@content')
        if value:
            yield value


def _date_candidates(tree: lxml.html.HtmlElement) -> Iterator[Any]:
    """What the page says about its publication time, most precise statement first."""
    yield from _meta_values(tree, *_DATE_META)
    yield from _json_ld_dates(tree)
    yield _first(tree, "//time[@datetime]/@datetime")


def page_date(tree: lxml.html.HtmlElement, tz: dt.tzinfo, fallback: Any = None) -> PubDate:
    """The page's publication time: the first plausible date it states; if it states only
    implausible ones, the first one's problem (for the report). ``fallback`` (trafilatura's
    guess) is used only when the page states no date at all: its guess at a page whose date
    is "0001-01-01" is read from that same bad date, or from whatever else is in the text."""
    stated = first_date(c if isinstance(c, PubDate) else read_date(c, tz)
                        for c in _date_candidates(tree))
    return stated if stated.when or stated.problem else read_date(fallback, tz)


def _page_meta(tree: lxml.html.HtmlElement) -> dict[str, str | None]:
    def meta(*names: str) -> str | None:
        return next(_meta_values(tree, *names), None)

    return {
        "title": meta("og:title") or _first(tree, "//title/text()"),
        "canonical": _first(tree, '//link[@rel="canonical"]/@href') or meta("og:url"),
        "author": meta("author", "article:author", "byl", "dc.creator"),
        "section": meta("article:section"),
        "language": _first(tree, "/html/@lang") or _first(tree, "/html/@xml:lang")
                    or _first(tree, '//meta[@http-equiv="content-language"]/@content')
                    or meta("og:locale"),
    }


def _absolute_http(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    full = urljoin(base, url) if base else url
    return full if urlsplit(full).scheme in ("http", "https") else None


def html_to_article(data: bytes | str, source: str, *, tz: dt.tzinfo, url: str | None = None,
                    charset: str | None = None) -> Article | Skipped:
    """Extract one article from a whole HTML page; ``url`` is where it was fetched from."""
    import lxml.etree
    import lxml.html
    import trafilatura  # heavy import; only shows that read HTML pay for it

    encoding = None
    if isinstance(data, bytes):
        decoded = decode_text(data, charset, html=True)
        if isinstance(decoded, str):
            return Skipped(source, decoded)
        text, encoding = decoded.text, decoded.encoding
    else:
        text = data
    text = _XML_DECL.sub("", text)
    if not text.strip():
        return Skipped(source, "page is empty")
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        return Skipped(source, f"not readable HTML: {exc}")
    meta = _page_meta(tree)
    doc = None
    # Without metadata on a second try: trafilatura drops the whole text when htmldate
    # fails on a date it cannot convert (a "+99:00" offset), and the page's own <head>
    # (read above) is where the metadata comes from anyway.
    for with_metadata in (True, False):
        try:
            doc = trafilatura.bare_extraction(text, url=url, with_metadata=with_metadata,
                                              include_comments=False, include_tables=False,
                                              favor_recall=True)
        except Exception as exc:  # trafilatura raises assorted errors on hostile markup
            log.warning("trafilatura failed on %s: %s", source, exc)
        if doc is not None:
            break
    body = getattr(doc, "text", None) or ""
    title = " ".join((getattr(doc, "title", None) or meta["title"] or "").split())
    if not title:
        return Skipped(source, "page has no title")
    paragraphs = text_paragraphs(body)
    if paragraphs and " ".join(paragraphs[0].split()).lower() == title.lower():
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1> as the first line
    if not paragraphs:
        return Skipped(source, "no article text found in the page")
    canonical = (_absolute_http(meta["canonical"], url)
                 or _absolute_http(getattr(doc, "url", None), url) or url)
    published = page_date(tree, tz, getattr(doc, "date", None))
    author = meta["author"] or getattr(doc, "author", None)
    language = normalize_language(meta["language"] or getattr(doc, "language", None))
    return Article(source=source, title=title, lines=as_lines(paragraphs), url=canonical,
                   published=published.when, author=author or None, language=language,
                   encoding=encoding if encoding not in (None, "utf-8") else None,
                   date_note=published.note, section=meta["section"] or None,
                   tags=tuple(dict.fromkeys(" ".join(t.split()) for t in tree.xpath(
                       '//meta[@property="article:tag"]/@content') if t.strip())))
