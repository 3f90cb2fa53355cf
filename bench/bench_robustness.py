"""Issue 7 at scale: more SIGKILLed builds and more fuzz cases than the test suite runs.

Runs the kill loop and the two fuzzers of ``tests/test_robustness.py``, and the date fuzzer
of ``tests/test_dates_wild.py`` (issue 12: every date source, HTML meta, JSON-LD, front
matter, RSS and Atom, through the whole ingest), and prints how many kill points and fuzz
cases ran and how many failed (the goal is 0). Failing fuzz cases are
all listed rather than stopping at the first. Exit status 1 if anything failed.

Usage: python bench/bench_robustness.py [--kills 40] [--articles 3000] [--configs 3000]
                                       [--dates 300]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_dates_wild import run_date_fuzz  # noqa: E402
from test_robustness import KNOWN_BUGS, kill_campaign, run_fuzzers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=3000, help="article-file fuzz cases")
    parser.add_argument("--configs", type=int, default=3000, help="config-table fuzz cases")
    parser.add_argument("--dates", type=int, default=300,
                        help="fuzz cases per date source (10 sources)")
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

    started = time.monotonic()
    ran, date_failures = run_date_fuzz(args.dates, keep_going=True)
    print(f"dates: {sum(ran.values())} fuzz cases ("
          + ", ".join(f"{k} {v}" for k, v in sorted(ran.items()))
          + f"); {len(date_failures)} failures; {time.monotonic() - started:.1f} s")
    for failure in date_failures[:20]:
        print(f"  FAIL {failure}")
    return 1 if kills.failures or fuzz.failures or date_failures else 0


if __name__ == "__main__":
    sys.exit(main())
