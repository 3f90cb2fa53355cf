"""Script: compose the night's briefing from condensed stories, written for the ear.

Order: intro (show and date), a headlines rundown, each story behind a short varied
transition, a sign-off. Each sentence becomes its own cue, so segments stay short (pyttsx3
is reliable per paragraph, not per essay) and transcripts get sentence-level timing.
"""

from __future__ import annotations

import datetime as dt

from briefcast.config import ShowConfig
from briefcast.models import Cue, Script, Story, Summary
from briefcast.normalize import normalize
from briefcast.stages.condense import condense_story

TRANSITIONS = ("Next.", "In other news.", "Also today.", "Turning to another story.",
               "Meanwhile.", "Here is another story.")
SENTENCE_PAUSE_MS = 300
INTRO_CHAPTER = "Introduction"
OUTRO_CHAPTER = "Sign-off"


def spoken_date(date: dt.date) -> str:
    """'Thursday, November 26, 2026' (normalization later says the numbers in words)."""
    return f"{date:%A}, {date:%B} {date.day}, {date.year}"


def _rundown(titles: list[str]) -> str:
    if len(titles) == 1:
        return f"Today's story: {titles[0]}."
    return "In this briefing: " + "; ".join(titles[:-1]) + f"; and {titles[-1]}."


def _transition(index: int, count: int) -> str:
    if index == 0:
        return "Our top story."
    if index == count - 1 and count > 2:
        return "And finally."
    return TRANSITIONS[(index - 1) % len(TRANSITIONS)]


def compose_script(stories: list[Story], config: ShowConfig, date: dt.date) -> Script:
    """Build the cue list; per-story word budgets come from the show's target length."""
    lang = config.language.split("-")[0].lower()

    def say(text: str) -> str:
        return normalize(text, lang)

    def spoken_words(text: str) -> int:
        return len(say(text).split())

    picked = stories[: config.story_count]
    titles = [s.title.rstrip(".") for s in picked]
    intro = f"Welcome to {config.title}, for {spoken_date(date)}."
    rundown = _rundown(titles)
    outro = (f"That's {config.title} for {spoken_date(date)}. "
             "Thanks for listening, and join us again tomorrow.")
    frame = [intro, rundown, outro] + [f"{_transition(i, len(picked))} {t}."
                                       for i, t in enumerate(titles)]
    total_words = config.target_minutes * config.rate_wpm
    overhead = sum(spoken_words(t) for t in frame)
    per_story = max(30, int((total_words - overhead) / max(1, len(picked))))

    summaries: list[Summary] = [condense_story(s, per_story, spoken_words) for s in picked]
    # The script, not the engine, decides who speaks: with two anchors, stories alternate.
    anchors = [(config.voice, config.speaker)]
    if config.second_voice:
        anchors.append((config.second_voice, config.second_speaker))
    voice, speaker = anchors[0]
    cues: list[Cue] = [
        Cue("intro", intro, say(intro), voice, INTRO_CHAPTER, 500, speaker),
        Cue("headlines", rundown, say(rundown), voice, INTRO_CHAPTER, config.pause_ms, speaker),
    ]
    for i, summary in enumerate(summaries):
        voice, speaker = anchors[i % len(anchors)]
        chapter = summary.story.title
        lead_in = f"{_transition(i, len(summaries))} {titles[i]}."
        cues.append(Cue("transition", lead_in, say(lead_in), voice, chapter, 500, speaker))
        for j, sentence in enumerate(summary.sentences):
            last = j == len(summary.sentences) - 1
            pause = config.pause_ms if last else SENTENCE_PAUSE_MS
            cues.append(Cue("story", sentence, say(sentence), voice, chapter, pause, speaker))
    voice, speaker = anchors[0]
    cues.append(Cue("outro", outro, say(outro), voice, OUTRO_CHAPTER, 0, speaker))
    title = f"{config.title}: {spoken_date(date)}"
    return Script(title=title, date=date, cues=tuple(cues), stories=tuple(summaries))

