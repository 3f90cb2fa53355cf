"""German number readings for :mod:`briefcast.normalize_de`.

Decides how each written number is said -- cardinal, ordinal (declined by the word before
it), year ("neunzehnhundertachtundneunzig"), digit by digit -- and rewrites plain numbers,
ordinals, years, decades, compounds ("17-Jährige"), fractions and ranges in words. German
writing conventions: "1.500" groups thousands, "48,6" has a decimal comma, "3." is an
ordinal. Dates, times and scores are in :mod:`briefcast.normalize_de_dates`, money and
units in :mod:`briefcast.normalize_de_measures`.

The number words always come from num2words (``lang="de"``); this module only tidies
them: "eintausendfünfhundert" -> "tausendfünfhundert" as a newsreader says it, and
num2words' "zweihunderteinstausend" (201000) -> "zweihunderteintausend".

Ordinals are declined by one rule (German needs a case ending; num2words gives the
nominative "-e" form): "-en" after a determiner or contraction in the dative, accusative
or genitive ("am", "im", "vom", "zum", "beim", "zur", "dem", "den", "des", "einem"...),
after a preposition ("bis 5. Mai", "ab 1. Januar"), and after "der" that follows a
preposition ("in der 3. Runde"); "-er" for a date with no determiner ("Berlin, 3. Dezember"
-> "dritter Dezember"); "-e" otherwise ("der 3. Dezember", "die 2. Liga").
"""

from __future__ import annotations

import re

from num2words import num2words

HAS_DIGIT = re.compile(r"\d").search
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
MONTH_RE = "|".join((*MONTHS, "Jänner"))
WEEKDAYS = frozenset("montag dienstag mittwoch donnerstag freitag samstag sonnabend "
                     "sonntag".split())
# A number as German writes it: thousands grouped by "." (or a space or "'"), a decimal comma.
NUM = (r"(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d{1,3}(?:'\d{3})+(?!\d)|[1-9]\d{0,2}(?: \d{3})+"
       r"(?![\d.]|,\d)|\d+)(?:,\d+)?")
SIGN = r"(?:(?<![^\s(\[„\"/])(?P<sign>[-+]))?(?<![\w.,])"
END = r"(?![\w%°€$£]|[.,]\d)"

# Words that open a German sentence: before one, a period after a number or an
# abbreviation ends the sentence ("seit 2020. Die ..."). German capitalizes every noun, so
# a capital alone says nothing.
STARTERS = frozenset(
    "Der Die Das Dem Den Des Ein Eine Einen Er Sie Es Wir Ich Ihr Man Dies Diese Dieser "
    "Dieses Doch Aber Auch Und Oder Am Im In Nach Seit Bei Mit Zu Zum Zur Von Vom Vor Für Auf "
    "Aus An Um Bis Als Wenn Ob Weil Da Dort Hier So Wie Was Wer Wo Laut Nun Jetzt Heute "
    "Gestern Morgen Zuvor Danach Dann Später Bereits Zudem Außerdem Dabei Damit Daher Deshalb "
    "Deswegen Allerdings Trotzdem Zuletzt Insgesamt Unter Über Gegen Ohne Durch Während Noch "
    "Nur Viele Einige Alle Kein Keine Zugleich Inzwischen Mittlerweile Seither Derzeit Bisher "
    "Sein Seine Ihre Unser Unsere Jeder Jede Mehr Weitere Erst Schon Immer Zwar Wegen "
    "Trotz".split())
PREPOSITIONS = frozenset("ab an auf aus bei bis durch für gegen hinter in mit nach neben ohne "
                         "seit über um unter von vor während wegen zu zwischen binnen".split())
_DATIVE_PREPS = frozenset("mit von nach aus bei seit zu vor in ab binnen gegenüber samt".split())
_EN_AFTER = frozenset("am im vom zum beim zur ins dem den des einem einen eines seinem seinen "
                      "seines ihrem ihren ihres diesem diesen dieses jedem jeden jedes unserem "
                      "unseren unseres ihrer seiner dieser jener jenem jenen".split())
