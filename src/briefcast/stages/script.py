"""Script: compose the night's briefing from condensed stories, written for the ear.

Order: intro (show and date), an optional AI-voice disclosure, a headlines rundown, each
story behind a short varied transition with its source credited, a sign-off. Every fixed
sentence comes from the show's ``[script]`` templates (:mod:`briefcast.templates_text`), so
a show speaks its own language. Each sentence becomes its own cue, so segments stay short
(pyttsx3 is reliable per paragraph, not per essay) and transcripts get sentence-level
timing. A cue's ``spoken`` text is normalized, then the show's pronunciation lexicon is
applied; its ``text`` (the transcript) keeps the newsroom's spelling.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from briefcast.config import ShowConfig
from briefcast.languages import language_data
from briefcast.lexicon import Lexicon, load_lexicon
from briefcast.models import Cue, Script, Story, Summary
from briefcast.normalize import normalize
from briefcast.stages.condense import condense_story
from briefcast.stages.pacing import Pace, estimate_seconds, nominal_pace
from briefcast.stages.quotes import native_quotes
from briefcast.templates_text import (
    ScriptTemplates,
    headline_list,
    render,
    source_name,
    spoken_date as _spoken_date,
    transition,
)

SENTENCE_PAUSE_MS = 300


def spoken_date(date: dt.date, templates: ScriptTemplates | None = None) -> str:
    """'Thursday, November 26, 2026' (normalization later says the numbers in words)."""
    return _spoken_date(date, templates or ScriptTemplates())


# News agencies name themselves in the dateline: "HARBOR TOWN, Ohio (AP) — ...",
# "Berlin (dpa) - ...", "Madrid, 24 nov (EFE).- ...". Spoken names per language.


@functools.lru_cache(maxsize=8)
def _wire(language: str) -> re.Pattern[str]:
    names = language_data(language).wires
    return re.compile(r"\((" + "|".join(re.escape(n) for n in names) + r")\)\s*\.?[—–-]")


def wire_credit(story: Story) -> str | None:
    """The agency a wire story comes from, named in its dateline: credit is due to it, not
    to the newsroom that republished it (the dateline itself is not read)."""
    head = story.paragraphs[0][:120] if story.paragraphs else ""
    m = _wire(story.language).search(head)
    return language_data(story.language).wires[m.group(1)] if m else None


def lead_ins(stories: list[Story], config: ShowConfig, date: dt.date) -> list[str]:
    """Each story's spoken lead-in: transition phrase, title, source credit."""
    t = config.script
    show = _show_fields(config, date, len(stories))
    lines = []
    for i, story in enumerate(stories):
        fields = dict(show, title=story.title.rstrip("."), number=i + 1,
                      source=wire_credit(story) or source_name(
                          story.source, story.url, t, (config.website, config.base_url)))
        phrase = render(transition(i, len(stories), t), **fields)
        lines.append(render(t.story, transition=phrase, **fields))
    return lines


def _show_fields(config: ShowConfig, date: dt.date, count: int) -> dict[str, object]:
    return {"show": config.title, "author": config.author, "count": count,
            "date": spoken_date(date, config.script)}


BUDGET_TOLERANCE = 0.03  # stop adjusting once the estimate is this close to the target
BUDGET_ROUNDS = 4


