from __future__ import annotations

import pytest

from briefcast.feed import podcast_guid


@pytest.mark.parametrize("url, expected", [
    ("https://podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ("podnews.net/rss/", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
    ("http://mp3s.nashownotes.com/pc20rss.xml", "917393e3-1b1e-5cef-ace4-edaa54e1f810"),
])
def test_podcast_guid_spec_vectors(url: str, expected: str) -> None:
    assert podcast_guid(url) == expected
