"""The prepared script, reused when nothing that decides it has changed.

Cleaning, condensing, composing and checking a night's script is pure computation over
the ingested articles, the config and a few files the checks read, but it is most of a
warm rebuild's time (and loads the normalizer, num2words and the word lists). So its
result is stored in the cache, keyed by everything it depends on:

- the ingested articles and skipped sources, the date, the voices' paces, the stings'
  length, the whole config, and the lexicon file's contents;
- briefcast's own code and every installed distribution's version (``code_version``);
- the system word lists of the show's language and espeak-ng's version (the pronunciation check reads both),
  and the show's time zone data.

Log records made while preparing are kept with the result and given again on reuse, so
a reused script says exactly what a fresh one said. A preparation that logged a warning
(espeak-ng failing in the name check, say) is not stored: it may not happen next time.
A damaged entry, or one that cannot be read back, is a miss.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import zoneinfo
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefcast.cache import Cache, code_version, content_key, file_digest
from briefcast.config import ShowConfig
from briefcast.languages import language_data
from briefcast.stages.pacing import Pace

if TYPE_CHECKING:
    from briefcast.prepare import Prepared
    from briefcast.stages.ingest import IngestResult

log = logging.getLogger(__name__)

KIND = "prepared"
_PACKAGE_LOGGER = "briefcast"
Compute = Callable[[ShowConfig, dt.date, "IngestResult", dict[str, Pace], float], "Prepared"]


def prepared_key(config: ShowConfig, date: dt.date, ingested: IngestResult,
                 paces: dict[str, Pace], extra_s: float) -> str:
    """Everything the prepared script depends on, hashed (see the module docstring)."""
    from briefcast.backends.tts import espeak_version

    return content_key(
        KIND, code_version(), repr(config), file_digest(config.lexicon), date.isoformat(),
        sorted((name, repr(pace)) for name, pace in paces.items()),
        extra_s, repr(ingested),
        [file_digest(p) for p in language_data(config.language).word_lists],
        espeak_version(), _zone_digest(config.timezone))


def _zone_digest(name: str) -> str | None:
    """The time zone's rules as this machine has them (system files first, as zoneinfo)."""
    for root in zoneinfo.TZPATH:
        digest = file_digest(Path(root) / name)
        if digest is not None:
            return digest
    return None  # from the tzdata package, whose version code_version() already holds


def cached_prepare(config: ShowConfig, date: dt.date, ingested: IngestResult,
                   paces: dict[str, Pace], extra_s: float, cache: Cache,
                   compute: Compute) -> Prepared:
    """``compute(...)``, or its stored result when every input is the same."""
    key = prepared_key(config, date, ingested, paces, extra_s)
    stored = _load(cache.get_blob(KIND, key))
    if stored is not None:
        prepared, records = stored
        _replay(records)
        return prepared
    with _captured() as records:
        prepared = compute(config, date, ingested, paces, extra_s)
    _replay(records)
    if all(r["levelno"] < logging.WARNING for r in records):
        cache.put_blob(KIND, key, pickle.dumps((prepared, records),
                                               protocol=pickle.HIGHEST_PROTOCOL))
    return prepared


def _load(data: bytes | None) -> tuple[Prepared, list[dict[str, Any]]] | None:
    if data is None:
        return None
    try:
        # Our own cache folder, written by this code and checked by its hash: the same
        # trust as the cached audio it sits beside.
        prepared, records = pickle.loads(data)
    except Exception:
        log.debug("unreadable prepared-script cache entry; preparing again")
        return None
    return prepared, list(records)


@contextmanager
def _captured() -> Iterator[list[dict[str, Any]]]:
    """Collect every record briefcast's loggers make, whatever the level shown, instead of
    passing them on (``_replay`` passes them on, filtered as usual)."""
    records: list[dict[str, Any]] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append({"name": record.name, "levelno": record.levelno,
                            "levelname": record.levelname, "msg": record.getMessage()})

    logger = logging.getLogger(_PACKAGE_LOGGER)
    level, propagate = logger.level, logger.propagate
    handler = Keep(logging.DEBUG)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def _replay(records: list[dict[str, Any]]) -> None:
    for fields in records:
        logger = logging.getLogger(fields["name"])
        if logger.isEnabledFor(fields["levelno"]):
            logger.handle(logging.makeLogRecord(dict(fields, args=None)))
