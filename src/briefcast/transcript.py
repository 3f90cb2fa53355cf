"""Transcripts as WebVTT and SubRip, one cue per spoken sentence, timed from the audio.

Cue times come from the real sample counts of the synthesized segments, so they match
the episode exactly; VTT carries the speaker's name in a voice span.
"""

from __future__ import annotations

from briefcast.models import CueTiming


def _clock(seconds: float, separator: str) -> str:
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def _clean(text: str) -> str:
    # "-->" would end a cue timing line early, and a blank line would end the cue
    return " ".join(text.replace("-->", "->").split())


def to_vtt(timings: tuple[CueTiming, ...]) -> str:
    lines = ["WEBVTT", ""]
    for i, cue in enumerate(timings, 1):
        speaker = _clean(cue.speaker).replace(">", "")
        text = _clean(cue.text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [str(i), f"{_clock(cue.start_s, '.')} --> {_clock(cue.end_s, '.')}",
                  f"<v {speaker}>{text}", ""]
    return "\n".join(lines)


def to_srt(timings: tuple[CueTiming, ...]) -> str:
    lines: list[str] = []
    for i, cue in enumerate(timings, 1):
        lines += [str(i), f"{_clock(cue.start_s, ',')} --> {_clock(cue.end_s, ',')}",
                  _clean(cue.text), ""]
    return "\n".join(lines)
