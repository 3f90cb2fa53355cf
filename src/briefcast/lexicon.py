"""Pronunciation lexicon: the newsroom's respellings of names espeak-ng gets wrong.

Why: espeak-ng guesses names from English spelling rules, so "Okafor" or "Xochitlqueztal"
can come out badly. A per-show text file, edited by the newsroom, maps a word to how it
should be said; the script stage applies it to each cue's spoken text after normalization
(the transcript keeps the real spelling).

Format (UTF-8, one entry a line; blank lines and ``#`` comments ignored)::

    # word = respelling
    Okafor = oh-kah-for
    Xochitlqueztal = soh-cheet-kets-al
    gif = jif             # all-lowercase words match in any case

Words with a capital letter match case-sensitively, whole words only ("Nice" the city,
not "nice"); all-lowercase words match in any case. Respellings are written in lowercase,
syllables joined by hyphens: espeak-ng spells a capitalized syllable such as "KAH" letter by
letter, so capitals cannot mark stress (it guesses stress well). Respellings only: espeak-ng's
``[[phoneme]]`` notation is refused, because pyttsx3 calls espeak without the flag that
enables it and the brackets would be read out as text.

The warning check (:func:`pronunciation_warnings`) lists capitalized words that are not
sentence-initial, not in the lexicon and not in the system word list of the show's language
(``/usr/share/dict/words``, Debian package ``wamerican``, for English; ``ngerman``,
``spanish``, ``french``; German compounds of listed words count as listed), and says which
of them espeak-ng would spell letter by letter (its ``-X`` trace reports them as
"Unpronouncable").
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefcast.english import WORD_LIST
from briefcast.errors import ConfigError
from briefcast.languages import LanguageData, language_data
from briefcast.models import Cue, Script

log = logging.getLogger(__name__)


class LexiconError(ConfigError):
    """The lexicon file has problems; every one is listed with its line number."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(path, problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        self.args = (f"{path}: {len(problems)} problem(s) in pronunciation lexicon:\n{lines}",)


@dataclass(frozen=True)
class Lexicon:
    """Word -> respelling pairs in file order."""

    entries: tuple[tuple[str, str], ...] = ()

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.entries:
            return None
        # Longest first, so "Port Ngata" wins over "Port"; lowercase keys match any case.
        keys = sorted((k for k, _ in self.entries), key=len, reverse=True)
        alternatives = [re.escape(k) if _has_upper(k) else f"(?i:{re.escape(k)})"
                        for k in keys]
        return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + r")(?!\w)")

    @functools.cached_property
    def _lookup(self) -> tuple[dict[str, str], dict[str, str]]:
        exact = {k: v for k, v in self.entries if _has_upper(k)}
        folded = {k: v for k, v in self.entries if not _has_upper(k)}
        return exact, folded

    def apply(self, spoken: str) -> str:
        """Replace every lexicon word in ``spoken`` by its respelling."""
        pattern = self._pattern
        if pattern is None:
            return spoken
        exact, folded = self._lookup

        def swap(m: re.Match[str]) -> str:
            word = m.group()
            return exact.get(word) or folded.get(word.lower(), word)

        return pattern.sub(swap, spoken)

    def covers(self, word: str) -> bool:
        """Whether ``word`` is, or is part of, a lexicon entry (so it needs no warning)."""
        exact, folded = self._lookup
        return any(word in k.split() for k in exact) or any(
            word.lower() in k.split() for k in folded)


def _has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


