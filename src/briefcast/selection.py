"""Which of the shared articles a show airs: its ``[select]`` table.

A newsroom network reads one pool of articles into many shows (a sports show, a business
show, one per town). Each show keeps the articles that match any of its criteria:

- ``sections``: the article's section (Markdown front matter ``section``, an HTML page's
  ``article:section``);
- ``tags``: any of its tags (front matter ``tags: [a, b]`` or ``tags: a, b``, an HTML
  page's ``article:tag``);
- ``categories``: any of a feed entry's RSS ``<category>`` (Atom ``category``) values;
- ``keywords``: a word or phrase in its title or cleaned text, whole words, any case.

All comparisons ignore case and surrounding space. A show without criteria keeps every
article (a single show, or a network show that selects by its own ``sources`` folder or
feeds). Articles left out are not "skipped": they belong to other shows, so they are only
counted, never reported as problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefcast.models import Article

SELECT_KEYS = ("sections", "tags", "categories", "keywords")


@dataclass(frozen=True)
class Selection:
    """A show's criteria, lower-cased; empty means every article."""

    sections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not (self.sections or self.tags or self.categories or self.keywords)

    def why(self, article: Article, text: str) -> str | None:
        """The first criterion ``article`` meets ("section sports"), or None.

        ``text`` is what airs of it: the cleaned story, so a keyword in a scraped page's
        navigation ("Sports | Business") selects nothing."""
        if self.everything:
            return "every article"
        if article.section and _fold(article.section) in self.sections:
            return f"section {_fold(article.section)}"
        for tag in article.tags:
            if _fold(tag) in self.tags:
                return f"tag {_fold(tag)}"
        for category in article.categories:
            if _fold(category) in self.categories:
                return f"category {_fold(category)}"
        if self.keywords:
            for keyword in self.keywords:
                if _keyword(keyword).search(text):
                    return f"keyword {keyword!r}"
        return None


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _keyword(keyword: str) -> re.Pattern[str]:
    """Whole words, any case, any run of spaces between the words of a phrase."""
    words = [re.escape(w) for w in keyword.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def selection(values: dict[str, list[str]]) -> Selection:
    """A ``Selection`` from a validated ``[select]`` table."""
    return Selection(*(tuple(dict.fromkeys(_fold(v) for v in values.get(key, ()) if v.strip()))
                       for key in SELECT_KEYS))


def split_list(value: str) -> tuple[str, ...]:
    """Front matter's ``[a, b]`` or ``a, b`` as values (no YAML needed for a list of words)."""
    inner = value.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    items = (item.strip().strip("'\"").strip() for item in inner.split(","))
    return tuple(item for item in items if item)
