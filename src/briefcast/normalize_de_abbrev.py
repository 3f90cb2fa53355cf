"""German abbreviations for :mod:`briefcast.normalize_de`.

Expands what German news copy abbreviates ("z. B." -> "zum Beispiel", "bzw." ->
"beziehungsweise", "Dr." -> "Doktor", "St. Pauli" -> "Sankt Pauli", "Hauptstr." ->
"Hauptstraße", "§ 218" -> "Paragraf 218") and regnal numerals ("Wilhelm II." -> "Wilhelm der
Zweite"). espeak-ng takes an abbreviation's period for a sentence end and pauses, so the
period is dropped unless it also ends the sentence ("..., Siemens u. a." -> "und andere.").
Abbreviations that follow a number ("5 Mio.", "3 Std.") are left to the number rules, which
know whether to say "Million" or "Millionen". Pure ``str -> str`` rules.
"""

from __future__ import annotations

import re

from briefcast.normalize_de_numbers import MONTHS, keep_period, ordinal

# Dotted short forms, by their letters ("z. B." and "z.B." alike).
_DOTTED = {("z", "B"): "zum Beispiel", ("d", "h"): "das heißt", ("v", "a"): "vor allem",
           ("o", "ä"): "oder ähnlich", ("o", "Ä"): "oder Ähnliches", ("u", "Ä"): "und Ähnliches",
           ("u", "ä"): "und ähnlich", ("u", "U"): "unter Umständen",
           ("i", "d", "R"): "in der Regel", ("s", "o"): "siehe oben", ("s", "u"): "siehe unten",
           ("u", "v", "m"): "und vieles mehr", ("v", "Chr"): "vor Christus",
           ("n", "Chr"): "nach Christus", ("a", "D"): "außer Dienst",
           ("e", "V"): "eingetragener Verein", ("z", "T"): "zum Teil", ("z", "Zt"): "zurzeit",
           ("m", "E"): "meines Erachtens", ("i", "A"): "im Auftrag", ("o", "g"): "oben genannt",
           ("h", "c"): "honoris causa", ("u", "a"): "unter anderem"}
_DOTTED_FINAL = {("u", "v", "m"), ("v", "Chr"), ("n", "Chr"), ("a", "D"), ("e", "V"),
                 ("o", "ä"), ("o", "Ä"), ("u", "Ä"), ("u", "ä"), ("s", "o"), ("s", "u"),
                 ("u", "a")}
_WORDS = {"bzw": "beziehungsweise", "ca": "zirka", "Dr": "Doktor", "Prof": "Professor",
          "usw": "und so weiter", "etc": "et cetera", "vgl": "vergleiche",
          "ggf": "gegebenenfalls", "evtl": "eventuell", "inkl": "inklusive",
          "exkl": "exklusive", "zzgl": "zuzüglich", "bzgl": "bezüglich", "Tel": "Telefon",
          "Hr": "Herr", "Hrn": "Herrn", "Jh": "Jahrhundert", "Jhd": "Jahrhundert",
          "Jhdt": "Jahrhundert", "rd": "rund", "insg": "insgesamt", "mind": "mindestens",
          "max": "maximal", "gem": "gemäß", "lt": "laut", "bspw": "beispielsweise",
          "Hbf": "Hauptbahnhof", "Bhf": "Bahnhof", "geb": "geboren", "gest": "gestorben",
          "Str": "Straße", "med": "med", "jur": "jur", "phil": "phil", "Mio": "Millionen",
          "Mrd": "Milliarden", "Bio": "Billionen", "Tsd": "tausend", "Std": "Stunden",
          "Min": "Minuten", "Sek": "Sekunden", "Abt": "Abteilung", "Anm": "Anmerkung",
          "Dipl": "Diplom", "Ing": "Ingenieur", "Mag": "Magister", "Verf": "Verfasser"}
_WORDS_FINAL = {"usw", "etc", "Jh", "Jhd", "Jhdt", "Hbf", "Bhf", "Str", "Mio", "Mrd", "Bio",
                "Tsd", "Std", "Min", "Sek", "ggf", "evtl", "Abt"}
_AFTER_NUMBER = {"Mio", "Mrd", "Bio", "Tsd", "Std", "Min", "Sek"}  # the number rules say them
_BEFORE_NUMBER = {"Nr": "Nummer", "Nrn": "Nummern", "Art": "Artikel", "Abs": "Absatz",
                  "S": "Seite", "Bd": "Band", "Kap": "Kapitel", "Jg": "Jahrgang",
                  "Ziff": "Ziffer"}
_WEEKDAYS = {"Mo": "Montag", "Di": "Dienstag", "Mi": "Mittwoch", "Do": "Donnerstag",
             "Fr": "Freitag", "Sa": "Samstag", "So": "Sonntag"}
_MONTHS = {m[:3]: m for m in MONTHS if m not in ("Mai", "Juni", "Juli")} | {
    "Jun": "Juni", "Jul": "Juli", "Sept": "September", "Mrz": "März", "Mär": "März"}


def _dotted_re() -> re.Pattern[str]:
    forms = []
    for key in sorted(_DOTTED, key=len, reverse=True):
        first = f"[{key[0]}{key[0].upper()}]"
        forms.append(first + r"\.\s?" + r"\.\s?".join(key[1:]) + r"\.")
    return re.compile(r"(?<![\w.])(?:" + "|".join(forms) + r")")


