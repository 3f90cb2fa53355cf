"""Abbreviations and spelled letters for :mod:`briefcast.normalize_en`.

Expands written abbreviations the way a newsreader says them ("Dr. Smith" -> "Doctor
Smith", "Portland, Ore." -> "Portland, Oregon", "Tues., Jan. 5" -> "Tuesday, January
5") and spells dotted initials as capitals joined by periods ("U.S." -> "U.S"), the form
espeak-ng reads as letter names. An abbreviation's period is dropped unless it also ends
the sentence. Pure ``str -> str`` rules; the order is fixed by
:data:`briefcast.normalize_en.PIPELINE`.
"""

from __future__ import annotations

import re

from briefcast.normalize_en_numbers import (
    MONTHS,
    STARTERS,
    keep_period,
    prev_word,
    sentence_start,
)


def spell(letters: str, suffix: str = "") -> str:
    """'FBI' -> 'F.B.I', with "'s" -> "F.B.I.'s". espeak-ng reads dotted capitals as letter
    names everywhere; with spaces or hyphens it reads a lone "A" as the article "uh"."""
    return ".".join(letters.upper()) + (".'s" if suffix else "")


_TITLES = {"Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Sen": "Senator",
           "Gov": "Governor", "Lt": "Lieutenant", "Sgt": "Sergeant", "Gen": "General",
           "Col": "Colonel", "Capt": "Captain", "Cmdr": "Commander", "Rep": "Representative",
           "Rev": "Reverend", "Maj": "Major", "Cpl": "Corporal", "Adm": "Admiral",
           "Det": "Detective", "Insp": "Inspector", "Supt": "Superintendent", "Pres": "President",
           "Fr": "Father", "Mt": "Mount", "Ft": "Fort", "Hon": "Honorable", "Atty": "Attorney",
           "Sens": "Senators", "Reps": "Representatives", "Msgr": "Monsignor", "Sec": "Secretary",
           "Asst": "Assistant", "Cllr": "Councillor", "Pvt": "Private", "Spc": "Specialist",
           "Brig": "Brigadier", "Amb": "Ambassador", "Gens": "Generals"}
_UNDOTTED_TITLES = {"Mr", "Mrs", "Ms", "Prof", "Sgt", "Lt", "Capt", "Mt"}  # British style
_ALWAYS_TITLES = {"Mr", "Mrs", "Ms", "Prof"}  # "Mr. and Mrs. Smith"
_TRAILING = {"etc": "et cetera", "vs": "versus", "approx": "approximately", "Inc": "Incorporated",
             "Ltd": "Limited", "Corp": "Corporation", "Jr": "Junior", "Sr": "Senior",
             "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Dept": "Department",
             "Govt": "Government", "Nos": "numbers", "Co": "Company", "Bros": "Brothers",
             "Hwy": "Highway", "Pkwy": "Parkway", "Ln": "Lane", "Esq": "Esquire",
             "Univ": "University", "Assn": "Association", "Intl": "International"}
_DOTTED = {"e.g.": "for example", "i.e.": "that is", "a.k.a.": "also known as"}
_MONTH_ABBR = {m[:3]: m for m in MONTHS if m != "May"} | {"Sept": "September"}
_WEEKDAYS = {"Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
             "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
             "Sat": "Saturday", "Sun": "Sunday"}
# US states as news agencies abbreviate them after a city ("Portland, Ore."), and the
# two-letter postal codes ("Austin, TX").
_STATES = {"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
           "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
           "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas",
           "Kans": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
           "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota",
           "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska",
           "Nebr": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
           "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina",
           "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania",
           "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
           "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia",
           "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin", "Wisc": "Wisconsin",
           "Wyo": "Wyoming"}
_POSTAL = dict(zip(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OKLA OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split(),
    ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
     "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
     "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
     "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
     "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
     "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
     "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
     "Wisconsin", "Wyoming"], strict=True))
_CITY = r"\b([A-Z][a-z]+), "  # "Portland, ": a capitalized word, a comma, a space
# Nouns that name a lettered thing: "Plan A", "Category A", "vitamin A", "pad 39A".
_DESIGNATORS = frozenset(
    "Plan Category Class Type Group Grade Series Section Exhibit Vitamin Hepatitis Level Tier "
    "Division Block Gate Terminal Pad Row Option Schedule Part Appendix Annex Wing Platform Unit "
    "Team League Pool Line Zone Stage Phase Form Building Hall Room Floor Lot Box Model Track "
    "Channel Route Field Battery Troop Company Pier Berth Runway Lane Concourse Bay Ward "
    "Figure Table Question Item Size Grid Square Door Seat Gen Generation Formula".split())

