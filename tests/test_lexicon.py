"""Pronunciation lexicon: the file format, where it applies, and the unknown-name check."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcast.errors import ConfigError
from briefcast.lexicon import (
    Lexicon,
    LexiconError,
    espeak_spelled,
    load_lexicon,
    name_candidates,
    parse_lexicon,
    pronunciation_warnings,
    system_words,
)
from briefcast.models import Cue

LEX = Path("lexicon.txt")


def test_parse_comments_quotes_and_case_rules() -> None:
    text = ("# the Ledger's names\n\n"
            "Okafor = oh-kah-for   # the mayor\n"
            'Xochitlqueztal = "soh-cheet-kets-al"\n'
            "GIF = jif\n"
            "quay = key\n"
            "Port Ngata = port nah-tah\n")
    lexicon = parse_lexicon(text, LEX)
    assert lexicon.entries == (("Okafor", "oh-kah-for"), ("Xochitlqueztal", "soh-cheet-kets-al"),
                               ("GIF", "jif"), ("quay", "key"),
                               ("Port Ngata", "port nah-tah"))


def test_every_bad_line_is_reported_with_its_number() -> None:
    text = ("Okafor = oh-kah-for\n"
            "Farrugia fah-roo-jah\n"
            " = nothing\n"
            "Ines =\n"
            "Okafor = again\n"
            "Ngata = [[n'A:t@]]\n"
            "Lindgren = LIND-gren\n"
            "C++ = see plus plus\n")
    with pytest.raises(LexiconError) as err:
        parse_lexicon(text, LEX)
    assert err.value.problems == [
        "line 2: expected 'word = respelling', got 'Farrugia fah-roo-jah'",
        "line 3: no word before '='",
        "line 4: no respelling after '=' for 'Ines'",
        "line 5: 'Okafor' is already defined on line 1",
        "line 6: espeak phoneme notation [[...]] is not supported (pyttsx3 would read it "
        "aloud); write a respelling for 'Ngata' such as 'oh-kah-for'",
        "line 7: espeak-ng spells capitalized syllables letter by letter (LIND); write the "
        "respelling of 'Lindgren' in lowercase",
        "line 8: 'C++' is not a word (letters, digits, spaces, hyphens, apostrophes and "
        "periods only)",
    ]
    assert str(err.value).startswith("lexicon.txt: 7 problem(s) in pronunciation lexicon:\n"
                                     "  - line 2: expected")
    assert isinstance(err.value, ConfigError) and err.value.exit_code == 2


def test_load_reports_missing_and_undecodable_files(tmp_path: Path) -> None:
    assert load_lexicon(None) == Lexicon()
    with pytest.raises(LexiconError) as err:
        load_lexicon(tmp_path / "nope.txt")
    assert err.value.problems == ["lexicon file not found (script.lexicon in the config)"]
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Mu\xf1oz = moon-yoz\n".encode("latin-1"))
    with pytest.raises(LexiconError) as err:
        load_lexicon(bad)
    assert err.value.problems[0].startswith("not UTF-8 text")
    good = tmp_path / "ok.txt"
    good.write_text("Muñoz = moon-yoz\n", encoding="utf-8")
    assert load_lexicon(good).apply("Ana Muñoz said") == "Ana moon-yoz said"


def test_apply_is_whole_word_and_case_sensitive_for_names() -> None:
    lexicon = Lexicon((("Nice", "neess"), ("gif", "jif"), ("Port Ngata", "port nah-tah"),
                       ("Ngata", "nah-tah")))
    assert lexicon.apply("A nice day in Nice.") == "A nice day in neess."
    assert lexicon.apply("The GIF, a gif, Gif.") == "The jif, a jif, jif."
    assert lexicon.apply("Nicely, Nice's mayor") == "Nicely, neess's mayor"
    assert lexicon.apply("Port Ngata and Ngata-led crews") == (
        "port nah-tah and nah-tah-led crews")
    assert lexicon.apply("Ngatahere") == "Ngatahere"
    assert Lexicon().apply("unchanged") == "unchanged"


def test_candidates_skip_sentence_starts_and_acronyms() -> None:
    text = ('Xochitlqueztal spoke. Then “Harbor” said NATO and Okafor’s aide, '
            'F.B.I agents and A. Smith.')
    assert name_candidates(text) == ["Harbor", "Okafor", "Smith"]


def _cue(text: str, chapter: str = "Festival Opens") -> Cue:
    return Cue("story", text, text, "en-us", chapter)


def test_unknown_name_warns_but_known_words_and_lexicon_entries_do_not() -> None:
    words = frozenset({"harbor", "festival", "the", "opened", "at", "with", "and"})
    cues = [_cue("The festival at Harbor opened with Xochitlqueztal and Okafor."),
            _cue("Later, Xochitlqueztal spoke.", chapter="Other")]
    lexicon = Lexicon((("Okafor", "oh-kah-for"),))
    warnings = pronunciation_warnings(cues, lexicon, "en", words)
    assert warnings == [
        "pronunciation: 'Xochitlqueztal' is not in the English word list; espeak-ng may "
        "mispronounce it (in 'Festival Opens'); listen, and add a respelling to the lexicon "
        "if needed"]
    # A respelling for it silences the warning.
    both = Lexicon((("Okafor", "oh-kah-for"), ("Xochitlqueztal", "soh-cheet-kets-al")))
    assert pronunciation_warnings(cues, both, "en", words) == []


def test_spelled_out_names_are_named_even_without_a_word_list() -> None:
    cues = [_cue("Then Xzqwt and Harbor spoke.")]
    warnings = pronunciation_warnings(cues, Lexicon(), "en", None,
                                      lambda ws: {w for w in ws if w == "Xzqwt"})
    assert warnings == ["pronunciation: espeak-ng would spell 'Xzqwt' letter by letter "
                        "(in 'Festival Opens'); add a respelling to the lexicon"]


def test_system_word_list_knows_harbor_not_the_invented_name() -> None:
    cues = [_cue("Crowds at Harbor Park cheered Xochitlqueztal on Monday.")]
    warnings = pronunciation_warnings(cues, Lexicon(), "en", system_words())
    assert len(warnings) == 1 and "'Xochitlqueztal'" in warnings[0]


def test_espeak_trace_finds_words_it_would_spell_out() -> None:
    assert espeak_spelled(["Xzqwt", "Harbor", "Xochitlqueztal"]) == {"Xzqwt"}


def test_british_spellings_are_not_taken_for_names() -> None:
    import datetime as dt

    from briefcast.lexicon import review_warnings
    from briefcast.models import Cue, Script

    text = "Officials at the Ministry of Defence met Xochitlqueztal on Friday."
    cue = Cue("story", text, text, "en-gb", "Story")
    warnings = review_warnings(Script("T", dt.date(2026, 11, 26), (cue,), ()), Lexicon(),
                               "en-GB", "en-gb")
    assert not any("'Defence'" in w for w in warnings)
    assert any("'Xochitlqueztal'" in w for w in warnings)
