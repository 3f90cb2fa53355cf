"""English: the briefing as it always sounded. The junk lines, bylines, relative dates and
sentence rules of English live in the stages themselves (they came first), so only the
frame, voice, word list, wires and pacing passages are here."""

from __future__ import annotations

from briefcast.english import BRITISH_WORD_LIST, MONTHS, WEEKDAYS, WORD_LIST
from briefcast.languages import Frame, Junk, LanguageData, Sentences

DATA = LanguageData(
    code="en",
    name="English",
    frame=Frame(
        intro="Welcome to {show}, for {date}.",
        disclosure_text="This briefing is read by a synthetic voice.",
        rundown="In this briefing: {headlines}.",
        rundown_and="and",
        top_story="Our top story.",
        last_story="And finally.",
        transitions=("Next.", "In other news.", "Also in the news.",
                     "Turning to another story.", "Meanwhile.", "Here is another story."),
        story="{transition} {title}. From {source}.",
        outro="That's {show} for {date}. Thanks for listening, and join us again tomorrow.",
        date="{weekday}, {month} {day}, {year}",
        weekdays=WEEKDAYS,
        months=MONTHS,
        intro_chapter="Introduction",
        outro_chapter="Sign-off",
    ),
    junk=Junk(),
    dates=None,
    sentences=Sentences(),
    espeak_voice="en-us",
    word_lists=(WORD_LIST, BRITISH_WORD_LIST),  # "Defence", "Labour": English, not names
    word_list_package="wamerican",
    wires={"AP": "the Associated Press", "Reuters": "Reuters", "AFP": "Agence France-Presse",
           "Bloomberg": "Bloomberg", "UPI": "United Press International", "PA": "PA Media",
           "CP": "the Canadian Press", "AAP": "Australian Associated Press", "CNN": "CNN"},
    pace=(
        "The harbor council met on Tuesday evening to talk about the ferry.",
        "The harbor council met on Tuesday evening and voted to repair the old north pier "
        "before the summer season, after fishermen and ferry captains told members that "
        "the boards were rotten in places and that one crane had stopped working in the "
        "spring. The work will cost about forty thousand dollars, and the town hopes the "
        "state will pay for half of it by the end of the year.",
        "In this briefing: Harbor Council Approves New Budget After Late Vote; Storm "
        "Cancels Ferries and Cuts Power Along the Coast; and Mariners Win First State "
        "Title in Thirty Years.",
    ),
)
