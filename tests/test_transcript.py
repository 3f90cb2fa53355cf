from __future__ import annotations

from briefcast.models import CueTiming
from briefcast.transcript import to_srt, to_vtt

CUES = (CueTiming("Hello <world> & --> you", "Ann", 0.0, 1.5),
        CueTiming("Second\nline", "Bo", 3661.25, 3662.0))


def test_vtt() -> None:
    assert to_vtt(CUES) == (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n<v Ann>Hello &lt;world&gt; &amp; -&gt; you\n\n"
        "2\n01:01:01.250 --> 01:01:02.000\n<v Bo>Second line\n")


def test_srt() -> None:
    assert to_srt(CUES) == (
        "1\n00:00:00,000 --> 00:00:01,500\nHello <world> & -> you\n\n"
        "2\n01:01:01,250 --> 01:01:02,000\nSecond line\n")