_KEY = re.compile(r"^[^\W_](?:[\w'’ .-]*[^\W_])?$")
_SHOUTED = re.compile(r"\b[A-Z]{2,}\b")
_COMMENT = re.compile(r"\s+#.*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def parse_lexicon(text: str, path: Path) -> Lexicon:
    """Parse lexicon text; raise LexiconError listing every bad line (``path`` for messages)."""
    problems: list[str] = []
    entries: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        if not line or line.startswith("#"):
            continue
        where = f"line {number}"
        if _CONTROL.search(line):
            problems.append(f"{where}: contains control characters")
            continue
        if "=" not in line:
            problems.append(f"{where}: expected 'word = respelling', got {line!r}")
            continue
        key, _, value = (part.strip() for part in line.partition("="))
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if not key:
            problems.append(f"{where}: no word before '='")
            continue
        if not _KEY.match(key):
            problems.append(f"{where}: {key!r} is not a word (letters, digits, spaces, "
                            "hyphens, apostrophes and periods only)")
            continue
        if not value:
            problems.append(f"{where}: no respelling after '=' for {key!r}")
            continue
        if "[[" in value or "]]" in value:
            problems.append(f"{where}: espeak phoneme notation [[...]] is not supported "
                            f"(pyttsx3 would read it aloud); write a respelling for {key!r} "
                            "such as 'oh-kah-for'")
            continue
        shouted = _SHOUTED.findall(value)
        if shouted:
            problems.append(f"{where}: espeak-ng spells capitalized syllables letter by letter "
                            f"({', '.join(shouted)}); write the respelling of {key!r} in "
                            "lowercase")
            continue
        folded = key if _has_upper(key) else key.lower()
        if folded in seen:
            problems.append(f"{where}: {key!r} is already defined on line {seen[folded]}")
            continue
        seen[folded] = number
        entries.append((folded, value))
    if problems:
        raise LexiconError(path, problems)
    return Lexicon(tuple(entries))


def load_lexicon(path: Path | None) -> Lexicon:
    """Read the show's lexicon file; no path means an empty lexicon."""
    if path is None:
        return Lexicon()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(path, ["lexicon file not found (script.lexicon in the config)"]
                           ) from None
    except UnicodeDecodeError as exc:
        raise LexiconError(path, [f"not UTF-8 text ({exc.reason} at byte {exc.start})"]
                           ) from None
    except OSError as exc:
        raise LexiconError(path, [f"cannot read lexicon: {exc}"]) from None
    return parse_lexicon(text, Path(path))


# --- the warning check -----------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = ".!?…"
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_OPENERS = "\"'“‘([«"


def _is_name_like(word: str) -> bool:
    """Capitalized and not an acronym: 'Okafor', 'McKenna'; not 'NATO', 'A', 'the'."""
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip().rstrip(_OPENERS).rstrip()
    if _INITIAL.search(before):  # "A. Smith": a middle initial, not a sentence end
        return False
    return not before or before[-1] in _SENTENCE_END


def name_candidates(text: str) -> list[str]:
    """Capitalized words of ``text`` that do not start a sentence, possessive "'s" removed."""
    found = []
    for m in _TOKEN.finditer(text):
        word = re.sub(r"['’]s$", "", m.group())
        if _is_name_like(word) and not _sentence_initial(text, m.start()):
            found.append(word)
    return found


_LINKS = ("", "s", "es", "n", "en", "e", "er")  # German linking elements: "Landestitel"


def known(word: str, words: Collection[str], data: LanguageData) -> bool:
    """Whether the word list knows ``word``: as it is, without an elided article
    ("l'hôpital"), or, in a compounding language, as known words joined ("Kinder|flügel",
    "Landes|titel": the part before may end in a linking "s", "n", "en"...)."""
    lower = word.lower().replace("’", "'")
    for elision in data.elisions:
        if lower.startswith(elision) and len(lower) > len(elision):
            lower = lower[len(elision):]
            break
    return lower in words or (data.compounds and _compound(lower, words, 2))


def _compound(word: str, words: Collection[str], depth: int) -> bool:
    """``word`` split into known parts of three letters or more (at most ``depth`` cuts)."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if not (tail in words or (depth > 1 and _compound(tail, words, depth - 1))):
            continue
        if any(head.endswith(link) and head[:len(head) - len(link)] in words
               for link in _LINKS if len(head) - len(link) >= 3):
            return True
    return False


@functools.lru_cache(maxsize=4)
def system_words(path: Path = WORD_LIST) -> frozenset[str] | None:
    """The system English word list (lowercased), or None when it is not installed."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return frozenset(w.strip().lower() for w in lines if w.strip())


def espeak_spelled(words: Sequence[str], voice: str = "en-us") -> set[str] | None:
    """Which ``words`` espeak-ng would read letter by letter; None if espeak-ng is missing.

    One ``espeak-ng -q -X`` call for all words: its translation trace marks a word it
    cannot pronounce as "Unpronouncable? 'word'" (sic) before spelling it out.
    """
    exe = shutil.which("espeak-ng")
    if exe is None or not words:
        return None if exe is None else set()
    try:
        out = subprocess.run([exe, "-q", "-X", "-v", voice, "--stdin"],
                             input="\n".join(words), capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("espeak-ng name check failed: %s", exc)
        return None
    marked = set(re.findall(r"Unpronouncable\? '([^']+)'", out))
    return {w for w in words if w.lower() in marked}


_FRAME_KINDS = ("intro", "headlines")  # the cues of the intro and rundown
Spelled = Callable[[Sequence[str]], "set[str] | None"]


def pronunciation_warnings(cues: Iterable[Cue], lexicon: Lexicon, language: str,
                           words: Collection[str] | None, spelled: Spelled | None = None
                           ) -> list[str]:
    """Names espeak-ng is likely to mangle, one warning per word, in order of appearance.

    ``words`` is a lowercased word list of the language (None: not available, so only words that
    ``spelled`` flags are reported); ``spelled`` tells which words espeak-ng would spell
    out. The check reads each cue's normalized text before the lexicon is applied, so
    "Dr. Okafor" is seen as "Doctor Okafor" and respellings are never flagged.
    """
    from briefcast.normalize import normalize  # num2words and the rules: slow to import

    data = language_data(language)
    name = data.name
    first_seen: dict[str, str] = {}
    in_frame: set[str] = set()  # words first seen in the intro or rundown
    for cue in cues:
        for word in name_candidates(normalize(cue.text, language)):
            if word in first_seen:
                if word in in_frame and cue.kind not in _FRAME_KINDS:
                    first_seen[word] = cue.chapter  # name the story, not the rundown
                    in_frame.discard(word)
                continue
            if cue.kind in _FRAME_KINDS:
                in_frame.add(word)
            if lexicon.covers(word) or (words is not None and known(word, words, data)):
                continue
            first_seen[word] = cue.chapter
    flagged = (spelled(list(first_seen)) if spelled else None) or set()
    warnings = []
    for word, chapter in first_seen.items():
        if word in flagged:
            warnings.append(f"pronunciation: espeak-ng would spell {word!r} letter by letter "
                            f"(in {chapter!r}); add a respelling to the lexicon")
        elif words is not None:
            warnings.append(f"pronunciation: {word!r} is not in the {name} word list; "
                            f"espeak-ng may mispronounce it (in {chapter!r}); listen, and "
                            "add a respelling to the lexicon if needed")
    return warnings


def review_warnings(script: Script, lexicon: Lexicon, language: str, voice: str) -> list[str]:
    """The pronunciation check with the system word lists of the show's language and
    espeak-ng (for reports/CLI). English reads Debian's American and British lists
    ("Defence", "Labour": English, not names); German, Spanish and French their own."""
    data = language_data(language)
    lists = [system_words(path) for path in data.word_lists]
    words = None if lists[0] is None else frozenset().union(*(w for w in lists if w))
    notes = [] if words is not None else [
        f"pronunciation: no word list at {data.word_lists[0]} (install the "
        f"{data.word_list_package} package); only names espeak-ng would spell out are "
        "reported"]
    if data.code != "en":
        voice = data.espeak_voice  # the language's espeak-ng voice, whatever engine speaks
    return notes + pronunciation_warnings(script.cues, lexicon, language, words,
                                          lambda ws: espeak_spelled(ws, voice))
