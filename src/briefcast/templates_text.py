"""The words of the briefing's frame, per show: intro, rundown, lead-ins, sign-off.

Why: a show reads in its own language and house style, so every fixed sentence the script
stage speaks comes from the ``[script]`` table of the show's config. Templates are plain
``str.format_map`` strings with a small, checked set of ``{placeholders}``; a typo such as
``{shwo}`` is reported when the config is loaded, with every other config problem, not
half-way through a night's build. The defaults are the English the show had before.

What: :data:`SCRIPT_SCHEMA` (merged into the config schema), :class:`ScriptTemplates` (the
validated, frozen result) and pure helpers that render one piece of the frame each.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from briefcast.english import MONTHS, WEEKDAYS

Check = Callable[[Any], str | None]

# Placeholders each template may use. Show-level lines know the show and the date; story
# lead-ins also know the story.
SHOW_FIELDS = frozenset({"show", "author", "date", "count"})
RUNDOWN_FIELDS = SHOW_FIELDS | {"headlines"}
PHRASE_FIELDS = SHOW_FIELDS | {"title", "source", "number"}  # transition phrases
STORY_FIELDS = PHRASE_FIELDS | {"transition"}  # the lead-in that wraps the phrase
DATE_FIELDS = frozenset({"weekday", "month", "day", "year"})
# The episode's title (feed, ID3, pages) also knows the lead story's headline. Apple's
# guide: a clear, concise name for the episode that does not repeat the show's title.
TITLE_FIELDS = SHOW_FIELDS | {"headline"}

TRANSITIONS = ("Next.", "In other news.", "Also in the news.", "Turning to another story.",
               "Meanwhile.", "Here is another story.")


@dataclass(frozen=True)
class ScriptTemplates:
    """Validated frame texts of one show (defaults: the original English briefing)."""

    intro: str = "Welcome to {show}, for {date}."
    disclosure: str | None = None  # spoken right after the intro when the show asks for it
    rundown: str = "In this briefing: {headlines}."
    rundown_and: str = "and"  # joins the last headline: "A; B; and C"
    top_story: str = "Our top story."
    last_story: str = "And finally."
    transitions: tuple[str, ...] = TRANSITIONS
    story: str = "{transition} {title}. From {source}."
    outro: str = "That's {show} for {date}. Thanks for listening, and join us again tomorrow."
    date: str = "{weekday}, {month} {day}, {year}"
    # What differs from one episode to the next, the date first: app lists cut titles short
    title: str = "{date}: {headline}"
    weekdays: tuple[str, ...] = WEEKDAYS
    months: tuple[str, ...] = MONTHS
    outlet: str = ""  # the newsroom's spoken name; config fills in show.author when unset
    source_names: tuple[tuple[str, str], ...] = ()  # (host, spoken name), sorted by host


# --- checks (used by the config schema) ---------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def placeholder_problem(template: str, allowed: frozenset[str]) -> str | None:
    """Why ``template`` cannot be rendered with ``allowed`` placeholders, or None."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"is not a valid template ({exc}; write {{{{ or }}}} for a literal brace)"
    unknown: list[str] = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name or spec or conversion or name not in allowed:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + \
                (f":{spec}" if spec else "") + "}"
            if shown not in unknown:
                unknown.append(shown)
    if unknown:
        known = ", ".join("{" + n + "}" for n in sorted(allowed))
        return f"has unknown placeholder {', '.join(unknown)} (known: {known})"
    return None


def template_check(allowed: frozenset[str], empty_ok: bool = False) -> Check:
    """A config check: a one-line string whose placeholders are all in ``allowed``."""

    def check(v: Any) -> str | None:
        if not isinstance(v, str) or (not v.strip() and not empty_ok):
            return "must be a non-empty string"
        if _CONTROL.search(v):
            return "must not contain control characters (tabs, newlines, NUL...)"
        return placeholder_problem(v, allowed)

    return check


def template_list_check(allowed: frozenset[str]) -> Check:
    one = template_check(allowed)

    def check(v: Any) -> str | None:
        if not isinstance(v, list) or not v:
            return "must be a non-empty list of strings"
        for item in v:
            problem = one(item)
            if problem:
                return f"entry {item!r} {problem}"
        return None

    return check


def names_check(count: int) -> Check:
    def check(v: Any) -> str | None:
        if (not isinstance(v, list) or len(v) != count
                or not all(isinstance(i, str) and i.strip() and not _CONTROL.search(i)
                           for i in v)):
            return f"must be a list of {count} non-empty names"
        return None

    return check


def source_names_check(v: Any) -> str | None:
    if not isinstance(v, dict) or not all(
            isinstance(k, str) and isinstance(n, str) and k.strip() and n.strip()
            and not _CONTROL.search(k + n) for k, n in v.items()):
        return 'must be a table of host = "spoken name" pairs'
    return None


