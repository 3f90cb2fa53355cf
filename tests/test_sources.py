"""Sources end to end: folder files, RSS/Atom feeds and linked pages served by a real HTTP
server on loopback, hostile feeds, fetch limits, the edition window and deduplication.

All stories are invented for these tests. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from briefcast.backends.feed_source import read_feed
from briefcast.backends.fetch import FetchError, UrlFetcher
from briefcast.config import parse_config
from briefcast.errors import ConfigError
from briefcast.models import Article, Skipped, Story
from briefcast.stages.clean import clean_article
from briefcast.stages.ingest import EditionWindow, ingest, read_article

EDITION = dt.date(2026, 11, 25)  # the 06:00 edition: articles of the 24th
TZ = "America/New_York"

FERRY = ("The storm-damaged Harbour Town ferry returned to service on Tuesday after three "
         "weeks of repairs at the northern boatyard, the port authority said.",
         "Passengers queued from early morning, and the first crossing left on time with "
         "more than two hundred people and forty cars on board.",
         "Engineers replaced a cracked propeller shaft and rewired the bridge, work the "
         "authority said cost about half a million dollars.")
LIBRARY = ("The Eastside branch library will open on Sundays from next month, after the "
           "council approved a small increase in the branch's staffing budget.",
           "Librarians said Sunday opening had been the most common request in a survey of "
           "more than nine hundred residents carried out over the summer.")
ORCHARD = ("A community orchard planted by volunteers on the old rail yard gave its first "
           "harvest this week, with more than a tonne of apples picked in two days.",
           "Organisers said the fruit would go to the food bank and to three primary schools "
           "whose pupils helped plant the trees four years ago.")
BRIDGE = ("Repairs to the Mill Street bridge are running two months late because a "
          "specialist steel supplier went out of business, the highways team said.",
          "Drivers should expect the diversion through Canal Road to remain in place until "
          "the end of February at the earliest, officials warned.")
CHOIR = ("The Harbour Town youth choir won first prize at the regional festival on "
         "Saturday, beating eleven other choirs with a programme of sea shanties.",
         "Their director said the singers had rehearsed twice a week since the spring and "
         "would now compete at the national finals in April.")
MARKET = ("Stallholders at the covered market voted to stay open until eight on Thursdays, "
          "hoping to catch commuters on their way home from the station.",
          "The market manager said a trial in October had doubled evening takings for food "
          "stalls, though craft sellers saw little change.")


def page(title: str, paragraphs: tuple[str, ...], *, canonical: str = "", published: str = "",
         author: str = "", lang: str = "en", charset: str = "utf-8") -> str:
    head = [f'<meta charset="{charset}">', f"<title>{title} | Harbour Gazette</title>"]
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if author:
        head.append(f'<meta name="author" content="{author}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head>{"".join(head)}</head><body>'
            '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>Harbour Gazette, all rights reserved.</footer></body></html>")


def rss(items: list[dict[str, str]], *, doctype: str = "") -> bytes:
    parts = []
    for item in items:
        full = (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
                if "content" in item else "")
        parts.append(f"<item><title>{item['title']}</title><link>{item['link']}</link>"
                     f"<pubDate>{item['date']}</pubDate>"
                     f"<description>{item.get('summary', 'A short teaser.')}</description>"
                     f"{full}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>Harbour Gazette</title><link>https://gazette.example/</link>"
            "<description>Local news</description><language>en-us</language>"
            f"{''.join(parts)}</channel></rss>").encode()


def html_paragraphs(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


# --- a real HTTP server on loopback -------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                else:
                    route(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def body(self, path: str, data: bytes | str, content_type: str = "text/html") -> str:
        raw = data.encode("utf-8") if isinstance(data, str) else data

        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", content_type)
            h.send_header("Content-Length", str(len(raw)))
            h.end_headers()
            h.wfile.write(raw)

        self.routes[path] = route
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        def route(h: BaseHTTPRequestHandler) -> None:
            h.send_response(302)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = route
        return self.url(path)


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def fetcher(**kwargs: Any) -> UrlFetcher:
    return UrlFetcher(proxies={}, **kwargs)  # loopback only: never through a proxy


def dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/feed.xml"  # nothing listens there any more


def show(tmp_path: Path, **sources: Any) -> Any:
    raw = {"show": {"title": "T", "description": "D", "author": "A", "owner_email": "a@b.org",
                    "language": "en", "base_url": "https://x.org/pod", "timezone": TZ},
           "sources": sources}
    return parse_config(raw, tmp_path / "show.toml")


def by_title(articles: tuple[Article, ...]) -> dict[str, Article]:
    return {a.title: a for a in articles}


def reasons(skipped: tuple[Skipped, ...]) -> dict[str, str]:
    return {s.source: s.reason for s in skipped}


# --- feeds -------------------------------------------------------------------------------

def test_rss_with_full_text_atom_and_linked_page(tmp_path: Path, server: Server) -> None:
    page_url = server.body("/news/ferry", page(
        "Ferry back in service", FERRY, canonical="https://gazette.example/news/ferry-returns",
        published="2026-11-24T08:15:00-05:00", author="Jo Marsh", lang="en-GB"))
    server.body("/rss-full.xml", rss([
        {"title": "Eastside library to open on Sundays", "link": "https://gazette.example/lib",
         "date": "Tue, 24 Nov 2026 14:30:00 -0500", "content": html_paragraphs(LIBRARY)},
    ]), "application/rss+xml")
    server.body("/rss-links.xml", rss([
        {"title": "Ferry returns after repairs", "link": page_url,
         "date": "Tue, 24 Nov 2026 09:00:00 -0500"},
    ]), "application/rss+xml")
    atom = ('<?xml version="1.0" encoding="utf-8"?>'
            '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">'
            "<title>Valley Post</title><id>urn:valley</id><updated>2026-11-24T20:00:00Z</updated>"
            "<entry><title>Orchard gives first harvest</title><id>urn:valley:1</id>"
            '<link href="https://valley.example/orchard"/>'
            "<updated>2026-11-24T20:00:00Z</updated><author><name>Sam Reed</name></author>"
            f'<content type="html">{html_paragraphs(ORCHARD).replace("<", "&lt;")}</content>'
            "</entry></feed>")
    server.body("/atom.xml", atom, "application/atom+xml")
    config = show(tmp_path, feeds=[server.url("/rss-full.xml"), server.url("/atom.xml"),
                                   server.url("/rss-links.xml")])
    result = ingest(config, EDITION, fetcher=fetcher())
    assert result.skipped == ()
    found = by_title(result.articles)
    library = found["Eastside library to open on Sundays"]
    assert library.lines == (LIBRARY[0], "", LIBRARY[1], "")
    assert library.url == "https://gazette.example/lib" and library.language == "en-US"
    assert library.published == dt.datetime(2026, 11, 24, 19, 30, tzinfo=dt.UTC)
    orchard = found["Orchard gives first harvest"]
    assert orchard.lines[0] == ORCHARD[0] and orchard.author == "Sam Reed"
    assert orchard.language == "en-GB" and orchard.url == "https://valley.example/orchard"
    ferry = found["Ferry returns after repairs"]  # the feed's headline, the page's text
    assert [line for line in ferry.lines if line] == list(FERRY)
    assert ferry.url == "https://gazette.example/news/ferry-returns"
    assert ferry.language == "en-GB"
    assert ferry.published is not None and ferry.published.utcoffset() is not None
    assert server.agents and all(a.startswith("briefcast/") and "(+podcast builder)" in a
                                 for a in server.agents)
    story = clean_article(ferry)  # the shape the cleaner expects
    assert isinstance(story, Story) and story.paragraphs == FERRY


def test_local_feed_path_relative_to_config(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "feed.xml").write_bytes(rss([
        {"title": "Choir wins regional prize", "link": "https://gazette.example/choir",
         "date": "Tue, 24 Nov 2026 12:00:00 -0500", "content": html_paragraphs(CHOIR)}]))
    config = show(tmp_path, feeds=["local/feed.xml"])
    assert config.sources_folder is None
    assert config.sources_feeds == (str(tmp_path / "local" / "feed.xml"),)
    result = ingest(config, EDITION, fetcher=fetcher())
    assert [a.title for a in result.articles] == ["Choir wins regional prize"]


BILLION_LAUGHS = ('<!DOCTYPE rss [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10)) + "]>")
XXE = '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'


def test_hostile_feeds_are_refused(tmp_path: Path, server: Server) -> None:
    laughs = tmp_path / "laughs.xml"
    laughs.write_bytes(rss([{"title": "&lol9;", "link": "https://x.example/1",
                             "date": "Tue, 24 Nov 2026 12:00:00 -0500",
                             "content": "<p>x</p>"}], doctype=BILLION_LAUGHS))
    xxe_url = server.body("/xxe.xml", rss([{"title": "Leak &secret;",
                                            "link": "https://x.example/2",
                                            "date": "Tue, 24 Nov 2026 12:00:00 -0500",
                                            "content": "<p>x</p>"}], doctype=XXE),
                          "application/rss+xml")
    config = show(tmp_path, feeds=["laughs.xml", xxe_url])
    result = ingest(config, EDITION, fetcher=fetcher())
    assert result.articles == ()
    why = reasons(result.skipped)
    assert "billion laughs" in why[str(laughs)] and "refused" in why[str(laughs)]
    assert "external entit" in why[xxe_url] and "/etc/passwd" in why[xxe_url]


def test_malformed_and_non_feeds(tmp_path: Path) -> None:
    tz = dt.UTC
    assert "not well-formed" in read_feed(b"<rss><channel><item>", "a", tz=tz,
                                          fetcher=None).skipped[0].reason
    assert read_feed(b"   ", "b", tz=tz, fetcher=None).skipped[0].reason == "feed is empty"
    odd = read_feed(b"<html><body>Hello</body></html>", "c", tz=tz, fetcher=None)
    assert odd.articles == () and odd.skipped


def test_unreachable_feed_is_reported_and_the_night_goes_on(tmp_path: Path,
                                                            server: Server) -> None:
    dead = dead_url()
    good = server.body("/good.xml", rss([
        {"title": "Market to stay open late", "link": "https://gazette.example/market",
         "date": "Tue, 24 Nov 2026 10:00:00 -0500", "content": html_paragraphs(MARKET)},
        {"title": "Bridge repairs delayed", "link": server.url("/missing-page"),
         "date": "Tue, 24 Nov 2026 11:00:00 -0500"}]), "application/rss+xml")
    config = show(tmp_path, feeds=[dead, good])
    result = ingest(config, EDITION, fetcher=fetcher(timeout=2))
    assert [a.title for a in result.articles] == ["Market to stay open late"]
    why = reasons(result.skipped)
    assert why[dead].startswith("feed unreachable: cannot reach")
    assert "HTTP 404" in why[server.url("/missing-page")]


# --- fetch limits ------------------------------------------------------------------------

def test_oversize_response_is_capped(server: Server) -> None:
    declared = server.body("/big", b"x" * 50_000)

    def stream(h: BaseHTTPRequestHandler) -> None:  # no Content-Length: cap while reading
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(100):
            h.wfile.write(b"y" * 4096)

    server.routes["/stream"] = stream
    small = fetcher(max_bytes=10_000)
    with pytest.raises(FetchError, match="over the 10,000-byte cap"):
        small.fetch(declared)
    with pytest.raises(FetchError, match="stopped reading"):
        small.fetch(server.url("/stream"))


def test_redirects_are_limited_and_checked(server: Server) -> None:
    server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")
    for i in range(10):
        server.redirect(f"/hop{i}", f"/hop{i + 1}")
    server.redirect("/to-file", "file:///etc/passwd")
    server.body("/hop3-target", "<html></html>")
    server.redirect("/short", "/hop3-target")
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher().fetch(server.url("/loop-a"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher().fetch(server.url("/hop0"))
    with pytest.raises(FetchError, match="refused URL: only http and https"):
        fetcher().fetch(server.url("/to-file"))
    assert fetcher().fetch(server.url("/short")).url == server.url("/hop3-target")


def test_non_http_schemes_are_refused(tmp_path: Path) -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/feed.xml", "data:text/plain,hi"):
        with pytest.raises(FetchError, match="only http and https"):
            fetcher().fetch(url)
    with pytest.raises(ConfigError) as err:
        show(tmp_path, feeds=["ftp://example.org/feed.xml"])
    assert "sources.feeds" in str(err.value)


def test_slow_server_times_out(server: Server) -> None:
    def slow(h: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)
        h.send_response(200)
        h.end_headers()

    server.routes["/slow"] = slow
    with pytest.raises(FetchError, match="timed out"):
        fetcher(timeout=0.3).fetch(server.url("/slow"))


# --- folder files --------------------------------------------------------------------------

def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "orchard.md"
    path.write_text(
        "---\ntitle: \"Orchard gives first harvest\"\ndate: 2026-11-24 18:30\n"
        "author: Sam Reed\nurl: https://valley.example/orchard\nlang: en_GB\n---\n\n"
        "# Orchard gives first harvest\n\n"
        f"{ORCHARD[0][:57]}\n{ORCHARD[0][58:]}\n\n"
        "![the trees](trees.jpg)\n"
        f"{ORCHARD[1].replace('food bank', '[food bank](https://food.example)')}\n\n"
        "```\ncode is not read aloud\n```\n", encoding="utf-8")
    import zoneinfo

    article = read_article(path, zoneinfo.ZoneInfo(TZ))
    assert isinstance(article, Article)
    assert article.title == "Orchard gives first harvest"
    assert [line for line in article.lines if line] == list(ORCHARD)
    assert article.published == dt.datetime(2026, 11, 24, 18, 30, tzinfo=zoneinfo.ZoneInfo(TZ))
    assert (article.author, article.url, article.language) == (
        "Sam Reed", "https://valley.example/orchard", "en-GB")


def test_html_file_and_cp1252_text(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "01-choir.html").write_text(page(
        "Youth choir wins regional prize", CHOIR, canonical="https://gazette.example/choir",
        published="2026-11-24T19:00:00-05:00", author="Ana Ruiz"), encoding="utf-8")
    cafe = ("Café owners on Quay Street say prices rose again this week — the third rise "
            "since spring.", "“We can’t absorb it much longer,” said one owner, whose crème "
            "brûlée is now off the menu.")
    (folder / "02-cafe.txt").write_bytes(("Café prices rise again\n\n" + "\n\n".join(cafe))
                                         .encode("cp1252"))
    (folder / "03-broken.html").write_bytes(b"<html><body><p>unclosed <b>tags <div></html")
    config = show(tmp_path, folder="articles")
    result = ingest(config, EDITION)
    found = by_title(result.articles)
    choir = found["Youth choir wins regional prize"]
    assert [line for line in choir.lines if line] == list(CHOIR)
    assert choir.url == "https://gazette.example/choir" and choir.author == "Ana Ruiz"
    assert choir.published == dt.datetime(2026, 11, 25, 0, 0, tzinfo=dt.UTC)
    assert choir.language == "en"
    cafe_article = found["Café prices rise again"]
    assert cafe_article.encoding == "cp1252"
    assert [line for line in cafe_article.lines if line] == list(cafe)
    assert "03-broken.html" in " ".join(s.source for s in result.skipped)


# --- tonight's selection -------------------------------------------------------------------

def test_date_window_is_the_day_before_the_publish_time(tmp_path: Path) -> None:
    """The 06:00 edition of the 25th carries what was published after 06:00 on the 24th."""
    items = [  # (title, pubDate): New York is UTC-5 in November
        ("Kept: evening local time", "Wed, 25 Nov 2026 03:30:00 +0000", LIBRARY),
        ("Dropped: before the window opened", "Tue, 24 Nov 2026 10:59:00 +0000", ORCHARD),
        ("Dropped: last week", "Fri, 20 Nov 2026 09:00:00 -0500", BRIDGE),
        ("Kept: morning", "Tue, 24 Nov 2026 07:00:00 -0500", CHOIR),
        ("Kept: just before air", "Wed, 25 Nov 2026 06:00:00 -0500", FERRY),
        ("Dropped: after air, tomorrow's", "Wed, 25 Nov 2026 06:01:00 -0500", MARKET),
    ]
    (tmp_path / "feed.xml").write_bytes(rss([
        {"title": t, "link": f"https://gazette.example/{i}", "date": d,
         "content": html_paragraphs(p)} for i, (t, d, p) in enumerate(items)]))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "undated.txt").write_text("Undated market story\n\n"
                                                       + "\n\n".join(MARKET), encoding="utf-8")
    config = show(tmp_path, folder="articles", feeds=["feed.xml"])
    result = ingest(config, EDITION, fetcher=fetcher())
    assert [a.title for a in result.articles] == [
        "Undated market story", "Kept: evening local time", "Kept: morning",
        "Kept: just before air"]
    why = reasons(result.skipped)
    assert why["https://gazette.example/2"] == (
        "published 2026-11-20 09:00, not in the window of the 2026-11-25 edition "
        "(2026-11-24 06:00 to 2026-11-25 06:00 America/New_York)")
    assert why["https://gazette.example/1"].startswith("published 2026-11-24 05:59")
    assert why["https://gazette.example/5"].startswith("published 2026-11-25 06:01")
    window = EditionWindow(EDITION, __import__("zoneinfo").ZoneInfo(TZ))
    assert window.reason(None) is None


def test_window_follows_the_show_clock_across_dst() -> None:
    """On the night clocks go back the window is 25 hours of wall time, still 06:00-06:00."""
    tz = __import__("zoneinfo").ZoneInfo(TZ)
    window = EditionWindow(dt.date(2026, 11, 1), tz, dt.time(6, 0))  # DST ends 02:00 Nov 1
    utc = dt.UTC
    assert window.start.astimezone(utc) == dt.datetime(2026, 10, 31, 10, 0, tzinfo=utc)
    assert window.end.astimezone(utc) == dt.datetime(2026, 11, 1, 11, 0, tzinfo=utc)
    assert window.reason(dt.datetime(2026, 10, 31, 10, 30, tzinfo=utc)) is None  # 06:30 EDT
    assert window.reason(dt.datetime(2026, 10, 31, 9, 59, tzinfo=utc))  # 05:59 EDT
    assert window.reason(dt.datetime(2026, 11, 1, 10, 30, tzinfo=utc)) is None  # 05:30 EST


def test_duplicates_are_dropped_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "01-ferry.md").write_text(
        "---\ntitle: Ferry back in service\nurl: https://gazette.example/news/ferry/\n---\n\n"
        + "\n\n".join(FERRY), encoding="utf-8")
    near = "\n\n".join(FERRY).replace("forty cars", "forty-one cars")
    (folder / "02-ferry-copy.txt").write_text("Harbour ferry is back\n\n" + near, encoding="utf-8")
    (folder / "03-choir.txt").write_text("Choir wins\n\n" + "\n\n".join(CHOIR), encoding="utf-8")
    (tmp_path / "feed.xml").write_bytes(rss([
        {"title": "Ferry returns", "date": "Tue, 24 Nov 2026 09:00:00 -0500",
         "link": "http://www.gazette.example/news/ferry?utm_source=rss#top",
         "content": "<p>Completely different wording about the same ferry story, long "
                    "enough to be a story of its own for the purpose of this test.</p>"}]))
    config = show(tmp_path, folder="articles", feeds=["feed.xml"])
    result = ingest(config, EDITION, fetcher=fetcher())
    assert [a.title for a in result.articles] == ["Ferry back in service", "Choir wins"]
    why = reasons(result.skipped)
    first = str(folder / "01-ferry.md")
    assert why[str(folder / "02-ferry-copy.txt")].startswith(f"duplicate of {first} (text ")
    assert why["http://www.gazette.example/news/ferry?utm_source=rss#top"] == (
        f"duplicate of {first} (same URL http://www.gazette.example/news/ferry"
        "?utm_source=rss#top)")


def test_config_needs_at_least_one_source(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        show(tmp_path)
    assert any("sources.folder is missing" in p and "sources.feeds" in p
               for p in err.value.problems)
    with pytest.raises(ConfigError, match=re.escape("sources.feeds must be a list")):
        show(tmp_path, feeds="https://example.org/feed.xml")
    config = show(tmp_path, folder="articles", feeds=["https://example.org/feed.xml?x=1"])
    assert config.sources_feeds == ("https://example.org/feed.xml?x=1",)


def test_description_airs_when_the_linked_page_cannot_be_fetched(tmp_path: Path,
                                                                  server: Server) -> None:
    """Offline, or the site is down: a feed whose description carries the story still airs."""
    body = " ".join(CHOIR)
    feed = server.body("/desc.xml", rss([
        {"title": "Choir wins regional title", "link": server.url("/gone"),
         "date": "Tue, 24 Nov 2026 10:00:00 -0500", "summary": body},
        {"title": "Teaser only", "link": server.url("/gone-too"),
         "date": "Tue, 24 Nov 2026 11:00:00 -0500", "summary": "Read all about it."}]),
        "application/rss+xml")
    result = ingest(show(tmp_path, feeds=[feed]), EDITION, fetcher=fetcher(timeout=2))
    assert [a.title for a in result.articles] == ["Choir wins regional title"]
    assert " ".join(result.articles[0].lines).split() == body.split()
    why = reasons(result.skipped)[server.url("/gone-too")]
    assert "HTTP 404" in why and "too short to air" in why


def test_bare_date_belongs_to_the_next_morning_edition(tmp_path: Path) -> None:
    """`date: 2026-11-24` (no time) counts as noon: the 06:00 edition of the 25th airs it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "choir.md").write_text("---\ntitle: Choir wins\ndate: 2026-11-24\n---\n\n"
                                     + "\n\n".join(CHOIR), encoding="utf-8")
    config = show(tmp_path, folder="articles")
    assert [a.title for a in ingest(config, EDITION).articles] == ["Choir wins"]
    assert ingest(config, dt.date(2026, 11, 24)).articles == ()