_E_AFTER = frozenset("der die das eine seine ihre diese jede unsere jene".split())


# --- readings (words from num2words; only tidied here) --------------------------------


def _tidy(words: str) -> str:
    """'eintausendfünfhundert' -> 'tausendfünfhundert'; num2words' 'einstausend' mended."""
    words = words.replace("einstausend", "eintausend").replace("einshundert", "einhundert")
    return re.sub(r"(?<!\w)ein(hundert|tausend)", r"\1", words)


def cardinal(n: int) -> str:
    """1500 -> 'tausendfünfhundert', 21 -> 'einundzwanzig', 1 -> 'eins'."""
    return _tidy(num2words(n, lang="de"))


def ordinal(n: int, ending: str = "e") -> str:
    """3 -> 'dritte'; with ending 'en' -> 'dritten', 'er' -> 'dritter'."""
    return _tidy(num2words(n, lang="de", to="ordinal"))[:-1] + ending


def year(n: int) -> str:
    """1998 -> 'neunzehnhundertachtundneunzig'; outside 1100-1999 years are cardinals."""
    if 1100 <= n < 2000:
        return _tidy(num2words(n, lang="de", to="year"))
    return cardinal(n)


def digits(s: str) -> str:
    """'0171' -> 'null eins sieben eins'."""
    return " ".join(cardinal(int(c)) for c in s if c.isdigit())


def number(s: str, sign: str | None = "") -> str:
    """'1.500' -> tausendfünfhundert; '48,6' -> achtundvierzig Komma sechs; '007' digit-wise."""
    whole, _, frac = s.partition(",")
    whole = re.sub(r"[.' ]", "", whole)
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 15:
        words = digits(whole)
    else:
        words = cardinal(int(whole or "0"))
    if frac:
        words += " Komma " + digits(frac)
    return {"-": "minus ", "+": "plus "}.get(sign or "", "") + words


_NOT_FEMININE = frozenset("Ende Name Junge Kunde Kollege Experte Käse Auge Gebäude Interesse "
                          "Erbe Gedanke Glaube Wille Friede Buchstabe Zeuge Euro Prozent".split())


def feminine(noun: str) -> bool:
    """A guess from the ending ("Stunde", "Million", "Stimme"), with the common exceptions."""
    return noun not in _NOT_FEMININE and noun.endswith(
        ("e", "ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ie"))


_MASCULINE = frozenset("Euro Dollar US-Dollar Franken Cent Rappen Rubel Yen Kilometer Meter "
                       "Zentimeter Millimeter Liter Tag Monat Punkt Platz Sitz Sieg Treffer "
                       "Prozentpunkt Zentner Fall".split())
_ACCUSATIVE_PREV = frozenset("für um über gegen ohne durch auf kostet kosten kostete kosteten "
                             "zahlt zahlen zahlte beträgt betrug erhält erhielt bekommt bekam "
                             "verdient spart fordert verlangt".split())


def one(noun: str, prev: str = "") -> str:
    """'1' before a noun: 'ein'/'eine'; 'einem'/'einer' after a dative preposition ("vor 1
    Jahr" -> "vor einem Jahr"); 'einen' before a masculine unit after an accusative
    preposition or verb ("kostet 1 Euro" -> "kostet einen Euro")."""
    fem, prev = feminine(noun), prev.lower()
    if prev in _DATIVE_PREPS:
        return "einer" if fem else "einem"
    if noun in _MASCULINE and prev in _ACCUSATIVE_PREV:
        return "einen"
    return "eine" if fem else "ein"


# --- context -------------------------------------------------------------------------------


def prev_word(text: str, start: int) -> str:
    """The last word before ``start`` ('' if none), skipping punctuation and spaces."""
    m = re.search(r"([^\W\d_]+)[^\w]*$", text[max(0, start - 60):start])
    return m.group(1) if m else ""


def next_word(text: str, end: int) -> str:
    """The word right after ``end`` past spaces ('' if something else comes first)."""
    m = re.match(r"[ \t]+([^\W\d_][\w-]*)", text[end:])
    return m.group(1) if m else ""


