"""Sentence splitting that respects quotes, titles and names, and what is not a sentence."""

from __future__ import annotations

import pytest

from briefcast.stages.sentences import (
    ends_with_title,
    is_fragment,
    is_question,
    is_teaser,
    quoted_ranges,
    split_sentences,
)


@pytest.mark.parametrize(("paragraph", "expected"), [
    # a quoted slogan with full stops inside stays in its sentence
    ("Calls rose after the viral “Meth. We're on it.” campaign began. Officials defended it.",
     ["Calls rose after the viral “Meth. We're on it.” campaign began.",
      "Officials defended it."]),
    ('Calls rose after the viral "Meth. We\'re on it." campaign began. Officials defended it.',
     ['Calls rose after the viral "Meth. We\'re on it." campaign began.',
      "Officials defended it."]),
    # a quote that ends its sentence splits after the closing mark
    ("The sign read “Closed.” The shop never reopened.",
     ["The sign read “Closed.”", "The shop never reopened."]),
    # a speaker's several sentences stay with the attribution
    ("“I am ashamed. I told myself I would pay it back. I never did,” she said. The judge "
     "agreed.",
     ["“I am ashamed. I told myself I would pay it back. I never did,” she said.",
      "The judge agreed."]),
    # a quote left open (it runs on into the next paragraph) protects nothing
    ("“We will rebuild. The town has done it before.",
     ["“We will rebuild.", "The town has done it before."]),
    # inch marks are not quotes
    ('He is 6\'2" tall. She is 5\'5" tall.', ['He is 6\'2" tall.', 'She is 5\'5" tall.']),
])
def test_quotations_are_not_split(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Gov. Helen Varga spoke. Mr. Dempsey agreed with Sen. Ann Smith and Dr. Pieter Haas.",
     ["Gov. Helen Varga spoke.",
      "Mr. Dempsey agreed with Sen. Ann Smith and Dr. Pieter Haas."]),
    ("She chairs the U.S. Senate panel. The panel met.",
     ["She chairs the U.S. Senate panel.", "The panel met."]),
    ("The firm moved to the U.S. The move cost $5 million.",
     ["The firm moved to the U.S.", "The move cost $5 million."]),
    ("He joined Acme Inc. in 2019 and left St. Anselm. Later he left.",
     ["He joined Acme Inc. in 2019 and left St. Anselm.", "Later he left."]),
    ("She sold it to Bellweather Inc. The deal closed.",
     ["She sold it to Bellweather Inc.", "The deal closed."]),
    ("The plan ran past 11:40 p.m. Visitors left. The doors open at 10 a.m. Sunday.",
     ["The plan ran past 11:40 p.m.", "Visitors left.", "The doors open at 10 a.m. Sunday."]),
    ("John F. Kennedy spoke there. It rained.", ["John F. Kennedy spoke there.", "It rained."]),
    ("Crews came from Gdańsk. Łukasz Zieliński led them.",
     ["Crews came from Gdańsk.", "Łukasz Zieliński led them."]),
])
def test_titles_and_abbreviations(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Her run was covered by Yahoo! Finance and others. She won.",
     ["Her run was covered by Yahoo! Finance and others.", "She won."]),
    ("She appeared on Jeopardy! Thursday night and won. Then she left.",
     ["She appeared on Jeopardy! Thursday night and won.", "Then she left."]),
    ("He worked at Yahoo! The company later sold.",
     ["He worked at Yahoo!", "The company later sold."]),
    ("Fans cheered for Zingo! Records at the fair. Zingo! signed them in May.",
     ["Fans cheered for Zingo! Records at the fair.", "Zingo! signed them in May."]),
    ("Stop! Nobody moved.", ["Stop!", "Nobody moved."]),
    ("We won! Fans cheered.", ["We won!", "Fans cheered."]),
])
def test_names_with_exclamation_marks(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph) == expected


def test_quoted_ranges_are_balanced_pairs_only() -> None:
    text = 'A “b. c” d "e f" g “h'
    assert [text[a:b] for a, b in quoted_ranges(text)] == ["“b. c”", '"e f"']


@pytest.mark.parametrize(("sentence", "teaser"), [
    ("You won't believe which book came back most often…", True),
    ("Here is what the library plans next...", True),
    ("Keep reading…", True),
    ("“The plan is sound…,” Fomin said.", False),  # the rewriter's cut inside a quote
    ("He said: “The plan is sound…”", False),
    ("The plan is sound.", False),
])
def test_teasers(sentence: str, teaser: bool) -> None:
    assert is_teaser(sentence) is teaser


@pytest.mark.parametrize(("sentence", "fragment"), [
    ("Why the change", True),
    ("What customers should do", True),  # a heading: no end mark
    ("Warming centre opens", True),
    ("Like Yahoo!.", True),
    ("Stop!", True),
    ("He was 88.", False),
    ("No one was hurt.", False),
    ("Admission remains free.", False),
    ("So we stopped.", False),
    ("Tonight is theirs.”", False),
    ("It's over.", False),
    ("The budget of the harbor authority will be published in full on the website "
     "next week", False),  # long enough to be a sentence that lost its full stop
])
def test_fragments(sentence: str, fragment: bool) -> None:
    assert is_fragment(sentence) is fragment


def test_questions_and_titles_at_the_end() -> None:
    assert is_question("Is this the summer the ferry runs on time?")
    assert is_question("“Why now?”")
    assert not is_question("“Why now?” she asked.")
    assert ends_with_title("The campaign was defended by Gov.")
    assert not ends_with_title("The firm moved to the U.S.")
