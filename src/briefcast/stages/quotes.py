"""Where the direct quotes are in a sentence.

Quotes are the newsroom's record of someone's words: the rewriting steps (``rewrite.py``,
``dates.py``) never change words inside them, and the faithfulness check (``faithful.py``)
needs to know where they are. The spans tolerate quotes a sentence splitter cut in two.

German („…“), French and Spanish («…») quotation marks are written as English curly
quotes (“…”) when a story is cleaned (:func:`canonical_quotes`), so every stage after
that finds quotes the same way; the script gives the transcript its language's own marks
back (:func:`native_quotes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_GUILLEMET_OPEN = re.compile(r"[«‹][\s\u00a0\u202f]*")
_GUILLEMET_CLOSE = re.compile(r"[\s\u00a0\u202f]*[»›]")


def canonical_quotes(text: str) -> str:
    """„…“ and «…» (with French inner spaces) written “…”; other text unchanged.

    A German opening „ is closed by the next “ (its closing mark), which becomes ”.
    """
    text = _GUILLEMET_CLOSE.sub("”", _GUILLEMET_OPEN.sub("“", text))
    if "„" not in text:
        return text
    out, low_open = [], False
    for ch in text:
        if ch == "„":
            out.append("“")
            low_open = True
        elif ch == "“" and low_open:
            out.append("”")
            low_open = False
        else:
            out.append(ch)
    return "".join(out)


def native_quotes(text: str, marks: tuple[str, str]) -> str:
    """Curly “…” written with a language's own marks: ("„", "“") for German, and for
    French guillemets with their no-break spaces ("«\u00a0", "\u00a0»")."""
    opening, closing = marks
    if (opening, closing) == ("“", "”"):
        return text
    return text.replace("“", "\x00").replace("”", closing).replace("\x00", opening)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (including the marks) of direct quotes, balanced or not.

    A sentence splitter can cut a quote in two, so an opening mark with no closing one
    runs to the end of the text, and a closing mark with no opening one starts at 0.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "“":
            opened = i if opened is None else opened
        elif ch == "”":
            spans.append((0 if opened is None else opened, i + 1))
            opened = None
        elif ch == '"':
            if straight is None and (i == 0 or not text[i - 1].isalnum()):
                straight = i
            elif straight is not None:
                spans.append((straight, i + 1))
                straight = None
            else:  # a closing mark whose opening is in an earlier sentence
                spans.append((0, i + 1))
    for start in (opened, straight):
        if start is not None:
            spans.append((start, len(text)))
    return sorted(spans)


def in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def outside_quotes(text: str) -> str:
    """The text with every direct quote blanked out (same length, so offsets still match)."""
    chars = list(text)
    for a, b in quote_spans(text):
        chars[a:b] = " " * (b - a)
    return "".join(chars)