def keep_period(text: str, end: int) -> str:
    """'.' if a period after a number or abbreviation also ends the sentence: at the end
    of the text or line, or before a word that opens German sentences."""
    if re.match(r"[ \t]*(?:\n|$)", text[end:]):
        return "."
    return "." if next_word(text, end) in STARTERS else ""


def ordinal_ending(text: str, start: int, date: bool) -> str:
    """The case ending of an ordinal at ``start`` (the rule is in the module docstring)."""
    clause = re.split(r"[!?;]\s|(?<![\d\s])\.\s", text[max(0, start - 60):start])[-1]
    words = re.findall(r"[^\W\d_]+", clause)
    gap = text[:start].rstrip()
    if words and gap.endswith(",") and words[-1].lower() in WEEKDAYS:  # "am Montag, 3. Mai"
        words = words[:-1]
        gap = ""
    prev = words[-1].lower() if words and (not gap or gap[-1].isalpha()) else ""
    before = words[-2].lower() if len(words) > 1 else ""
    if prev in _EN_AFTER or prev in PREPOSITIONS or (prev == "der" and before in PREPOSITIONS):
        return "en"
    if prev in _E_AFTER:
        return "e"
    return "er" if date else "e"


def joiner(text: str, start: int) -> str:
    """' und ' after "zwischen" ("zwischen 10 und 15"), otherwise ' bis '."""
    return " und " if prev_word(text, start).lower() == "zwischen" else " bis "


# --- ordinals, years, decades, compounds -------------------------------------------------

# Nouns that follow an ordinal ("zum 3. Mal", "die 2. Liga", "im 19. Jahrhundert").
_ORDINAL_NOUNS = frozenset(
    "Mal Platz Rang Liga Bundesliga Runde Weltkrieg Jahrhundert Jahrhunderts Jahrtausend "
    "Jahrtausends Klasse Etage Stock Stockwerk Spieltag Spieltags Tag Tages Woche Monat Quartal "
    "Quartals Halbjahr Halbjahres Amtszeit Geburtstag Geburtstags Jahrestag Jahrestags Todestag "
    "Auflage Lesung Wahlgang Durchgang Satz Halbzeit Minute Staffel Folge Kapitel Sitzung "
    "Instanz Welle Advent Adventssonntag Sonntag Hälfte Stelle Reihe Sinfonie Symphonie "
    "Parteitag Bauabschnitt Anlauf Versuch Lauf Etappe Kammer Senat Juli".split())


def say_ordinals(text: str) -> str:
    """'zum 3. Mal' -> 'zum dritten Mal'; a number and a period that end a sentence stay."""
    if not HAS_DIGIT(text):
        return text

    def ordinal_or_not(m: re.Match[str]) -> str:
        nxt = next_word(text, m.end())
        prev = prev_word(text, m.start()).lower()
        after_article = prev in _EN_AFTER or prev in _E_AFTER
        ordinal_shaped = (nxt[:1].islower() or nxt in _ORDINAL_NOUNS or after_article
                          or (prev in PREPOSITIONS and nxt and nxt not in STARTERS))
        if not ordinal_shaped or (len(m[1]) == 4 and not after_article):
            return m.group()
        said = ordinal(int(m[1].replace(".", "")), ordinal_ending(text, m.start(), date=False))
        return said + (keep_period(text, m.end()) if after_article else "")

    return re.sub(r"(?<![\w.,:/-])(\d{1,3}(?:\.\d{3})+|\d{1,4})\.(?=[ \t]|$)", ordinal_or_not,
                  text)


_YEAR_PREV = frozenset("jahr jahre jahres jahren seit bis von ab anfang ende mitte frühjahr "
                       "frühling sommer herbst winter um zwischen und vor nach stand "
                       "wahl bundestagswahl saison jahrgang".split()) | {m.lower()
                                                                          for m in MONTHS}
_COUNT_PREV = frozenset("rund etwa zirka mehr knapp über fast nahezu insgesamt gut "
                        "mindestens höchstens weitere weiteren die der den dem diese nur exakt "
                        "genau ungefähr als mit für auf".split())
