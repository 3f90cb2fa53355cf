"""Mastering, stings, the ducked bed and cover art, measured on the encoded MP3.

Short shows (two stories) keep this fast. Most builds use a fake engine that "speaks" a
steady 3 kHz tone: the generated sting and bed live below 1.1 kHz, so a steep low-pass
separates the bed from the speech and its ducking can be measured on the final file.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import subprocess
import wave
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, make_show
from mutagen.id3 import ID3
from PIL import Image

from briefcast.audio import measure_loudness, probe
from briefcast.config import load_config
from briefcast.errors import AudioError
from briefcast.pipeline import build
from briefcast.sound import BED_LEAD_S, DUCK_DB, PAD_PERIOD_S, STING_NOTES_HZ, STING_S, SoundOptions
from briefcast.stages import mix
from briefcast.stages.mix import MasterTarget, embed_cover, loudness_problem, mix_key

DATE = dt.date(2026, 11, 24)
SPEECH_HZ = 3000.0
ARTICLES = sorted((DEMO / "articles").glob("*.txt"))[:2]


class ToneEngine:
    """Speaks every cue as a 3 kHz tone lasting as long as its words take."""

    name, parallelism = "tone", 2

    def fingerprint(self, voice: str) -> str:
        return "tone-1"

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        n = int(22050 * len(text.split()) * 60 / rate_wpm)
        w = 2 * math.pi * SPEECH_HZ / 22050
        frames = b"".join(int(8000 * math.sin(w * i)).to_bytes(2, "little", signed=True)
                          for i in range(n))
        with wave.open(str(out), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(22050)
            wav.writeframes(frames)

    def close(self) -> None:
        pass


def _build(tmp: Path, **overrides: str) -> Path:
    """Build a two-story show with the tone engine; return its episode folder."""
    opts: dict[str, Any] = {"sting": "false", "bed": "false", **overrides}  # the demo has both on
    config = load_config(make_show(tmp, ARTICLES, story_count="2", target_minutes="1", **opts))
    build(config, DATE, engine=ToneEngine())
    return config.output_dir / DATE.isoformat()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def stung(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("sting"), sting="true")


@pytest.fixture(scope="module")
def bedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("bed"), sting="true", bed="true")


def _mp3(folder: Path) -> Path:
    return next(folder.glob("*.mp3"))


def _pcm(mp3: Path, start: float, seconds: float, audio_filter: str = "anull") -> list[int]:
    """Decoded 44.1 kHz samples of a window of the MP3."""
    raw = subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{start}", "-t", f"{seconds}",
                          "-i", str(mp3), "-af", audio_filter, "-f", "s16le", "-ac", "1",
                          "-ar", "44100", "-"], capture_output=True, check=True).stdout
    return [int.from_bytes(raw[i:i + 2], "little", signed=True) for i in range(0, len(raw), 2)]


def _db(samples: list[int]) -> float:
    level = math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
    return 20 * math.log10(max(level, 1e-9))


def _tone_power(samples: list[int], freq: float, rate: int = 44100) -> float:
    """Goertzel power at ``freq`` over a Hann-windowed block, in dB."""
    n = len(samples)
    coeff = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for i, x in enumerate(samples):
        s0 = x * (0.5 - 0.5 * math.cos(2 * math.pi * i / (n - 1))) + coeff * s1 - s2
        s2, s1 = s1, s0
    return 10 * math.log10(max(s1 * s1 + s2 * s2 - coeff * s1 * s2, 1e-12))


def _chapters(folder: Path) -> list[float]:
    return [c["startTime"] for c in json.loads((folder / "chapters.json").read_text())["chapters"]]


def _cue_starts(folder: Path) -> list[float]:
    def secs(stamp: str) -> float:
        h, m, s = stamp.split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    text = (folder / "transcript.vtt").read_text()
    return [secs(a) for a in re.findall(r"^(\d\d:\d\d:\d\d\.\d{3}) -->", text, re.M)]


LOW_BAND = ",".join(["lowpass=f=700"] * 4)  # the chord's fundamentals, not the 3 kHz "speech"


def test_sting_is_a_chord_before_the_intro(plain: Path, stung: Path) -> None:
    window = _pcm(_mp3(stung), 0.0, 2.0)
    assert _db(window) > -30  # clearly audible, not a few stray samples
    chord = min(_tone_power(window, f) for f in STING_NOTES_HZ[:3])
    off = max(_tone_power(window, f) for f in (600.0, 900.0, SPEECH_HZ))
    assert chord - off > 20, (chord, off)  # tonal: energy sits on the chord's notes
    # without a sting the same window is the "speech", with no chord in it
    bare = _pcm(_mp3(plain), 0.0, 2.0)
    assert _tone_power(bare, SPEECH_HZ) - _tone_power(bare, STING_NOTES_HZ[0]) > 20


def test_sting_shifts_chapters_and_transcript_exactly(plain: Path, stung: Path) -> None:
    before, after = _chapters(plain), _chapters(stung)
    assert before[0] == after[0] == 0  # the first chapter covers the sting
    assert after[1:] == pytest.approx([t + STING_S for t in before[1:]], abs=1e-3)
    cues_before, cues_after = _cue_starts(plain), _cue_starts(stung)
    assert cues_before[0] == 0
    assert cues_after == pytest.approx([t + STING_S for t in cues_before], abs=1e-3)
    # ID3 chapters say the same as chapters.json; the outro sting adds its length at the end
    chaps = sorted(ID3(_mp3(stung)).getall("CHAP"), key=lambda f: f.start_time)
    assert [f.start_time for f in chaps] == [round(t * 1000) for t in after]
    grown = probe(_mp3(stung)).duration_s - probe(_mp3(plain)).duration_s
    assert grown == pytest.approx(2 * STING_S, abs=0.06)


def test_bed_ducks_under_speech_and_stops_before_the_first_story(bedded: Path) -> None:
    mp3 = _mp3(bedded)
    cues = _cue_starts(bedded)
    assert cues[0] == pytest.approx(STING_S + BED_LEAD_S, abs=1e-3)
    vtt = (bedded / "transcript.vtt").read_text()
    ends = [float(e.split(":")[-1]) + 60 * int(e.split(":")[1])
            for e in re.findall(r"--> (\d\d:\d\d:\d\d\.\d{3})", vtt)]
    # Two windows at the same phase of the looping pad (so the same notes sound in both):
    # the bed alone after its fade-in, and one pad period later, under the intro.
    gap = _db(_pcm(mp3, STING_S + 0.6, 0.7, LOW_BAND))
    later = STING_S + 0.6 + PAD_PERIOD_S
    assert cues[0] + 0.2 < later and later + 0.7 < ends[0] - 0.2  # inside the intro's speech
    under = _db(_pcm(mp3, later, 0.7, LOW_BAND))
    assert gap > -50, gap  # the bed is there
    assert gap - under == pytest.approx(DUCK_DB, abs=1.5), (gap, under)
    story = _chapters(bedded)[1]
    assert _db(_pcm(mp3, story + 0.5, 3.0, LOW_BAND)) < gap - 30  # gone under the story


@pytest.mark.parametrize("target", [-14.0, -16.0])
def test_loudness_target_is_met_on_the_mp3(tmp_path: Path, target: float) -> None:
    """Real espeak speech with sting and bed, mastered to the show's configured target."""
    config = load_config(make_show(tmp_path, ARTICLES, story_count="2", target_minutes="1",
                                   sting="true", bed="true", loudness_lufs=f"{target:g}"))
    report = build(config, DATE)
    loud = measure_loudness(config.output_dir / report.audio_file)
    assert abs(loud.integrated_lufs - target) <= 1.0
    assert loud.true_peak_dbtp <= -1.0
    assert (report.loudness_lufs, report.true_peak_dbtp) == (loud.integrated_lufs,
                                                             loud.true_peak_dbtp)


