"""The RSS feed rendered with feedgen, plus a small extension for what it lacks.

Only :func:`briefcast.feed.build_feed` calls this, when the feed is not in the cache:
feedgen (with lxml and dateutil) is slow to import, and a warm rebuild does without it.
See :mod:`briefcast.feed` for the feedgen pitfalls handled here.
"""

from __future__ import annotations

import html
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from briefcast import __version__
from briefcast.backends.engines import ENGINE_LABELS
from briefcast.config import ShowConfig
from briefcast.feed import ITUNES_NS, PODCAST_NS, xml_text
from briefcast.models import Episode


class _ChannelExtension(BaseExtension):
    def __init__(self) -> None:
        self.explicit = False
        self.guid: str | None = None
        self.locked_owner: str | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def extend_rss(self, rss_feed: Any) -> Any:
        channel = rss_feed[0]
        xml_elem(f"{{{ITUNES_NS}}}explicit", channel).text = "true" if self.explicit else "false"
        if self.guid:
            xml_elem(f"{{{PODCAST_NS}}}guid", channel).text = self.guid
        if self.locked_owner:
            locked = xml_elem(f"{{{PODCAST_NS}}}locked", channel)
            locked.text = "yes"
            locked.attrib["owner"] = self.locked_owner
        ai_content(channel)
        return rss_feed


def ai_content(parent: Any) -> None:
    """``<podcast:txt purpose="ai-content">true</podcast:txt>``: AI disclosure as a boolean,
    read like ``itunes:explicit``. Every episode is read by a synthetic voice from articles
    condensed by software, so the machine is the performer and the answer is always true;
    the channel's value is the same as every item's."""
    txt = xml_elem(f"{{{PODCAST_NS}}}txt", parent)
    txt.attrib["purpose"] = "ai-content"
    txt.text = "true"


class _EntryExtension(BaseEntryExtension):
    """Per-episode ``podcast:transcript`` (VTT and SRT) and ``podcast:chapters``."""

    def __init__(self) -> None:
        self.transcripts: list[tuple[str, str]] = []  # (url, MIME type)
        self.chapters_url: str | None = None

    def extend_rss(self, item: Any) -> Any:
        for url, mime in self.transcripts:
            tag = xml_elem(f"{{{PODCAST_NS}}}transcript", item)
            tag.attrib["url"] = url
            tag.attrib["type"] = mime
        if self.chapters_url:
            tag = xml_elem(f"{{{PODCAST_NS}}}chapters", item)
            tag.attrib["url"] = self.chapters_url
            tag.attrib["type"] = "application/json+chapters"
        ai_content(item)
        return item


def _show_notes(episode: Episode, voices: str) -> str:
    items = []
    for story in episode.stories:
        title = html.escape(xml_text(story.title))
        if story.url:
            items.append(f'<li><a href="{html.escape(story.url)}">{title}</a></li>')
        else:
            items.append(f"<li>{title}</li>")
    return (f"<p>{html.escape(xml_text(episode.description))}</p><ul>{''.join(items)}</ul>"
            f"<p>Read by a synthetic voice ({html.escape(voices)}) from the articles, "
            "condensed by software.</p>")


def render_feed(config: ShowConfig, episodes: list[Episode], artwork_url: str | None,
                guid: str) -> bytes:
    """Render the RSS feed for ``episodes`` (any order; written newest first)."""
    ordered = sorted(episodes, key=lambda e: e.recency, reverse=True)
    ordered = ordered[: config.max_feed_items]
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("briefcast", _ChannelExtension, _EntryExtension)
    fg.briefcast.explicit = config.explicit
    fg.briefcast.guid = guid
    fg.briefcast.locked_owner = config.owner_email
    # What the show notes say reads the show (pyttsx3 drives espeak-ng on Linux).
    voices = " and ".join(dict.fromkeys(ENGINE_LABELS.get(v.engine, v.engine)
                                        for v in config.voices))

    fg.title(xml_text(config.title))
    fg.description(xml_text(config.description))
    fg.link(href=config.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=config.website, rel="alternate")  # last link() = the RSS <link>
    fg.language(config.language)
    fg.generator(f"briefcast {__version__}")
    fg.docs("https://www.rssboard.org/rss-specification")
    if ordered:
        # The feed's content changes when its newest episode goes out: a build that runs
        # before that publish time dates the feed then too, and never by the clock, so
        # every rebuild writes the same bytes and no date in the feed is later.
        newest = max(e.pub_date for e in ordered)
        fg.lastBuildDate(newest)
        fg.pubDate(newest)
    fg.podcast.itunes_author(xml_text(config.author))
    fg.podcast.itunes_owner(name=xml_text(config.owner_name), email=config.owner_email)
    fg.podcast.itunes_category(config.category, config.subcategory)
    fg.podcast.itunes_type("episodic")
    fg.podcast.itunes_summary(xml_text(config.description))
    if artwork_url:
        fg.podcast.itunes_image(artwork_url)
        fg.image(url=artwork_url, title=xml_text(config.title), link=config.website)

    for episode in ordered:
        entry = fg.add_entry(order="append")
        entry.guid(episode.guid, permalink=False)
        entry.title(xml_text(episode.title))
        # plain text, but apps may render it as HTML: no markup may survive
        entry.description(xml_text(episode.description).replace("<", "").replace(">", ""))
        entry.content(_show_notes(episode, voices), type="CDATA")
        entry.pubDate(episode.pub_date)
        # the episode's own page (player, chapters, transcript), written with every build
        entry.link(href=f"{config.base_url}{episode.date.isoformat()}/index.html")
        entry.enclosure(config.base_url + episode.audio_file, str(episode.size_bytes),
                        "audio/mpeg")
        entry.podcast.itunes_duration(int(episode.duration_s))
        entry.podcast.itunes_episode_type("full")
        if episode.transcript_vtt:
            entry.briefcast.transcripts.append((config.base_url + episode.transcript_vtt,
                                                "text/vtt"))
        if episode.transcript_srt:
            entry.briefcast.transcripts.append((config.base_url + episode.transcript_srt,
                                                "application/x-subrip"))
        if episode.chapters_file:
            entry.briefcast.chapters_url = config.base_url + episode.chapters_file
    rendered: bytes = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return rendered
