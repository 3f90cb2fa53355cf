"""Issue 7 at scale: more SIGKILLed builds and more fuzz cases than the test suite runs.

Runs the kill loop and the two fuzzers of ``tests/test_robustness.py`` and prints how many
kill points and fuzz cases ran and how many failed (the goal is 0). Failing fuzz cases are
all listed rather than stopping at the first. Exit status 1 if anything failed.

Usage: python bench/bench_robustness.py [--kills 40] [--articles 3000] [--configs 3000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_robustness import KNOWN_BUGS, kill_campaign, run_fuzzers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=3000, help="article-file fuzz cases")
    parser.add_argument("--configs", type=int, default=3000, help="config-table fuzz cases")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefcast-kills-") as tmp:
        kills = kill_campaign(Path(tmp), args.kills, args.seed, say=print)
    print(f"kills: {kills.summary()}")
    for failure in kills.failures:
        print(f"  FAIL {failure}")
    if kills.litter:
        print(f"  left behind by killed builds: {', '.join(kills.litter)}")

    started = time.monotonic()
    fuzz = run_fuzzers(args.articles, args.configs, keep_going=True)
    print(f"fuzz: {fuzz.summary()}; {time.monotonic() - started:.1f} s")
    for failure in fuzz.failures[:20]:
        print(f"  FAIL {failure}")
    for bug in sorted(fuzz.known):
        print(f"  known bug {bug}: {KNOWN_BUGS[bug]}")
    return 1 if kills.failures or fuzz.failures else 0


if __name__ == "__main__":
    sys.exit(main())
