"""Ingest: read the article files of a show's source folder into ``Article`` values.

Bad files never end the night: empty, binary, oversized or non-UTF-8 files come back as
``Skipped`` with a reason the producer can act on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from briefcast.models import Article, Skipped

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 2_000_000  # a news article is a few KB; anything this big is not one


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def read_article(path: Path) -> Article | Skipped:
    """Decode one scraped plain-text article; the first non-blank line is its title."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(source, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte cap")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(source, f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return Skipped(source, "file is empty")
    if b"\x00" in data[:8192]:
        return Skipped(source, "file is binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Skipped(source, f"file is not UTF-8 text (invalid byte at offset {exc.start}); "
                               "re-save it as UTF-8")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line.replace("\u00a0", " ") for line in lines]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Skipped(source, "file has no text")
    title = " ".join(lines[first].split())
    return Article(source=source, title=title, lines=tuple(lines[first + 1:]))


def ingest_folder(folder: Path) -> IngestResult:
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
        result = read_article(path)
        if isinstance(result, Skipped):
            log.warning("skipped %s: %s", path.name, result.reason)
            skipped.append(result)
        else:
            articles.append(result)
    return IngestResult(tuple(articles), tuple(skipped))
