"""Errors a producer sees. Each carries a message meant to be read at 7 a.m., not a traceback."""

from __future__ import annotations

from pathlib import Path


class BriefcastError(Exception):
    """Base for failures that end a command with a clear message and a non-zero exit."""

    exit_code = 1


class ConfigError(BriefcastError):
    """The show's config has problems; all of them are listed."""

    exit_code = 2

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s) in config:\n{lines}")


class UsageError(BriefcastError):
    """A command was run with something it cannot use (an option, the environment)."""

    exit_code = 2


class BuildError(BriefcastError):
    """The night's build cannot produce an episode; nothing already published was changed."""


class SynthesisError(BriefcastError):
    """Text-to-speech failed or produced audio that does not pass its checks."""


class AudioError(BriefcastError):
    """ffmpeg/ffprobe failed, or the mastered audio misses its targets."""


class LockedError(BriefcastError):
    """Another build holds the output folder."""

    exit_code = 3
