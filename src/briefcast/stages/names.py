"""Names: who a story names, and saying a person's full name the first time it airs.

Newspapers introduce a person once ("said Maria Dempsey, the harbormaster") and use the
surname after that ("Dempsey picked up the phone"). Condensing can keep the second sentence
and drop the first; a listener then hears a surname out of nowhere. This module finds the
people an article names in full, finds later bare mentions ("Dempsey", "Mr. Dempsey",
"Mayor Dempsey"), and can say the full name at the first mention that airs.

A person is a run of two or three capitalised words (after any titles such as "Mayor" or
"Dr.") whose words the article never uses in lower case: "Harbor Town" is not a person in
an article that also says "the town". Without a dictionary of names this is a heuristic:
it errs towards finding fewer people, so a missed person costs nothing but a short name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefcast.english import WEEKDAYS
from briefcast.stages.quotes import in_spans, quote_spans

# Words that stand before a name and are not part of it ("Finance Director Tobias Wren").
HONORIFICS = frozenset("Mr Mrs Ms Miss Mx Messrs Mme Mlle Sir Dame".split())
TITLE_WORDS = HONORIFICS | frozenset("""
    Dr Prof Professor Rev Reverend Fr Father Sister Brother Rabbi Imam Pastor Bishop Cardinal
    Pope King Queen Prince Princess Lord Lady Sheikh Mayor Governor Gov Senator Sen
    Representative Rep Congressman Congresswoman Councillor Councilor Councillors Councilors
    Alderman Commissioner Minister Premier Chancellor President Vice Secretary Treasurer Judge
    Justice Attorney Atty Sheriff Deputy Chief Director Executive Officer Chair Chairman
    Chairwoman Chairperson Manager Superintendent Supt Principal Coach Captain Capt General Gen
    Colonel Col Lieutenant Lt Major Maj Sergeant Sgt Corporal Cpl Private Pvt Admiral Adm
    Commander Cmdr Detective Det Inspector Insp Constable Officer Trooper Ambassador
    Spokesperson Spokesman Spokeswoman Founder Co-founder Cofounder Editor Dean Provost
    Speaker Leader Mx""".split())
# Capitalised at a sentence's start, never part of a name ("But Santorum", "Both Horner").
FUNCTION_WORDS = frozenset("""the a an and or but nor yet so of to in on at by for from with
    as after before when while where this that these those his her their its our my your
    under since if now then still also both neither either each every all many most some
    several other another only even just more less not no former late new senior junior
    veteran local what who whom whose why how which""".split())
_ADVERB_ENDINGS = ("ally", "fully", "ously", "ively", "ently", "antly", "ately", "ingly",
                   "edly", "ibly", "ably")
# First words of places, not first names ("Mount Everest", "Lake Tessel").
_PLACE_FIRST = frozenset("""Mount Mt Lake Saint St Fort Ft Port Cape Glen Sierra Loch Lough
    Isle Point North South East West Upper Lower Great Little Old New Central La Le Las
    Los El""".split())
_OPENING = "“\"‘'([—–-"
_CLOSING = "”\"’')]…"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Weekdays break a run ("On Tuesday Smith said"); months do not, being first names too
# ("Harold and June Crumb").
_DATES = frozenset(WEEKDAYS)
# Last words of places and organisations, never a surname ("Quay Street", "Pine Ridge").
_PLACE_WORDS = frozenset("""Street Road Avenue Lane Drive Way Boulevard Square Place Town City
    Island Islands Park Hall Creek River Lake Valley Hills Hill Ridge Bay Harbor Harbour Point
    Station Office Board Council Association Society College University School Academy Arena
    Media Press Systems Group Company Exchange Desert America Republic Church Hospital Centre
    Center Club Union Party Fund Bank Museum Library Airport Port Bridge Coast County State
    Times Post News Herald Ledger Gazette Courier Developments Lumber Electric Elementary
    Energy Power Water Health Airlines Airways Motors Foods Partners Capital Holdings
    Industries International Corporation Foundation Trust Committee Commission Agency
    Authority Service Services Network Works Labs Studios Records Ferries Transit Rail
    Railway Police Army Navy Government Ministry Department""".split())


@dataclass(frozen=True)
class Person:
    """Someone the article names in full."""

    name: str  # first name(s) and surname as the article writes them: "Maria Dempsey"
    surname: str  # "Dempsey"
    first_seen: int  # index of the sentence that first names them in full


@dataclass(frozen=True)
class Mention:
    """A known surname said without its first name: "Dempsey", "Mr. Dempsey"."""

    surname: str
    title: str  # the title said with it ("Mr.", "Mayor"), or ""
    start: int  # character span of title and surname in the sentence (not the "’s")
    end: int


@dataclass(frozen=True)
class _Word:
    text: str  # without surrounding punctuation or possessive
    start: int
    end: int
    starts_run: bool  # an opening quote or bracket before it


@lru_cache(maxsize=4096)
def _runs(sentence: str) -> tuple[tuple[_Word, ...], ...]:
    """Runs of consecutive capitalised words; punctuation and weekdays break a run.

    Cached: condensing asks again for the same sentences while it chooses.
    """
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    for match in re.finditer(r"\S+", sentence):
        token = match.group()
        lead = len(token) - len(token.lstrip(_OPENING))
        core = token.strip(_OPENING + _CLOSING + ",;:.!?")
        word = _POSSESSIVE.sub("", core)
        is_title = token.rstrip(",;:").endswith(".") and word in TITLE_WORDS
        if not word[:1].isupper() or word in _DATES or lead:
            if run:
                runs.append(run)
            run = []
        if word[:1].isupper() and word not in _DATES:
            start = match.start() + lead
            run.append(_Word(word, start, start + len(word), bool(lead)))
            ends = token[len(token.rstrip(_CLOSING + ",;:.!?")):]
            if (word != core or any(c in ends for c in ",;:!?”\")…")
                    or (ends.endswith(".") and not is_title)):
                runs.append(run)
                run = []
    if run:
        runs.append(run)
    return tuple(tuple(r) for r in runs)


def not_a_name(word: str) -> bool:
    """A capitalised word that opens a name's run without being part of the name: a
    function word ("But Santorum"), a hyphenated description ("Fourteen-year-old Amara",
    "Middlesbrough-born Daniels") or an adverb ("Hopefully Robert", not "Kelly Brown")."""
    return (word.lower() in FUNCTION_WORDS or word.lower().endswith(_ADVERB_ENDINGS)
            or ("-" in word and not all(part[:1].isupper() for part in word.split("-"))))


def _strip_titles(words: Sequence[_Word]) -> tuple[Sequence[_Word], Sequence[_Word]]:
    """(titles, the rest): leading function words dropped, titles up to the last one."""
    while words and not_a_name(words[0].text):
        words = words[1:]
    last_title = max((i for i, w in enumerate(words) if w.text in TITLE_WORDS), default=-1)
    return words[:last_title + 1], words[last_title + 1:]


_SPEECH = (r"(?:said|says|told|tells|added|adds|explained|argued|wrote|writes|asked|asks|"
           r"replied|insisted|warned|admitted|recalled|agreed|denied|claimed|noted|announced|"
           r"stated|testified|pleaded|died|was born)")
# Capital letters of the Latin, Greek and Cyrillic alphabets ("Ł", "Ž", "Ó"): re has no \p{Lu}.
_UPPER = "[" + re.escape("".join(c for c in map(chr, range(0x530)) if c.isupper())) + "]"
_CAP = _UPPER + r"[\w'’-]*"
_TITLES = "|".join(sorted(TITLE_WORDS))
# Where a text treats a capitalised word as a person's name; group 1 ends with the name.
_PERSON_CUES = (
    re.compile(rf"\b(?:{_TITLES})\.?\s+((?:{_CAP}\s+){{0,2}}{_CAP})"),  # "Mayor Ines Okafor"
    re.compile(rf"({_CAP})(?:['’]s)?\s+(?:has |had |have |was |is |also )*{_SPEECH}\b"),
    re.compile(rf"\b{_SPEECH}\s+(?:[\w'’-]+\s+){{0,6}}?((?:{_CAP}\s+){{0,2}}{_CAP})"
               r"(?=[,.;:!?)]|\s+(?:of|from|who|in)\b|$)"),  # "said ... chief Hanne Veldkamp."
    re.compile(rf"({_CAP}),\s*(?:\d{{1,3}},|who |whose )"),  # "Dempsey, 58," "Dempsey, who"
)
_TITLED = re.compile(rf"\b(?:{_TITLES})\.?\s+{_UPPER}")


def acting_people(text: str) -> frozenset[str]:
    """The words ``text`` uses the way it uses people's names: with a title ("Mr
    Dempsey", "Mayor Ines Okafor"), speaking ("Dempsey said", "said ... Maria Dempsey"), with
    an age ("Dempsey, 58,") or a "who" or "whose" clause ("Maria Dempsey, who ...")."""
    return frozenset(_POSSESSIVE.sub("", m.group(1).split()[-1])
                     for cue in _PERSON_CUES for m in cue.finditer(text))


def people(sentences: Sequence[str], confirmed: bool = True) -> tuple[Person, ...]:
    """Everyone ``sentences`` name in full outside quotes, in order of first appearance.

    With ``confirmed`` a name counts only if the text also treats it as a person's
    (:func:`acting_people`): "Leyton Orient" and "Mount Everest" are not people. A name
    only ever said inside a quote is the speaker's, not the article's introduction.
    """
    lower = {w for s in sentences for w in re.findall(r"\b[a-z][\w'’-]*", s)}
    acting = acting_people(" ".join(sentences)) if confirmed else frozenset()
    found: dict[str, Person] = {}
    for index, sentence in enumerate(sentences):
        quoted = quote_spans(sentence)
        for run in _runs(sentence):
            _, rest = _strip_titles(run)
            if not rest or in_spans(rest[0].start, quoted):
                continue
            words = [w.text for w in rest]
            if (not 2 <= len(words) <= 3 or words[-1] in _PLACE_WORDS
                    or words[0] in _PLACE_FIRST) or any(
                    w.lower() in lower or w.isupper() or not w.replace("-", "").replace(
                        "'", "").replace("’", "").isalpha() for w in words):
                continue
            name = " ".join(words)
            if name not in found and (not confirmed or words[-1] in acting):
                found[name] = Person(name, words[-1], index)
    return tuple(found.values())


def titled(text: str) -> bool:
    """Whether ``text`` names someone by a title ("Mr Kerry", "Pope Francis")."""
    return _TITLED.search(text) is not None


def mentions(sentence: str, surnames: frozenset[str]) -> list[Mention]:
    """Bare mentions of ``surnames`` in ``sentence``: alone or after titles only.

    Mentions inside a direct quote are the speaker's words, never changed, and not counted.
    """
    found: list[Mention] = []
    quoted = quote_spans(sentence)
    for run in _runs(sentence):
        titles, rest = _strip_titles(run)
        if len(rest) != 1 or rest[0].text not in surnames or in_spans(rest[0].start, quoted):
            continue
        before = sentence[:(titles or rest)[0].start].split()[-1:]
        if before and before[0].lower() in ("the", "a", "an"):
            continue  # "the Plough", "a Dempsey": not a person's name
        if sentence[rest[0].end:].lstrip().startswith("&"):
            continue  # "Crumb & Co.": a firm named after the family
        start = (titles or rest)[0].start
        title = sentence[start:rest[0].start].strip()
        found.append(Mention(rest[0].text, title, start, rest[0].end))
    return found


def _said(name: str, text: str) -> bool:
    """Whether ``name`` occurs in ``text`` as whole words (a plain search: it runs often)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text)
                                                        or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def unintroduced(sentences: Sequence[str], cast: Sequence[Person],
                 heard: str = "") -> list[tuple[int, Mention]]:
    """(sentence index, mention) for each surname heard before any full name it belongs to.

    A surname counts as introduced once any person with that surname has been named in
    full in ``heard`` (what the listener heard before, such as the story's title), earlier
    in ``sentences`` or earlier in the same sentence.
    """
    surnames = frozenset(p.surname for p in cast)
    problems: list[tuple[int, Mention]] = []
    known: set[str] = set()
    for index, sentence in enumerate(sentences):
        for mention in mentions(sentence, surnames):
            said_before = " ".join((heard, *sentences[:index], sentence[:mention.start]))
            if mention.surname in known or any(
                    p.surname == mention.surname and _said(p.name, said_before) for p in cast):
                continue
            known.add(mention.surname)
            problems.append((index, mention))
        known.update(p.surname for p in cast if _said(p.name, sentence))
    return problems


