"""Content-addressed store for slow results (synthesized segments).

The key hashes everything that changes the output: stage version, engine fingerprint
(engine and espeak-ng versions), options, and the input text. A config change therefore
misses the cache by itself; there is never a need for ``--ignore-cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def content_key(*parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


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
        """A private file name next to the final one, for the producer to fill."""
        final = self.path(kind, key, suffix)
        final.parent.mkdir(parents=True, exist_ok=True)
        return final.with_name(f".{final.name}.{os.getpid()}.tmp")

    def commit(self, temp: Path, kind: str, key: str, suffix: str) -> Path:
        final = self.path(kind, key, suffix)
        os.replace(temp, final)
        return final