def test_off_target_episode_is_refused_and_says_by_how_much(
        plain: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefcast.audio import Loudness

    monkeypatch.setattr(mix, "master_to_mp3", lambda *a, **k: Loudness(-18.3, -0.4))
    wav = tmp_path / "a.wav"
    ToneEngine().synthesize("one two three four", "x", 165, wav)
    from briefcast.models import Cue, Segment

    seg = Segment(Cue("intro", "hi", "hi", "x", "Introduction"), wav, 1.0, 22050, False)
    with pytest.raises(AudioError) as err:
        mix.mix_episode((seg,), tmp_path, tmp_path / "x.mp3", title="t", show="s",
                        author="a", date=DATE, comment="c")
    assert "2.3 LU below the -16 LUFS target" in str(err.value)
    assert "0.6 dB over the -1 dBTP limit" in str(err.value)
    assert loudness_problem(-14.4, -1.2, MasterTarget(lufs=-14)) is None


def test_mix_key_covers_target_sound_and_cover(tmp_path: Path) -> None:
    art = tmp_path / "sting.wav"
    ToneEngine().synthesize("a b c", "x", 165, art)
    base = mix_key((), MasterTarget(), {})
    keys = {base,
            mix_key((), MasterTarget(lufs=-14), {}),
            mix_key((), MasterTarget(max_true_peak=-2), {}),
            mix_key((), MasterTarget(), {}, SoundOptions(sting=True)),
            mix_key((), MasterTarget(), {}, SoundOptions(bed=True, bed_level_db=-25)),
            mix_key((), MasterTarget(), {}, SoundOptions(sting=art)),
            mix_key((), MasterTarget(), {}, cover=b"jpeg")}
    assert len(keys) == 7
    before = mix_key((), MasterTarget(), {}, SoundOptions(sting=art))
    ToneEngine().synthesize("a b c d", "x", 165, art)  # the producer replaced the file
    assert mix_key((), MasterTarget(), {}, SoundOptions(sting=art)) != before


def test_cover_art_is_embedded(plain: Path) -> None:
    pics = ID3(_mp3(plain)).getall("APIC")
    assert len(pics) == 1 and pics[0].type == 3 and pics[0].mime == "image/jpeg"
    with Image.open(BytesIO(pics[0].data)) as img:
        assert img.size == (3000, 3000)  # the generated cover is small enough as it is
    assert len(pics[0].data) <= 500_000


def test_large_cover_is_downscaled_for_embedding() -> None:
    noise = Image.frombytes("RGB", (1600, 1600), random.Random(0).randbytes(1600 * 1600 * 3))
    out = BytesIO()
    noise.save(out, format="PNG")
    assert len(out.getvalue()) > 500_000
    data, mime = embed_cover(out.getvalue())
    assert mime == "image/jpeg" and len(data) <= 500_000
    with Image.open(BytesIO(data)) as img:
        assert img.format == "JPEG" and img.size[0] == img.size[1] <= 1400


def test_producer_sting_file_is_used(tmp_path: Path) -> None:
    """A supplied file replaces the generated chime; its length sets the offset."""
    show = make_show(tmp_path, ARTICLES, story_count="2", target_minutes="1",
                     sting='"jingle.wav"', bed="false")
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=1.25:sample_rate=48000", "-ac", "2",
                    str(show.parent / "jingle.wav")], check=True)
    config = load_config(show)
    build(config, DATE, engine=ToneEngine())
    folder = config.output_dir / DATE.isoformat()
    assert _cue_starts(folder)[0] == pytest.approx(1.25, abs=1e-3)
    window = _pcm(_mp3(folder), 0.1, 1.0)
    assert _tone_power(window, 440.0) - _tone_power(window, 523.25) > 20


