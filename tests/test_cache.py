"""The caches a warm rebuild reads: they give what a fresh computation gives, miss when any
input changes, and treat a damaged entry as a miss."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import make_show

from briefcast.cache import Cache, content_key, remembered, remembered_digest
from briefcast.config import ShowConfig, load_config
from briefcast.prepare import Prepared, _from_ingested, prepare
from briefcast.prepared_cache import KIND, cached_prepare, prepared_key
from briefcast.stages.ingest import IngestResult, ingest
from briefcast.stages.pacing import Pace
from briefcast.stages.publish import generated_cover, render_cover

DATE = dt.date(2026, 11, 24)
PACES = {"en-us": Pace(0.0123, 0.25), "en-us+f3": Pace(0.0125, 0.24)}


def _blobs(root: Path, kind: str) -> list[Path]:
    return sorted((root / kind).rglob("*.blob"))


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def test_blob_round_trip_and_damage_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = content_key("test", 1)
    assert cache.get_blob("things", key) is None
    cache.put_blob("things", key, b"payload")
    assert cache.get_blob("things", key) == b"payload"
    [blob] = _blobs(tmp_path, "things")
    _damage(blob)
    assert cache.get_blob("things", key) is None
    blob.write_bytes(blob.read_bytes()[:10])  # truncated
    assert cache.get_blob("things", key) is None
    assert (cache.hits, cache.misses) == (0, 0)  # blobs are not speech: not counted


def test_remembered_renders_once_and_again_after_damage(tmp_path: Path) -> None:
    calls: list[int] = []

    def render() -> bytes:
        calls.append(1)
        return b"rendered %d" % len(calls)

    assert remembered(tmp_path, "pages", ("a",), render) == b"rendered 1"
    assert remembered(tmp_path, "pages", ("a",), render) == b"rendered 1"
    assert remembered(tmp_path, "pages", ("b",), render) == b"rendered 2"  # other input
    _damage(_blobs(tmp_path, "pages")[0])
    remembered(tmp_path, "pages", ("a",), render)
    remembered(tmp_path, "pages", ("b",), render)
    assert len(calls) == 3  # exactly the damaged one was made again


def test_generated_cover_is_the_rendered_cover(tmp_path: Path) -> None:
    title = "Harbor Town Ledger Nightly"
    fresh = render_cover(title)
    assert fresh[:2] == b"\xff\xd8"  # a JPEG
    assert generated_cover(title, tmp_path) == fresh
    _damage(_blobs(tmp_path, "covers")[0])
    assert generated_cover(title, tmp_path) == fresh
    assert generated_cover("Another Show", tmp_path) != fresh


def test_remembered_digest_follows_the_file(tmp_path: Path) -> None:
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"a" * 4096)
    cache = Cache(tmp_path / "cache")
    first = remembered_digest(model, cache)
    assert first == remembered_digest(model, Cache(tmp_path / "cache"))
    stat = model.stat()
    model.write_bytes(b"b" * 4096)  # same size, new content
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the old mtime
    second = remembered_digest(model, cache)
    assert second != first  # ctime moved: hashed again
    import hashlib

    assert second == hashlib.sha256(b"b" * 4096).hexdigest()


@pytest.fixture()
def show(tmp_path: Path) -> ShowConfig:
    return load_config(make_show(tmp_path))


def _counting() -> tuple[list[int], Any]:
    calls: list[int] = []

    def compute(config: ShowConfig, date: dt.date, ingested: IngestResult,
                paces: dict[str, Pace], extra_s: float) -> Prepared:
        calls.append(1)
        logging.getLogger("briefcast.stages.script").info("composed %d stories",
                                                          len(ingested.articles))
        return _from_ingested(config, date, ingested, paces, extra_s)

    return calls, compute


def test_prepared_script_is_reused_only_while_nothing_changes(
        show: ShowConfig, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = Cache(tmp_path / "cache")
    calls, compute = _counting()
    fresh = _from_ingested(show, DATE, ingest(show, DATE), PACES, 5.0)
    with caplog.at_level(logging.INFO, logger="briefcast"):
        first = cached_prepare(show, DATE, ingest(show, DATE), PACES, 5.0, cache, compute)
        replayed_from = len(caplog.records)
        again = cached_prepare(show, DATE, ingest(show, DATE), PACES, 5.0, cache, compute)
    assert first == again == fresh and len(calls) == 1
    # the log of the computation is given again when the result is reused
    messages = [r.getMessage() for r in caplog.records if r.name == "briefcast.stages.script"]
    said = f"composed {len(ingest(show, DATE).articles)} stories"
    assert messages == [said, said], messages
    assert replayed_from < len(caplog.records)

    # Every input is in the key: paces, stings, the date, an article, the lexicon.
    keys = {prepared_key(show, DATE, ingest(show, DATE), PACES, 5.0)}
    keys.add(prepared_key(show, DATE, ingest(show, DATE), {"en-us": Pace(0.0124, 0.25)}, 5.0))
    keys.add(prepared_key(show, DATE, ingest(show, DATE), PACES, 0.0))
    keys.add(prepared_key(show, DATE + dt.timedelta(days=1),
                          ingest(show, DATE + dt.timedelta(days=1)), PACES, 5.0))
    assert len(keys) == 4
    assert show.sources_folder is not None
    article = sorted(show.sources_folder.glob("*.txt"))[1]
    text = article.read_text(encoding="utf-8")
    lead = text.split("\n\n")[1].split(". ")[0]
    article.write_text(text.replace(lead, lead + ", officials said", 1), encoding="utf-8")
    edited = cached_prepare(show, DATE, ingest(show, DATE), PACES, 5.0, cache, compute)
    assert len(calls) == 2 and edited != first
    assert edited == _from_ingested(show, DATE, ingest(show, DATE), PACES, 5.0)
    assert show.lexicon is not None
    show.lexicon.write_text(show.lexicon.read_text(encoding="utf-8")
                            + "\nHarbor = har-bur\n", encoding="utf-8")
    respelled = cached_prepare(show, DATE, ingest(show, DATE), PACES, 5.0, cache, compute)
    assert len(calls) == 3
    assert any("har-bur" in c.spoken for c in respelled.script.cues)


def test_damaged_prepared_entry_is_made_again(show: ShowConfig, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    calls, compute = _counting()
    first = cached_prepare(show, DATE, ingest(show, DATE), PACES, 0.0, cache, compute)
    [blob] = _blobs(cache.root, KIND)
    _damage(blob)
    assert cached_prepare(show, DATE, ingest(show, DATE), PACES, 0.0, cache, compute) == first
    assert len(calls) == 2
    # a blob whose hash checks but whose payload is not a pickle is a miss too
    key = prepared_key(show, DATE, ingest(show, DATE), PACES, 0.0)
    cache.put_blob(KIND, key, b"not a pickle")
    assert cached_prepare(show, DATE, ingest(show, DATE), PACES, 0.0, cache, compute) == first
    assert len(calls) == 3


def test_a_preparation_that_warned_is_not_kept(show: ShowConfig, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    calls: list[int] = []

    def flaky(config: ShowConfig, date: dt.date, ingested: IngestResult,
              paces: dict[str, Pace], extra_s: float) -> Prepared:
        calls.append(1)
        logging.getLogger("briefcast.lexicon").warning("espeak-ng name check failed")
        return _from_ingested(config, date, ingested, paces, extra_s)

    for _ in range(2):
        cached_prepare(show, DATE, ingest(show, DATE), PACES, 0.0, cache, flaky)
    assert len(calls) == 2 and not _blobs(cache.root, KIND)


def test_prepare_with_a_cache_gives_what_prepare_gives(show: ShowConfig,
                                                       tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    plain = prepare(show, DATE, PACES, 5.0)
    assert prepare(show, DATE, PACES, 5.0, cache) == plain  # stored
    assert prepare(show, DATE, PACES, 5.0, cache) == plain  # reused
    assert len(_blobs(cache.root, KIND)) == 1
