"""A cache shared by concurrent builds: private temp names, and a per-key lock so that two
processes wanting the same speech make it once (real espeak-ng, real processes)."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

from briefcast.backends.engines import VoiceSpec, make_engine
from briefcast.cache import Cache, content_key
from briefcast.models import Cue
from briefcast.stages.speak import speak_cues

SENTENCES = ["The council approved the budget after a late vote on Tuesday night.",
             "Ferries were cancelled along the coast as the storm came ashore.",
             "The new emergency wing doubles the number of treatment rooms.",
             "Researchers mapped the seafloor in more detail than ever before.",
             "The festival returns with a record number of artists this summer.",
             "The fleet is bracing for a lean year after the quota cut."]


def test_temp_names_are_private_to_each_thread(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    names: list[Path] = []
    lock = threading.Lock()

    def grab() -> None:
        name = cache.temp_path("segments", "ab" * 32, ".wav")
        with lock:
            names.append(name)

    threads = [threading.Thread(target=grab) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(names)) == 8
    assert all(n.parent == cache.path("segments", "ab" * 32, ".wav").parent for n in names)


def _hold(root: str, key: str, started: Any, release: Any) -> None:
    cache = Cache(Path(root))
    with cache.key_lock("segments", key):
        started.set()
        release.wait(30)
        temp = cache.temp_path("segments", key, ".wav")
        temp.write_bytes(b"made by the first process")
        cache.commit(temp, "segments", key, ".wav")


def test_key_lock_makes_a_second_process_wait_for_the_first(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    started, release = ctx.Event(), ctx.Event()
    key = content_key("lock test")
    holder = ctx.Process(target=_hold, args=(str(tmp_path), key, started, release))
    holder.start()
    assert started.wait(60)
    cache = Cache(tmp_path)
    seen: list[bytes] = []

    def second() -> None:
        with cache.key_lock("segments", key):  # blocks until the holder commits
            seen.append(cache.path("segments", key, ".wav").read_bytes())

    waiter = threading.Thread(target=second)
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive() and not seen  # still waiting while the first one works
    release.set()
    waiter.join(60)
    holder.join(60)
    assert seen == [b"made by the first process"]
    with cache.key_lock("segments", "cd" + key[2:]):  # another stripe: no wait at all
        pass


def _speak(root: str, start: Any, results: Any) -> None:
    cues = tuple(Cue("story", s, s, "en-us", "Story") for s in SENTENCES)
    engine = make_engine([VoiceSpec("pyttsx3", "en-us")], parallelism=1)
    try:
        start.wait(60)
        spoken = speak_cues(cues, 165, engine, Cache(Path(root)))
    finally:
        engine.close()
    results.put((spoken.tts_calls, len(spoken.segments), len(spoken.failures)))


def test_two_processes_speaking_the_same_cues_synthesize_each_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_speak, args=(str(tmp_path), start, results))
               for _ in range(2)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(60)
    assert all(segments == len(SENTENCES) and failures == 0
               for _, segments, failures in outcomes)
    assert sum(calls for calls, _, _ in outcomes) == len(SENTENCES)  # each cue once in all
    assert len(list((tmp_path / "segments").rglob("*.wav"))) == len(SENTENCES)
    assert not list((tmp_path / "segments").rglob("*.tmp"))