def _abbreviation_words() -> frozenset[str]:
    return frozenset(_TITLES) | frozenset(_TRAILING) | frozenset(_MONTH_ABBR) | frozenset(
        _WEEKDAYS) | frozenset(_STATES) | {"St", "Dr", "No", "v"}


# espeak-ng reads a lone capital "A" after another word as the article "uh"; with a
# trailing hyphen it says the letter name: "Plan A-", "thirty-nine-A-".
LONE_A = "A-"
# Words whose period may be an abbreviation's rather than a sentence's ("Gen. on").
ABBREVIATION_WORDS = _abbreviation_words()
_DATE_PREPS = {"in", "since", "until", "by", "from", "last", "next", "early", "late", "mid",
               "of", "during", "through", "before", "after"}


def _st_dr(text: str, m: re.Match[str]) -> str:
    """'St. Louis', 'Dr. Smith' (a title before a name) versus 'Baker St.', 'Elm Dr.'
    (a place type after a capitalized name or a number, as in '42nd St.')."""
    title, place = {"St": ("Saint", "Street"), "Dr": ("Doctor", "Drive")}[m.group(1)]
    prev = re.search(r"(\S+)\s+$", text[:m.start()])
    after_name = prev is not None and (
        (prev.group(1)[0].isupper() and not sentence_start(text, prev.start(1)))
        or prev.group(1)[0].isdigit())
    next_cap = bool(re.match(r"\s+[A-Z]", text[m.end():]))
    if not after_name and (next_cap or (m.group(1) == "Dr" and m.group(2))):
        return title
    return place + (keep_period(text, m.end(), eager=False) if m.group(2) else "")


def _month_abbr(text: str, m: re.Match[str]) -> str:
    before_digit = re.match(r"\s+\d", text[m.end():])
    if before_digit or (m.group(2) and prev_word(text, m.start()).lower() in _DATE_PREPS):
        return _MONTH_ABBR[m.group(1)] + ("" if before_digit else keep_period(text, m.end()))
    return m.group()


def _dotted(text: str, m: re.Match[str]) -> str:
    key = m.group(1).lower() + "."
    said = _DOTTED.get(key) or spell(m.group(1).replace(".", ""))
    if not m.group(2) or key in _DOTTED:
        return said
    if text.startswith(("'s", "’s"), m.end()):  # "U.N.'s": keep the dot before 's
        return said + "."
    return said + keep_period(text, m.end(), eager=key in ("a.m.", "p.m."))


def _trailing_period(text: str, m: re.Match[str]) -> str:
    """'etc.' before a capital usually ends a sentence; 'Inc.' or 'Jr.' often runs into a
    name or title ("Acme Inc. CEO Jo Bloggs"), so only a clear sentence opener counts."""
    if m.group(1) in ("vs", "approx", "Nos"):
        return ""
    return keep_period(text, m.end(), eager=m.group(1) == "etc")


def _state(text: str, m: re.Match[str]) -> str:
    name = _STATES.get(m[2]) if m[3] else _POSTAL.get(m[2])
    if name is None:
        return m.group()
    return f"{m[1]}, {name}" + (keep_period(text, m.end(), eager=False) if m[3] else "")


_PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent"}


def _party(m: re.Match[str]) -> str:
    """'D-Calif.' -> 'Democrat of California', 'R-Texas' -> 'Republican of Texas'."""
    state = _STATES.get(m[2]) if m[2] else m[3] or _POSTAL.get(m[4])
    return f"{_PARTIES[m[1]]} of {state}" if state else m.group()


_DOTTED_STATES = "|".join(re.escape(k) for k in sorted(_STATES, key=len, reverse=True))
_STATE_NAMES = "|".join(sorted(set(_POSTAL.values()), key=len, reverse=True))
_PARTY_RE = re.compile(rf"\b([DRI])-(?:({_DOTTED_STATES})\.|({_STATE_NAMES})|([A-Z]{{2}}))"
                       r"(?=[\s,;:)]|$)")
