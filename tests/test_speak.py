"""The speak stage with the real pyttsx3/espeak-ng, plus a fake engine for failure paths."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefcast.backends.tts import Pyttsx3Engine
from briefcast.cache import Cache
from briefcast.errors import SynthesisError
from briefcast.models import Cue
from briefcast.stages.speak import check_wav, speak_cues


def cue(text: str, voice: str = "en-us") -> Cue:
    return Cue("story", text, text, voice, "Chapter")


TEXTS = [
    "The harbor council met on Tuesday night to vote on the new budget.",
    "Ferries to the island were cancelled for the rest of the day because of high winds.",
    "Researchers mapped the sea floor in more detail than ever before.",
    "Tickets for the lantern festival go on sale next week.",
]


@pytest.fixture(scope="module")
def engine() -> Iterator[Pyttsx3Engine]:
    eng = Pyttsx3Engine(parallelism=2)
    yield eng
    eng.close()


def test_real_segments_are_plausible_and_cached(engine: Pyttsx3Engine, tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cues = tuple(cue(t) for t in TEXTS)
    first = speak_cues(cues, 165, engine, cache)
    assert first.failures == () and first.tts_calls == len(TEXTS)
    for seg in first.segments:
        words = len(seg.cue.spoken.split())
        # espeak-ng at 165 wpm: measured length within 35 % of the word count's airtime
        assert 0.65 < seg.duration_s / (words * 60 / 165) < 1.6
        assert seg.sample_rate == 22050
    second = speak_cues(cues, 165, engine, cache)
    assert second.tts_calls == 0 and all(s.cached for s in second.segments)
    assert [s.path for s in second.segments] == [s.path for s in first.segments]


def test_rate_changes_duration(engine: Pyttsx3Engine, tmp_path: Path) -> None:
    slow = speak_cues((cue(TEXTS[1]),), 120, engine, Cache(tmp_path)).segments[0]
    fast = speak_cues((cue(TEXTS[1]),), 240, engine, Cache(tmp_path)).segments[0]
    assert 1.6 < slow.duration_s / fast.duration_s < 2.4


def test_long_text_does_not_crash(engine: Pyttsx3Engine, tmp_path: Path) -> None:
    text = " ".join(TEXTS * 60)  # ~16,000 characters: past pyttsx3's segfault size
    out = tmp_path / "long.wav"
    engine.synthesize(text, "en-us", 200, out)
    duration, _ = check_wav(out, len(text.split()), 200)
    assert duration > 200


def _speak_bytes(engine: Pyttsx3Engine, text: str, out: Path, voice: str = "en-us",
                 rate: int = 165) -> bytes:
    engine.synthesize(text, voice, rate, out)
    return out.read_bytes()


def test_same_cue_gives_same_bytes_in_one_worker(tmp_path: Path) -> None:
    # espeak keeps wave-generator state between utterances; each job must start afresh
    engine = Pyttsx3Engine(parallelism=1)  # one worker: every call goes to the same process
    try:
        runs = []
        for i in range(3):
            runs.append(_speak_bytes(engine, TEXTS[1], tmp_path / f"cue{i}.wav"))
            _speak_bytes(engine, TEXTS[2 + i % 2], tmp_path / f"other{i}.wav",
                         voice=("en-us", "en-gb+f3")[i % 2], rate=140 + 40 * i)
    finally:
        engine.close()
    assert len(runs[0]) > 44 and runs[1] == runs[0] and runs[2] == runs[0]


def test_same_cue_gives_same_bytes_across_workers(tmp_path: Path) -> None:
    first, second = Pyttsx3Engine(parallelism=1), Pyttsx3Engine(parallelism=1)
    try:
        fresh = _speak_bytes(first, TEXTS[0], tmp_path / "a.wav")
        _speak_bytes(second, " ".join(TEXTS[1:]), tmp_path / "before.wav")
        after_other = _speak_bytes(second, TEXTS[0], tmp_path / "b.wav")
    finally:
        first.close()
        second.close()
    assert len(fresh) > 44 and after_other == fresh


def _write_wav(path: Path, seconds: float, amplitude: int) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(22050)
        frames = int(22050 * seconds)
        sample = amplitude.to_bytes(2, "little", signed=True)
        wav.writeframes((sample + (-amplitude).to_bytes(2, "little", signed=True)) * (frames // 2))


def test_check_wav_rejects_bad_audio(tmp_path: Path) -> None:
    empty, silent, short, good = (tmp_path / n for n in ("e.wav", "s.wav", "t.wav", "g.wav"))
    _write_wav(empty, 0, 1000)
    _write_wav(silent, 3, 0)
    _write_wav(short, 0.2, 3000)
    _write_wav(good, 3.6, 3000)
    with pytest.raises(SynthesisError, match="empty"):
        check_wav(empty, 10, 165)
    with pytest.raises(SynthesisError, match="silent"):
        check_wav(silent, 10, 165)
    with pytest.raises(SynthesisError, match="implausible"):
        check_wav(short, 10, 165)
    assert check_wav(good, 10, 165)[0] == pytest.approx(3.6, abs=0.01)
    (tmp_path / "junk.wav").write_bytes(b"RIFF0000WAVE")
    with pytest.raises(SynthesisError, match="not a readable WAV"):
        check_wav(tmp_path / "junk.wav", 10, 165)


class FlakyEngine:
    """Writes an empty WAV ``fail`` times per text, then real-looking audio."""

    name = "flaky"
    parallelism = 1

    def __init__(self, fail: int) -> None:
        self.fail = fail
        self.calls = 0

    def fingerprint(self, voice: str) -> str:
        return f"flaky-{self.fail}"

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        self.calls += 1
        seconds = 0 if self.calls <= self.fail else len(text.split()) * 60 / rate_wpm
        _write_wav(out, seconds, 2000)

    def close(self) -> None:
        pass


def test_lost_audio_is_retried_once(tmp_path: Path) -> None:
    engine = FlakyEngine(fail=1)
    result = speak_cues((cue(TEXTS[0]),), 165, engine, Cache(tmp_path))
    assert result.failures == () and engine.calls == 2


def test_persistent_failure_is_reported(tmp_path: Path) -> None:
    engine = FlakyEngine(fail=5)
    result = speak_cues((cue(TEXTS[0]),), 165, engine, Cache(tmp_path))
    assert result.segments == () and "empty" in result.failures[0][1]
    assert engine.calls == 2


def test_worker_and_its_child_die_with_a_killed_build() -> None:
    """SIGKILL the process driving the engine mid-sentence: nothing is left speaking."""
    import os
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    driver = textwrap.dedent("""
        from pathlib import Path
        import tempfile
        from briefcast.backends.tts import Pyttsx3Engine
        engine = Pyttsx3Engine(parallelism=1)
        print("go", flush=True)
        text = " ".join(["The harbor council met on Tuesday evening."] * 2000)
        engine.synthesize(text, "en-us", 165, Path(tempfile.mkdtemp()) / "long.wav")
    """)
    proc = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE, text=True)

    def workers() -> set[str]:
        out = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True)
        return set(out.stdout.split())

    assert proc.stdout is not None and proc.stdout.readline().strip() == "go"
    time.sleep(1.0)
    spawned = workers()
    assert spawned, "no worker was started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 1.5
    alive = spawned
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = {pid for pid in spawned if os.path.exists(f"/proc/{pid}")
                 and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]}
    assert not alive, f"workers still running after the build was killed: {alive}"
