"""Clean: strip scraped junk so only the story's own paragraphs reach the script.

Scraped exports carry repeated titles, photo credits, sponsor slots, navigation lists and
the site's "about us" blurb. Anything left here is read aloud to every listener, so the
rules lean towards dropping: a line is kept only if it reads as prose, is not a known junk
pattern, and is not part of the footer (the trailing run of non-story lines, which includes
first-person marketing blurbs such as "Tune in to our podcasts").
"""

from __future__ import annotations

import re

from briefcast.models import Article, Skipped, Story

MIN_STORY_WORDS = 25

_JUNK = [re.compile(p, re.IGNORECASE) for p in (
    r"^\s*(creator|credit|credits|photo|photos|image|picture|pictured|caption|photograph|"
    r"illustration|video|source)\s*[:|]",
    r"\(\s*(ap|afp|reuters|getty)[^)]*photo",
    r"-\s*sponsor\s*-", r"spot_img", r"^\s*(advertisement|sponsored( content)?|ad)\s*$",
    r"advertisement has not loaded",
    r"^\s*(the\s+)?(week'?s|today'?s|this week'?s)?\s*top stories\s*$",
    r"^\s*more (in|from) this (category|section)\s*$",
    r"^\s*(related|trending|most popular|most read|recommended|read more|see also|"
    r"you may also like|latest news)\b.{0,30}$",
    r"^\s*(click|tap) here\b", r"^\s*share (this|on)\b", r"^\s*(copy link|print)\s*$",
    r"\bsign up for (our|the)\b.*newsletter", r"^\s*subscribe\b", r"\bfree articles? left\b",
    r"all rights reserved", r"^\s*©", r"^\s*tags?\s*:", r"^\s*comments? (are )?closed",
    r"\bwe use cookies\b", r"^\s*by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}\s*(\||,|$)",
)]
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_FIRST_PERSON_PLURAL = re.compile(r"\b(we|our|us|ours)\b", re.IGNORECASE)


def _norm(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", line.lower()).split())


def is_prose(line: str) -> bool:
    """A story paragraph: a few words, lower-case letters, ending like a sentence."""
    text = line.strip()
    return (len(text.split()) >= 3 and any(c.islower() for c in text)
            and bool(_SENTENCE_END.search(text)) and not _URL.search(text))


def is_junk_pattern(line: str) -> bool:
    return any(p.search(line) for p in _JUNK)


def _is_blurb(line: str) -> bool:
    """Marketing voice ("our readers", "tune in to our podcasts") outside any quotation."""
    return bool(_FIRST_PERSON_PLURAL.search(_QUOTED.sub("", line)))


def classify_lines(lines: list[str] | tuple[str, ...], title: str) -> list[bool]:
    """Label each line: True = junk (not read aloud). Blank lines count as junk."""
    title_key = _norm(title)
    junk = [
        not line.strip() or not is_prose(line) or is_junk_pattern(line)
        or _norm(line) == title_key
        for line in lines
    ]
    # The footer: the trailing run of junk and first-person blurbs after the last story line.
    for i in range(len(lines) - 1, -1, -1):
        if junk[i]:
            continue
        if _is_blurb(lines[i]):
            junk[i] = True
            continue
        break
    return junk


def clean_article(article: Article) -> Story | Skipped:
    """Keep the story's paragraphs; report the article if too little story is left."""
    labels = classify_lines(article.lines, article.title)
    kept = tuple(" ".join(line.split()) for line, j in zip(article.lines, labels) if not j)
    dropped = tuple(line.strip() for line, j in zip(article.lines, labels) if j and line.strip())
    words = sum(len(p.split()) for p in kept)
    if words < MIN_STORY_WORDS:
        return Skipped(article.source, f"only {words} words of story text after cleaning "
                                       f"(need {MIN_STORY_WORDS}); is it a story?")
    return Story(source=article.source, title=article.title, paragraphs=kept,
                 dropped_lines=dropped, url=article.url)
