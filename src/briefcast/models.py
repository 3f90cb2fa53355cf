"""Frozen values that flow between pipeline stages.

Data moves one way: ``Article -> Story -> Script[Cue] -> Segment -> Episode``.
Nothing here does I/O; every stage returns new values instead of mutating old ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    """An input that was looked at and left out, with the reason a producer can act on."""

    source: str
    reason: str
    # Not tonight's, by design: published outside the edition's window, or a duplicate of
    # a story kept. Reported, but not a problem: it does not make the build "partial".
    left_out: bool = False


@dataclass(frozen=True)
class Article:
    """One ingested article: raw lines as the newsroom delivered them."""

    source: str  # where it came from (file path or URL), for reports
    title: str
    lines: tuple[str, ...]  # body lines, title removed, unchanged otherwise
    url: str | None = None  # canonical URL when the source states one
    published: dt.datetime | None = None  # always timezone-aware
    author: str | None = None  # byline, if the source gives one
    language: str | None = None  # e.g. "en" or "en-GB", if known
    encoding: str | None = None  # set only when the text was not UTF-8 (e.g. "cp1252")
    date_note: str | None = None  # why the source's date was ignored (the article is undated)
    scraped: bool = False  # a scraper's plain text (.txt): the story may sit amid page text
    section: str | None = None  # the newsroom's section (front matter, article:section)
    tags: tuple[str, ...] = ()  # front matter tags, article:tag
    categories: tuple[str, ...] = ()  # a feed entry's <category> values


@dataclass(frozen=True)
class Story:
    """A cleaned article: only the paragraphs a listener should hear."""

    source: str
    title: str
    paragraphs: tuple[str, ...]
    dropped_lines: tuple[str, ...] = ()
    url: str | None = None
    published: dt.datetime | None = None  # from the Article; resolves "today" and "yesterday"
    published_assumed: bool = False  # an undated article: ``published`` is the window's middle
    language: str = "en"  # the show's language (primary subtag), which the story is in

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Summary:
    """The condensed, spoken-ready sentences of one story."""

    story: Story
    sentences: tuple[str, ...]
    budget_words: int
    picked: tuple[int, ...] = ()  # where each sentence is among the story's spoken sentences

    @property
    def word_count(self) -> int:
        return sum(len(s.split()) for s in self.sentences)


@dataclass(frozen=True)
class Finding:
    """One problem a check found in a story's script, in one of its sentences.

    ``faithful.py`` finds facts the article does not say (kinds "number", "name", "date",
    "quote"); ``coherence.py`` finds what a listener cannot follow ("split", "teaser",
    "fragment", "question", "pronoun", "connective", "surname").
    """

    kind: str
    text: str  # the words at fault: an untraceable number, a pronoun, a surname, ...
    sentence: str  # the script sentence it was found in


@dataclass(frozen=True)
class Cue:
    """One unit of speech: becomes exactly one audio segment.

    ``text`` is what is shown in transcripts; ``spoken`` is what the engine reads
    (normalized numbers, abbreviations). ``pause_after_ms`` is the silence that follows.
    """

    kind: str  # "intro" | "headlines" | "story" | "transition" | "outro"
    text: str
    spoken: str
    voice: str
    chapter: str  # chapter title this cue belongs to
    pause_after_ms: int = 400
    speaker: str = "Anchor"  # name shown in transcripts

    @property
    def word_count(self) -> int:
        return len(self.spoken.split())


@dataclass(frozen=True)
class Script:
    """The whole briefing, in reading order."""

    title: str
    date: dt.date
    cues: tuple[Cue, ...]
    stories: tuple[Summary, ...]

    @property
    def word_count(self) -> int:
        return sum(c.word_count for c in self.cues)


@dataclass(frozen=True)
class Segment:
    """Synthesized audio of one cue: a verified mono 16-bit WAV file."""

    cue: Cue
    path: Path
    duration_s: float
    sample_rate: int
    cached: bool


@dataclass(frozen=True)
class Chapter:
    title: str
    start_s: float


@dataclass(frozen=True)
class CueTiming:
    """Where one cue sits in the episode: the basis of transcripts.

    ``pauses`` are the silences inside the cue's speech, (start, end) in seconds of the
    episode: where the engine paused, at commas and sentence ends, so that captions
    shorter than the cue can be timed from the audio.
    """

    text: str
    speaker: str
    start_s: float
    end_s: float
    pauses: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class MixResult:
    """The encoded episode audio and what was measured on it."""

    path: Path
    duration_s: float
    size_bytes: int
    loudness_lufs: float
    true_peak_dbtp: float
    chapters: tuple[Chapter, ...]
    timings: tuple[CueTiming, ...] = ()


@dataclass(frozen=True)
class StoryRef:
    title: str
    source: str
    url: str | None = None


@dataclass(frozen=True)
class Episode:
    """A published episode as recorded in ``<output>/<date>/episode.json``."""

    date: dt.date
    title: str
    guid: str
    pub_date: dt.datetime
    audio_file: str  # path relative to the output folder, POSIX separators
    size_bytes: int
    duration_s: int
    stories: tuple[StoryRef, ...] = field(default_factory=tuple)
    description: str = ""
    chapters_file: str | None = None  # paths relative to the output folder
    transcript_vtt: str | None = None
    transcript_srt: str | None = None

    @property
    def recency(self) -> tuple[dt.datetime, str]:
        """Sort key, newest last: feed, archive, pages and Alexa all order episodes by it."""
        return (self.pub_date, self.guid)
