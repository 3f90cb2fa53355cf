"""Alexa Flash Briefing: a JSON feed of the latest episode for smart speakers.

Amazon's feed rules (Flash Briefing Skill API feed reference): UTF-8 JSON, one to five
items newest first, each with a unique ``uid``, an ``updateDate`` in UTC, a title, and for
audio an HTTPS ``streamUrl``; audio must last from 10 seconds to 10 minutes. An episode
outside those limits is left out with a warning rather than served to be rejected.
"""

from __future__ import annotations

import datetime as dt
import json

from briefcast.config import ShowConfig
from briefcast.models import Episode

FILE_NAME = "alexa.json"
MIN_SECONDS, MAX_SECONDS = 10, 600
MAX_TEXT = 4500  # characters Alexa accepts in mainText


def flash_briefing(config: ShowConfig, episodes: list[Episode]) -> tuple[bytes | None, list[str]]:
    """The feed's bytes for the newest episode, or None and the reasons it cannot be served."""
    if not episodes:
        return None, ["alexa: no episode to offer"]
    latest = max(episodes, key=lambda e: e.recency)
    problems = []
    if not config.base_url.startswith("https://"):
        problems.append(f"alexa: the stream URL must be HTTPS, base_url is {config.base_url}")
    if not MIN_SECONDS <= latest.duration_s <= MAX_SECONDS:
        problems.append(f"alexa: the {latest.date} episode lasts {latest.duration_s} s; a "
                        f"flash briefing must last {MIN_SECONDS} s to {MAX_SECONDS // 60} min")
    if problems:
        return None, problems
    item = {
        "uid": f"urn:uuid:{latest.guid}",
        "updateDate": latest.pub_date.astimezone(dt.UTC)
        .strftime("%Y-%m-%dT%H:%M:%S.0Z"),
        "titleText": latest.title,
        "mainText": latest.description[:MAX_TEXT],
        "streamUrl": config.base_url + latest.audio_file,
        "redirectionUrl": config.website,
    }
    return (json.dumps([item], indent=2, ensure_ascii=False) + "\n").encode("utf-8"), []