def full_name(mention: Mention, cast: Sequence[Person], position: int, article: str) -> str:
    """What to say instead of a bare mention: the full name, keeping a title the article
    also puts before the full name ("Mayor Ines Okafor"), never "Mr." or "Mrs."."""
    same = [p for p in cast if p.surname == mention.surname]
    earlier = [p for p in same if p.first_seen <= position]
    person = (earlier or same)[-1 if earlier else 0]
    title = mention.title
    if title and title.rstrip(".") not in HONORIFICS and _said(f"{title} {person.name}",
                                                                article):
        return f"{title} {person.name}"
    return person.name


def introduce(sentences: Sequence[str], cast: Sequence[Person], positions: Sequence[int],
              article: str, heard: str = "") -> tuple[str, ...]:
    """``sentences`` with each surname's first bare mention said as the full name.

    ``positions`` are the sentences' places in the article, which pick between two people
    with one surname (the one named most recently before); ``article`` is its text, where
    a kept title must appear with the full name, so the result stays traceable. ``heard``
    is what the listener heard before (the story's title).
    """
    out = list(sentences)
    for index, mention in reversed(unintroduced(sentences, cast, heard)):
        text = out[index]
        name = full_name(mention, cast, positions[index], article)
        out[index] = text[:mention.start] + name + text[mention.end:]
    return tuple(out)
