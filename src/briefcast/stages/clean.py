"""Clean: strip scraped junk so only the story's own paragraphs reach the script.

Scraped exports carry repeated titles, bylines and datelines, photo captions and credits,
sponsor slots, paywall and newsletter prompts, share buttons, navigation lists, author bios
and the site's "about us" blurb. Anything left here is read aloud to every listener, so the
rules lean towards dropping: a line is kept only if it reads as prose and matches no junk
pattern. Two context rules refine that line-by-line verdict:

* a short heading-shaped line between two kept story paragraphs is an in-article
  subheading ("What it means for tenants") and is kept;
* the footer (the trailing run after the last story line) also loses first-person
  marketing blurbs ("Tune in to our podcasts") and author bios ("X covers city hall").

Every rule describes a kind of junk seen across many real sites, not one site's wording;
``bench/bench_junk.py`` measures them on the labelled corpus in ``tests/corpus/junk``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefcast.models import Article, Skipped, Story
from briefcast.stages.locate import locate_story

MIN_STORY_WORDS = 25
MAX_SUBHEADING_WORDS = 8
MAX_CAPTION_WORDS = 30
MAX_CREDIT_WORDS = 8
MAX_NAV_ITEMS = 8  # headlines listed under a "Related stories" style heading
MAX_NAV_ITEM_WORDS = 20
MAX_TEASER_WORDS = 40  # a teaser's summary under its headline

_I = re.IGNORECASE
_NAME = r"[A-ZÀ-ÖØ-Þ][\w.'’-]*"  # one capitalised name word ("O’Neill", "Ng-Thorsen")


def _compile(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, _I) for p in patterns)


# Photo credits and captions: "Credit: ...", "Image credit: ...", "(AP Photo/...)".
_CREDITS = _compile(
    r"^\s*((image|photo|picture|video|graphic|top)\s+)?(creator|credits?|photos?|images?|"
    r"pictures?|pictured|captions?|photograph|illustration|video|source|courtesy)\s*[:|]",
    r"\(\s*[^()]*\b(photos?|photograph|courtesy|handout|getty images|pool)\b[^()]*\)\s*$",
    r"\bfile (photo|image)\s*$", r"^\s*(handout|file|pool|supplied|stock) (photo|image)s?\s*$",
) + (re.compile(r"\b(?i:(file )?photo(graph)? (by|courtesy of)) " + _NAME + r"( " + _NAME
                + r")*\s*$"),  # case-sensitive names: "photo by Jane Doe", not "by the river"
     re.compile(r"^\s*" + _NAME + r"( " + _NAME + r"){0,3}\s*/\s*" + _NAME + r"( " + _NAME
                + r"){0,4}\s*$"))  # "Jane Doe/The Gazette", "John Minchillo/AP"
# Ad slots and placeholders left where an ad failed to render.
_ADS = _compile(
    r"-\s*sponsor\s*-", r"spot_img", r"advertisement has not loaded",
    r"^\s*(advertisement|advertising|ad|sponsored( content| post)?|promoted( content)?|"
    r"paid (content|post)|partner content)\s*:?\s*$",
    r"\b(story|article) continues (below|after)\b", r"\bcapital (is )?at risk\b",
    r"\bbuy through (our |the )?links\b", r"\baffiliate commission\b",
    r"\bmay (earn|receive) an? (small )?(affiliate )?commission\b",
)
# Paywall, subscription, newsletter, sharing and comment prompts: imperatives to the reader.
_PROMPTS = _compile(
    r"(^|[.!?]\s+)(subscribe|sign up|sign in|log in|register now|already a (subscriber|member)"
    r"|become a (subscriber|member)|support (local |independent |our )?journalism)\b",
    r"\b(free|remaining) (articles?|stories)\b.{0,20}\b(left|remaining)\b",
    r"\blimit of free (articles?|stories)\b", r"\b(delivered )?(straight )?to your inbox\b",
    r"\b(subscribe|subscription|sign in|log in|register)\b.{0,30}\bto (continue|keep) reading\b",
    r"\bsign up for\b.{0,40}\b(newsletter|briefing|alerts|digest)\b",
    r"^\s*don'?t miss (a|another|out on)\b", r"\bstraight to your (phone|device)\b",
    r"^\s*(click|tap) here\b", r"^\s*share (this|on|via|to)\b", r"^\s*follow us\b",
    r"^\s*(copy link|print|email|share|tweet)\s*$", r"^\s*read (more|also|next)\s*:",
    r"^\s*join the (conversation|discussion|debate)\b", r"^\s*comments? (are )?closed",
    r"^\s*(leave|post|add) a comment\b", r"^\s*\d+\s+comments?\s*$",
    # the reporter's tagline and contacts: "X contributed to this report", "Contact Jane at
    # jdoe@...", "Follow her on X @janedoe"
    r"\bcontributed (reporting )?to this (report|story|article)\b",
    r"^\s*(contact|email|reach)\b.{0,60}(@[\w.-]+\.\w+|\bat \S+@\S+)",
    r"^\s*follow (her|him|them|me|us)\b.{0,40}(@\w+|twitter|on x\b|instagram|bluesky)",
    # notes to the reader about the page itself, and call-outs for their material
    r"^\s*this is an? (developing|breaking)( news)? story\b",
    r"^\s*listen to (this|the) (story|article)\b",
    r"\b(share|send) (us )?your (videos?|photos?|pictures?|stories|story|tips?)\b",
)
# Navigation: section breadcrumbs and headings over lists of other stories.
_NAV_HEADING = re.compile(
    r"^\s*((the\s+)?(week'?s|today'?s|this week'?s)?\s*top stories|"
    r"related( stories| articles| coverage| content| reading)?|more (stories|news|"
    r"(in|from) this (category|section)|from \w+( \w+)?)|most (popular|read|viewed|shared)|"
    r"trending( now| stories)?|latest( news| stories)?|recommended( for you| stories)?|"
    r"popular( today| now| this week)?|around the (region|country|world|web)|"
    r"you (may|might) also like|editor'?s picks|what to read next|see also|read more)"
    r"\s*:?\s*$", _I)
_NAV = _compile(
    r"^\s*(related|trending|most popular|most read|recommended|read more|see also|"
    r"you may also like|latest news)\b.{0,30}$",
    r"^[^|›»]{1,40}(\s[|›»]\s[^|›»]{1,40})+$",  # "News | Local" or "Site › World"
)
# Site boilerplate: copyright, cookies, tags.
_BOILERPLATE = _compile(
    r"all rights reserved", r"©", r"\bcopyright\s+(©\s*)?\d{4}\b", r"^\s*tags?\s*:",
    r"\b(we|this site|this website|our site) uses? cookies\b", r"\buse of cookies\b",
    r"\bcookie (policy|settings|preferences)\b", r"^\s*about the authors?\b",
)
# Bylines, reading times and datelines set on their own line.
_BYLINES = (re.compile(  # case-sensitive names; the comma rule keeps "By Friday, the river..."
    r"^\s*(?i:by)\s+" + _NAME + r"(\s+" + _NAME + r"){0,3}(\s*(,|and|&)\s*" + _NAME
    + r"(\s+" + _NAME + r"){0,3})*\s*(\|.*|,[^.!?]{0,40})?$"),) + _compile(
    r"^\s*(author( of the article)?\s*:|\(?\s*(additional )?reporting by\b|written by\b|"
    r"edited by\b|editing by\b)",
    r"^\s*this (article|story) (was )?(originally |first )?(published|appeared)\b",
    r"^\s*(staff|wire)\s+(report|writer|reporter)s?\s*$",
    r"\b\d+\s*-?\s*min(ute)?s?\s+read\b",
)
_DATELINE = re.compile(r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ .'’-]+(,\s*[\w .'’-]+)?\s*[—–-]+\s*$")
_JUNK = _CREDITS + _ADS + _PROMPTS + _NAV + _BOILERPLATE + _BYLINES + (_NAV_HEADING, _DATELINE)

# A line made only of dates, times and "Updated/Published" words is a timestamp.
_DATE_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december mon tue tues wed thu thur thurs fri sat "
    "sun monday tuesday wednesday thursday friday saturday sunday am pm gmt utc bst est edt cst "
    "cdt mst mdt pst pdt et pt cet cest ist jst aest aedt at on of updated published posted last "
    "modified ago hour hours minute minutes min mins day days yesterday today read".split())
_DATE_NUMBER = re.compile(r"^\d{1,4}(st|nd|rd|th)?$|^\d{1,2}[:h]\d{2}$")
_DATE_SPLIT = re.compile(r"[\s,;:•|·—–/()-]+")

# Author bio: a name, then what the writer covers or what kind of journalist they are.
_BIO = re.compile(
    r"^" + _NAME + r"(\s+" + _NAME + r"){1,3}\s+(covers|has covered|has been covering|"
    r"writes about|reports on|has reported|is an?\s+([\w-]+\s+){0,4}(reporter|correspondent|"
    r"editor|writer|journalist|columnist|critic|producer|contributor))\b")
# Subheading: a few words, starting with a capital, no sentence or list punctuation.
_SUBHEADING = re.compile(r"^[A-ZÀ-Þ][\w '’,&-]*[\w?]$")

_URL = re.compile(r"https?://|www\.", _I)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_FIRST_PERSON_PLURAL = re.compile(r"\b(we|our|us|ours)\b", _I)
_PUNCT = re.compile(r"[^\w\s]")


def _norm(line: str) -> str:
    return " ".join(_PUNCT.sub("", line.lower()).split())


def is_prose(line: str) -> bool:
    """A story paragraph: a few words, lower-case letters, ending like a sentence."""
    text = line.strip()
    return (len(text.split()) >= 3 and any(c.islower() for c in text)
            and bool(_SENTENCE_END.search(text)) and not _URL.search(text))


def is_junk_pattern(line: str) -> bool:
    """Matches one of the known kinds of scraper leftovers (credit, prompt, byline, ...)."""
    return any(p.search(line) for p in _JUNK) or _is_timestamp(line)


def _is_timestamp(line: str) -> bool:
    """Only dates, times and publishing words, with at least one number: "Nov. 6, 2026"."""
    tokens = [t.replace(".", "") for t in _DATE_SPLIT.split(line.lower()) if t.strip(".")]
    return (bool(tokens) and any(_DATE_NUMBER.match(t) for t in tokens)
            and all(t in _DATE_WORDS or _DATE_NUMBER.match(t) for t in tokens))


def _is_title_repeat(line: str, title_key: str) -> bool:
    """The headline again, alone or with a short site-name suffix ("Title | Site")."""
    key = _norm(line)
    if key == title_key:
        return True
    extra = len(key.split()) - len(title_key.split())
    return bool(title_key) and 0 < extra <= 5 and not is_prose(line) and (
        key.startswith(title_key + " ") or key.endswith(" " + title_key))


def _is_blurb(line: str) -> bool:
    """Marketing voice ("our readers", "tune in to our podcasts") outside any quotation."""
    return bool(_FIRST_PERSON_PLURAL.search(_QUOTED.sub("", line)))


def _is_subheading(line: str) -> bool:
    """Heading-shaped: a few words, capitalised, not shouting, no final full stop."""
    text = line.strip()
    return (len(text.split()) <= MAX_SUBHEADING_WORDS and bool(_SUBHEADING.match(text))
            and any(c.islower() for c in text))


def _nav_list(lines: Sequence[str], title_key: str) -> set[int]:
    """Indices of the headlines listed under a navigation heading such as "Related Stories".

    The story's own headline ends the list: what follows it is the story.
    """
    listed: set[int] = set()
    for i, line in enumerate(lines):
        if not _NAV_HEADING.match(line):
            continue
        items, headline = 0, False
        for j in range(i + 1, len(lines)):
            text = lines[j].strip()
            if not text:
                continue
            if _is_title_repeat(text, title_key):
                break
            # a teaser card: the headline, then a one-sentence summary of that story
            limit = MAX_TEASER_WORDS if headline and is_prose(text) else MAX_NAV_ITEM_WORDS
            if items == MAX_NAV_ITEMS or len(text.split()) > limit:
                break
            listed.add(j)
            items += 1
            headline = not is_prose(text)
    return listed


def _neighbour(kept: list[bool], insert: list[bool], lines: Sequence[str],
               i: int, step: int) -> bool:
    """Whether the nearest line in direction ``step``, past blanks and inserts, is kept."""
    j = i + step
    while 0 <= j < len(lines) and (not lines[j].strip() or insert[j]):
        j += step
    return 0 <= j < len(lines) and kept[j]


# Web labels before a headline that mean nothing read aloud: "Live updates: Polls close".
_TITLE_LABEL = re.compile(r"^\s*(live( updates| blog)?|watch|video|breaking( news)?|"
                          r"exclusive|update[d]?)\s*[:|–—-]\s+", re.IGNORECASE)


def classify_lines(lines: Sequence[str], title: str) -> list[bool]:
    """Label each line: True = junk (not read aloud). Blank lines count as junk."""
    title_key = _norm(title)
    counts = Counter(line.strip() for line in lines if line.strip())
    listed = _nav_list(lines, title_key)
    # Hard junk: a known pattern, the title again, a repeated label ("Article content"
    # between every paragraph), or a headline in a navigation list. Never rescued.
    hard = [
        bool(line.strip()) and (
            is_junk_pattern(line) or _is_title_repeat(line, title_key) or i in listed
            or (counts[line.strip()] > 1 and not is_prose(line)))
        for i, line in enumerate(lines)
    ]
    kept = [bool(line.strip()) and not h and is_prose(line) for line, h in zip(lines, hard)]
    # The footer: the trailing run of junk, first-person blurbs and author bios.
    for i in range(len(lines) - 1, -1, -1):
        if not kept[i]:
            continue
        if _is_blurb(lines[i]) or _BIO.match(lines[i].strip()):
            kept[i] = False
            continue
        break
    # Captions: a short line set directly on a photo credit, with no blank line between (the
    # two are one figure): "Crews clear the road on Tuesday." over "Photo: Jane Doe".
    for i in range(len(lines) - 1):
        credit = lines[i + 1]
        if (kept[i] and len(lines[i].split()) <= MAX_CAPTION_WORDS
                and len(credit.split()) <= MAX_CREDIT_WORDS
                and any(p.search(credit) for p in _CREDITS)):
            kept[i] = False
    # Subheadings: short heading-shaped lines with story prose on both sides, looking past
    # inserts (ad slots, photo credits, repeated labels) that sit between paragraphs.
    insert = [h and (any(p.search(line) for p in _ADS + _CREDITS) or counts[line.strip()] > 1)
              for line, h in zip(lines, hard)]
    prose = list(kept)
    for i, line in enumerate(lines):
        if (line.strip() and not hard[i] and not prose[i] and _is_subheading(line)
                and _neighbour(prose, insert, lines, i, -1)
                and _neighbour(prose, insert, lines, i, 1)):
            kept[i] = True
    return [not k for k in kept]


# Control characters are never speech; a stray NUL makes a silent segment.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_article(article: Article) -> Story | Skipped:
    """Keep the story's paragraphs; report the article if too little story is left.

    In a scraper's plain text the story's own run of lines is located too (``locate.py``):
    a whole-page dump carries prose-shaped junk around the story that no line rule can
    tell from story. HTML, Markdown and feed text arrive as the story already.
    """
    labels = classify_lines(article.lines, article.title)
    if article.scraped:
        labels = locate_story(article.lines, labels, article.title, article.language)
    kept = tuple(" ".join(_CONTROL_CHARS.sub(" ", line).split())
                 for line, j in zip(article.lines, labels) if not j)
    kept = tuple(p for p in kept if p)
    dropped = tuple(line.strip() for line, j in zip(article.lines, labels) if j and line.strip())
    words = sum(len(p.split()) for p in kept)
    if words < MIN_STORY_WORDS:
        return Skipped(article.source, f"only {words} words of story text after cleaning "
                                       f"(need {MIN_STORY_WORDS}); is it a story?")
    title = " ".join(_CONTROL_CHARS.sub(" ", article.title).split())
    title = _TITLE_LABEL.sub("", title) or title
    return Story(source=article.source, title=title, paragraphs=kept,
                 dropped_lines=dropped, url=article.url, published=article.published)