_COUNT_NOUNS = frozenset(
    "Menschen Personen Leute Teilnehmer Teilnehmerinnen Einwohner Beschäftigte Beschäftigten "
    "Mitarbeiter Mitarbeiterinnen Soldaten Polizisten Einsatzkräfte Kinder Schüler Studierende "
    "Fans Zuschauer Besucher Stimmen Fälle Tote Verletzte Wohnungen Stellen Jobs Arbeitsplätze "
    "Stück Exemplare Häuser Gebäude Fahrzeuge Autos Flüge Mitglieder Unternehmen Firmen "
    "Betriebe Haushalte Patienten Betten Plätze Sitze Seiten Tage Jahre Stunden Minuten "
    "Flüchtlinge Demonstranten Unterschriften Anzeigen Straftaten Meter Kilometer".split())


def _is_year(text: str, m: re.Match[str]) -> bool:
    """German writes counts of four digits without a separator too ("1500 Menschen"); a
    quantity word before or a counted noun after makes one a count, anything else a year."""
    prev, nxt = prev_word(text, m.start()).lower(), next_word(text, m.end())
    if prev in _YEAR_PREV:
        return True
    return not (prev in _COUNT_PREV or nxt in _COUNT_NOUNS
                or (nxt[:1].isupper() and nxt not in STARTERS and not prev))


def say_years(text: str) -> str:
    """'1998 gewann sie' -> 'neunzehnhundertachtundneunzig gewann sie' (1100-1999 only:
    other years read as their cardinal anyway)."""
    if not HAS_DIGIT(text):
        return text
    return re.sub(r"(?<![\w.,:-])(1[1-9]\d\d)" + END,
                  lambda m: year(int(m[1])) if _is_year(text, m) else m.group(), text)


def say_decades(text: str) -> str:
    """'die 1990er-Jahre' -> 'die neunzehnhundertneunziger-Jahre', 'ein 10er-Pack'."""
    if not HAS_DIGIT(text):
        return text

    def decade(m: re.Match[str]) -> str:
        n = int(m[1])
        said = (year(n) if len(m[1]) == 4 else cardinal(n)) + m[2]
        adjective = text.startswith("-", m.end()) or next_word(text, m.end()) in ("Jahre",
                                                                                 "Jahren")
        return said if adjective else upper_first(said)  # "die 68er": "die Achtundsechziger"

    return re.sub(r"(?<![\w.,])(\d+)(er(?:n|s|innen|in)?)(?![^\W_])", decade, text)


def upper_first(words: str) -> str:
    """'eins-Komma-fünf' -> 'Eins-Komma-fünf' (str.capitalize would lower the rest)."""
    return words[:1].upper() + words[1:]


def _compound_number(s: str) -> str:
    """A number as the first part of a compound: '1' -> 'ein' ("einjährig"), '1,5' ->
    'eins-Komma-fünf'."""
    words = number(s).replace(" ", "-")
    return words[:-1] if words.endswith("eins") else words


