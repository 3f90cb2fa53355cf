"""A local HTTP server over the output folder that podcast apps can subscribe to.

Python's ``SimpleHTTPRequestHandler`` ignores ``Range`` (always 200) and lists folders;
podcast apps seek with byte ranges, probe with HEAD and revalidate the feed with
``If-None-Match``/``If-Modified-Since``. This handler does those right for GET and HEAD,
serves only regular, non-hidden files under its root (no listings, no ``..``, no symlinks
out of the root) and nothing else; never the producer's files (``episode.json``,
``script.md``, ``report.json``), which an output folder from before they moved to the
private folder still holds until its next build. It is a preview and LAN server, not a hardened CDN.

The feed names its files by the show's public ``base_url``. A podcast app subscribed to this
server must fetch them from here instead, so when the server knows the ``base_url``, the
feed, pages and Alexa file it sends say this server's address instead (as the app asked
for it in ``Host``), unless the app reached it under the public host itself (a proxy).
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import logging
import os
import re
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from briefcast.errors import BriefcastError
from briefcast.stages.records import PRIVATE_NAMES

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
REWRITTEN = (".xml", ".html", ".json")  # files that name others by their public URL
REWRITE_MAX = 16 * 1024 * 1024
# A Host header goes into the feed and pages: only a plain host name or address and port.
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?")
CONTENT_TYPES = {
    ".xml": "application/rss+xml",
    ".mp3": "audio/mpeg",
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml",
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def content_type(path: Path) -> str:
    """The Content-Type for a served file (chapters get the Podcasting 2.0 type)."""
    if path.name.endswith("chapters.json"):
        return "application/json+chapters"
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


def parse_range(header: str, size: int) -> tuple[int, int] | str | None:
    """One byte range as inclusive ``(first, last)``, ``None`` to ignore it, or ``"416"``.

    Per RFC 9110 a Range the server does not understand (other units, several ranges,
    bad syntax) is ignored and the whole file sent; a well-formed range that starts past
    the end is unsatisfiable.
    """
    match = _RANGE.match(header.strip())
    if not match or (not match.group(1) and not match.group(2)):
        return None
    first_s, last_s = match.groups()
    if not first_s:  # suffix: the last n bytes
        n = int(last_s)
        if n == 0 or size == 0:
            return "416"
        return max(0, size - n), size - 1
    first = int(first_s)
    if last_s and int(last_s) < first:  # "9-3" is invalid, not unsatisfiable
        return None
    if first >= size:
        return "416"
    return first, min(int(last_s), size - 1) if last_s else size - 1


class BriefcastServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the folder it serves."""

    daemon_threads = True

    def __init__(self, root: Path, address: tuple[str, int], base_url: str | None = None
                 ) -> None:
        self.root = root.resolve()
        self.base_url = base_url  # public address the files name; rewritten to ours
        super().__init__(address, RangeRequestHandler)

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket],
                     client_address: tuple[str, int]) -> None:
        """A listener who skips ahead or closes the app drops the connection: not an error."""
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError,
                                          ConnectionAbortedError, TimeoutError)):
            log.debug("%s closed the connection", client_address[0])
            return
        super().handle_error(request, client_address)


