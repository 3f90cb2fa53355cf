"""The pace model: letters, a per-segment constant and capitalized words, fitted from three
takes; checked on made-up takes here and on real engines in test_build/test_engines."""

from __future__ import annotations

import pytest

from briefcast.stages.pacing import HEADLINES, LONG, SHORT, Pace, _fit, capitals, letters


def _takes(pace: Pace) -> list[float]:
    return [pace.seconds(text) for text in (SHORT, LONG, HEADLINES)]


def test_three_takes_give_back_the_pace_that_made_them() -> None:
    truth = Pace(per_letter_s=0.07, per_segment_s=0.2, per_capital_s=0.05)
    per_letter, per_segment, per_capital = _fit(_takes(truth))
    assert per_letter == pytest.approx(0.07, rel=0.01)
    assert per_segment == pytest.approx(0.2, abs=0.01)
    assert per_capital == pytest.approx(0.05, rel=0.02)


def test_no_term_goes_below_zero() -> None:
    # a voice that rushes headlines and starts at once: both extra terms stay at zero
    takes = _takes(Pace(per_letter_s=0.07, per_segment_s=0.0, per_capital_s=0.0))
    takes[2] -= 1.0
    takes[0] -= 0.5
    per_letter, per_segment, per_capital = _fit(takes)
    assert per_segment == 0.0 and per_capital == 0.0 and per_letter > 0


def test_capitalized_words_add_time() -> None:
    pace = Pace(per_letter_s=0.07, per_segment_s=0.0, per_capital_s=0.05)
    plain, title = "the mariners win the state title", "The Mariners Win the State Title"
    assert letters(plain) == letters(title) and capitals(title) - capitals(plain) == 5
    assert pace.seconds(title) - pace.seconds(plain) == pytest.approx(0.25)
