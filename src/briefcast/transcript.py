"""Transcripts as WebVTT and SubRip: caption-sized cues, timed from the audio.

A spoken cue can be long (the rundown of headlines runs to 400 characters and half a
minute), and apps and web players show transcripts as captions. So each spoken cue is
split at phrase boundaries into captions that follow the Podcasting 2.0 namespace's
transcript guidance: WebVTT lines of at most 65 characters, SubRip cards of at most two
lines of 32, the speaker's name and a colon on the first card after the speaker changes;
never more than two lines. The captions of a cue, joined, give back its text exactly.

Times come from the audio. The mixer records where each cue starts and ends (sample
counts) and where the engine paused inside it (``CueTiming.pauses``): engines pause at
commas, semicolons and sentence ends. Those punctuation marks are matched to the pauses
in order, and a caption that ends at a matched mark ends where the pause begins (the next
starts where it ends); any other boundary is placed between the matched ones in
proportion to the estimated syllables before it, over speech time (pauses excluded).
The captions of one cue tile its span: they never overlap, in order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

from briefcast.models import CueTiming

VTT_LINE_CHARS = 65
SRT_LINE_CHARS = 32
MAX_LINES = 2

# What a break after a word costs, lower is better: a caption should end where a
# listener hears the phrase end.
_CLOSE = "\"'”’)]»"
_CLOSING = f"[{re.escape(_CLOSE)}]*$"
_SENTENCE_END = re.compile(f"[.!?…]{_CLOSING}")
_CLAUSE_END = re.compile(f"[;:]{_CLOSING}")
_COMMA = re.compile(f",{_CLOSING}")
_DASHES = {"—", "–", "-", "--"}
_CONJUNCTIONS = {"and", "but", "or", "nor", "so", "yet", "because", "while", "although",
                 "though", "which", "who", "whom", "whose", "where", "when", "after",
                 "before", "since", "until", "unless", "if", "as", "than", "that"}
_PREPOSITIONS = {"to", "for", "from", "with", "in", "on", "at", "by", "of", "into", "over",
                 "under", "about", "across", "along", "against", "between", "through",
                 "during", "without", "near", "amid"}
_CLINGING = {"a", "an", "the"} | _PREPOSITIONS  # a line should not end on these
_MAGNITUDES = {"hundred", "thousand", "million", "billion", "trillion", "percent"}
_NO_BREAK = 1000.0
_CAPTION_COST = 2.0  # one more caption is cheaper than a break inside a phrase
_SHORT_COST = 2.0  # a caption under half a line, unless the cue is that short
_VOWELS = re.compile(r"[aeiouyàáâäæèéêëìíîïòóôöœùúûüÿ]+")


@dataclass(frozen=True)
class Caption:
    """One caption: at most ``MAX_LINES`` lines, shown from ``start_s`` to ``end_s``."""

    lines: tuple[str, ...]
    speaker: str
    start_s: float
    end_s: float


def _clean(text: str) -> str:
    # "-->" would end a cue timing line early, and a blank line would end the cue
    return " ".join(text.replace("-->", "->").split())


def _words(text: str, line_chars: int) -> list[str]:
    """The words of ``text``; a word longer than a line (a URL) is cut into line-sized pieces."""
    words: list[str] = []
    for word in _clean(text).split():
        words += [word[i:i + line_chars] for i in range(0, len(word), line_chars)]
    return words


def _break_cost(words: list[str], after: int) -> float:
    """The cost of a break after ``words[after - 1]``."""
    word, following = words[after - 1], words[after].lower().strip(_CLOSE + "“‘(")
    if _SENTENCE_END.search(word):
        return 0.0
    if _CLAUSE_END.search(word) or word in _DASHES:
        return 0.5
    if _COMMA.search(word):
        return 1.5
    cost = 12.0
    if following in _CONJUNCTIONS:
        cost = 6.0
    elif following in _PREPOSITIONS:
        cost = 7.0
    if word.lower() in _CLINGING or (following in _MAGNITUDES and any(map(str.isdigit, word))):
        cost += 4.0
    return cost


def _pause_mark(word: str) -> bool:
    """Whether an engine is likely to pause after ``word``."""
    return word in _DASHES or bool(_SENTENCE_END.search(word) or _CLAUSE_END.search(word)
                                   or _COMMA.search(word))


def _width(words: list[str]) -> int:
    return sum(map(len, words)) + len(words) - 1


def _lines(words: list[str], line_chars: int) -> list[list[str]] | None:
    """``words`` laid out on one line, or on two balanced lines, or None if they do not fit."""
    if _width(words) <= line_chars:
        return [words]
    best: tuple[float, int] | None = None
    for k in range(1, len(words)):
        top, bottom = _width(words[:k]), _width(words[k:])
        if top <= line_chars and bottom <= line_chars:
            score = 2 * _break_cost(words, k) + abs(top - bottom) / 4
            if best is None or score < best[0]:
                best = (score, k)
    if best is None:
        return None
    return [words[:best[1]], words[best[1]:]]


def _split(words: list[str], line_chars: int, keep: int = 0) -> list[tuple[int, int]]:
    """Split ``words`` into captions, as (first, end) word ranges, for the least total cost:
    a cost per caption, the cost of each break, and a penalty for a very short caption.
    The first ``keep`` words (a speaker label) stay together with the word after them."""
    n = len(words)
    limit = line_chars * MAX_LINES + MAX_LINES - 1
    best = [0.0] + [float("inf")] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for first in range(end - 1, -1, -1):
            if _width(words[first:end]) > limit:
                break
            if _lines(words[first:end], line_chars) is None:
                continue
            cost = best[first] + _CAPTION_COST
            if end < n:
                cost += _NO_BREAK if end <= keep else _break_cost(words, end)
            if n > end - first and _width(words[first:end]) < line_chars / 2:
                cost += _SHORT_COST
            if cost < best[end]:
                best[end], back[end] = cost, first
    ranges: list[tuple[int, int]] = []
    end = n
    while end > 0:
        ranges.append((back[end], end))
        end = back[end]
    return ranges[::-1]


def _syllables(word: str) -> float:
    """A rough count of the syllables a voice speaks for ``word`` (digits are read out)."""
    core = word.strip(_CLOSE + "“‘(,.;:!?…")
    digits = sum(c.isdigit() for c in core)
    if digits:
        return 1.3 * digits + 2.0 * sum(c in "$%€£" for c in core)
    letters = [c for c in core if c.isalpha()]
    if not letters:
        return 0.0
    if 2 <= len(letters) <= 5 and core.isupper():
        return float(len(letters))  # an initialism, read letter by letter
    groups = len(_VOWELS.findall(core.lower()))
    if groups > 1 and core.lower().endswith("e") and not core.lower().endswith(("le", "ee")):
        groups -= 1
    return float(groups) if groups else max(1.0, len(letters) / 3)


def _align(expected: list[float], found: list[float], skip: float) -> dict[int, int]:
    """Match expected pause times to found ones, in order: {expected index: found index}.

    The least-cost monotonic alignment, where a match costs the distance between the two
    times and leaving either unmatched costs ``skip`` (so no match is further than 2 skips).
    """
    m, n = len(expected), len(found)
    cost = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        cost[i][0] = i * skip
    for j in range(1, n + 1):
        cost[0][j] = j * skip
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            cost[i][j] = min(cost[i - 1][j] + skip, cost[i][j - 1] + skip,
                             cost[i - 1][j - 1] + abs(expected[i - 1] - found[j - 1]))
    matched: dict[int, int] = {}
    i, j = m, n
    while i and j:
        if cost[i][j] == cost[i - 1][j - 1] + abs(expected[i - 1] - found[j - 1]):
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif cost[i][j] == cost[i - 1][j] + skip:
            i -= 1
        else:
            j -= 1
    return matched


def _boundary_times(cue: CueTiming, words: list[str], weights: list[float],
                    breaks: list[int]) -> list[tuple[float, float]]:
    """(end of the caption before, start of the caption after) for each break index."""
    inside = sorted((a, b) for a, b in cue.pauses if cue.start_s < a < b < cue.end_s)
    speech_before: list[float] = []  # speech time before each pause, pauses excluded
    spoken, last = 0.0, cue.start_s
    for a, b in inside:
        spoken += a - last
        speech_before.append(spoken)
        last = b
    total = spoken + cue.end_s - last
    position = list(accumulate(weights, initial=0.0))
    syllables = position[-1] or 1.0
    marks = [b for b in range(1, len(words)) if _pause_mark(words[b - 1])]
    matched = _align([position[b] / syllables * total for b in marks], speech_before,
                     skip=max(0.5, 0.05 * total))
    pause_at = {marks[i]: r for i, r in matched.items()}
    anchors = sorted({(0.0, 0.0), (syllables, total),
                      *((position[b], speech_before[r]) for b, r in pause_at.items())})
    keys = [p for p, _ in anchors]

    def clock(at: float) -> float:
        """Episode time of speech position ``at`` (in syllables), between the anchors."""
        k = min(max(bisect.bisect_right(keys, at), 1), len(anchors) - 1)
        (p0, t0), (p1, t1) = anchors[k - 1], anchors[k]
        speech = t0 + (t1 - t0) * ((at - p0) / (p1 - p0) if p1 > p0 else 0.0)
        passed = sum(b - a for (a, b), s in zip(inside, speech_before) if s < speech)
        return cue.start_s + speech + passed

    times = []
    for b in breaks:
        if b in pause_at:
            times.append(inside[pause_at[b]])
        else:
            at = clock(position[b])
            times.append((at, at))
    return times


def captions(timings: tuple[CueTiming, ...], line_chars: int,
             label_speakers: bool = False) -> list[Caption]:
    """Every cue split into captions of at most two lines of ``line_chars``, timed.

    With ``label_speakers`` (SubRip), a cue whose speaker differs from the cue before
    opens with "Name: " on its first caption.
    """
    out: list[Caption] = []
    previous: str | None = None
    for cue in timings:
        label = _words(f"{cue.speaker}:", line_chars) \
            if label_speakers and cue.speaker and cue.speaker != previous else []
        previous = cue.speaker
        words = label + _words(cue.text, line_chars)
        if len(words) == len(label):
            continue
        ranges = _split(words, line_chars, keep=len(label))
        weights = [0.0] * len(label) + [max(_syllables(w), 0.25 if w not in _DASHES else 0.0)
                                        for w in words[len(label):]]
        breaks = [end for _, end in ranges[:-1]]
        bounds = _boundary_times(cue, words, weights, breaks)
        starts = [cue.start_s] + [after for _, after in bounds]
        ends = [before for before, _ in bounds] + [cue.end_s]
        for (first, end), start, stop in zip(ranges, starts, ends):
            layout = _lines(words[first:end], line_chars) or [words[first:end]]
            out.append(Caption(tuple(" ".join(line) for line in layout), cue.speaker,
                               round(start, 3), round(stop, 3)))
    return out


def _clock(seconds: float, separator: str) -> str:
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(timings: tuple[CueTiming, ...]) -> str:
    """WebVTT: lines of at most 65 characters, each caption in its speaker's voice span."""
    lines = ["WEBVTT", ""]
    for i, cap in enumerate(captions(timings, VTT_LINE_CHARS), 1):
        speaker = _clean(cap.speaker).replace(">", "")
        text = "\n".join(_escape(line) for line in cap.lines)
        lines += [str(i), f"{_clock(cap.start_s, '.')} --> {_clock(cap.end_s, '.')}",
                  f"<v {speaker}>{text}" if speaker else text, ""]
    return "\n".join(lines)


def to_srt(timings: tuple[CueTiming, ...]) -> str:
    """SubRip: at most two lines of 32 characters, the speaker named when it changes."""
    lines: list[str] = []
    for i, cap in enumerate(captions(timings, SRT_LINE_CHARS, label_speakers=True), 1):
        lines += [str(i), f"{_clock(cap.start_s, ',')} --> {_clock(cap.end_s, ',')}",
                  *cap.lines, ""]
    return "\n".join(lines)
