"""The value checks of the show config's schema: each returns None, or what is wrong.

Kept apart from ``config.py`` (which holds the schema, the loader and ``ShowConfig``) so
either stays readable; a check is a plain function of one TOML value.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from briefcast.backends.engines import ENGINE_NAMES

Check = Callable[[Any], str | None]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def text(v: Any) -> str | None:
    if not isinstance(v, str) or not v.strip():
        return "must be a non-empty string"
    if _CONTROL.search(v):
        return "must not contain control characters (tabs, newlines, NUL...)"
    return None


def boolean(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def int_range(lo: int, hi: int) -> Check:
    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            return f"must be a whole number from {lo} to {hi}"
        return None

    return check


def num_range(lo: float, hi: float) -> Check:
    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
            return f"must be a number from {lo:g} to {hi:g}"
        return None

    return check


def pattern(rx: re.Pattern[str], what: str) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, str) or not rx.fullmatch(v) or _CONTROL.search(v):
            return f"must be {what}"
        return None

    return check


def one_of(*choices: str) -> Check:
    def check(v: Any) -> str | None:
        if v not in choices:
            return "must be one of " + ", ".join(f'"{c}"' for c in choices)
        return None

    return check


def url(v: Any) -> str | None:
    if not isinstance(v, str) or _CONTROL.search(v):
        return "must be an absolute http(s) URL"
    try:
        parts = urlsplit(v)
    except ValueError:
        return "must be an absolute http(s) URL"
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http(s) URL"
    if not v.isascii() or "?" in v or "#" in v:
        return "must be ASCII, without ?query or #fragment"
    return None


def tz(v: Any) -> str | None:
    if not isinstance(v, str):
        return "must be an IANA time zone name such as Europe/London"
    try:
        zoneinfo.ZoneInfo(v)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a 5,000-char name
        return f"unknown time zone {v!r} (use an IANA name such as Europe/London)"
    return None


SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def feeds(v: Any) -> str | None:
    """A list of feed URLs (http/https only) or file paths relative to the config."""
    if not isinstance(v, list) or not all(isinstance(i, str) and i.strip()
                                          and not _CONTROL.search(i) for i in v):
        return "must be a list of feed URLs or file paths"
    for item in v:
        if SCHEME.match(item) and url(item.split("?")[0].split("#")[0]):
            return f"entry {item!r} must be an http(s) URL or a file path"
    return None


def sound_source(v: Any) -> str | None:
    """true/false (generated sound or none) or a path to the producer's own audio file."""
    if isinstance(v, bool) or (isinstance(v, str) and v.strip() and not _CONTROL.search(v)):
        return None
    return "must be true, false or the path of an audio file"


def words(v: Any) -> str | None:
    if not isinstance(v, list) or not all(isinstance(i, str) and i.strip()
                                          and not _CONTROL.search(i) for i in v):
        return "must be a list of non-empty strings"
    return None


def engine(v: Any) -> str | None:
    return None if v in ENGINE_NAMES else f"must be one of: {', '.join(ENGINE_NAMES)}"


# [voice.piper] key -> (lowest, highest)
PIPER_RANGES = {"length_scale": (0.5, 2.0), "noise_scale": (0.0, 1.5), "noise_w": (0.0, 1.5),
                 "sentence_silence": (0.0, 2.0)}


def piper(v: Any) -> str | None:
    if not isinstance(v, dict):
        return "must be a table (length_scale, noise_scale, noise_w, sentence_silence)"
    problems = []
    for key, value in v.items():
        if key not in PIPER_RANGES:
            problems.append(f"has an unknown key {key!r} (known: {', '.join(PIPER_RANGES)})")
            continue
        lo, hi = PIPER_RANGES[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
                lo <= value <= hi):
            problems.append(f"{key} must be a number from {lo:g} to {hi:g}")
    return "; ".join(problems) or None

