"""The page corpus: whole web pages with their known article bodies, as dumps and as HTML.

Two parts, read at test and bench time:

* **Real pages**: the English news pages (and their expected article texts) that ship in
  newspaper4k's source distribution, ``tests/data/html`` and ``tests/data/txt``. The sdist is
  downloaded by ``./scripts/test.sh`` (``python tests/pages.py --fetch``) into
  ``.cache/newspaper4k/`` (gitignored) and read from the tarball; nothing from it is committed.
  It is missing: every test that needs it fails, saying how to get it.
* **Our pages** (``tests/corpus/pages``): fiction written by us in the shape of real sites,
  one labelled line per dump line (README there). Their HTML is rendered from the labels.

Each page becomes a whole-page text dump (``pagedump.page_dump``; title first, one block per
line, as a simple scraper writes it) and saved HTML, with its ground-truth body paragraphs.
"""

from __future__ import annotations

import hashlib
import html
import json
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pagedump import page_dump

ROOT = Path(__file__).resolve().parent.parent
NEWSPAPER4K = "0.9.6"  # pinned: the tests' thresholds were measured on its pages
CACHE = ROOT / ".cache" / "newspaper4k"
SDIST = CACHE / f"newspaper4k-{NEWSPAPER4K}.tar.gz"
OURS = Path(__file__).resolve().parent / "corpus" / "pages"
LABELS = ("T", "N", "J", "S", "H", "R", "C")
BODY = ("S", "H")  # labels of the article's own lines (ground truth)


@dataclass(frozen=True)
class Page:
    """One web page: its dump, its HTML and the article body it carries."""

    name: str
    origin: str  # "newspaper4k" or "ours"
    dump: str  # the scraper's export: title line, then one line per text block
    html: str
    body: tuple[str, ...]  # ground truth: the article's paragraphs, in order

    @property
    def title(self) -> str:
        return self.dump.split("\n", 1)[0]


def fetch() -> Path:
    """Download the pinned newspaper4k sdist into the cache once (``pip download``)."""
    if not SDIST.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "--no-binary", ":all:", "--disable-pip-version-check",
                        "-d", str(CACHE), f"newspaper4k=={NEWSPAPER4K}"], check=True)
    return SDIST


# newspaper4k's expected texts are its own extractor's output, not hand-labelled; where they
# are plainly wrong they are corrected here, by position (no text of theirs is stored).
# name: (body paragraphs to drop, dump lines to put in front of the body)
CORRECTIONS: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "cnn_article": ((0,), ()),  # paragraph 0 is a call for readers' photos, not the story
    "article_with_divs": ((), (18,)),  # the story's first paragraph is missing
}


def _corrected(name: str, body: tuple[str, ...], dump: str) -> tuple[str, ...]:
    drop, lead = CORRECTIONS.get(name, ((), ()))
    lines = dump.split("\n")
    return (tuple(lines[i] for i in lead)
            + tuple(p for i, p in enumerate(body) if i not in drop))


@lru_cache(maxsize=1)
def real_pages() -> tuple[Page, ...]:
    """newspaper4k's English test pages that come with an expected article text."""
    assert SDIST.is_file(), (f"{SDIST} is missing: run ./scripts/test.sh, or "
                             f"python tests/pages.py --fetch")
    pages, seen = [], set()
    with tarfile.open(SDIST) as tar:
        files = {Path(m.name).relative_to(f"newspaper4k-{NEWSPAPER4K}").as_posix(): m
                 for m in tar.getmembers() if m.isfile()}

        def read(name: str) -> str | None:
            member = files.get(f"tests/data/{name}")
            extracted = tar.extractfile(member) if member else None
            return extracted.read().decode("utf-8", "replace") if extracted else None

        for name in sorted(files):
            if not (name.startswith("tests/data/html/") and name.endswith(".html")):
                continue
            stem = Path(name).stem
            page, text, meta = (read(f"html/{stem}.html"), read(f"txt/{stem}.txt"),
                                read(f"metadata/{stem}.json"))
            if page is None or text is None or meta is None:
                continue
            digest = hashlib.sha256(page.encode()).hexdigest()
            if json.loads(meta).get("language") != "en" or digest in seen:
                continue  # English only; one copy of a page shipped under two names
            seen.add(digest)
            body = tuple(" ".join(p.split()) for p in text.split("\n") if p.strip())
            dump = page_dump(page)
            pages.append(Page(stem, "newspaper4k", dump, page, _corrected(stem, body, dump)))
    return tuple(pages)


def split_labelled(text: str) -> list[tuple[str, str]]:
    """``LABEL<TAB>text`` lines as (label, text); raises ValueError on a bad line."""
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        label, tab, rest = line.partition("\t")
        if not tab or label not in LABELS or not rest.strip():
            raise ValueError(f"line {number}: expected LABEL<TAB>text, got {line[:40]!r}")
        pairs.append((label, rest))
    return pairs


def render_html(pairs: list[tuple[str, str]]) -> str:
    """A plausible saved page for labelled lines: header chrome, article, asides, footer."""
    title = pairs[0][1]
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{esc(title)}</title>", "</head><body>"]
    first_body = next(i for i, (label, _) in enumerate(pairs) if label in BODY)
    last_body = max(i for i, (label, _) in enumerate(pairs) if label in BODY)
    for i, (label, text) in enumerate(pairs[1:], 1):
        t = esc(text)
        if label == "N":
            parts.append(f'<nav class="site-nav"><a href="/s/{i}">{t}</a></nav>'
                         if len(text.split()) < 6 else f'<div class="notice"><p>{t}</p></div>')
        elif label == "J" and text == title:
            parts.append(f'<article class="story"><h1>{t}</h1>')
        elif label == "J":
            where = "story-meta" if i < first_body else "story-insert"
            parts.append(f'<div class="{where}"><span>{t}</span></div>')
        elif label == "S":
            parts.append(f"<p>{t}</p>")
        elif label == "H":
            parts.append(f"<h2>{t}</h2>")
        elif label == "C":
            parts.append(f'<div class="comment"><p>{t}</p></div>')
        else:  # R: after the article
            parts.append(f'<aside class="related"><a href="/r/{i}">{t}</a></aside>'
                         if len(text.split()) < 10 else f'<aside class="promo"><p>{t}</p></aside>')
        if i == last_body:
            parts.append("</article>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


@lru_cache(maxsize=1)
def our_pages() -> tuple[Page, ...]:
    """The committed fiction pages, each as its dump and its rendered HTML."""
    pages = []
    for path in sorted(OURS.glob("*.txt")):
        pairs = split_labelled(path.read_text(encoding="utf-8"))
        dump = "".join(text + "\n" for _, text in pairs)
        body = tuple(text for label, text in pairs if label in BODY)
        pages.append(Page(path.stem, "ours", dump, render_html(pairs), body))
    return tuple(pages)


def all_pages() -> tuple[Page, ...]:
    return real_pages() + our_pages()


if __name__ == "__main__":
    if sys.argv[1:] == ["--fetch"]:
        print(fetch())
    else:
        sys.exit("usage: python tests/pages.py --fetch")