def compose_script(stories: list[Story], config: ShowConfig, date: dt.date,
                   lexicon: Lexicon | None = None, paces: dict[str, Pace] | None = None,
                   extra_s: float = 0.0) -> Script:
    """Build the cue list so that the spoken briefing lasts the show's target length.

    ``paces`` are the voices' measured paces (:mod:`briefcast.stages.pacing`); without
    them the configured words per minute is assumed. ``extra_s`` is airtime that is not
    speech (stings). Story budgets start from the word rate, then the whole script's
    length is estimated cue by cue, pauses included, and the budgets are scaled until the
    estimate is within a few per cent of the target (extractive condensing moves in whole
    sentences, so it may stop short of that). ``lexicon`` defaults to the show's lexicon.
    """
    lexicon = load_lexicon(config.lexicon) if lexicon is None else lexicon
    paces = paces or {config.voice: nominal_pace(config.rate_wpm)}
    target_s = config.target_minutes * 60.0
    picked = stories[: config.story_count]
    spoken: dict[str, str] = {}  # normalized text, shared by the rounds below
    frame = _compose(picked, config, date, lexicon, None, spoken)
    frame_s = estimate_seconds(frame, paces, extra_s)  # everything but the stories' sentences
    per_story = max(30, int((target_s - frame_s) / 60.0 * config.rate_wpm
                            / max(1, len(picked))))
    best: tuple[float, Script] | None = None
    for _ in range(BUDGET_ROUNDS):
        script = _compose(picked, config, date, lexicon, per_story, spoken)
        estimate = estimate_seconds(script, paces, extra_s)
        miss = abs(estimate - target_s) / target_s
        if best is None or miss < best[0]:
            best = (miss, script)
        if miss <= BUDGET_TOLERANCE or estimate <= frame_s:
            break
        wanted = max(1.0, target_s - frame_s) / max(1.0, estimate - frame_s)
        adjusted = max(30, round(per_story * wanted))
        if adjusted == per_story:
            break
        per_story = adjusted
    assert best is not None  # the loop runs at least once
    return best[1]


def _compose(picked: list[Story], config: ShowConfig, date: dt.date, lexicon: Lexicon,
             per_story: int | None, spoken: dict[str, str]) -> Script:
    """One composition at ``per_story`` spoken words a story (None: the frame alone).

    ``spoken`` remembers normalized texts: every round of the budget loop says the same
    sentences again, and normalizing is most of a composition's time.
    """
    lang = config.language.split("-")[0].lower()
    t = config.script
    marks = language_data(lang).quotes  # the transcript keeps the language's quote marks

    def say(text: str) -> str:
        if text not in spoken:
            spoken[text] = normalize(text, lang)
        return spoken[text]

    def spoken_words(text: str) -> int:
        return len(say(text).split())

    def cue(kind: str, text: str, voice: str, chapter: str, pause: int, speaker: str) -> Cue:
        text = native_quotes(text, marks)
        return Cue(kind, text, lexicon.apply(say(text)), voice, chapter, pause, speaker)

    titles = [s.title.rstrip(".") for s in picked]
    show = _show_fields(config, date, len(picked))
    intro = render(t.intro, **show)
    disclosure = render(t.disclosure, **show) if t.disclosure else None
    rundown = render(t.rundown, headlines=headline_list(titles, t), **show)
    outro = render(t.outro, **show)
    leads = lead_ins(picked, config, date)
    summaries: list[Summary] = [
        condense_story(s, per_story, spoken_words, edition=date, timezone=config.timezone)
        if per_story is not None else Summary(s, (), 0) for s in picked]
    # The script, not the engine, decides who speaks: with two anchors, stories alternate.
    anchors = [(config.voice, config.speaker)]
    if config.second_voice:
        anchors.append((config.second_voice, config.second_speaker))
    voice, speaker = anchors[0]
    cues: list[Cue] = [cue("intro", intro, voice, t.intro_chapter, 500, speaker)]
    if disclosure:  # kind "intro": the show's own line (never dropped like a story)
        cues.append(cue("intro", disclosure, voice, t.intro_chapter, 500, speaker))
    cues.append(cue("headlines", rundown, voice, t.intro_chapter, config.pause_ms, speaker))
    for i, summary in enumerate(summaries):
        voice, speaker = anchors[i % len(anchors)]
        chapter = summary.story.title
        cues.append(cue("transition", leads[i], voice, chapter, 500, speaker))
        for j, sentence in enumerate(summary.sentences):
            last = j == len(summary.sentences) - 1
            pause = config.pause_ms if last else SENTENCE_PAUSE_MS
            cues.append(cue("story", sentence, voice, chapter, pause, speaker))
    voice, speaker = anchors[0]
    cues.append(cue("outro", outro, voice, t.outro_chapter, 0, speaker))
    # Not "{show}: {date}": the show's title is beside the episode's everywhere it is shown
    title = render(t.title, headline=titles[0] if titles else "", **show).rstrip(" :;,")
    return Script(title=title, date=date, cues=tuple(cues), stories=tuple(summaries))
