"""What is read aloud from whole web pages: junk, the lead, the lead's facts; before and after.

Every page of the page corpus (``tests/pages.py``: newspaper4k's English test pages and our
own pages in the shape of real sites) goes through the code ``briefcast script`` runs
(``prepare``) as the one story of a one-minute show, once as a whole-page text dump (.txt)
and once as the saved page (.html, trafilatura). Three cleaners are compared, in this run:

* ``locate + clean``: briefcast as it is (the story's run located, then the line cleaner);
* ``clean only``: the line cleaner alone, as before the locator (``locate_story`` bypassed);
* ``< 8 words``: the naive baseline, every line under 8 words dropped, nothing else.

Per story (definitions in ``tests/page_score.py``): junk read aloud, the lead sentence read
first, the lead's numbers and names heard. Goals: junk on <= 2 % of stories, lead >= 95 %,
lead facts >= 95 %; the HTML route no worse than before.
Usage: python bench/bench_pages.py [--verbose] [--route dump|html]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from page_score import CHECKS, Aired, air, facts_found, junk_sentences  # noqa: E402
from pages import Page, all_pages  # noqa: E402

import briefcast.prepare  # noqa: E402
import briefcast.stages.clean  # noqa: E402
from briefcast.models import Article, Skipped, Story  # noqa: E402

BASELINE_MIN_WORDS = 8
GOALS = {"junk aired": 0.02, "lead aired": 0.95, "lead facts": 0.95, "coherent": 0.95}


def short_lines_dropped(article: Article) -> Story | Skipped:
    """The naive baseline: keep every line of BASELINE_MIN_WORDS words or more."""
    kept = tuple(" ".join(line.split()) for line in article.lines
                 if len(line.split()) >= BASELINE_MIN_WORDS)
    if sum(len(p.split()) for p in kept) < briefcast.stages.clean.MIN_STORY_WORDS:
        return Skipped(article.source, "too little text")
    return Story(source=article.source, title=article.title, paragraphs=kept,
                 url=article.url, published=article.published)


@contextmanager
def cleaner(name: str) -> Iterator[None]:
    """Run ``prepare`` with one of the compared cleaners in place of briefcast's own."""
    clean_mod = briefcast.stages.clean
    saved = getattr(clean_mod, "locate_story", None), clean_mod.clean_article
    if name == "clean only" and saved[0] is not None:  # (None: the code before the locator)
        clean_mod.locate_story = lambda lines, junk, *rest: list(junk)
    elif name == f"< {BASELINE_MIN_WORDS} words":
        clean_mod.clean_article = short_lines_dropped  # prepare imports it at call time
    try:
        yield
    finally:
        if saved[0] is not None:
            clean_mod.locate_story = saved[0]
        clean_mod.clean_article = saved[1]


def rates(aired: list[Aired]) -> dict[str, tuple[int, int]]:
    """(hits, total) per column: every check in CHECKS, then the lead facts."""
    found = {name: (sum(check(a) for a in aired), len(aired)) for name, check in CHECKS.items()}
    facts = [facts_found(a) for a in aired]
    found["lead facts"] = (sum(f for f, _ in facts), sum(t for _, t in facts))
    return found


def cell(hits: int, total: int) -> str:
    return f"{hits:>3}/{total:<3} {hits / total if total else 0:6.1%}"


def run(pages: tuple[Page, ...], route: str, name: str) -> list[Aired]:
    with cleaner(name):
        return [air(page, route) for page in pages]


def report(rows: list[tuple[str, str, str, dict[str, tuple[int, int]], float]]) -> None:
    columns = list(CHECKS) + ["lead facts"]
    print(f"{'route':<6} {'cleaner':<16} {'pages':<12} "
          + " ".join(f"{c:>14}" for c in columns) + "   seconds")
    for route, name, subset, found, seconds in rows:
        print(f"{route:<6} {name:<16} {subset:<12} "
              + " ".join(f"{cell(*found[c]):>14}" for c in columns) + f"   {seconds:7.1f}")


def show_misses(aired: list[Aired], checks: dict[str, Callable[[Aired], bool]]) -> None:
    for a in aired:
        junk = junk_sentences(a)
        if junk or not checks["lead aired"](a):
            print(f"  {a.route} {a.page.name}: {a.reason[:80]}")
            for sentence in a.sentences:
                print(f"      {'JUNK ' if sentence in junk else '     '}{sentence[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print the misses of briefcast")
    parser.add_argument("--route", choices=("dump", "html"), action="append")
    args = parser.parse_args()
    pages = all_pages()
    real = sum(p.origin == "newspaper4k" for p in pages)
    print(f"corpus: {len(pages)} pages ({real} from newspaper4k, {len(pages) - real} ours); "
          f"one story a show, about 120 spoken words")
    if not hasattr(briefcast.stages.clean, "locate_story"):
        print("this briefcast has no locate_story: both its rows show its own cleaner")
    rows = []
    for route in args.route or ["dump", "html"]:
        for name in ("locate + clean", "clean only", f"< {BASELINE_MIN_WORDS} words"):
            started = time.perf_counter()
            aired = run(pages, route, name)
            seconds = time.perf_counter() - started
            rows.append((route, name, "all", rates(aired), seconds))
            rows.append((route, name, "newspaper4k",
                         rates([a for a in aired if a.page.origin == "newspaper4k"]), 0.0))
            if args.verbose and name == "locate + clean":
                show_misses(aired, CHECKS)
    print()
    report(rows)
    print()
    for route, name, subset, found, _ in rows:
        if name != "locate + clean" or subset != "all":
            continue
        junk, lead, facts, coherent = (found[c][0] / max(1, found[c][1]) for c in GOALS)
        met = (junk <= GOALS["junk aired"] and lead >= GOALS["lead aired"]
               and facts >= GOALS["lead facts"] and coherent >= GOALS["coherent"])
        print(f"goal ({route}): junk aired <= {GOALS['junk aired']:.0%}, lead aired >= "
              f"{GOALS['lead aired']:.0%}, lead facts >= {GOALS['lead facts']:.0%}, "
              f"coherence clean >= {GOALS['coherent']:.0%}: "
              f"{'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
