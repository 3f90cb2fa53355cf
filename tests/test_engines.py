"""The TTS seam: engines chosen per show, flite next to pyttsx3, both through one protocol."""

from __future__ import annotations

import datetime as dt
import wave
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from briefcast.audio import measure_loudness, probe
from briefcast.backends.flite import FliteEngine
from briefcast.backends.tts import ENGINE_NAMES, Pyttsx3Engine, make_engine, voice_problem
from briefcast.cache import Cache
from briefcast.config import load_config
from briefcast.errors import ConfigError, SynthesisError
from briefcast.models import Cue
from briefcast.pipeline import build
from briefcast.stages.speak import check_wav, segment_key, speak_cues
from conftest import DEMO, make_show

TEXT = ("Ferries to the island were cancelled for the rest of the day because of high "
        "winds, and the harbor council will meet again on Thursday.")


def test_flite_writes_a_plausible_segment(tmp_path: Path) -> None:
    engine = FliteEngine()
    words = len(TEXT.split())
    durations = {}
    for rate in (150, 220):
        out = tmp_path / f"{rate}.wav"
        engine.synthesize(TEXT, "slt", rate, out)
        durations[rate], sample_rate = check_wav(out, words, rate)
        assert sample_rate == 22050
        with wave.open(str(out)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        assert durations[rate] == pytest.approx(words * 60 / rate, rel=0.25)  # follows the rate
    assert durations[150] > 1.3 * durations[220]


def test_flite_failures_are_synthesis_errors(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError):
        FliteEngine().synthesize(TEXT, "no-such-voice", 165, tmp_path / "x.wav")


def test_engine_is_part_of_the_speech_cache_key() -> None:
    cue = Cue("story", TEXT, TEXT, "slt", "Chapter")
    flite, espeak = FliteEngine(), Pyttsx3Engine()
    assert "flite" in flite.fingerprint() and "pyttsx3" in espeak.fingerprint()
    assert segment_key(cue, 165, flite) != segment_key(cue, 165, espeak)


def test_voices_are_checked_per_engine() -> None:
    assert voice_problem("slt", "flite") is None
    problem = voice_problem("en-us+f3", "flite")
    assert problem and "slt" in problem  # lists what is available
    assert voice_problem("en-us+f3", "pyttsx3") is None
    assert isinstance(make_engine("flite"), FliteEngine)
    with pytest.raises(SynthesisError, match="pyttsx3, flite"):
        make_engine("festival")


def test_unknown_engine_is_a_config_error(tmp_path: Path) -> None:
    config = make_show(tmp_path, [], engine='"festival"')
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert "voice.engine must be one of: " + ", ".join(ENGINE_NAMES) in str(err.value)


def test_flite_speaks_through_the_speak_stage_and_cache(tmp_path: Path) -> None:
    cues = tuple(Cue("story", t, t, "slt", "C") for t in (TEXT, "Tickets go on sale next week."))
    first = speak_cues(cues, 165, FliteEngine(), Cache(tmp_path))
    assert first.failures == () and first.tts_calls == 2
    again = speak_cues(cues, 165, FliteEngine(), Cache(tmp_path))
    assert again.tts_calls == 0 and all(s.cached for s in again.segments)


def test_full_build_with_flite_at_smart_speaker_loudness(tmp_path: Path) -> None:
    """engine = "flite" chosen in the show's config: voices checked, spoken, mastered to -14."""
    show = make_show(tmp_path, sorted((DEMO / "articles").glob("*.txt"))[:2],
                     story_count="2", target_minutes="1", engine='"flite"',
                     second_name='"rms"', loudness_lufs="-14", sting="true", bed="true")
    text = show.read_text().replace('name = "en-us"\n', "", 1)  # flite defaults to slt
    show.write_text(text)
    config = load_config(show)
    assert (config.engine, config.voice, config.second_voice) == ("flite", "slt", "rms")
    report = build(config, dt.date(2026, 11, 24))
    mp3 = config.output_dir / report.audio_file
    loud = measure_loudness(mp3)
    assert abs(loud.integrated_lufs + 14) <= 1.0 and loud.true_peak_dbtp <= -1.0
    assert probe(mp3).duration_s > 30
    assert ID3(mp3).getall("APIC")
    feed = (config.output_dir / "feed.xml").read_text(encoding="utf-8")
    assert "Read by a synthetic voice (CMU Flite)" in feed  # podcast:txt names the engine
