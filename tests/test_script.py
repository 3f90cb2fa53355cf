"""The briefing's frame: templates from [script], disclosure, transitions, credits, dry run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import make_show

from briefcast.cli import main
from briefcast.config import parse_config
from briefcast.errors import ConfigError
from briefcast.lexicon import Lexicon
from briefcast.models import Story
from briefcast.stages.script import compose_script

DATE = dt.date(2026, 11, 26)
SHOW = {"title": "Harbor Nightly", "description": "D", "author": "Harbor Town Ledger",
        "owner_email": "a@b.org", "language": "en",
        "base_url": "https://ledger.example.org/podcast/",
        "website": "https://www.ledger.example.org/"}
TITLES = ["Council Approves Budget", "Storm Cancels Ferries", "Mariners Win Title",
          "Tidewire Opens Office", "Hospital Opens Wing", "Cod Quota Cut"]


def _config(**script: Any) -> Any:
    raw = {"show": SHOW, "sources": {"folder": "articles"}, "script": script}
    return parse_config(raw, Path("/tmp/show/briefcast.toml"))


def _story(title: str, source: str = "/tmp/show/articles/a.txt",
           url: str | None = None) -> Story:
    body = (f"The story of {title.lower()} began on Monday in Harbor Town. "
            "Officials said the decision was made after a long debate. "
            "Residents are expected to hear more at a meeting next week.")
    return Story(source=source, title=title, paragraphs=(body,), url=url)


def _compose(stories: list[Story], lexicon: Lexicon | None = None, **script: Any) -> Any:
    return compose_script(stories, _config(**script), DATE, lexicon or Lexicon())


def _texts(script: Any, kind: str) -> list[str]:
    return [c.text for c in script.cues if c.kind == kind]


def test_default_templates_give_the_english_briefing() -> None:
    script = _compose([_story(t) for t in TITLES[:3]])
    assert _texts(script, "intro") == [
        "Welcome to Harbor Nightly, for Thursday, November 26, 2026."]
    assert _texts(script, "headlines") == [
        "In this briefing: Council Approves Budget; Storm Cancels Ferries; "
        "and Mariners Win Title."]
    assert _texts(script, "transition")[0] == (
        "Our top story. Council Approves Budget. From Harbor Town Ledger.")
    assert _texts(script, "outro") == [
        "That's Harbor Nightly for Thursday, November 26, 2026. "
        "Thanks for listening, and join us again tomorrow."]
    # Apple's guide: the episode's title does not repeat the show's; the date comes first
    assert script.title == "Thursday, November 26, 2026: Council Approves Budget"


def test_show_templates_render_with_their_own_words() -> None:
    script = _compose(
        [_story(t) for t in TITLES[:2]],
        intro="This is {show} on {date}, with {count} stories.",
        rundown="Coming up: {headlines}.", rundown_and="plus",
        story="{transition} Story {number}: {title}, reported by {source}.",
        top_story="First.", transitions=["Second."],
        outro="{show} is done.", date="{weekday} the {day} of {month}",
        weekdays=["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        months=["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec"],
        outlet="the Ledger")
    assert _texts(script, "intro") == ["This is Harbor Nightly on Thu the 26 of Nov, "
                                       "with 2 stories."]
    assert _texts(script, "headlines") == [
        "Coming up: Council Approves Budget; plus Storm Cancels Ferries."]
    assert _texts(script, "transition") == [
        "First. Story 1: Council Approves Budget, reported by the Ledger.",
        "Second. Story 2: Storm Cancels Ferries, reported by the Ledger."]
    assert _texts(script, "outro") == ["Harbor Nightly is done."]
    assert script.title == "Thu the 26 of Nov: Council Approves Budget"  # the show's date form
    # The spoken form of the same line is normalized ("26" -> words).
    assert script.cues[0].spoken == ("This is Harbor Nightly on Thu the twenty-six of Nov, "
                                     "with two stories.")


def test_episode_title_is_a_template_of_its_own() -> None:
    assert _compose([_story(TITLES[4])], title="{headline} ({date})").title == \
        "Hospital Opens Wing (Thursday, November 26, 2026)"
    assert _compose([_story(TITLES[4])], title="{date}").title == "Thursday, November 26, 2026"
    with pytest.raises(ConfigError) as err:
        _config(title="{show}: {titel}")
    assert any(p.startswith("script.title has unknown placeholder {titel}")
               for p in err.value.problems)


def test_unknown_placeholders_are_config_errors_with_the_rest() -> None:
    raw = {"show": SHOW, "sources": {"folder": "articles"}, "voice": {"rate": 1000},
           "script": {"intro": "Hello from {shwo} on {date}.", "story": "{titel}.",
                      "transitions": ["Next.", "Then {transition}."],
                      "outro": "Bye {show", "disclosure": "yes"}}
    with pytest.raises(ConfigError) as err:
        parse_config(raw, Path("show.toml"))
    problems = err.value.problems
    assert len(problems) == 6
    assert "voice.rate must be a whole number from 80 to 400 (got 1000)" in problems
    assert ("script.intro has unknown placeholder {shwo} (known: {author}, {count}, {date}, "
            "{show}) (got 'Hello from {shwo} on {date}.')") in problems
    assert any(p.startswith("script.story has unknown placeholder {titel} (known: {author}, "
                            "{count}, {date}, {number}, {show}, {source}, {title}, "
                            "{transition})") for p in problems)
    assert any(p.startswith("script.transitions entry 'Then {transition}.' has unknown "
                            "placeholder {transition}") for p in problems)
    assert any(p.startswith("script.outro is not a valid template") for p in problems)
    assert "script.disclosure must be true or false (got 'yes')" in problems


def test_attribute_access_and_conversions_are_refused() -> None:
    with pytest.raises(ConfigError) as err:
        _config(intro="{show.upper} {date!r} {count:>5}")
    assert err.value.problems[0].startswith(
        "script.intro has unknown placeholder {show.upper}, {date!r}, {count:>5}")


def test_disclosure_line_follows_the_intro_only_when_asked() -> None:
    stories = [_story(t) for t in TITLES[:2]]
    plain = _compose(stories)
    assert not any("synthetic" in c.text for c in plain.cues)
    disclosed = _compose(stories, disclosure=True)
    assert [c.text for c in disclosed.cues[:2]] == [
        "Welcome to Harbor Nightly, for Thursday, November 26, 2026.",
        "This briefing is read by a synthetic voice."]
    assert disclosed.cues[1].kind == "intro" and disclosed.cues[1].chapter == "Introduction"
    custom = _compose(stories, disclosure=True, disclosure_text="{show} uses an AI voice.")
    assert custom.cues[1].text == "Harbor Nightly uses an AI voice."


def test_transitions_vary_across_six_stories_and_repeat_exactly() -> None:
    stories = [_story(t) for t in TITLES]
    script = _compose(stories)
    phrases = [t.split(". ")[0] + "." for t in _texts(script, "transition")]
    assert phrases == ["Our top story.", "Next.", "In other news.", "Also in the news.",
                       "Turning to another story.", "And finally."]
    assert _compose(stories).cues == script.cues  # deterministic: same words every rebuild


def test_every_story_credits_its_source() -> None:
    stories = [
        _story("Council Approves Budget"),  # the newsroom's own folder
        _story("Storm Cancels Ferries", source="https://feeds.example.net/rss.xml",
               url="https://www.gullisland.example/storm"),  # mapped host
        _story("Mariners Win Title", source="https://other.example.com/feed",
               url="https://other.example.com/sport/1"),  # unmapped host
        _story("Hospital Opens Wing", source="https://ledger.example.org/feed.xml",
               url="https://ledger.example.org/2026/hospital"),  # the show's own site
    ]
    script = _compose(stories, outlet="the Harbor Town Ledger",
                      source_names={"gullisland.example": "the Gull Island Gazette"})
    assert _texts(script, "transition") == [
        "Our top story. Council Approves Budget. From the Harbor Town Ledger.",
        "Next. Storm Cancels Ferries. From the Gull Island Gazette.",
        "In other news. Mariners Win Title. From other.example.com.",
        "And finally. Hospital Opens Wing. From the Harbor Town Ledger."]


def test_lexicon_changes_what_is_spoken_not_the_transcript() -> None:
    story = Story(source="/tmp/a.txt", title="Mayor Okafor Signs Budget",
                  paragraphs=("Mayor Okafor signed the budget on Monday. "
                              "Okafor's office said the vote was close.",))
    script = _compose([story], Lexicon((("Okafor", "oh-kah-for"),)))
    texts = " ".join(c.text for c in script.cues)
    spoken = " ".join(c.spoken for c in script.cues)
    assert "Okafor" in texts and "oh-kah-for" not in texts
    assert "Okafor" not in spoken
    assert "Mayor oh-kah-for signed the budget on Monday." in spoken
    assert "oh-kah-for's office" in spoken


def test_lexicon_file_from_config_is_used(tmp_path: Path) -> None:
    (tmp_path / "lex.txt").write_text("Okafor = oh-kah-for\n", encoding="utf-8")
    raw = {"show": SHOW, "sources": {"folder": "articles"}, "script": {"lexicon": "lex.txt"}}
    config = parse_config(raw, tmp_path / "briefcast.toml")
    assert config.lexicon == tmp_path / "lex.txt"
    story = _story("Okafor Speaks")
    script = compose_script([story], config, DATE)
    assert "Our top story. oh-kah-for Speaks." in script.cues[2].spoken


def _listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_build_dry_run_prints_the_script_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_show(tmp_path)
    show = config.parent
    before = _listing(tmp_path)
    code = main(["build", "--dry-run", "--config", str(config), "--date", "2026-11-26"])
    out, err = capsys.readouterr()
    assert code == 0
    assert _listing(tmp_path) == before
    assert not (show / "episodes").exists() and not (show / "cache").exists()
    assert out.startswith("# Thursday, November 26, 2026: Harbor Town Council Approves "
                          "$48.6 Million Budget After Late-Night Vote\n")
    assert "This briefing is read by a synthetic voice." in out
    assert ("Our top story. Harbor Town Council Approves $48.6 Million Budget After "
            "Late-Night Vote. From the Harbor Town Ledger.") in out
    assert "(budget " in out and "source " in out
    import re

    minutes = re.search(r"Dry run: 6 stories, 0 skipped, about (\d+\.\d) minutes", err)
    assert minutes and abs(float(minutes.group(1)) - 5) <= 0.3, err  # the 5-minute target
    assert "nothing written to" in err


def test_script_command_prints_pronunciation_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_show(tmp_path)
    (config.parent / "lex.txt").write_text("Okafor = oh-kah-for\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('lexicon = "lexicon.txt"', 'lexicon = "lex.txt"', 1),
                      encoding="utf-8")
    code = main(["script", "--config", str(config), "--date", "2026-11-26"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Mayor Ines Okafor" in out  # the script shows the newsroom's spelling
    assert "'Okafor'" not in err  # in the lexicon: no warning
    assert ("briefcast: warning: pronunciation: 'Farrugia' is not in the English word "
            "list") in err  # wamerican is installed by the setup script
    assert "'Harbor'" not in err


def test_wire_stories_are_credited_to_their_agency() -> None:
    from briefcast.models import Story
    from briefcast.stages.script import wire_credit

    assert wire_credit(Story("x", "T", ("FRANKFORT, Ky. (AP) — The bridge closed.",))) == \
        "the Associated Press"
    assert wire_credit(Story("x", "T", ("LONDON (Reuters) - Shares fell.",))) == "Reuters"
    assert wire_credit(Story("x", "T", ("The mayor spoke on Monday.",))) is None


def test_a_question_headline_is_not_read_with_a_second_end_mark() -> None:
    from briefcast.templates_text import render

    story = "{transition} {title}. From {source}."
    assert render(story, transition="Next.", title="Is Spring Late?",
                  source="the Ledger") == "Next. Is Spring Late? From the Ledger."
    assert render(story, transition="Next.", title="Yahoo! Wins", source="the Ledger") == (
        "Next. Yahoo! Wins. From the Ledger.")
