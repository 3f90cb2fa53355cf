"""The example shows in German, Spanish and French, built end to end with real espeak-ng,
ffmpeg and feedgen, then measured: MP3 length and loudness, the feed's <language>, the
transcripts and chapters in the language, and the goal of issue 14: nothing in the spoken
text of their scripts is a digit, a symbol or an English connective.

Each language runs its real normalizer (``briefcast.normalize.DEFAULT_NORMALIZERS``); a
language whose normalizer is missing fails here with "no text normalizer for language".
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from lxml import etree

from briefcast.audio import measure_loudness, probe
from briefcast.config import load_config
from briefcast.languages import language_data

DATE = "2026-11-24"
LANGS = ("de", "es", "fr")
# Said by the frame of each language, as the transcript shows it.
OPENING = {"de": "Willkommen bei", "es": "Bienvenidos a", "fr": "Bienvenue dans"}
TOP = {"de": "Unser erstes Thema.", "es": "Nuestra noticia principal.", "fr": "À la une."}
# What the voice must never be given: digits, symbols, English connectives.
DIGIT = re.compile(r"\d")
SYMBOL = re.compile(r"[%‰€$£¥&+=#@§°*/\\|<>~^_]")
ENGLISH = re.compile(r"\b(and|percent|per cent)\b", re.IGNORECASE)


def _copy_show(language: str, tmp: Path) -> Path:
    show = tmp / language
    shutil.copytree(ROOT / "examples" / language, show)
    config = show / "briefcast.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(f'folder = "../../episodes-{language}"', 'folder = "episodes"')
    text = text.replace('cache = "../../.briefcast-cache"', 'cache = "cache"')
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="module", params=LANGS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[str, Path]:
    language = request.param
    config = _copy_show(language, tmp_path_factory.mktemp("example"))
    proc = subprocess.run([sys.executable, "-m", "briefcast", "build", "--config", str(config),
                           "--date", DATE], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return language, config


def test_spoken_text_has_no_digit_symbol_or_english(built: tuple[str, Path]) -> None:
    from briefcast.prepare import prepare

    language, config = built
    script = prepare(load_config(config), dt.date.fromisoformat(DATE)).script
    assert len(script.stories) == 4
    spoken = [cue.spoken for cue in script.cues]
    for line in spoken:
        assert not DIGIT.search(line), line
        assert not SYMBOL.search(line), line
        assert not ENGLISH.search(line), line
    assert spoken[0].startswith(OPENING[language])


def test_mp3_is_mastered_and_of_the_target_length(built: tuple[str, Path]) -> None:
    _, config = built
    mp3 = next((config.parent / "episodes" / DATE).glob("*.mp3"))
    info = probe(mp3)
    assert (info.codec, info.sample_rate, info.channels) == ("mp3", 44100, 1)
    assert 150 <= info.duration_s <= 210  # a three-minute target, within half a minute
    loud = measure_loudness(mp3)
    assert -17.0 <= loud.integrated_lufs <= -15.0 and loud.true_peak_dbtp <= -1.0


def test_feed_says_the_language(built: tuple[str, Path]) -> None:
    language, config = built
    feed = etree.parse(str(config.parent / "episodes" / "feed.xml")).getroot()
    assert feed.findtext("channel/language") == language
    items = feed.findall("channel/item")
    assert len(items) == 1
    assert items[0].find("enclosure").get("type") == "audio/mpeg"
    title = load_config(config).title
    assert feed.findtext("channel/title") == title


def test_transcripts_and_chapters_are_in_the_language(built: tuple[str, Path]) -> None:
    language, config = built
    folder = config.parent / "episodes" / DATE
    vtt = (folder / "transcript.vtt").read_text(encoding="utf-8")
    srt = (folder / "transcript.srt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n")
    assert OPENING[language] in vtt and TOP[language] in srt
    cues = re.findall(r"^\d\d:\d\d:\d\d[.,]\d{3} --> ", srt, re.M)
    assert len(cues) >= 15
    frame = language_data(language).frame
    chapters = json.loads((folder / "chapters.json").read_text(encoding="utf-8"))["chapters"]
    titles = [c["title"] for c in chapters]
    assert titles[0] == frame.intro_chapter and titles[-1] == frame.outro_chapter
    assert len(titles) == 6  # introduction, four stories, sign-off
    assert re.search(r"\d", vtt)  # the transcript shows the newsroom's writing


def test_weekday_and_month_names_of_the_language(built: tuple[str, Path]) -> None:
    language, config = built
    script = (config.parent / "episodes-private" / DATE / "script.md").read_text(encoding="utf-8")
    frame = language_data(language).frame
    assert frame.weekdays[1] in script and frame.months[10] in script  # Tuesday, November