def say_compounds(text: str) -> str:
    """'10-jährige' -> 'zehnjährige', '17-Jährige' -> 'Siebzehnjährige', '3-fach' ->
    'dreifach', '2x' -> 'zweimal', '3-Zimmer-Wohnung' -> 'Drei-Zimmer-Wohnung'."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,])(\d+)-?(jährig\w*|fach\w*|mal\w*|malig\w*|prozentig\w*|"
                  r"stündig\w*|tägig\w*|köpfig\w*|teilig\w*|stöckig\w*|minütig\w*|wöchig\w*|"
                  r"monatig\w*|seitig\w*|zimmrig\w*)\b",
                  lambda m: _compound_number(m[1]) + m[2], text)
    text = re.sub(r"(?<![\w.,])(\d+)-(Jährige\w*)\b",
                  lambda m: upper_first(_compound_number(m[1]) + m[2].lower()), text)
    text = re.sub(r"(?<![\w.,])(\d+)\s?x(?=[\s,.;:!?)]|$)",
                  lambda m: _compound_number(m[1]) + "mal", text)
    return re.sub(rf"(?<![\w.,])({NUM})-(?=[A-ZÄÖÜ])",
                  lambda m: upper_first(_compound_number(m[1])) + "-", text)


# --- fractions, ranges, cardinals ---------------------------------------------------------


def _fraction(whole: str | None, num: int, den: int) -> str:
    """'2 1/2' -> 'zweieinhalb', '3/4' -> 'drei Viertel', '1/3' -> 'ein Drittel'."""
    if den == 2 and num == 1:
        if whole:
            return _compound_number(whole) + "einhalb"
        return "ein halb"
    if den == 2:
        said = f"{cardinal(num)} Halbe"
    else:
        name = ordinal(den)[:-1].capitalize() + "el"  # "dritte" -> "Drittel"
        said = f"{'ein' if num == 1 else cardinal(num)} {name}"
    return f"{cardinal(int(whole))} und {said}" if whole else said


def say_fractions(text: str) -> str:
    """Fractions ("3/4"), seasons ("2019/20" -> "zweitausendneunzehn zwanzig"), and other
    slashed numbers read with "Strich" ("Az. 12/345")."""
    if not HAS_DIGIT(text):
        return text

    def frac(m: re.Match[str]) -> str:
        whole, a, b = m["w"], m["a"], m["b"]
        if int(a) < int(b) <= 20 and not a.startswith("0"):
            return _fraction(whole, int(a), int(b))
        if (len(a) == 4 and len(b) in (2, 4)
                and int(b) == (int(a) + 1) % (100 if len(b) == 2 else 10000)):
            return f"{year(int(a))} {cardinal(int(b))}"
        return (number(whole) + " " if whole else "") + f"{number(a)} Strich {number(b)}"

    return re.sub(r"(?<![\w.,/])(?:(?P<w>\d+) )?(?P<a>\d+)/(?P<b>\d+)(?![\w/])", frac, text)


def say_ranges(text: str) -> str:
    """'10–15' -> 'zehn bis fünfzehn', '1914-1918' -> years, 'zwischen 3 und 5' kept."""
    if not HAS_DIGIT(text):
        return text

    def rng(m: re.Match[str]) -> str:
        a, b = m["a"], m["b"]
        if re.fullmatch(r"\d{4}", a) and 1000 <= int(a) < 2100 and re.fullmatch(r"\d\d|\d{4}",
                                                                                 b):
            end = int(a[:2] + b) if len(b) == 2 else int(b)
            if int(a) < end < 2100:
                return f"{year(int(a))}{joiner(text, m.start())}{year(end)}"
        return f"{number(a, m['sign'])}{joiner(text, m.start())}{number(b)}"

    return re.sub(rf"{SIGN}(?P<a>{NUM})(?:-|\s?[–—]\s?)(?P<b>{NUM})(?![\w/-]|[.,]\d)", rng,
                  text)


def say_cardinals(text: str) -> str:
    """Every number left: '1.500' -> 'tausendfünfhundert', '-3' -> 'minus drei', '1 Tor' ->
    'ein Tor', 'Version 2.0' -> 'zwei Punkt null'; digits glued to letters are split off."""
    if not HAS_DIGIT(text):
        return text

    def plain(m: re.Match[str]) -> str:
        nxt = next_word(text, m.end())
        if m["n"] == "1" and not m["sign"] and nxt[:1].isupper() and nxt not in STARTERS:
            return one(nxt, prev_word(text, m.start()))
        return number(m["n"], m["sign"])

    def version(m: re.Match[str]) -> str:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", m.group()):
            return m.group()  # thousands: the next step reads them
        return " Punkt ".join(cardinal(int(p)) for p in m.group().split("."))

    text = re.sub(r"(?<![\w.,])\d+(?:\.\d+)+(?![\w])(?!\.\d)", version, text)
    text = re.sub(rf"{SIGN}(?P<n>{NUM})", plain, text)

    def leftover(m: re.Match[str]) -> str:
        pre = " " if m.start() and text[m.start() - 1].isalpha() else ""
        post = " " if m.end() < len(text) and text[m.end()].isalpha() else ""
        return f"{pre}{number(m.group())}{post}"

    return re.sub(r"\d+", leftover, text)
