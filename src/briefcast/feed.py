"""The podcast RSS feed: built with feedgen (:mod:`briefcast.feed_rss`), kept in the cache.

feedgen 1.0.0 pitfalls handled there (see shared/PODCAST-FACTS.md): lastBuildDate,
generator and docs are set explicitly so identical input gives identical bytes; the self
link is added before the site link (the RSS <link> is the last one added); entries are
appended in newest-first order; ``itunes:explicit`` is written as true/false by our
extension because feedgen only knows yes/no/clean; ``podcast:`` tags come from our extension
registered under a name other than "podcast" (taken by feedgen's iTunes extension).
"""

from __future__ import annotations

import re
import uuid

from briefcast.cache import remembered
from briefcast.config import ShowConfig
from briefcast.models import Episode

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def podcast_guid(feed_url: str) -> str:
    """Podcasting 2.0 ``podcast:guid``: UUIDv5 over the feed URL without scheme or end slashes."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def xml_text(value: str) -> str:
    """Drop characters XML 1.0 cannot carry (feedgen accepts them, then fails to render)."""
    return _XML_ILLEGAL.sub("", value)


def build_feed(config: ShowConfig, episodes: list[Episode], artwork_url: str | None,
               guid: str) -> bytes:
    """The RSS feed for ``episodes`` (any order; written newest first).

    A pure function of its inputs, so it is kept in the cache under all of them (and the
    code and library versions): a warm rebuild then does without feedgen. Not a feed
    without episodes: feedgen dates that one by the clock.
    """
    def render() -> bytes:
        from briefcast.feed_rss import render_feed

        return render_feed(config, episodes, artwork_url, guid)

    if not episodes:
        return render()
    return remembered(config.cache_dir, "feeds", (repr(config), repr(episodes), artwork_url,
                                                  guid), render)
