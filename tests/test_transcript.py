"""Transcripts: caption-sized cues, read back by webvtt-py and srt (independent parsers)."""

from __future__ import annotations

import html
import io
import re
import subprocess
import wave
from itertools import pairwise
from pathlib import Path

import pytest
import srt
import webvtt

from briefcast.models import CueTiming
from briefcast.sound import pauses
from briefcast.transcript import SRT_LINE_CHARS, VTT_LINE_CHARS, captions, to_srt, to_vtt

CUES = (CueTiming("Hello <world> & --> you", "Ann", 0.0, 1.5),
        CueTiming("Second\nline", "Bo", 3661.25, 3662.0))

RUNDOWN = ("In this briefing: Harbor Town Council Approves $48.6 Million Budget After "
           "Late-Night Vote; Storm Cancels Ferries, Cuts Power to Thousands Along the Coast; "
           "Harbor Town Mariners Win First State Title in 31 Years; Software Firm Tidewire to "
           "Open Harbor Town Office, Promising 120 Jobs; Harbor General Opens $22 Million "
           "Emergency Wing as Wait Times Climb; and Cod Quota Cut by 18% Leaves Harbor Town "
           "Fleet Bracing for Lean Year.")
# The pauses espeak-ng made in that sentence (measured on its segment, shifted to 14.057 s):
# after the colon, each semicolon and the two commas.
RUNDOWN_PAUSES = ((14.897, 15.157), (20.597, 20.857), (22.267, 22.477), (24.677, 24.937),
                  (28.607, 28.857), (31.857, 32.077), (34.287, 34.547), (39.357, 39.617))
RUNDOWN_CUE = CueTiming(RUNDOWN, "Morgan", 14.057, 44.828, RUNDOWN_PAUSES)


def vtt_cues(text: str) -> list[tuple[float, float, str, list[str]]]:
    """(start, end, speaker, visible lines) of each cue, as webvtt-py reads them."""
    parsed = webvtt.from_buffer(io.StringIO(text))
    return [(_secs(c.start), _secs(c.end), c.voice or "",
             [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in c.lines])
            for c in parsed.captions]


def _secs(stamp: str) -> float:
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_vtt_escapes_and_names_the_speaker() -> None:
    assert to_vtt(CUES) == (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n<v Ann>Hello &lt;world&gt; &amp; -&gt; you\n\n"
        "2\n01:01:01.250 --> 01:01:02.000\n<v Bo>Second line\n")


def test_srt_names_the_speaker_when_it_changes() -> None:
    assert to_srt(CUES) == (
        "1\n00:00:00,000 --> 00:00:01,500\nAnn: Hello <world> & -> you\n\n"
        "2\n01:01:01,250 --> 01:01:02,000\nBo: Second line\n")
    same = (CueTiming("One.", "Ann", 0.0, 1.0), CueTiming("Two.", "Ann", 1.0, 2.0))
    assert [s.content for s in srt.parse(to_srt(same))] == ["Ann: One.", "Two."]


def test_long_sentence_becomes_captions_that_fit() -> None:
    parsed = vtt_cues(to_vtt((RUNDOWN_CUE,)))
    assert len(parsed) >= 4
    assert all(len(lines) <= 2 and all(len(line) <= VTT_LINE_CHARS for line in lines)
               for _, _, _, lines in parsed)
    assert " ".join(" ".join(lines) for *_, lines in parsed) == RUNDOWN
    assert {speaker for _, _, speaker, _ in parsed} == {"Morgan"}
    subs = list(srt.parse(to_srt((RUNDOWN_CUE,))))
    assert len(subs) > len(parsed)
    lines = [s.content.split("\n") for s in subs]
    assert all(len(card) <= 2 and all(len(line) <= SRT_LINE_CHARS for line in card)
               for card in lines)
    assert " ".join(s.content.replace("\n", " ") for s in subs) == "Morgan: " + RUNDOWN


def test_a_phrase_that_fits_is_never_cut() -> None:
    """Captions break at punctuation; inside a phrase only when the phrase is longer than
    a whole caption (two lines)."""
    words = RUNDOWN.split()
    phrase_ends = [i + 1 for i, w in enumerate(words) if re.search(r"[;:,.]$", w)]
    phrases = list(zip([0, *phrase_ends[:-1]], phrase_ends))
    for line_chars, label in ((VTT_LINE_CHARS, False), (SRT_LINE_CHARS, True)):
        caps = captions((RUNDOWN_CUE,), line_chars, label)
        sizes = [len(" ".join(c.lines).split()) for c in caps]
        sizes[0] -= label  # "Morgan:" is one more word on the first card
        cuts = {sum(sizes[:k]) for k in range(1, len(sizes))}
        for first, end in phrases:
            inside = {c for c in cuts if first < c < end}
            if inside:
                assert len(" ".join(words[first:end])) > 2 * line_chars, (line_chars, inside)
        assert len(cuts - set(phrase_ends)) <= len(caps) // 2