def _plain(v: Any) -> str | None:
    if not isinstance(v, str) or not v.strip() or _CONTROL.search(v):
        return "must be a non-empty string without control characters"
    return None


def _bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


_DEFAULT = ScriptTemplates()

# key -> (default, check); merged into briefcast.config.SCHEMA as the [script] table.
SCRIPT_SCHEMA: dict[str, tuple[Any, Check]] = {
    "intro": (_DEFAULT.intro, template_check(SHOW_FIELDS)),
    "disclosure": (False, _bool),
    "disclosure_text": ("This briefing is read by a synthetic voice.",
                        template_check(SHOW_FIELDS)),
    "rundown": (_DEFAULT.rundown, template_check(RUNDOWN_FIELDS)),
    "rundown_and": (_DEFAULT.rundown_and, _plain),
    "top_story": (_DEFAULT.top_story, template_check(PHRASE_FIELDS)),
    "last_story": (_DEFAULT.last_story, template_check(PHRASE_FIELDS)),
    "transitions": (list(TRANSITIONS), template_list_check(PHRASE_FIELDS)),
    "story": (_DEFAULT.story, template_check(STORY_FIELDS)),
    "outro": (_DEFAULT.outro, template_check(SHOW_FIELDS)),
    "date": (_DEFAULT.date, template_check(DATE_FIELDS)),
    "title": (_DEFAULT.title, template_check(TITLE_FIELDS)),
    "weekdays": (list(WEEKDAYS), names_check(7)),
    "months": (list(MONTHS), names_check(12)),
    "outlet": (None, _plain),
    "source_names": ({}, source_names_check),
    "lexicon": (None, _plain),  # path of the pronunciation lexicon, relative to the config
}


def script_templates(values: Mapping[str, Any], author: str) -> ScriptTemplates:
    """Build the frozen templates from checked ``[script]`` values."""
    return ScriptTemplates(
        intro=values["intro"],
        disclosure=values["disclosure_text"] if values["disclosure"] else None,
        rundown=values["rundown"],
        rundown_and=values["rundown_and"].strip(),
        top_story=values["top_story"],
        last_story=values["last_story"],
        transitions=tuple(values["transitions"]),
        story=values["story"],
        outro=values["outro"],
        date=values["date"],
        title=values["title"],
        weekdays=tuple(values["weekdays"]),
        months=tuple(values["months"]),
        outlet=(values["outlet"] or author).strip(),
        source_names=tuple(sorted((_host(k), n.strip())
                                  for k, n in values["source_names"].items())),
    )


# --- rendering (pure) ------------------------------------------------------------------------


def render(template: str, **values: object) -> str:
    """Fill a checked template; single spaces, so an empty placeholder leaves no gap, and a
    value's own end mark is not doubled ("{title}." with "Is Spring Late?" -> "Late?")."""
    text = " ".join(template.format_map({k: str(v) for k, v in values.items()}).split())
    return re.sub(r"([?!])[.]", r"\1", text)


def spoken_date(date: dt.date, t: ScriptTemplates) -> str:
    """'Thursday, November 26, 2026' with the default English names."""
    return render(t.date, weekday=t.weekdays[date.weekday()], month=t.months[date.month - 1],
                  day=date.day, year=date.year)


def headline_list(titles: Sequence[str], t: ScriptTemplates) -> str:
    """'A', or 'A; B; and C' (semicolons: headlines often contain commas)."""
    if len(titles) <= 1:
        return "".join(titles)
    return "; ".join(titles[:-1]) + f"; {t.rundown_and} {titles[-1]}"


def transition(index: int, count: int, t: ScriptTemplates) -> str:
    """The lead-in phrase of story ``index``: fixed first and last, the rest in turn.

    Deterministic on purpose: a rebuild must speak (and cache) exactly the same words.
    """
    if index == 0:
        return t.top_story
    if index == count - 1 and count > 2:
        return t.last_story
    return t.transitions[(index - 1) % len(t.transitions)]


def _host(url_or_host: str) -> str:
    text = url_or_host.strip().lower()
    host = urlsplit(text).hostname if "://" in text else text.split("/")[0]
    host = host or ""
    return host[4:] if host.startswith("www.") else host


def source_name(source: str, url: str | None, t: ScriptTemplates,
                own_urls: Sequence[str] = ()) -> str:
    """Who to credit for a story, as it should be spoken.

    Files from the show's folder, and pages on the show's own site (``own_urls``), are the
    newsroom's: credited to ``t.outlet``. Anything else with a web address is credited to
    the name ``source_names`` gives its host, or else to the bare host ("example.org").
    """
    link = url if url and "://" in url else (source if "://" in source else None)
    if link is None:
        return t.outlet
    host = _host(link)
    names = dict(t.source_names)
    if host in names:
        return names[host]
    if not host or host in {_host(u) for u in own_urls}:
        return t.outlet
    return host