_STATE_RE = re.compile(_CITY + rf"({_DOTTED_STATES})(\.)(?=[\s,;:)]|$)")
_POSTAL_RE = re.compile(_CITY + r"([A-Z]{2})()(?=[,.;:)]|\s+\d{5}\b|\s*$)")


def _states(text: str) -> str:
    if "-" in text:
        text = _PARTY_RE.sub(_party, text)
    if ", " not in text:
        return text
    text = _STATE_RE.sub(lambda m: _state(text, m), text)
    return _POSTAL_RE.sub(lambda m: _state(text, m), text)


def _initial(m: re.Match[str]) -> str:
    """'George W. Bush' -> 'George W Bush': the period would make espeak-ng pause."""
    if m[1] in _DESIGNATORS or m[2] == "I" or m[3] in STARTERS or m[3] in _WEEKDAYS.values():
        return m.group()
    return f"{m[1]} {LONE_A if m[2] == 'A' else m[2]} {m[3]}"


def lone_letters(text: str) -> str:
    """'Plan A', 'from A to Z': the letter A read as a letter, not as the article."""
    if "A" not in text:
        return text
    text = re.sub(r"\b([A-Za-z]+) A(?![\w'&-]|\.\w)", lambda m: f"{m[1]} {LONE_A}"
                  if m[1].capitalize() in _DESIGNATORS else m.group(), text)
    text = re.sub(r"(?<=[a-z]-)A(?![\w'&-]|\.\w)", LONE_A, text)  # "a triple-A rating"
    return re.sub(r"(?<=\w )A(?= to [A-Z]\b)|(?<![\w.'-])A(?= to Z\b)", LONE_A, text)


_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")(?:\.(,?)|(,))(?=\s+(?:"
                         + "|".join(_MONTH_ABBR) + r"|May)[a-z]*\b)")  # "Tues., Jan. 5"
_DOTTED_RE = re.compile(r"(?<![A-Za-z.])([A-Za-z](?:\.[A-Za-z])+)(\.?)(?![A-Za-z])")
_ALWAYS_RE = re.compile(r"\b(" + "|".join(_ALWAYS_TITLES) + r")\.")
_TITLE_RE = re.compile(r"\b(" + "|".join(_TITLES) + r")\b(\.?)(?=\s+[A-Z])")
_TRAILING_RE = re.compile(r"\b(" + "|".join(_TRAILING) + r")\.")
_MONTH_ABBR_RE = re.compile(r"\b(" + "|".join(_MONTH_ABBR) + r")\b(\.?)")


def abbreviations(text: str) -> str:
    text = re.sub(r"\bPh\.?D\b", "P.H.D", text)
    text = _states(text)
    text = re.sub(r"\b([A-Z][a-z]+) ([A-Z])\. ([A-Z][a-z]+)\b", _initial, text)
    text = _WEEKDAY_RE.sub(lambda m: _WEEKDAYS[m[1]] + (m[2] or m[3] or ""), text)
    text = re.sub(r"\b(?:[yY]/[yY]|YoY|y-o-y)\b", "year on year", text)
    text = re.sub(r"\b(?:[qQ]/[qQ]|QoQ)\b", "quarter on quarter", text)
    text = re.sub(r"\b[mM]/[mM]\b", "month on month", text)
    text = _DOTTED_RE.sub(lambda m: _dotted(text, m), text)
    text = re.sub(r"\b(St|Dr)\b(\.?)", lambda m: _st_dr(text, m), text)
    text = _ALWAYS_RE.sub(lambda m: _TITLES[m[1]], text)
    text = _TITLE_RE.sub(lambda m: _TITLES[m.group(1)]
                         if m.group(2) or m.group(1) in _UNDOTTED_TITLES else m.group(), text)
    text = _TRAILING_RE.sub(lambda m: _TRAILING[m.group(1)] + _trailing_period(text, m), text)
    text = re.sub(r"\bvs\b", "versus", text)
    text = re.sub(r"(?<=\w) v\.? (?=[A-Z])", " versus ", text)
    text = re.sub(r"\b[Nn]o\.(?=\s*\d)|\bNo(?=\s+\d)", "number", text)
    return _MONTH_ABBR_RE.sub(lambda m: _month_abbr(text, m), text)
