"""Language: is a cleaned story written in the show's language?

A German show that reads an English article aloud with a German voice airs gibberish, so
such an article is reported and left out, like any other unusable one. Identification
is py3langid's (the maintained fork of langid.py, a naive Bayes model over byte n-grams
for 97 languages that ships inside the wheel: offline, no download); trafilatura uses it
for the same job.

Loading its model takes about a second, so most stories never need it: a story whose
words are mostly function words of the show's language (jusText's stoplist, already
loaded for the whole-page dumps) is accepted at once. Only a story that fails that test
is given to the model, and it is refused only when the model is sure of another
language; a story too short to tell is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from briefcast.languages import LANGUAGES, primary
from briefcast.models import Story
from briefcast.stages.locate import stoplist

MIN_WORDS = 25  # fewer words than this: too little to tell, the story is kept
STOPWORD_SHARE = 0.30  # at least this share of the show language's function words: its own
SURE = 0.90  # the model's probability of another language needed to refuse a story

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Names of the languages a story is most likely to be in, for messages; others by code.
_NAMES = {"en": "English", "de": "German", "es": "Spanish", "fr": "French",
          "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish",
          "ca": "Catalan", "sv": "Swedish", "da": "Danish", "tr": "Turkish"}


def stopword_share(text: str, language: str) -> float:
    """The share of the words of ``text`` that are function words of ``language``."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    stop = stoplist(primary(language))
    return sum(w in stop for w in words) / len(words)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The language of ``text`` (ISO 639-1) and the model's probability for it."""
    code, probability = _identifier().classify(text)
    return str(code), float(probability)


def _name(code: str) -> str:
    return _NAMES.get(code) or code


def language_problem(story: Story, language: str) -> str | None:
    """Why ``story`` is not in the show's ``language``, or None when it is (or may be)."""
    text = "\n".join((story.title, *story.paragraphs))
    if len(text.split()) < MIN_WORDS:
        return None
    show = primary(language)
    if stopword_share(text, show) >= STOPWORD_SHARE:
        return None
    found, probability = identify(text)
    if found == show or probability < SURE:
        return None
    show_name = LANGUAGES[show].name if show in LANGUAGES else show
    return (f"written in {_name(found)} ({found}, {probability:.0%} sure), not in the "
            f"show's {show_name} ({show}): not aired")
