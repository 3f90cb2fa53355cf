"""Content-addressed store for slow results (synthesized segments, mixes, scripts, art).

The key hashes everything that changes the output: stage version, engine fingerprint
(engine and espeak-ng versions), options, and the input text. A config change therefore
misses the cache by itself; there is never a need for ``--ignore-cache``.

The cache may be shared: by the shows of a network building at once in several processes,
or by several machines on a network filesystem. Every entry is written to a private
temporary name (host, process, thread and a random part) and renamed into place, so a
reader sees a whole entry or none, and two writers of the same key both succeed with the
same bytes. ``Cache.key_lock`` lets a producer of a slow result (speech) wait while another
process makes the same one, instead of making it twice.

Results computed by a whole stretch of briefcast's own code (the prepared script, the
generated cover) are keyed by ``code_version()``: a hash of briefcast's source files and
the names and versions of every installed distribution, so an edit or an upgrade misses
by itself, without a version constant someone has to remember to bump. Such results are
stored as checked blobs (``put_blob``/``get_blob``): a damaged entry reads as a miss.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import re
import secrets
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent
_DIGEST_LEN = 64  # hex sha256 that heads every blob
_KNOWN_DIGESTS: dict[str, str] = {}  # remembered_digest's answers in this process
LOCK_STRIPES = 4096  # key_lock's lock files: keys share them by their first 3 hex digits
_HOST = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40] or "host"


def content_key(*parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """briefcast's own source files and the installed distributions, as one hash.

    Reading the ~60 source files and listing the ``*.dist-info`` folders on ``sys.path``
    takes a few milliseconds; asking ``importlib.metadata`` would cost far more.
    """
    sha = hashlib.sha256(sys.version.encode("utf-8"))
    for root, dirs, names in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(n for n in names if n.endswith((".py", ".html", ".css", ".js"))):
            path = os.path.join(root, name)
            sha.update(os.path.relpath(path, _PACKAGE).encode("utf-8") + b"\0")
            with open(path, "rb") as fh:
                sha.update(fh.read() + b"\0")
    for name in installed_distributions():
        sha.update(name.encode("utf-8") + b"\0")
    return sha.hexdigest()


def remembered(cache_dir: Path, kind: str, parts: tuple[Any, ...],
               render: Callable[[], bytes]) -> bytes:
    """``render()``, or what it gave before for the same ``parts`` and the same code.

    For pure functions of their inputs whose result is costly to make or needs slow
    imports (the generated cover, the feed, the pages); ``parts`` must hold every input,
    as values whose ``repr`` or JSON says all of them."""
    cache = Cache(cache_dir)
    key = content_key(kind, code_version(), *parts)
    data = cache.get_blob(kind, key)
    if data is None:
        data = render()
        cache.put_blob(kind, key, data)
    return data


@functools.lru_cache(maxsize=1)
def installed_distributions() -> list[str]:
    """``name-version.dist-info`` (and ``.egg-info``) folder names found on ``sys.path``."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.update(f"{entry}/{n}" for n in names if n.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def distribution_version(name: str) -> str | None:
    """An installed distribution's version (what ``importlib.metadata.version`` says), or
    None if it is not installed. Read from the ``.dist-info`` folder names first:
    importing ``importlib.metadata`` costs more than the rest of a warm rebuild's checks."""
    wanted = re.sub(r"[-_.]+", "_", name).lower()
    for entry in installed_distributions():
        stem = entry.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        dist, _, rest = stem.partition("-")
        if re.sub(r"[-_.]+", "_", dist).lower() == wanted and rest:
            return rest.split("-")[0]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def file_digest(path: Path | None) -> str | None:
    """sha256 of a file's bytes; None when there is no such file (that is an input too)."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def remembered_digest(path: Path, cache: Cache | None = None) -> str:
    """sha256 of a large file that rarely changes (a voice model), remembered under its
    path, size, mtime, inode and ctime, in this process and in ``cache``: a changed,
    replaced or touched file is hashed again. Raises OSError if it cannot be read."""
    stat = path.stat()
    ident = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino,
             stat.st_ctime_ns)
    key = content_key("file-digest", *ident)
    known = _KNOWN_DIGESTS.get(key)
    if known is None and cache is not None:
        known = (cache.get_blob("digests", key) or b"").decode("ascii", "replace")
    if known is None or len(known) != _DIGEST_LEN:
        sha = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                sha.update(block)
        known = sha.hexdigest()
        if cache is not None:
            cache.put_blob("digests", key, known.encode("ascii"))
    _KNOWN_DIGESTS[key] = known
    return known


class Cache:
    """Files under ``root/<kind>/<key[:2]>/<key><suffix>``, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0

    def path(self, kind: str, key: str, suffix: str) -> Path:
        return self.root / kind / key[:2] / f"{key}{suffix}"

    def lookup(self, kind: str, key: str, suffix: str) -> Path | None:
        path = self.path(kind, key, suffix)
        if path.is_file() and path.stat().st_size > 0:
            self.hits += 1
            return path
        self.misses += 1
        return None

    def temp_path(self, kind: str, key: str, suffix: str) -> Path:
        """A private file name next to the final one, for the producer to fill: unique
        to this host, process and thread, and random, so concurrent writers of one key
        (threads of a build, builds of a network, machines sharing the folder) never
        write into each other's file."""
        final = self.path(kind, key, suffix)
        final.parent.mkdir(parents=True, exist_ok=True)
        return final.with_name(f".{final.name}.{_HOST}.{os.getpid()}."
                               f"{threading.get_ident()}.{secrets.token_hex(4)}.tmp")

    @contextmanager
    def key_lock(self, kind: str, key: str) -> Iterator[None]:
        """Hold an exclusive lock for ``key`` while making its entry.

        A process that finds the entry missing takes the lock, looks again, and only then
        makes it: a second process wanting the same entry waits and then finds it made.
        ``flock`` is released by the kernel when a process dies, so a killed build never
        leaves a key locked; on NFS, Linux maps it to a POSIX lock the server keeps. Keys
        share ``LOCK_STRIPES`` lock files (by their first hex digits), so the folder does
        not fill with one lock file per entry; two different keys in one stripe only wait
        for each other. A cache folder that cannot be written is used without a lock.
        """
        lock = self.root / "locks" / kind / key[:3]
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fh = open(lock, "a+b")  # noqa: SIM115 (held across the yield, closed below)
        except OSError:
            yield
            return
        try:
            fcntl.flock(fh, fcntl.LOCK_EX)
            yield
        finally:
            fh.close()

    def commit(self, temp: Path, kind: str, key: str, suffix: str) -> Path:
        final = self.path(kind, key, suffix)
        os.replace(temp, final)
        return final

    def get_blob(self, kind: str, key: str) -> bytes | None:
        """The bytes stored under ``key``, or None if absent or damaged (not counted as a
        hit or miss: ``hits`` counts speech segments for the build report)."""
        try:
            raw = self.path(kind, key, ".blob").read_bytes()
        except OSError:
            return None
        digest, data = raw[:_DIGEST_LEN], raw[_DIGEST_LEN + 1:]
        if raw[_DIGEST_LEN:_DIGEST_LEN + 1] != b"\n" or \
                hashlib.sha256(data).hexdigest().encode("ascii") != digest:
            return None
        return data

    def put_blob(self, kind: str, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` with its hash; a cache that cannot be written is
        only slower next time, so write errors are ignored."""
        temp = self.path(kind, key, ".blob")
        try:
            temp = self.temp_path(kind, key, ".blob")
            temp.write_bytes(hashlib.sha256(data).hexdigest().encode("ascii") + b"\n" + data)
            self.commit(temp, kind, key, ".blob")
        except OSError:
            if temp.name.endswith(".tmp"):
                temp.unlink(missing_ok=True)
