"""A network's config: shared tables, per-show tables, selection, and every problem at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefcast.config import load_config
from briefcast.errors import ConfigError
from briefcast.models import Article
from briefcast.network import is_network, load_network
from briefcast.selection import Selection, selection, split_list
from briefcast.stages.ingest import read_article

SHARED = '''
[network]
name = "Harbor Group"

[show]
description = "The day's news from the Harbor group."
author = "Harbor Group"
owner_email = "podcast@harbor.example.org"
language = "en"
base_url = "https://harbor.example.org/podcasts/"
timezone = "America/New_York"

[sources]
folder = "articles"

[output]
folder = "out"
cache = "cache"
'''


def _write(tmp: Path, text: str, name: str = "network.toml") -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shows_inherit_shared_tables_and_get_their_own_folder_and_feed(tmp_path: Path) -> None:
    path = _write(tmp_path, SHARED + '''
[shows.sports.show]
title = "Harbor Sports Nightly"
[shows.sports.select]
sections = ["Sports"]
keywords = ["playoff game"]

[shows.business.show]
title = "Harbor Business Brief"
base_url = "https://biz.example.org/"
[shows.business.voice]
name = "en-gb"
[shows.business.briefing]
target_minutes = 2
[shows.business.output]
folder = "biz"
''')
    assert is_network(path)
    network = load_network(path)
    assert network.name == "Harbor Group"
    sports, business = (s.config for s in network.shows)
    assert sports is not None and business is not None
    assert sports.title == "Harbor Sports Nightly" and sports.author == "Harbor Group"
    assert sports.output_dir == tmp_path / "out" / "sports"
    assert sports.feed_url == "https://harbor.example.org/podcasts/sports/feed.xml"
    assert sports.cache_dir == business.cache_dir == tmp_path / "cache"  # shared
    assert sports.sources_folder == tmp_path / "articles"
    assert sports.select == Selection(sections=("sports",), keywords=("playoff game",))
    assert business.output_dir == tmp_path / "biz"
    assert business.feed_url == "https://biz.example.org/feed.xml"
    assert (business.voice, business.target_minutes) == ("en-gb", 2.0)
    assert (sports.voice, sports.target_minutes) == ("en-us", 5.0)
    assert network.report_path == tmp_path / "network-report.json"


def test_single_show_config_is_not_a_network_and_loads_unchanged(tmp_path: Path) -> None:
    text = SHARED.replace('[network]\nname = "Harbor Group"\n', "").replace(
        "[show]\n", '[show]\ntitle = "One Show"\n')
    path = _write(tmp_path, text, "show.toml")
    assert not is_network(path)
    config = load_config(path)
    assert config.output_dir == tmp_path / "out" and config.select.everything


def test_a_broken_show_keeps_its_problems_the_others_load(tmp_path: Path) -> None:
    path = _write(tmp_path, SHARED + '''
[shows.good.show]
title = "Good Show"
[shows.bad.show]
title = ""
owner_email = "nobody"
[shows.bad.briefing]
story_count = 0
[shows.bad.select]
tags = "sports"
[shows."Bad Name".show]
title = "Spaces"
''')
    good, bad, named = load_network(path).shows
    assert named.config is None and "lowercase letters" in named.problems[0]
    assert good.config is not None and not good.problems
    assert bad.config is None
    assert len(bad.problems) == 4, bad.problems  # every problem, at once
    joined = "\n".join(bad.problems)
    for key in ("show.title", "show.owner_email", "briefing.story_count", "select.tags"):
        assert key in joined


def test_two_shows_on_one_folder_or_feed_are_refused_at_load(tmp_path: Path) -> None:
    path = _write(tmp_path, SHARED + '''
[shows.a.show]
title = "A"
base_url = "https://x.example.org/"
[shows.a.output]
folder = "same"
[shows.b.show]
title = "B"
base_url = "https://x.example.org/"
[shows.b.output]
folder = "same"
[shows.c.show]
title = "C"
[shows.c.output]
folder = "same/inner"
[shows.d.show]
title = "D"
owner_email = "broken"
''')
    with pytest.raises(ConfigError) as err:
        load_network(path)
    problems = err.value.problems
    assert any("'a' and 'b' both write to" in p for p in problems)
    assert any("'a' and 'b' both publish the feed https://x.example.org/feed.xml" in p
               for p in problems)
    assert any("'c' writes inside the folder of show 'a'" in p for p in problems)
    assert any(p.startswith("show 'd': show.owner_email") for p in problems)  # all at once
    assert err.value.exit_code == 2


def test_network_tables_are_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, SHARED.replace('name = "Harbor Group"', "workers = 0") + '''
[cluster]
address = "not an address"
[shows.x.show]
title = "X"
''')
    with pytest.raises(ConfigError) as err:
        load_network(path)
    assert len(err.value.problems) == 2
    assert "network.workers" in err.value.problems[0]
    assert "cluster.address" in err.value.problems[1]
    with pytest.raises(ConfigError) as err:
        load_network(_write(tmp_path, SHARED, "empty.toml"))
    assert "no shows" in err.value.problems[0]


def test_folder_network_one_file_a_show_paths_relative_to_each_file(tmp_path: Path) -> None:
    _write(tmp_path, SHARED)
    _write(tmp_path, '[show]\ntitle = "Sports"\n[select]\ntags = ["sport"]\n'
                     '[script]\nlexicon = "sports-lexicon.txt"\n', "sports.toml")
    _write(tmp_path, '[show]\ntitle = "Town"\n[sources]\nfolder = "town-articles"\n',
           "town.toml")
    _write(tmp_path, '[show\n', "broken.toml")
    with pytest.raises(ConfigError) as err:  # one unreadable file: the network is refused
        load_network(tmp_path)
    assert "broken.toml: not valid TOML" in err.value.problems[0]
    (tmp_path / "broken.toml").unlink()
    network = load_network(tmp_path)
    assert [s.name for s in network.shows] == ["sports", "town"]
    sports, town = (s.config for s in network.shows)
    assert sports is not None and town is not None
    assert sports.lexicon == tmp_path / "sports-lexicon.txt"
    assert town.sources_folder == tmp_path / "town-articles"
    assert town.output_dir == tmp_path / "out" / "town"
    assert network.pick(["town"]).shows[0].name == "town"
    with pytest.raises(ConfigError, match="no show called 'twn'"):
        network.pick(["twn"])


def _article(**fields: object) -> Article:
    return Article(source="x.md", title="A title", lines=(), **fields)  # type: ignore[arg-type]


def test_selection_matches_section_tags_categories_and_whole_keywords() -> None:
    chosen = selection({"sections": ["Sports "], "tags": ["High School"],
                        "categories": ["Business"], "keywords": ["ferry service"]})
    assert chosen.why(_article(section="sports"), "") == "section sports"
    assert chosen.why(_article(tags=("high  school",)), "") == "tag high school"
    assert chosen.why(_article(categories=("BUSINESS",)), "") == "category business"
    assert chosen.why(_article(), "The Ferry\nService resumes") == "keyword 'ferry service'"
    assert chosen.why(_article(), "ferry services resume") is None  # whole words only
    assert chosen.why(_article(section="arts"), "") is None
    assert Selection().everything and Selection().why(_article(), "") == "every article"
    assert split_list("[a, 'b c', ]") == ("a", "b c") and split_list("x,y") == ("x", "y")


def test_front_matter_html_and_feed_carry_what_selection_reads(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Match report\nsection: Sports\ntags: [basketball, finals]\n"
                  "categories: local\n---\nThe Harbor Gulls won the final.\n", encoding="utf-8")
    article = read_article(md)
    assert isinstance(article, Article)
    assert (article.section, article.tags, article.categories) == (
        "Sports", ("basketball", "finals"), ("local",))
    page = tmp_path / "b.html"
    page.write_text('<html><head><title>Quota cut</title>'
                    '<meta property="article:section" content="Business">'
                    '<meta property="article:tag" content="fishing">'
                    '<meta property="article:tag" content="quota"></head><body><article>'
                    '<h1>Quota cut</h1><p>' + "The fishing quota for the harbor was cut by "
                    "a fifth this year, the regional board said on Tuesday. " * 4
                    + "</p></article></body></html>", encoding="utf-8")
    article = read_article(page)
    assert isinstance(article, Article)
    assert (article.section, article.tags) == ("Business", ("fishing", "quota"))
    from briefcast.backends.feed_source import load_feed

    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/'
                    'rss/1.0/modules/content/"><channel><title>T</title><item><title>Gulls'
                    ' win</title><link>https://x.example.org/a</link><category>Sports'
                    '</category><category>Basketball</category><content:encoded><![CDATA['
                    '<p>The Harbor Gulls won the final on Tuesday night.</p>]]>'
                    '</content:encoded></item></channel></rss>', encoding="utf-8")
    result = load_feed(str(feed), tz=dt.UTC, fetcher=None)
    assert result.articles[0].categories == ("Sports", "Basketball")


def test_private_folders_are_per_show_and_never_shared(tmp_path: Path) -> None:
    path = _write(tmp_path, SHARED.replace('cache = "cache"', 'cache = "cache"\nprivate = "priv"')
                  + '[shows.a.show]\ntitle = "A"\n[shows.b.show]\ntitle = "B"\n')
    a, b = (s.config for s in load_network(path).shows)
    assert a is not None and b is not None
    assert (a.private_dir, b.private_dir) == (tmp_path / "priv" / "a", tmp_path / "priv" / "b")
    path = _write(tmp_path, SHARED + '[shows.a.show]\ntitle = "A"\n[shows.a.output]\n'
                  'private = "records"\n[shows.b.show]\ntitle = "B"\n[shows.b.output]\n'
                  'private = "records"\n')
    with pytest.raises(ConfigError, match=r"'a' and 'b' both write to .*records"):
        load_network(path)
