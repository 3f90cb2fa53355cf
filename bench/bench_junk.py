"""Score junk-line removal on the labelled corpus, next to a naive baseline.

Prints per-file misses and the totals (junk recall and precision, story lines lost) for
``classify_lines`` and for "drop lines with fewer than 8 words", counted over non-blank lines.
Usage: python bench/bench_junk.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_junk_corpus import (  # noqa: E402
    MAX_STORY_LOSS,
    MIN_JUNK_RECALL,
    Classifier,
    LabelledArticle,
    Score,
    load_corpus,
    score,
)

from briefcast.stages.clean import classify_lines  # noqa: E402

BASELINE_MIN_WORDS = 8


def short_lines(lines: Sequence[str], title: str) -> list[bool]:
    """The naive baseline: every line under BASELINE_MIN_WORDS words is junk."""
    return [len(line.split()) < BASELINE_MIN_WORDS for line in lines]


def row(name: str, result: Score) -> str:
    lost = result.story_dropped
    story = result.story_kept + lost
    return (f"{name:<24} junk recall {result.recall:6.3f}  precision {result.precision:6.3f}  "
            f"story lost {result.story_loss:6.2%} ({lost}/{story})  "
            f"junk kept {result.junk_kept}/{result.junk_kept + result.junk_dropped}")


def report(corpus: Sequence[LabelledArticle], classify: Classifier, verbose: bool) -> Score:
    result = score(corpus, classify)
    per_file = Counter(name for name, _, _ in result.misses)
    print("per-file misses (J kept / S dropped):")
    for item in corpus:
        if item.name not in per_file:
            continue
        kept = sum(1 for n, label, _ in result.misses if n == item.name and label == "J")
        print(f"  {item.name:<32} {kept} / {per_file[item.name] - kept}")
        if verbose:
            for n, label, line in result.misses:
                if n == item.name:
                    what = "junk kept   " if label == "J" else "story lost  "
                    print(f"      {what}{line[:100]}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrongly labelled line")
    args = parser.parse_args()
    corpus = load_corpus()
    print(f"corpus: {len(corpus)} articles")
    ours = report(corpus, classify_lines, args.verbose)
    base = score(corpus, short_lines)
    print()
    print(row("classify_lines", ours))
    print(row(f"baseline <{BASELINE_MIN_WORDS} words", base))
    ok = ours.recall >= MIN_JUNK_RECALL and ours.story_loss <= MAX_STORY_LOSS
    print(f"goal: recall >= {MIN_JUNK_RECALL}, story lost <= {MAX_STORY_LOSS:.0%}: "
          f"{'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