def test_caption_times_come_from_the_pauses() -> None:
    """A caption that ends at a semicolon ends where the voice paused, and the next starts
    where it resumed; the captions tile the cue in order."""
    caps = captions((RUNDOWN_CUE,), VTT_LINE_CHARS)
    assert caps[0].start_s == RUNDOWN_CUE.start_s and caps[-1].end_s == RUNDOWN_CUE.end_s
    for before, after in pairwise(caps):
        assert before.start_s < before.end_s <= after.start_s
        if before.lines[-1].endswith(";"):
            assert (before.end_s, after.start_s) in RUNDOWN_PAUSES
    # "Vote;" is the 2nd of the 8 pauses: the first caption ends there
    assert caps[0].lines[-1].endswith("Late-Night Vote;")
    assert (caps[0].end_s, caps[1].start_s) == RUNDOWN_PAUSES[1]


def test_without_pauses_times_are_proportional_to_syllables() -> None:
    text = ("The council met on Tuesday evening at the town hall, and the vote was close, "
            "with many residents waiting outside in the rain for the final result.")
    cue = CueTiming(text, "Ann", 10.0, 20.0)
    caps = captions((cue,), SRT_LINE_CHARS)
    assert len(caps) >= 3
    starts = [c.start_s for c in caps]
    assert starts == sorted(starts) and caps[-1].end_s == 20.0
    # each caption's share of the time follows its share of the words, within a third
    words = len(text.split())
    for cap in caps:
        share = len(" ".join(cap.lines).split()) / words
        assert abs((cap.end_s - cap.start_s) / 10.0 - share) < share / 3 + 0.02, cap


@pytest.mark.parametrize("text", ["A" * 150, "See https://example.org/" + "x" * 90 + " now."])
def test_overlong_words_are_cut_to_fit(text: str) -> None:
    for line_chars in (VTT_LINE_CHARS, SRT_LINE_CHARS):
        for cap in captions((CueTiming(text, "", 0.0, 5.0),), line_chars):
            assert len(cap.lines) <= 2 and all(len(line) <= line_chars for line in cap.lines)


SENTENCE = ("The council met on Tuesday, and after a long debate, it approved the budget; "
            "the mayor was pleased.")
ENGINES = {  # each engine's own command line, writing a WAV of SENTENCE to the last argument
    "espeak-ng": ["espeak-ng", "-v", "en-us", "-w"],
    "flite": ["flite", "-voice", "slt", "-t", SENTENCE, "-o"],
    "festival": ["text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o"],
}


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_engines_pause_at_punctuation_and_captions_use_it(engine: str, tmp_path: Path) -> None:
    """Each engine's real speech has a pause at the two commas and the semicolon, found by
    ``pauses``; the SubRip captions of the sentence end and start on those pauses."""
    wav = tmp_path / "s.wav"
    command = [*ENGINES[engine], str(wav)]
    if engine == "espeak-ng":
        command.append(SENTENCE)
    text_in = SENTENCE if engine == "festival" else None
    subprocess.run(command, input=text_in, text=True, check=True, capture_output=True,
                   timeout=60)
    with wave.open(str(wav)) as w:
        rate, pcm = w.getframerate(), w.readframes(w.getnframes())
    seconds = len(pcm) / 2 / rate
    found = [(a / rate, b / rate) for a, b in pauses(pcm, rate)]
    assert len(found) == 3, found
    # in order through the sentence, at the marks' places in its words (roughly)
    words = SENTENCE.split()
    for (a, _), mark in zip(found, ("Tuesday,", "debate,", "budget;")):
        share = (words.index(mark) + 1) / len(words)
        assert abs(a / seconds - share) < 0.15, (engine, a, share)
    caps = captions((CueTiming(SENTENCE, "Ann", 0.0, seconds, tuple(found)),), SRT_LINE_CHARS)
    cuts = [(x.end_s, y.start_s) for x, y in pairwise(caps)]
    assert cuts and all(cut in [(round(a, 3), round(b, 3)) for a, b in found] for cut in cuts)