class RangeRequestHandler(BaseHTTPRequestHandler):
    """GET/HEAD of static files with ranges, validators and a strict view of the root."""

    server: BriefcastServer
    protocol_version = "HTTP/1.1"  # keep-alive: apps issue many small range requests
    server_version = "briefcast"
    sys_version = ""  # no Python version in the Server header
    timeout = 60  # an idle keep-alive connection does not hold a thread forever

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # --- resolution ------------------------------------------------------------------

    def _raw_path(self) -> str:
        """The request path without query or fragment, still percent-encoded."""
        target = self.path
        if not target.startswith("/") and "://" in target:  # absolute-form: http://host/p
            target = "/" + target.split("://", 1)[1].partition("/")[2]
        return target.split("?", 1)[0].split("#", 1)[0]

    def _resolve(self) -> Path | None:
        """The file or folder the request names, or None when it must not be served."""
        decoded = unquote(self._raw_path())
        parts = [p for p in decoded.split("/") if p]
        # '..' and dot-files are refused by name before touching the disk; then symlinks
        # are resolved and the real path must still be inside the root and not hidden.
        if any(p.startswith(".") or "\x00" in p or "\\" in p for p in parts):
            return None
        root = self.server.root
        try:
            real = root.joinpath(*parts).resolve()
            rel = real.relative_to(root)
        except (ValueError, OSError):
            return None
        if any(p.startswith(".") for p in rel.parts):
            return None
        if rel.parts and rel.parts[-1] in PRIVATE_NAMES:  # an old layout, not yet rebuilt
            return None
        return real

    # --- responses -------------------------------------------------------------------

    def _respond(self, send_body: bool) -> None:
        target = self._resolve()
        if target is not None and target.is_dir():
            raw = self._raw_path()
            if not raw.endswith("/"):
                # '/' + stripped: a request for '//host' must not redirect off-site.
                self._redirect("/" + raw.lstrip("/") + "/")
                return
            target = target / "index.html"
        if target is None or not target.is_file():
            self.send_error(HTTPStatus.NOT_FOUND, "Not found")
            return
        try:
            fh = open(target, "rb")  # noqa: SIM115 (a with block follows)
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "Not found")
            return
        with fh:
            st = os.fstat(fh.fileno())
            tag = f"{st.st_size:x}-{st.st_mtime_ns:x}"
            local = self._local_copy(fh, target)
            if local is not None:
                data = local
                tag += "-" + hashlib.sha256(data).hexdigest()[:8]
                self._send_file(io.BytesIO(data), target, len(data), st.st_mtime, tag,
                                send_body)
            else:
                self._send_file(fh, target, st.st_size, st.st_mtime, tag, send_body)

    def _local_copy(self, fh: BinaryIO, path: Path) -> bytes | None:
        """The file with the public base URL replaced by this server's, if it names it."""
        base = self.server.base_url
        host = self.headers.get("Host", "")
        if (not base or not _HOST.fullmatch(host) or path.suffix.lower() not in REWRITTEN
                or _same_host(base, host) or path.stat().st_size > REWRITE_MAX):
            return None
        data = fh.read()
        ours = f"http://{host}/".encode("ascii", "replace")
        return data.replace(base.encode("ascii"), ours)

    def _send_file(self, fh: BinaryIO, path: Path, size: int, mtime: float, tag: str,
                   send_body: bool) -> None:
        etag = f'"{tag}"'
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        validators = {"ETag": etag, "Last-Modified": last_modified,
                      "Accept-Ranges": "bytes"}
        if self.server.base_url and path.suffix.lower() in REWRITTEN:
            validators["Vary"] = "Host"  # the body names the host the client asked for
        if self._not_modified(etag, int(mtime)):
            self._send_head(HTTPStatus.NOT_MODIFIED, validators, length=None)
            return

        first, last = 0, size - 1
        status = HTTPStatus.OK
        range_header = self.headers.get("Range")
        if range_header and self._if_range_holds(etag, last_modified):
            wanted = parse_range(range_header, size)
            if wanted == "416":
                self._send_head(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                                {**validators, "Content-Range": f"bytes */{size}"}, length=0)
                return
            if isinstance(wanted, tuple):
                first, last = wanted
                status = HTTPStatus.PARTIAL_CONTENT
                validators["Content-Range"] = f"bytes {first}-{last}/{size}"
        length = last - first + 1
        self._send_head(status, {**validators, "Content-Type": content_type(path)},
                        length=length)
        if send_body and length > 0:
            self._copy(fh, first, length)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        """RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only without it."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or etag in tags  # weak comparison, as the RFC asks here
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                return False
            return mtime <= since.timestamp()
        return False

    def _if_range_holds(self, etag: str, last_modified: str) -> bool:
        """A Range is honoured only if If-Range (when sent) still names this version."""
        if_range = self.headers.get("If-Range")
        return if_range is None or if_range.strip() in (etag, last_modified)

    def _send_head(self, status: HTTPStatus, headers: dict[str, str],
                   length: int | None) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _copy(self, fh: BinaryIO, first: int, length: int) -> None:
        fh.seek(first)
        remaining = length
        try:
            while remaining > 0:
                chunk = fh.read(min(CHUNK, remaining))
                if not chunk:  # the file shrank under us: close rather than send short
                    self.close_connection = True
                    return
                self.wfile.write(chunk)
                remaining -= len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            # Players drop connections whenever the listener seeks; not an error.
            self.close_connection = True


def _same_host(base_url: str, host: str) -> bool:
    """Whether a request's Host is the public host itself (a proxy in front of us)."""
    public = urlsplit(base_url)
    default = {"https": "443", "http": "80"}.get(public.scheme, "")
    wanted = public.netloc.lower().removesuffix(f":{default}")
    return host.lower().removesuffix(":80").removesuffix(":443") == wanted


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000,
                base_url: str | None = None) -> BriefcastServer:
    """A server for ``root`` bound to ``host:port`` (port 0 picks a free one); not started.

    With ``base_url`` (the show's), the feed and pages it sends point at this server.
    """
    if not root.is_dir():
        raise BriefcastError(f"nothing to serve: {root} is not a folder (build first?)")
    try:
        return BriefcastServer(root, (host, port), base_url)
    except OSError as exc:
        raise BriefcastError(f"cannot listen on {host}:{port}: {exc}") from exc
