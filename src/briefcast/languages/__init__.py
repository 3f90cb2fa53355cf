"""The languages a show can be in: everything briefcast says or looks for, per language.

Why: a German show must sound German without a ``[script]`` table, its cleaner must know
"Lesen Sie auch" and "Anzeige", its date rewriter "gestern" and "am Montag", its sentence
splitter "3. Dezember", its voice must be espeak-ng's German and its pronunciation check
the German word list. All of that is *data*, so it lives here, one module per language
(``en``, ``de``, ``es``, ``fr``); the stages read the tables they need and hold the code.

What: :class:`LanguageData` and its parts (frozen dataclasses, no I/O), the
:data:`LANGUAGES` mapping and :func:`language_data`, which finds a show's language from its
code ("de", "de-AT": the primary subtag) and lists the supported ones when it cannot.
The numbers, money and abbreviations of a language are its normalizer's
(``normalize_<code>.py``), not this package's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from briefcast.errors import BriefcastError


@dataclass(frozen=True)
class Frame:
    """The briefing's fixed sentences (the ``[script]`` defaults) and chapter names."""

    intro: str
    disclosure_text: str
    rundown: str
    rundown_and: str  # joins the last headline: "A; B; and C"
    top_story: str
    last_story: str
    transitions: tuple[str, ...]
    story: str
    outro: str
    date: str  # {weekday} {day} {month} {year}
    weekdays: tuple[str, ...]  # Monday first
    months: tuple[str, ...]  # January first
    intro_chapter: str  # chapter of the intro and rundown (chapters, transcripts, ID3)
    outro_chapter: str
    first_day: str = "1"  # how {day} is written on the 1st: French says "1er" (premier)


@dataclass(frozen=True)
class Junk:
    """Scraped lines of sites in this language that are never read aloud.

    Regular expressions (as source text), matched case-insensitively against one line by
    ``stages/clean.py``, beside the English rules, which apply to every show (sites in any
    language carry "Advertisement", "Share" and "©").
    """

    credits: tuple[str, ...] = ()  # photo credits: "Foto: dpa", "Crédit photo : AFP"
    ads: tuple[str, ...] = ()  # ad slots: "Anzeige", "Publicidad"
    prompts: tuple[str, ...] = ()  # subscription, newsletter, sharing, comments, "Lire aussi"
    nav_headings: tuple[str, ...] = ()  # a heading over other stories: "Mehr zum Thema"
    boilerplate: tuple[str, ...] = ()  # copyright, cookies
    byline: str = ""  # the word before a byline's names: "von", "por", "par"
    byline_and: tuple[str, ...] = ()  # joins two names in a byline: "und"
    bylines: tuple[str, ...] = ()  # other byline and reading-time lines
    title_labels: tuple[str, ...] = ()  # web labels before a headline: "Liveticker"
    timestamp_words: frozenset[str] = frozenset()  # words of "Aktualisiert am 3. Nov. 2026"
    we: tuple[str, ...] = ()  # first person plural: a footer blurb's voice ("unser")