_DOTTED_RE = _dotted_re()
# Words whose period is an abbreviation's, not a sentence's ("Nr. 5", "ca. 500").
ABBREVIATION_WORDS = frozenset(_WORDS) | frozenset(_BEFORE_NUMBER) | frozenset(
    _WEEKDAYS) | frozenset(_MONTHS) | {"St", "Fr"}
_WORD_RE = re.compile(r"(?<![\w.])(" + "|".join(sorted(_WORDS, key=len, reverse=True))
                      + r")\.")
_BEFORE_NUMBER_RE = re.compile(r"(?<![\w.])(" + "|".join(_BEFORE_NUMBER) + r")\.(?=\s?\d)")
_WEEKDAY_RE = re.compile(r"(?<![\w.])(" + "|".join(_WEEKDAYS) + r")\.(?=,?\s*\d|\s?[–-]\s?(?:"
                         + "|".join(_WEEKDAYS) + r")\.(?:,?\s*\d))|(?<=[–-])(" + "|".join(_WEEKDAYS)
                         + r")\.(?=,?\s*\d)")
_MONTH_RE = re.compile(r"(?<=\d\.)(\s?)(" + "|".join(_MONTHS) + r")\.|(?<![\w.])("
                       + "|".join(_MONTHS) + r")\.(?=\s?\d{4})")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
          "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16,
          "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21, "XXII": 22, "XXIII": 23}


def _dotted(text: str, m: re.Match[str]) -> str:
    letters = re.findall(r"[^\W\d_]+", m.group())
    key = (letters[0].lower(), *letters[1:])
    period = keep_period(text, m.end()) if key in _DOTTED_FINAL else ""
    said = "und andere" if key == ("u", "a") and period else _DOTTED[key]
    return (said[0].upper() + said[1:] if letters[0].isupper() else said) + period


def _word(text: str, m: re.Match[str]) -> str:
    word = m[1]
    if word in _AFTER_NUMBER and re.search(r"\d\s?$", text[:m.start()]):
        return m.group()
    if word == "Str" and m.start() and text[m.start() - 1] == "-":
        return "Straße" + keep_period(text, m.end())
    return _WORDS[word] + (keep_period(text, m.end()) if word in _WORDS_FINAL else "")


def _regnal(text: str, m: re.Match[str]) -> str:
    """'Wilhelm II.' -> 'Wilhelm der Zweite' (nominative whatever the case around it)."""
    return f"{m[1]} der {ordinal(_ROMAN[m[2]]).capitalize()}" + keep_period(text, m.end())


def abbreviations(text: str) -> str:
    if "." not in text and "§" not in text:
        return text
    text = re.sub(r"§§\s?(?=\d)", "Paragrafen ", text)
    text = re.sub(r"§\s?(?=\d)", "Paragraf ", text)
    if "." not in text:
        return text
    text = _DOTTED_RE.sub(lambda m: _dotted(text, m), text)
    text = re.sub(r"\bDipl\.-Ing\.", "Diplomingenieur", text)
    text = re.sub(r"\bDr\.-Ing\.", "Doktor-Ingenieur", text)
    text = re.sub(r"(?<=[a-zäöüß])str\.", lambda m: "straße" + keep_period(text, m.end()), text)
    text = re.sub(r"(?<=\d )St\.", lambda m: "Stück" + keep_period(text, m.end()), text)
    text = re.sub(r"(?<![\w.])St\.", "Sankt", text)
    text = _WEEKDAY_RE.sub(lambda m: _WEEKDAYS[m[1] or m[2]], text)
    text = re.sub(r"(?<![\w.])Fr\.", "Frau", text)  # "Fr., 3. Mai" is Freitag (above)
    text = _MONTH_RE.sub(lambda m: (m[1] or "") + _MONTHS[m[2] or m[3]], text)
    text = _BEFORE_NUMBER_RE.sub(lambda m: _BEFORE_NUMBER[m[1]], text)
    text = _REGNAL_RE.sub(lambda m: _regnal(text, m), text)
    return _WORD_RE.sub(lambda m: _word(text, m), text)


# Monarchs' and popes' names, so that only "Wilhelm II." is a regnal numeral, not any
# capitalized word before a Roman numeral ("Teil II.").
_REGNAL_NAMES = ("Wilhelm Friedrich Karl Carl Ludwig Heinrich Otto Elisabeth Elizabeth Charles "
                 "Georg George Paul Benedikt Leo Pius Franz Joseph Josef Maximilian Rudolf "
                 "Philipp Gustav Harald Olav Haakon Juan Felipe Alfons Edward Eduard Richard "
                 "Henry Jakob James Peter Katharina Gregor Innozenz Clemens Urban Johann "
                 "Johannes Leopold Albert Konstantin Alexander Nikolaus Ferdinand Sigismund "
                 "Wenzel Albrecht Ernst Christian Frederik Margrethe Carl-Gustaf Rainier "
                 "Willem Wilhelmina Louis Napoleon Iwan Sixtus Bonifatius Hadrian").split()
_REGNAL_RE = re.compile(r"\b(" + "|".join(_REGNAL_NAMES) + r") ("
                        + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")\.(?=\s|$)")
_AFTER_NUMBER_RE = re.compile(r"(?<![\w.])(" + "|".join(_AFTER_NUMBER) + r")\.")


def late_abbreviations(text: str) -> str:
    """Run once the numbers are words: what a number rule left ("23:40 Mio.")."""
    if "." not in text:
        return text
    return _AFTER_NUMBER_RE.sub(lambda m: _word(text, m), text)
