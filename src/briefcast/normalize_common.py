"""Language-neutral steps shared by the normalizers (:mod:`briefcast.normalize_en`,
:mod:`briefcast.normalize_de`): character clean-up and finding web and e-mail addresses.

Each language says an address in its own words ("dot"/"Punkt"), so :func:`say_addresses`
takes the symbol names and the number reading; what counts as an address is the same
everywhere. Pure ``str -> str`` functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

_UNICODE = str.maketrans({"’": "'", "‘": "'", "−": "-", "\u00a0": " ", "\u2009": " ",
                          "\u202f": " ", "º": "°", "⁄": "/", "\u2010": "-", "\u2011": "-",
                          "′": "'", "″": '"'})
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8"}


def _foreign_script(ch: str) -> bool:
    """A letter a Latin-script voice cannot read: espeak-ng spells it out by its Unicode name."""
    return ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN")


def _drop_foreign_scripts(text: str) -> str:
    """Words in Arabic, Cyrillic, CJK... are left unspoken (the transcript keeps them).

    Read by a Latin-script voice they become a minute of letter names ("arabic letter
    meem...") that drowns the sentence; silence loses one quoted phrase and keeps the story.
    """
    if text.isascii():
        return text
    kept = "".join(" " if _foreign_script(ch) else ch for ch in text)
    kept = re.sub(r"[\u0600-\u06ff\u200c-\u200f\u0610-\u061a\u064b-\u065f]", " ", kept)
    if kept == text:
        return text
    kept = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", kept)  # "Zurich, Ελλάδα, Москва" leftovers
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", kept)


def clean_unicode(text: str) -> str:
    """Typographic variants to their plain forms (no-break spaces, minus sign, primes),
    vulgar fractions to "1/2" ("2½" -> "2 1/2"), foreign scripts dropped."""
    text = _drop_foreign_scripts(text.translate(_UNICODE))

    def vulgar(m: re.Match[str]) -> str:
        glued = m.start() > 0 and text[m.start() - 1].isdigit()
        return (" " if glued else "") + _VULGAR[m.group()]

    return re.sub("[½¼¾⅓⅔⅛]", vulgar, text)


_TLD = (r"(?:com|org|net|gov|edu|io|uk|eu|de|fr|at|ch|es|it|nl|be|info|news|ai|tv|int|mil|ly|app"
        r"|dev|ca|au|jp|nz|ie)")
_EMAIL = re.compile(r"(?<![\w.@-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?:[A-Za-z0-9-]+\.)+" + _TLD
                  + r"\b(?:/[\w\-./%?=&#~+]*[\w/])?")


def say_addresses(text: str, symbols: Mapping[str, str], say_number: Callable[[str], str]) -> str:
    """Web and e-mail addresses said with ``symbols`` (".": " dot ") and ``say_number``
    for their digits; the scheme and "www." are not read."""
    if "." not in text:
        return text
    marks = "[" + re.escape("".join(symbols)) + "]"

    def say(m: re.Match[str]) -> str:
        address = re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group()).rstrip("/")
        spoken = re.sub(marks, lambda s: symbols[s.group()], address)
        return " ".join(re.sub(r"\d+", lambda d: f" {say_number(d.group())} ", spoken).split())

    text = re.sub(r"(?<=\w)(?=https?://)", " ", text)  # "Ledgerhttps://..." in scraped text
    return _URL.sub(say, _EMAIL.sub(say, text))
