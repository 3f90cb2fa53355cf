"""Sentences: split a paragraph where its sentences end, and nowhere else.

A wrong split airs half a sentence: "South Dakota's viral “Meth." from a paragraph about
the “Meth. We're on it.” campaign, "Gov." from "Gov. Kristi Noem", "Yahoo!" from
"Yahoo! Finance". So a full stop, "!", "?" or "…" ends a sentence only when

* it is not inside a quotation that closes later in the paragraph (curly “…” or straight
  "…"): a quoted slogan, title or a speaker's several sentences stay with their attribution.
  A quotation that ends the sentence ("… said: “We are done.” The mayor left.") splits
  after its closing mark. A quote left open (a quote running on into the next paragraph,
  as newspapers write them) protects nothing;
* it does not close a title ("Mr.", "Dr.", "Gov.", "Sen.", "Rev."): those never end one;
* after other abbreviations ("U.S.", "Inc.", "St.", "Jan.", initials, "a.m.") the next
  word must look like a sentence's first word ("The", "He", "In", ...), and after "a.m." and
  "p.m." any capitalised word but a day, month or time zone;
* a "!" is not part of a name ("Yahoo!", "Jeopardy!"), and the next word starts with a
  capital or a digit.

Other languages add their own titles, abbreviations and sentence openers
(``briefcast.languages``); in German a number's full stop is an ordinal's ("am 3. Dezember",
"der 2. Platz") unless a sentence opener follows.

Hand-written rather than pySBD (the rule-based splitter on PyPI): pySBD keeps quotations
whole too, but it is some 200 times slower on our corpus, splits "Brewing Co.’s", can run
for minutes on some inputs (its issue #76), and has had no release since 2021.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefcast.english import MONTHS, WEEKDAYS
from briefcast.languages import Sentences, language_data, primary

# Titles stand before a name: "Gov. Kristi Noem", "Sen. Ann Smith". Never a sentence's end.
TITLES = frozenset(
    "mr mrs ms mx dr gen sen rep gov lt col sgt capt prof rev hon sens reps supt det insp "
    "atty maj adm cmdr pvt cpl fr pres messrs mmes gens brig cdr".split())
# Abbreviations that may also end a sentence ("moved to the U.S. The move ...").
_ABBREVIATIONS = frozenset(
    "st mt ft jr sr inc ltd co corp llc plc bros no vs etc jan feb mar apr jun jul aug sep "
    "sept oct nov dec approx dept est ave blvd rd hwy e.g i.e".split())
_TIMES = frozenset(("a.m", "p.m"))
_NOT_AFTER_TIME = frozenset(WEEKDAYS + MONTHS) | {
    "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "GMT", "UTC", "ET", "PT", "CT",
    "BST", "CET", "EST", "EDT", "PST", "PDT", "Local"}
_NEVER_ALONE = frozenset(("e.g", "i.e", "vs"))  # "e.g. The Times" continues the sentence
# Words that open sentences: after an abbreviation, one of these means a new sentence.
STARTERS = frozenset(
    "The A An He She It They We I You This That These Those There But And Or So Yet Its "
    "Their His Her Our My Your In On At By For From With Under After Before When While If "
    "As Since Although Though Some Many Most Several All Both Each No None One Two Three "
    "Officials Police Meanwhile However Still Now Then Later Earlier Last Next".split())
# Names written with "!" (a show, a company, a band): "Yahoo! Finance" is one name.
BRAND_EXCLAMATIONS = frozenset(("Yahoo", "Jeopardy", "Wham", "Oklahoma", "Airplane",
                                "Mamma Mia", "Hello", "Panic", "Yum", "Mahalo"))
_CLOSERS = "”\"’)]"
_OPENERS = "“\"‘([¿¡"  # "¿" and "¡" open Spanish questions and exclamations
_CANDIDATE = re.compile(r"[.!?…]([" + re.escape(_CLOSERS) + r"]*)\s+(?=[" + re.escape(_OPENERS)
                        + r"]?\w)")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_QUOTE_MARK = re.compile(r"[“”\"]")


def quoted_ranges(paragraph: str) -> list[tuple[int, int]]:
    """Spans (marks included) of the quotations that open and close in ``paragraph``.

    Curly “…” pairs and straight "…" pairs; a straight mark opens only at a word's start
    and closes only at a word's end, so inch marks (6'2") and apostrophes are not quotes.
    A mark with no partner in the paragraph gives no span.
    """
    spans: list[tuple[int, int]] = []
    curly: int | None = None
    straight: int | None = None
    for mark in _QUOTE_MARK.finditer(paragraph):
        i, ch = mark.start(), mark.group()
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if ch == "“":
            curly = i  # an earlier “ never closed: it ran on, and protects nothing
        elif ch == "”" and curly is not None:
            spans.append((curly, i + 1))
            curly = None
        elif ch == '"':
            if straight is None and not before.isalnum() and not after.isspace():
                straight = i
            elif straight is not None and not after.isalnum():
                spans.append((straight, i + 1))
                straight = None
    return sorted(spans)


def _word_before(text: str) -> str:
    """The last word of ``text`` without its end mark and closers: "Gov" for "... Gov."."""
    words = text.rstrip(_CLOSERS).rstrip(".!?…").split()
    return words[-1].lstrip(_OPENERS) if words else ""


@lru_cache(maxsize=8)
def _rules(language: str) -> Sentences:
    """English's titles, abbreviations and openers, with the show language's added."""
    own = language_data(language).sentences
    return Sentences(TITLES | own.titles, _ABBREVIATIONS | own.abbreviations,
                     STARTERS | own.starters, own.ordinal_dot)


def _is_end(piece: str, mark: str, following: str, paragraph: str,
            rules: Sentences) -> bool:
    """Whether ``mark`` closing ``piece`` ends the sentence, given the next word."""
    first = following.lstrip(_OPENERS)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    word = _word_before(piece)
    next_word = following.lstrip(_OPENERS).rstrip(",.;:!?")
    if mark == "!":  # "at Yahoo! Finance" goes on; "at Yahoo! The company ..." does not
        return next_word in rules.starters or not _is_brand(piece, word, paragraph)
    if mark != ".":
        return True
    token = word.lower()
    if token in rules.titles:
        return False
    if token in _TIMES:
        return next_word not in _NOT_AFTER_TIME
    if token in _NEVER_ALONE:
        return False
    if token in rules.abbreviations or _DOTTED.fullmatch(token) or (
            len(token) == 1 and token.isalpha()):
        return next_word in rules.starters
    if rules.ordinal_dot and token.isdigit() and len(token) <= 4:
        return next_word in rules.starters  # "am 3. Dezember", "der 2. Platz"
    return True


def _is_brand(piece: str, word: str, paragraph: str) -> bool:
    """"Yahoo!" in "... at Yahoo! Finance": a name with "!" in it, not an exclamation."""
    if not word[:1].isupper() or len(piece.split()) < 2:
        return False  # "Stop!" opening a sentence is an exclamation
    if word in BRAND_EXCLAMATIONS or any(piece.endswith(b + "!") for b in BRAND_EXCLAMATIONS):
        return True
    # The same "Word!" used elsewhere mid-sentence ("Yahoo! said", "Yahoo!'s") is a name.
    return re.search(re.escape(word) + r"!(?:[’'],?s|,|\s+[a-z])", paragraph) is not None


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The sentences of ``paragraph``, in order, each stripped of surrounding space."""
    rules = _rules(primary(language))
    protected = quoted_ranges(paragraph)
    pieces: list[str] = []
    pos = 0
    for match in _CANDIDATE.finditer(paragraph):
        end = match.end(1)
        if any(a < match.start() and end < b for a, b in protected):
            continue  # inside a quotation that closes later: "“Meth. We're on it.”"
        candidate = paragraph[pos:end]
        following = paragraph[match.end():].split(" ", 1)[0]
        mark = paragraph[match.start()]
        if not _is_end(candidate, mark, following, paragraph, rules):
            continue
        pieces.append(candidate.strip())
        pos = match.end()
    rest = paragraph[pos:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def ends_with_title(sentence: str) -> bool:
    """Whether ``sentence`` stops at a title ("... said Gov."): a split in the wrong place."""
    text = sentence.rstrip()
    return text.endswith(".") and _word_before(text).lower() in TITLES


# --- what is not a sentence to air --------------------------------------------------------

VERBS = frozenset(
    "is are was were be been has have had will would can could should may might must do "
    "does did said says say told tells added argued warned met held won lost began made "
    "took gave left set cut hit ran rose fell came went sank spent paid sold kept brought "
    "built found felt led put thought grew drew became got saw knew wrote spoke".split())
_END_MARKS = ".!?…"
FRAGMENT_WORDS = 4  # at most this many words and no verb: a fragment ("Like Yahoo!.")
HEADING_WORDS = 12  # no end mark and at most this many words: a heading ("Why the change")


def looks_like_verb(word: str) -> bool:
    """A finite verb by its form: a listed one, "-ed", "n't", or a contraction ("it's")."""
    w = word.lower().strip(",.;:!?“”\"'’‘()")
    return (w in VERBS or (len(w) > 4 and w.endswith("ed")) or w.endswith(("n’t", "n't"))
            or w.endswith(("’s", "'s", "’re", "'re", "’ve", "'ve", "’ll", "'ll")))


def _bare(sentence: str) -> str:
    """The sentence without trailing space and closing quotes or brackets."""
    return sentence.strip().rstrip(_CLOSERS + "’' ")


def is_teaser(sentence: str) -> bool:
    """Ends on an ellipsis ("Here is what happened next…"): a teaser line, not news.

    The rewriter's own cut marks ("…,” Fomin said.", "“… to the harbor…”") sit inside
    quotes and are not teasers.
    """
    text = sentence.strip()
    if text.rstrip(".,").endswith(("”", '"')):
        return False
    return _bare(text).rstrip(".").endswith("…") or _bare(text).endswith("...")


def is_fragment(sentence: str) -> bool:
    """A heading ("Why the change", no end mark) or a short line with no verb ("Like
    Yahoo!."): not a sentence a listener can follow."""
    words = sentence.split()
    if not _bare(sentence).endswith(tuple(_END_MARKS)) and len(words) <= HEADING_WORDS:
        return True
    return len(words) <= FRAGMENT_WORDS and not any(
        looks_like_verb(w) or (i > 0 and _third_person(w)) for i, w in enumerate(words))


def _third_person(word: str) -> bool:
    """"remains", "opens": a present-tense verb, or a plural noun; in a short line with
    nothing else that could be its verb, taken as a verb."""
    w = word.lower().strip(",.;:!?“”\"'’‘()")
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
        and w.isalpha()


def is_question(sentence: str) -> bool:
    """Ends with a question mark (outside or at the end of a quote)."""
    return _bare(sentence).endswith("?")
