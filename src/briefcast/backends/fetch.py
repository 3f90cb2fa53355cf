"""Fetch: download one feed or page over HTTP(S), within limits a nightly job can afford.

One narrow seam (``Fetcher.fetch(url) -> Fetched``) so sources never touch the network
themselves and tests can pass a fake. The real ``UrlFetcher`` uses only the standard
library (no new dependency) and is deliberately strict, because the URLs it follows come
partly from third-party feeds:

- only ``http`` and ``https`` (no ``file:``, ``ftp:``, ``data:``), checked on every hop;
- connect and read timeouts, plus an overall deadline so a slow-drip server cannot stall
  the night;
- a size cap enforced while streaming, not after the whole body is in memory;
- at most ``max_redirects`` redirects, followed by hand so each target is checked;
- a clear User-Agent so publishers can see who is reading.

Every failure is a ``FetchError`` whose message a producer can read; callers turn it into a
``Skipped`` entry and the night goes on.
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin, urlsplit

from briefcast import __version__

if TYPE_CHECKING:
    import http.client
    import urllib.request

log = logging.getLogger(__name__)

USER_AGENT = f"briefcast/{__version__} (+podcast builder)"
TIMEOUT_S = 15.0  # per connect and per read
DEADLINE_S = 60.0  # whole download, all redirects included
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """A URL could not be fetched; ``str(err)`` says why in plain words."""


@dataclass(frozen=True)
class Fetched:
    """One successful response: the final URL after redirects and the raw body."""

    url: str
    body: bytes
    content_type: str = ""  # e.g. "text/html", lower case, without parameters
    charset: str | None = None  # from the Content-Type header, if the server sent one


class Fetcher(Protocol):
    """Anything that can turn a URL into bytes (the real one, or a fake in tests)."""

    def fetch(self, url: str) -> Fetched: ...


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be fetched, or None if it is an absolute http(s) URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"not a valid URL: {url!r}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'a relative'!s} URLs"
    if not parts.hostname:
        return f"URL has no host: {url!r}"
    return None


def _opener(proxies: dict[str, str] | None) -> urllib.request.OpenerDirector:
    """An opener that hands every 3xx back to ``UrlFetcher``, so it can count hops and check
    each target. (urllib is imported here, not at the top: every build loads this module,
    and only shows with feeds fetch anything.)"""
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            return None

    return urllib.request.build_opener(urllib.request.ProxyHandler(proxies), NoRedirect())


class UrlFetcher:
    """The real fetcher, on ``urllib``. ``proxies=None`` honours the usual *_proxy variables;
    pass ``{}`` to connect directly (tests on loopback do)."""

    def __init__(self, *, timeout: float = TIMEOUT_S, deadline: float = DEADLINE_S,
                 max_bytes: int = MAX_BYTES, max_redirects: int = MAX_REDIRECTS,
                 proxies: dict[str, str] | None = None) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._opener = _opener(proxies)

    def fetch(self, url: str) -> Fetched:
        """GET ``url``; raise FetchError on any refusal, failure or limit reached."""
        started = time.monotonic()
        seen: list[str] = []
        current = url
        while True:
            problem = url_problem(current)
            if problem:
                raise FetchError(problem if not seen else f"redirected to a refused URL: {problem}")
            if len(seen) > self.max_redirects:
                raise FetchError(f"more than {self.max_redirects} redirects "
                                 f"(last: {current})")
            if current in seen:
                raise FetchError(f"redirect loop: {current} redirects back to itself "
                                 f"after {len(seen)} hop(s)")
            seen.append(current)
            location = self._get(current, started)
            if isinstance(location, Fetched):
                return location
            log.debug("redirect %s -> %s", current, location)
            current = urljoin(current, location)

    def _get(self, url: str, started: float) -> Fetched | str:
        """One request: the response, or the Location of a redirect."""
        import http.client
        import urllib.error
        import urllib.request

        request = urllib.request.Request(url, headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/rss+xml, application/atom+xml, application/xml, "
                      "text/xml, text/html;q=0.9, */*;q=0.5",
            "Accept-Encoding": "identity",
        })
        try:
            response = self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            with exc:
                if exc.code in _REDIRECTS:
                    location = exc.headers.get("Location")
                    if not location:
                        raise FetchError(f"HTTP {exc.code} redirect without a Location") from None
                    return location
                raise FetchError(f"HTTP {exc.code} {exc.reason} from {url}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise FetchError(f"timed out connecting to {url} after {self.timeout:g} s") from None
            raise FetchError(f"cannot reach {url}: {reason}") from None
        except TimeoutError:
            raise FetchError(f"timed out waiting for {url} after {self.timeout:g} s") from None
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise FetchError(f"cannot fetch {url}: {exc or type(exc).__name__}") from None
        with response:
            return self._read(response, url, started)

    def _read(self, response: http.client.HTTPResponse, url: str, started: float) -> Fetched:
        import http.client

        headers = response.headers
        declared = headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"response is {int(declared):,} bytes, over the "
                             f"{self.max_bytes:,}-byte cap")
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() - started > self.deadline:
                    raise FetchError(f"download of {url} took longer than {self.deadline:g} s")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"response is over the {self.max_bytes:,}-byte cap "
                                     "(stopped reading)")
                chunks.append(chunk)
        except TimeoutError:
            raise FetchError(f"timed out reading {url} after {self.timeout:g} s") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(f"connection broke while reading {url}: {exc}") from None
        content_type = headers.get_content_type() if headers.get("Content-Type") else ""
        charset = headers.get_content_charset()
        return Fetched(url=response.geturl(), body=b"".join(chunks),
                       content_type=content_type, charset=charset)
