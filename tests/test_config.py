from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEMO

from briefcast.config import load_config, parse_config
from briefcast.errors import ConfigError

GOOD = {
    "show": {"title": "T", "description": "D", "author": "A", "owner_email": "a@b.org",
             "language": "en", "base_url": "https://x.org/pod"},
    "sources": {"folder": "articles"},
}


def test_demo_config_loads() -> None:
    config = load_config(DEMO / "briefcast.toml")
    assert config.rate_wpm == 165 and config.story_count == 6
    assert config.base_url == "https://ledger.example.org/podcast/"
    assert config.sources_folder == (DEMO / "articles").resolve()
    assert config.warnings == ()


def test_defaults_and_trailing_slash() -> None:
    config = parse_config(GOOD, Path("/tmp/show.toml"))
    assert config.base_url == "https://x.org/pod/"
    assert config.feed_url == "https://x.org/pod/feed.xml"
    assert (config.category, config.subcategory) == ("News", "Daily News")
    assert config.output_dir == Path("/tmp/episodes")


def test_every_problem_reported_at_once() -> None:
    raw = {
        "show": {"title": "", "author": 3, "owner_email": "nope", "language": "english",
                 "base_url": "ftp://x", "category": "News", "subcategory": "Gardening",
                 "colour": "red"},
        "voice": {"rate": 1000},
        "briefing": {"story_count": 0, "target_minutes": "five"},
        "extra": {},
    }
    with pytest.raises(ConfigError) as err:
        parse_config(raw, Path("show.toml"))
    problems = "\n".join(err.value.problems)
    for fragment in ("show.title", "show.description is missing", "show.author",
                     "show.owner_email", "show.language", "show.base_url",
                     "sources.folder is missing", "voice.rate", "briefing.story_count",
                     "briefing.target_minutes", "Gardening"):
        assert fragment in problems
    assert len(err.value.problems) == 11


def test_unknown_keys_warn_not_fail() -> None:
    raw = {**GOOD, "show": {**GOOD["show"], "colour": "red"}, "extra": {}}
    config = parse_config(raw, Path("show.toml"))
    assert "unknown key show.colour ignored" in config.warnings
    assert "unknown table [extra] ignored" in config.warnings


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[show\ntitle = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")


@pytest.mark.parametrize("tz", ["x" * 5000, "Mars/Olympus_Mons", "../../etc/passwd"])
def test_bad_time_zone_is_a_config_error(tz: str) -> None:
    raw = {**GOOD, "show": {**GOOD["show"], "timezone": tz}}
    with pytest.raises(ConfigError) as err:
        parse_config(raw, Path("/tmp/show.toml"))
    assert "time zone" in str(err.value)


def test_misspelled_key_and_table_suggest_the_right_name() -> None:
    raw = {**GOOD, "briefing": {"story_cuont": 4}, "briefng": {}}
    config = parse_config(raw, Path("/tmp/show.toml"))
    assert "unknown key briefing.story_cuont ignored (did you mean story_count?)" in \
        config.warnings
    assert "unknown table [briefng] ignored (did you mean briefing?)" in config.warnings