@dataclass(frozen=True)
class DateWords:
    """Relative dates of one language, for ``stages/dates_lang.py`` (English has its own
    rules in ``stages/dates.py``).

    Parts of the day have keys ("morning", "evening", ...): ``parts`` reads them, the other
    tables write them. Every regex is source text, matched case-insensitively.
    """

    days: Mapping[str, int]  # day word -> days from the day written: {"gestern": -1}
    near: tuple[str, str, str]  # yesterday, today, tomorrow as said from the edition day
    parts: Mapping[str, str]  # written part of the day after a day word -> its key
    part_after_day: Mapping[str, str]  # key -> " Abend" in "gestern Abend"
    part_after_weekday: Mapping[str, str]  # key -> "abend" in "Dienstagabend"
    idioms: Mapping[tuple[int, str], str]  # (day, part) said another way: (0, "evening") ->
    # "esta noche"; read and written
    weekday_say: str  # "am {weekday}{part}": a weekday said alone
    weekday_after: str  # "{weekday}{part}": after a kept preposition ("seit Dienstag")
    date_say: str  # "am {day}. {month}": a date further than a week away
    year_say: str  # appended when the year is not the edition's: " {year}"
    prepositions: str  # kept before a day or weekday: "seit|bis|ab"
    since: str  # the one of them that looks back: "seit"
    guard: str  # a word before the phrase that would have to change with it: "zum|vom"
    articles: str  # said with a weekday, replaced with it: "am", "el|este", "ce"
    past_before: str = ""  # "vergangenen|letzten" before a weekday: a day gone by
    future_before: str = ""  # "kommenden|nächsten"
    past_after: str = ""  # "lundi dernier"
    future_after: str = ""  # "lundi prochain"
    habitual: str = ""  # before a weekday, every such day: "jeden", "los", "le"
    blocked_before: Mapping[str, str] = field(default_factory=dict)  # day word -> regex of
    # the words before it where it is no date ("bis heute": until now)
    blocked_after: Mapping[str, str] = field(default_factory=dict)  # "hoy en día": nowadays
    future: str = ""  # a future verb in the clause: "wird|werden|soll"
    past: str = ""  # a past verb in the clause: "hat|war|wurde"
    present: str = ""  # a scheduled event in the present ("a lieu"): tense unclear


@dataclass(frozen=True)
class Sentences:
    """What a full stop after a word means, for ``stages/sentences.py``."""

    titles: frozenset[str] = frozenset()  # "dr", "sr": before a name, never a sentence end
    abbreviations: frozenset[str] = frozenset()  # may end a sentence ("usw.")
    starters: frozenset[str] = frozenset()  # words that open sentences
    ordinal_dot: bool = False  # "am 3. Dezember": a number's dot is an ordinal's (German)


@dataclass(frozen=True)
class LanguageData:
    """Everything one language needs beyond its normalizer."""

    code: str  # ISO 639-1: "de"
    name: str  # in English, for messages: "German"
    frame: Frame
    junk: Junk
    dates: DateWords | None  # None: English (stages/dates.py)
    sentences: Sentences
    espeak_voice: str  # espeak-ng's voice for the language (pyttsx3's default)
    word_lists: tuple[Path, ...]  # system word lists of the pronunciation check, main first
    word_list_package: str  # the Debian package that installs the main one
    wires: Mapping[str, str]  # news agency in a dateline -> its spoken name
    quotes: tuple[str, str] = ("“", "”")  # the language's quotation marks (see quotes.py)
    pace: tuple[str, str, str] = ("", "", "")  # short, long and headline passages (pacing)
    attribution: str = ""  # a verb or word that names who is quoted: "sagte|erklärte"
    compounds: bool = False  # words join into new words ("Fährverbindungen"): the word
    # list knows the parts, not the whole
    elisions: tuple[str, ...] = ()  # "l'", "d'": an article joined to the word after it


class UnsupportedLanguageError(BriefcastError, ValueError):
    """A show language briefcast has no tables for."""

    def __init__(self, language: str) -> None:
        self.language = language
        super().__init__(f"no support for language {language!r} "
                         f"(supported: {', '.join(sorted(LANGUAGES))})")


def _load() -> Mapping[str, LanguageData]:
    from briefcast.languages import de, en, es, fr

    return MappingProxyType({m.DATA.code: m.DATA for m in (en, de, es, fr)})


LANGUAGES: Mapping[str, LanguageData] = _load()


def primary(language: str | None) -> str:
    """The primary subtag of a language code, lowercased: "de-AT" -> "de"; None -> "en"."""
    return (language or "en").strip().replace("_", "-").split("-")[0].lower()


def language_data(language: str | None) -> LanguageData:
    """The tables of ``language`` (a code such as "fr" or "fr-CA"); raises
    :class:`UnsupportedLanguageError` naming the supported languages."""
    try:
        return LANGUAGES[primary(language)]
    except KeyError:
        raise UnsupportedLanguageError(str(language)) from None
