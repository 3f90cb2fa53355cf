"""`briefcast serve` over real HTTP on loopback: ranges, validators, types, and refusals."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path

import pytest

from briefcast.errors import BriefcastError
from briefcast.serve import make_server, parse_range

AUDIO = bytes((i * 7 + i // 251) % 256 for i in range(200_003))


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("serve")
    (base / "outside.txt").write_text("secret outside the root")
    (base / "outside-dir").mkdir()
    (base / "outside-dir" / "secret.txt").write_text("secret")
    out = base / "out"
    (out / "2026-11-24").mkdir(parents=True)
    (out / "feed.xml").write_bytes(b"<?xml version='1.0'?><rss version='2.0'/>")
    (out / "2026-11-24" / "show-2026-11-24.mp3").write_bytes(AUDIO)
    (out / "2026-11-24" / "chapters.json").write_text('{"version": "1.2.0"}')
    (out / "alexa.json").write_text("{}")
    for private in ("episode.json", "script.md", "report.json"):  # an old-layout folder
        (out / "2026-11-24" / private).write_text("{}")
    (out / "2026-11-24" / "notes.json").symlink_to("episode.json")
    (out / "2026-11-24" / "transcript.vtt").write_text("WEBVTT\n")
    (out / "2026-11-24" / "transcript.srt").write_text("1\n")
    (out / "artwork-abc.jpg").write_bytes(b"\xff\xd8jpeg")
    (out / "artwork-abc.png").write_bytes(b"\x89PNGpng")
    (out / "site").mkdir()
    (out / "site" / "index.html").write_text("<p>hello</p>")
    (out / "empty").mkdir()
    (out / ".briefcast.lock").write_text("")
    (out / ".staging-2026-11-25-1").mkdir()
    (out / ".staging-2026-11-25-1" / "x.mp3").write_bytes(b"unpublished")
    (out / "link-out.txt").symlink_to(base / "outside.txt")
    (out / "link-dir").symlink_to(base / "outside-dir")
    (out / "link-in.mp3").symlink_to(out / "2026-11-24" / "show-2026-11-24.mp3")
    (out / "link-hidden").symlink_to(out / ".briefcast.lock")
    return out


@pytest.fixture(scope="module")
def port(root: Path) -> Iterator[int]:
    server = make_server(root, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def fetch(port: int, path: str, method: str = "GET",
          **headers: str | None) -> tuple[http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, headers={k.replace("_", "-"): v for k, v in headers.items()
                                            if v is not None})
        resp = conn.getresponse()
        return resp, resp.read()
    finally:
        conn.close()


MP3 = "/2026-11-24/show-2026-11-24.mp3"


def test_get_whole_file(port: int) -> None:
    resp, body = fetch(port, MP3)
    assert resp.status == 200 and body == AUDIO
    assert resp.getheader("Content-Length") == str(len(AUDIO))
    assert resp.getheader("Accept-Ranges") == "bytes"
    assert resp.getheader("Content-Type") == "audio/mpeg"
    etag = resp.getheader("ETag")
    assert etag and etag.startswith('"') and not etag.startswith("W/")
    assert resp.getheader("Last-Modified", "").endswith("GMT")


def test_head_has_length_and_no_body(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("HEAD", MP3)
        resp = conn.getresponse()
        assert resp.status == 200 and resp.read() == b""
        assert resp.getheader("Content-Length") == str(len(AUDIO))
        assert resp.getheader("Accept-Ranges") == "bytes"
        # Same keep-alive connection: a stray body after HEAD would corrupt this reply.
        conn.request("GET", "/feed.xml")
        resp = conn.getresponse()
        assert resp.status == 200 and resp.read().startswith(b"<?xml")
    finally:
        conn.close()


@pytest.mark.parametrize(("header", "first", "last"), [
    ("bytes=0-99", 0, 99),
    ("bytes=1000-1999", 1000, 1999),
    ("bytes=200000-", 200_000, len(AUDIO) - 1),
    ("bytes=-500", len(AUDIO) - 500, len(AUDIO) - 1),
    ("bytes=-999999999", 0, len(AUDIO) - 1),  # suffix longer than the file: all of it
    ("bytes=199990-999999", 199_990, len(AUDIO) - 1),  # end past the file is clamped
    ("bytes=0-0", 0, 0),
])
def test_range_returns_exact_bytes(port: int, header: str, first: int, last: int) -> None:
    resp, body = fetch(port, MP3, Range=header)
    assert resp.status == 206
    assert body == AUDIO[first:last + 1]
    assert resp.getheader("Content-Range") == f"bytes {first}-{last}/{len(AUDIO)}"
    assert resp.getheader("Content-Length") == str(last - first + 1)
    assert resp.getheader("Content-Type") == "audio/mpeg"


def test_head_with_range_is_206_without_body(port: int) -> None:
    resp, body = fetch(port, MP3, "HEAD", Range="bytes=10-19")
    assert resp.status == 206 and body == b""
    assert resp.getheader("Content-Range") == f"bytes 10-19/{len(AUDIO)}"
    assert resp.getheader("Content-Length") == "10"


@pytest.mark.parametrize("header", ["bytes=200003-", "bytes=999999-1000000", "bytes=-0"])
def test_unsatisfiable_range_is_416(port: int, header: str) -> None:
    resp, body = fetch(port, MP3, Range=header)
    assert resp.status == 416 and body == b""
    assert resp.getheader("Content-Range") == f"bytes */{len(AUDIO)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-5", "bytes=9-3", "bytes=x-"])
def test_ranges_we_do_not_serve_give_the_whole_file(port: int, header: str) -> None:
    resp, body = fetch(port, MP3, Range=header)
    assert resp.status == 200 and body == AUDIO


def test_if_range_with_old_validator_gives_whole_file(port: int) -> None:
    etag = fetch(port, MP3, "HEAD")[0].getheader("ETag")
    resp, body = fetch(port, MP3, Range="bytes=0-9", If_Range=etag)
    assert resp.status == 206 and body == AUDIO[:10]
    resp, body = fetch(port, MP3, Range="bytes=0-9", If_Range='"stale"')
    assert resp.status == 200 and body == AUDIO


def test_if_none_match_gives_304(port: int) -> None:
    first, _ = fetch(port, "/feed.xml")
    etag = first.getheader("ETag")
    resp, body = fetch(port, "/feed.xml", If_None_Match=etag)
    assert resp.status == 304 and body == b""
    assert resp.getheader("ETag") == etag
    resp, _ = fetch(port, "/feed.xml", If_None_Match=f'"other", W/{etag}')
    assert resp.status == 304
    resp, body = fetch(port, "/feed.xml", If_None_Match='"other"')
    assert resp.status == 200 and body.startswith(b"<?xml")


def test_if_modified_since_gives_304(port: int, root: Path) -> None:
    first, _ = fetch(port, "/feed.xml")
    resp, body = fetch(port, "/feed.xml", If_Modified_Since=first.getheader("Last-Modified"))
    assert resp.status == 304 and body == b""
    older = formatdate((root / "feed.xml").stat().st_mtime - 3600, usegmt=True)
    resp, _ = fetch(port, "/feed.xml", If_Modified_Since=older)
    assert resp.status == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
    resp, _ = fetch(port, "/feed.xml", If_None_Match='"other"',
                    If_Modified_Since=first.getheader("Last-Modified"))
    assert resp.status == 200


def test_etag_changes_when_file_is_replaced(port: int, root: Path) -> None:
    path = root / "alexa.json"
    before = fetch(port, "/alexa.json")[0].getheader("ETag")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = fetch(port, "/alexa.json")[0].getheader("ETag")
    assert before != after


@pytest.mark.parametrize("path", ["/2026-11-24/episode.json", "/2026-11-24/script.md",
                                  "/2026-11-24/report.json", "/2026-11-24/notes.json",
                                  "/2026-11-24/%65pisode.json"])
def test_producer_files_of_an_old_layout_are_never_served(port: int, path: str) -> None:
    for method in ("GET", "HEAD"):
        resp, body = fetch(port, path, method=method)
        assert resp.status == 404 and b"{}" not in body


@pytest.mark.parametrize(("path", "ctype"), [
    ("/feed.xml", "application/rss+xml"),
    (MP3, "audio/mpeg"),
    ("/2026-11-24/transcript.vtt", "text/vtt"),
    ("/2026-11-24/transcript.srt", "application/x-subrip"),
    ("/2026-11-24/chapters.json", "application/json+chapters"),
    ("/alexa.json", "application/json"),
    ("/artwork-abc.jpg", "image/jpeg"),
    ("/artwork-abc.png", "image/png"),
    ("/site/index.html", "text/html"),
])
def test_content_types(port: int, path: str, ctype: str) -> None:
    resp, _ = fetch(port, path)
    assert resp.status == 200
    assert resp.getheader("Content-Type", "").split(";")[0] == ctype


def test_directory_serves_index_or_404_never_a_listing(port: int) -> None:
    resp, body = fetch(port, "/site/")
    assert resp.status == 200 and body == b"<p>hello</p>"
    resp, _ = fetch(port, "/site")
    assert resp.status == 301 and resp.getheader("Location") == "/site/"
    for folder in ("/empty/", "/2026-11-24/", "/"):
        resp, body = fetch(port, folder)
        assert resp.status == 404, folder
        assert b"show-2026-11-24" not in body


@pytest.mark.parametrize("path", [
    "/../outside.txt",
    "/2026-11-24/../../outside.txt",
    "/%2e%2e/outside.txt",
    "/%2E%2E/outside.txt",
    "/%2e%2e%2foutside.txt",
    "/2026-11-24/%2e%2e/%2e%2e/outside.txt",
    "/..%2f..%2foutside.txt",
    "/link-out.txt",
    "/link-dir/secret.txt",
    "/%00feed.xml",
    "/..\\outside.txt",
])
def test_nothing_outside_the_root(port: int, path: str) -> None:
    resp, body = fetch(port, path)
    assert resp.status in (403, 404)
    assert b"secret" not in body


@pytest.mark.parametrize("path", [
    "/.briefcast.lock", "/%2ebriefcast.lock", "/.staging-2026-11-25-1/x.mp3", "/link-hidden",
])
def test_hidden_files_are_not_served(port: int, path: str) -> None:
    resp, body = fetch(port, path)
    assert resp.status == 404 and b"unpublished" not in body


def test_symlink_inside_root_is_served(port: int) -> None:
    resp, body = fetch(port, "/link-in.mp3", Range="bytes=0-3")
    assert resp.status == 206 and body == AUDIO[:4]


def test_query_string_is_ignored(port: int) -> None:
    resp, body = fetch(port, "/feed.xml?utm=x")
    assert resp.status == 200 and body.startswith(b"<?xml")


def test_parse_range_edges() -> None:
    assert parse_range("bytes=0-", 0) == "416"
    assert parse_range("bytes=-5", 3) == (0, 2)
    assert parse_range("bytes=-", 10) is None


def test_make_server_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(BriefcastError, match="not a folder"):
        make_server(tmp_path / "missing", "127.0.0.1", 0)


def test_cli_serve(root: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "briefcast", "serve", "--output", str(root),
                             "--port", "0", "--quiet"], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        assert "Serving" in line, line
        port = int(line.rsplit(":", 1)[1].split("/")[0])
        resp, body = fetch(port, "/feed.xml")
        assert resp.status == 200 and body.startswith(b"<?xml")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


PUBLIC = "https://ledger.example.org/podcast/"


@pytest.fixture()
def public_show(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """A feed naming its audio by the public base URL, served by a server that knows it."""
    (tmp_path / "2026-11-24").mkdir()
    (tmp_path / "2026-11-24" / "a.mp3").write_bytes(AUDIO)
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><item><enclosure '
        f'url="{PUBLIC}2026-11-24/a.mp3" length="{len(AUDIO)}" type="audio/mpeg"/>'
        "</item></channel></rss>")
    server = make_server(tmp_path, "127.0.0.1", 0, base_url=PUBLIC)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], tmp_path
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_served_feed_points_apps_at_this_server(public_show: tuple[int, Path]) -> None:
    """An app subscribed to the local server must be able to download what the feed names."""
    import feedparser

    port, _ = public_show
    resp, body = fetch(port, "/feed.xml")
    assert resp.status == 200 and int(resp.getheader("Content-Length", "-1")) == len(body)
    parsed = feedparser.parse(body)
    (enclosure,) = parsed.entries[0].enclosures
    assert enclosure.href == f"http://127.0.0.1:{port}/2026-11-24/a.mp3"
    path = enclosure.href.split(str(port), 1)[1]
    audio_resp, audio = fetch(port, path)
    assert audio_resp.status == 200 and audio == AUDIO and int(enclosure.length) == len(AUDIO)
    etag = resp.getheader("ETag")
    assert fetch(port, "/feed.xml", If_None_Match=etag)[0].status == 304
    assert resp.getheader("Vary") == "Host"  # a shared cache must not mix hosts' copies
    part, chunk = fetch(port, "/feed.xml", Range="bytes=0-9")
    assert part.status == 206 and chunk == body[:10]


@pytest.mark.parametrize("host", ["ledger.example.org",  # behind a proxy: leave it public
                                  "Ledger.Example.org:443",  # the same host, spelled otherwise
                                  'evil"><script>alert(1)</script>',  # never into the feed
                                  ""])
def test_feed_is_left_alone_for_public_or_odd_hosts(public_show: tuple[int, Path],
                                                   host: str) -> None:
    port, root = public_show
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", "/feed.xml", skip_host=True)
        if host:
            conn.putheader("Host", host)
        conn.endheaders()
        body = conn.getresponse().read()
    finally:
        conn.close()
    assert body == (root / "feed.xml").read_bytes()
