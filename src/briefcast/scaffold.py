"""``briefcast init``: a new show's folder that builds as it is, for a producer to edit.

The files come from ``briefcast/starter/`` (package data): a commented ``briefcast.toml``,
``articles/`` with one example article of our own, and a pronunciation lexicon. Nothing
that exists is ever overwritten: if any of the files is already there, nothing is written
and the error names every one of them.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from briefcast.errors import UsageError

log = logging.getLogger(__name__)

STARTER_FILES = ("briefcast.toml", "lexicon.txt", "articles/example.md")


def create_show(folder: Path) -> list[Path]:
    """Write the starter show into ``folder`` (made if missing); return the files written."""
    targets = [folder / name for name in STARTER_FILES]
    taken = [t for t in targets if t.exists() or t.is_symlink()]
    if taken:
        raise UsageError(f"{folder} already has {', '.join(str(t) for t in taken)}: nothing "
                         "was written (briefcast init never overwrites a file; pick an empty "
                         "or new folder)")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    starter = resources.files("briefcast") / "starter"
    written: list[Path] = []
    try:
        for name, target in zip(STARTER_FILES, targets):
            data = starter.joinpath(*name.split("/")).read_bytes()
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as fh:  # "x": a file that appeared meanwhile is kept
                fh.write(data)
            written.append(target)
    except OSError:
        for path in written:  # all or nothing: a half-made show would not build
            path.unlink(missing_ok=True)
        raise
    log.info("created a show in %s", folder)
    return written