def test_measuring_while_encoding_matches_measuring_the_file(tmp_path: Path) -> None:
    """The MP3 measured from the encoder's pipe is the file a player decodes, exactly."""
    from briefcast.audio import encode_and_measure, encode_mp3, mastering_chain

    wav = tmp_path / "in.wav"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=330:duration=7.3:sample_rate=22050", "-af",
                    "volume=0.9,tremolo=f=3:d=0.8", "-ac", "1", str(wav)], check=True)
    chain = mastering_chain(4.0, -1.8)
    loud = encode_and_measure(wav, tmp_path / "a.mp3", chain)
    assert loud == measure_loudness(tmp_path / "a.mp3")
    encode_mp3(wav, tmp_path / "b.mp3", chain)
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_producer_bed_file_is_read_only_as_far_as_it_plays(tmp_path: Path) -> None:
    from briefcast.sound import arrange

    bed = tmp_path / "bed.flac"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=220:duration=20:sample_rate=44100", "-ac", "2",
                    str(bed)], check=True)
    song = arrange(SoundOptions(bed=bed), 3000.0, 22050, tmp_path, bed_frames=22050 * 3)
    assert len(song.bed) == 2 * 22050 * 3
    level = math.sqrt(sum(s * s for s in memoryview(song.bed).cast("h")) / (22050 * 3))
    assert level == pytest.approx(3000.0 * 10 ** (-20 / 20), rel=0.01)


def test_chapter_frames_are_short_ids_in_time_order(tmp_path: Path) -> None:
    """Twelve chapters whose titles differ in length (mutagen's own save sorts frames by
    size, which shuffles them, and "chp10" sorts before "chp2"): ffprobe, which lists
    chapters in file order, lists them in time order with their titles; IDs are short;
    the tag is ID3v2.3 through and through (the date as TYER/TDAT, not v2.4's TDRC)."""
    mp3 = tmp_path / "t.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=24",
                    "-ac", "1", "-b:a", "64k", "-id3v2_version", "0", "-write_id3v1", "0",
                    str(mp3)], check=True)
    titles = [("Story " + "x" * (37 * i % 23)).strip() + f" {i}" for i in range(12)]
    chapters = tuple(mix.Chapter(t, 2.0 * i) for i, t in enumerate(titles))
    mix.write_tags(mp3, "Episode", "Show", "Author", DATE, "notes", chapters, 24.0)
    listed = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json",
                             str(mp3)], capture_output=True, text=True, check=True).stdout
    found = json.loads(listed)["chapters"]
    assert [c["tags"]["title"] for c in found] == titles
    assert [float(c["start_time"]) for c in found] == [2.0 * i for i in range(12)]
    tags = ID3(mp3)
    assert tags.version == (2, 3, 0)
    assert [f.element_id for f in tags.getall("CHAP")] == [f"chp{i}" for i in range(12)]
    assert tags.getall("CTOC")[0].child_element_ids == [f"chp{i}" for i in range(12)]
    raw = mp3.read_bytes()[:4096]
    assert b"TYER" in raw and b"TDAT" in raw and b"TDRC" not in raw
    assert probe(mp3).duration_s == pytest.approx(24.0, abs=0.1)  # the audio is intact
