"""French number readings for :mod:`briefcast.normalize_fr`.

Decides how each written number is said -- cardinal, ordinal, decimal, digit by digit,
telephone pairs, dates, clock times, fractions, ranges -- and rewrites it in words (money,
percentages and units are in :mod:`briefcast.normalize_fr_measures`). The words always come
from num2words (``lang="fr"``); this module only joins them and mends two slips of its
French ordinals ("quatre-vingtsième", "deux centsième"). French writing is read as French
writes it: "1 500" and "1.500" are thousands (a space, no-break space or narrow no-break
space, or a dot, before each group of three digits), "48,6" is a decimal comma, dates are
day first ("03/12/2026"), the clock has 24 hours ("23h40"). The ``say_*`` rules are pure
``str -> str`` functions run in the order :data:`briefcast.normalize_fr.PIPELINE` gives
them, so the most specific reading claims a number first.
"""

from __future__ import annotations

import re

from num2words import num2words

from briefcast.normalize_en_numbers import END, HAS_DIGIT, SIGN

__all__ = ["END", "HAS_DIGIT", "MONTHS", "NUM", "SIGN", "cardinal", "digits", "is_plural",
           "number", "ordinal", "prev_word", "say_cardinals", "say_dates", "say_fractions",
           "say_ordinals", "say_phones", "say_ranges", "say_times"]

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
_MONTH_RE = "|".join(MONTHS)

# A written French number: thousands grouped by a space or a dot ("1 500", "1.500"), or
# bare digits, then an optional decimal comma ("48,6"). The no-break spaces have already
# become plain spaces (normalize_fr cleans the characters first).
NUM = r"(?:\d{1,3}(?:[ .]\d{3})+(?!\d)|\d+)(?:,\d+)?"

# Nouns of feminine gender that follow a count in the news: "21 personnes" is said
# "vingt et une personnes", "1 heure" "une heure".
FEMININE = frozenset(
    "heure heures minute minutes seconde secondes semaine semaines année années journée "
    "journées nuit nuits fois personne personnes victime victimes femme femmes fille filles "
    "voiture voitures tonne tonnes place places maison maisons école écoles entreprise "
    "entreprises commune communes région régions ville villes étoile étoiles médaille "
    "médailles voix page pages ligne lignes équipe équipes saison saisons édition éditions "
    "élection élections mesure mesures famille familles victoire victoires défaite défaites "
    "rencontre rencontres étape étapes partie parties question questions loi lois chaîne "
    "chaînes vague vagues classe classes centrale centrales usine usines espèce espèces "
    "livre livres roupie roupies".split())


# --- readings (words from num2words; only joined here) -----------------------------------


def cardinal(n: int, feminine: bool = False) -> str:
    """21 -> 'vingt et un' ('vingt et une' before a feminine noun)."""
    words = num2words(n, lang="fr")
    return re.sub(r"(?<!\w)un$", "une", words) if feminine else words


def ordinal(n: int, feminine: bool = False) -> str:
    """1 -> 'premier' / 'première', 21 -> 'vingt et unième', 80 -> 'quatre-vingtième'."""
    if n == 1:
        return "première" if feminine else "premier"
    words = num2words(n, lang="fr", to="ordinal")
    # num2words keeps the plural s of "quatre-vingts", "deux cents", "deux millions"
    return re.sub(r"(vingt|cent|million|milliard)sième", r"\1ième", words)


def digits(s: str) -> str:
    """'0142' -> 'zéro un quatre deux'."""
    return " ".join(cardinal(int(c)) for c in s if c.isdigit())


def _decimals(frac: str) -> str:
    """The part after the comma, as French reads it: '6' -> six, '05' -> zéro cinq,
    '14' -> quatorze; longer than three digits, digit by digit."""
    if len(frac) > 3:
        return digits(frac)
    rest = frac.lstrip("0")
    zeros = ["zéro"] * (len(frac) - len(rest))
    return " ".join(zeros + ([cardinal(int(rest))] if rest else []))


def value(s: str) -> float:
    """'1 500,5' -> 1500.5 (for agreement: French nouns are plural from two on)."""
    whole, _, frac = s.partition(",")
    return float(re.sub(r"[ .]", "", whole) + "." + (frac or "0"))


def is_plural(s: str) -> bool:
    """'1,5 million' and '0,5 kilomètre' stay singular; '2 millions' does not."""
    return abs(value(s)) >= 2


def number(s: str, sign: str | None = "", feminine: bool = False) -> str:
    """'1 500' -> mille cinq cents; '48,6' -> quarante-huit virgule six; '007' digit-wise."""
    whole, _, frac = s.partition(",")
    whole = re.sub(r"[ .]", "", whole)
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 15:
        words = digits(whole)
    else:
        words = cardinal(int(whole or "0"), feminine and not frac)
    if frac:
        words += " virgule " + _decimals(frac)
    return {"-": "moins ", "+": "plus "}.get(sign or "", "") + words


def prev_word(text: str, start: int) -> str:
    """The last word before ``start`` ('' if none), skipping punctuation and spaces."""
    m = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 80):start])
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([^\W\d_]+(?:-[^\W\d_]+)?)", text[end:])
    return m.group(1).lower() if m else ""


def counted(text: str, m: re.Match[str], s: str, sign: str | None = "") -> str:
    """A number before a noun: feminine agreement ("vingt et une personnes") and "de"
    after a round million ("un million d'habitants")."""
    noun = _next_word(text, m.end())
    words = number(s, sign, feminine=noun in FEMININE)
    if re.search(r"(?:million|milliard)s?$", words) and noun and noun not in _NOT_COUNTED \
            and noun[-1] in "sx":
        words += " d'" if noun[0] in "aeéèêiîoôuyh" else " de"
    return words


_NOT_COUNTED = frozenset("de des du d ont sont les aux avec dans pour sous sans sur vers "
                         "depuis pas plus moins mais jamais toujours puis alors après "
                         "avant".split())


# --- dates --------------------------------------------------------------------------------


def _day(d: int) -> str:
    return ordinal(1) if d == 1 else cardinal(d)


def _year(y: str) -> str:
    n = int(y)
    if len(y) == 2:  # "03/12/26"
        n += 2000 if n < 70 else 1900
    return cardinal(n)


def say_dates(text: str) -> str:
    """'03/12/2026', '3.12.2026', '2026-12-03' -> 'trois décembre deux mille vingt-six';
    '1er janvier', '01 janvier' -> 'premier janvier'; 'le 03/12' -> 'le trois décembre'."""
    if not HAS_DIGIT(text):
        return text

    def dmy(d: str, mo: str, y: str | None) -> str | None:
        day, month = int(d), int(mo)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return f"{_day(day)} {MONTHS[month - 1]}" + (f" {_year(y)}" if y else "")

    text = re.sub(r"(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w-])",
                  lambda m: dmy(m[3], m[2], m[1]) or m.group(), text)
    text = re.sub(r"(?<![\w./,])(\d{1,2})([/.])(\d{1,2})\2((?:1[89]|20)\d\d|\d\d)(?![\w/]|[.,]\d)",
                  lambda m: dmy(m[1], m[3], m[4]) or m.group(), text)
    text = re.sub(r"(?<=\b(?:[Ll]e|[Dd]u|au) )(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)",  # "le 03/12"
                  lambda m: dmy(m[1], m[2], None) or m.group(), text)
    text = re.sub(r"(?<![\w.,])(0?[1-9]|1[0-2])/((?:19|20)\d\d)\b(?!/)",
                  lambda m: f"{MONTHS[int(m[1]) - 1]} {cardinal(int(m[2]))}", text)
    return re.sub(rf"(?<![\w.,])(\d{{1,2}})(?:er)?(?=\s+(?:{_MONTH_RE})\b)",
                  lambda m: _day(int(m[1])) if 1 <= int(m[1]) <= 31 else m.group(), text,
                  flags=re.IGNORECASE)


# --- clock times and durations ------------------------------------------------------------


def _hours(h: int) -> str:
    if h == 0:
        return "minuit"
    return f"{cardinal(h, feminine=True)} heure{'s' if h > 1 else ''}"


def _clock(h: str, mins: str | None) -> str:
    said = _hours(int(h))
    if mins and int(mins):
        said += " " + cardinal(int(mins), feminine=True)
    return said


def _duration(h: str, mins: str, secs: str | None) -> str:
    """'2:03:45', '2 h 03 min 45 s' -> deux heures trois minutes quarante-cinq secondes."""
    parts = [(int(h), "heure"), (int(mins), "minute"), (int(secs or 0), "seconde")]
    said = [f"{cardinal(v, feminine=True)} {unit}{'s' if v > 1 else ''}"
            for v, unit in parts if v]
    return " ".join(said) or "zéro seconde"


def say_times(text: str) -> str:
    """'23h40', '23 h 40', '9 h', '20:30' -> vingt-trois heures quarante...; '24h/24'."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,])(\d{1,2}) ?([hj])(?:ours)? ?/ ?(\d{1,2})\b",  # "24h/24", "7j/7"
                  lambda m: f"{cardinal(int(m[1]), m[2] == 'h')} "
                  f"{'heures' if m[2] == 'h' else 'jours'} sur {cardinal(int(m[3]), m[2] == 'h')}",
                  text)
    text = re.sub(r"(?<![\w.,:])(\d{1,2}(?: ?[hH](?: ?[0-5]\d)?)?) ?[-–] ?(?=\d{1,2} ?[hH](?![\w'’]))",
                  r"\1 à ", text)  # "9h-12h", "9-12 h"
    text = re.sub(r"(?<![\w.,:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])",
                  lambda m: _duration(m[1], m[2], m[3]), text)
    text = re.sub(r"(?<![\w.,:])(\d{1,3}) ?[hH] ?([0-5]\d) ?min(?: ?([0-5]\d) ?s)?\b",
                  lambda m: _duration(m[1], m[2], m[3]), text)
    text = re.sub(r"(?<![\w.,:])(\d{1,3}) ?[hH](?: ?([0-5]\d))?(?![\w'’])",
                  lambda m: _clock(m[1], m[2]), text)
    return re.sub(r"(?<![\w.,:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])",
                  lambda m: _clock(m[1], m[2]), text)


# --- telephone numbers, fractions, ranges -------------------------------------------------

_PHONE = re.compile(r"(?<![\w+])(?:(?P<intl>\+\d{2,3}) ?(?:\(0\) ?)?(?P<first>[1-9])"
                    r"|(?P<zero>0[1-9]))(?P<rest>(?:[ .-]?\d\d){4})(?![\w-]|[.,]\d)")
_SHORT = re.compile(r"(?<![\w+])0 ?([89]\d\d) ?(\d{3}) ?(\d{3})(?![\w-]|[.,]\d)")


def _pair(p: str) -> str:
    return f"zéro {cardinal(int(p[1]))}" if p.startswith("0") else cardinal(int(p))


def say_phones(text: str) -> str:
    """French telephone numbers are said in pairs: '06 12 34 56 78' -> 'zéro six, douze,
    trente-quatre, cinquante-six, soixante-dix-huit'; '0 800 123 456' in threes."""
    if not HAS_DIGIT(text):
        return text

    def phone(m: re.Match[str]) -> str:
        pairs = re.findall(r"\d\d", re.sub(r"\D", "", m["rest"]))
        if m["intl"]:
            head = [f"plus {cardinal(int(m['intl'][1:]))}", cardinal(int(m["first"]))]
        else:
            head = [_pair(m["zero"])]
        return ", ".join(head + [_pair(p) for p in pairs])

    text = _PHONE.sub(phone, text)
    return _SHORT.sub(lambda m: ", ".join(["zéro " + cardinal(int(m[1]))]
                                          + [cardinal(int(g)) for g in m.groups()[1:]]), text)


_FRACTIONS = {2: ("demi", "demis"), 3: ("tiers", "tiers"), 4: ("quart", "quarts")}


def _fraction(num: int, den: int) -> str:
    one, many = _FRACTIONS.get(den) or (ordinal(den), ordinal(den) + "s")
    return f"{cardinal(num)} {one if num == 1 else many}"


def _is_season(a: str, b: str) -> bool:
    """'2023/24', '2023-2024': a year then the next one."""
    return (len(a) == 4 and a.isdigit() and b.isdigit() and 1100 <= int(a) < 2100
            and len(b) in (2, 4)
            and int(b) == (int(a) + 1) % (100 if len(b) == 2 else 10000))


def _season(a: str, b: str) -> str:
    return f"{cardinal(int(a))} à {cardinal(int(a) + 1)}"


def say_fractions(text: str) -> str:
    """'1/2' -> un demi, '3/4' -> trois quarts, '1/8e de finale' -> huitième de finale,
    '2 1/2' -> deux et demi, '16/20' -> seize sur vingt."""
    if "/" not in text or not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,/])1/(\d{1,2})(?:e|ème)s?\b", lambda m: ordinal(int(m[1])) + (
        "s" if prev_word(text, m.start()).lower() in ("les", "des", "aux", "ces") else ""), text)
    text = re.sub(r"(?<![\w.,/])1/2 finale", "demi-finale", text)
    text = re.sub(r"(?<![\w.,/])1/4 (?=de finale)", "quart ", text)
    text = re.sub(r"(?<![\w.,/])(\d+) 1/2(?![\w/])",
                  lambda m: f"{cardinal(int(m[1]))} et demi", text)

    def frac(m: re.Match[str]) -> str:
        a, b = m[1], m[2]
        if _is_season(a, b):
            return _season(a, b)
        if not a.startswith("0") and 0 < int(a) < int(b) <= 10:
            return _fraction(int(a), int(b))
        return f"{number(a)} sur {number(b)}"

    return re.sub(r"(?<![\w.,/])(\d+)/(\d+)(?![\w/]|[.,]\d)", frac, text)


def say_ranges(text: str) -> str:
    """'3-1' (a score) and '10-15' (a range) -> 'trois à un', 'dix à quinze';
    '2023-24' -> deux mille vingt-trois à deux mille vingt-quatre."""
    if not HAS_DIGIT(text):
        return text

    def rng(m: re.Match[str]) -> str:
        a, b = m["a"], m["b"]
        if _is_season(a, b):
            return _season(a, b)
        if re.search(r"(?:\barticles?|\b[LRD]\.?) ?$", text[max(0, m.start() - 10):m.start()]):
            return f"{number(a)} tiret {number(b)}"  # a code's article: "L. 123-4"
        return f"{number(a, m['sign'])} à {counted(text, m, b)}"

    return re.sub(rf"{SIGN}(?P<a>{NUM})(?: ?[-–] ?)(?P<b>{NUM})(?![\w/-]|[.,]\d)", rng, text)


# --- ordinals and plain numbers -----------------------------------------------------------

_ORDINAL = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?: \d{3})+|\d+)(?P<suf>ères?|ers?|res?|"
                      r"èmes?|emes?|es?|è|n?des?|n?ds?)(?![\w'’])")


def _ordinal_word(n: int, suffix: str) -> str:
    plural = "s" if suffix.endswith("s") and suffix != "s" else ""
    if suffix.startswith(("nd", "d")):  # "2nd", "2nde", "2de"
        return ("seconde" if "de" in suffix else "second") + plural
    feminine = suffix.startswith(("re", "ère"))
    return ordinal(n, feminine) + plural


def say_ordinals(text: str) -> str:
    """'1er' -> premier, '1re' -> première, '2e', '3ème' -> deuxième, troisième."""
    if not HAS_DIGIT(text):
        return text
    return _ORDINAL.sub(lambda m: _ordinal_word(int(m["n"].replace(" ", "")), m["suf"]), text)


def say_cardinals(text: str) -> str:
    """Every number left: '1 500' -> mille cinq cents, '-5' -> moins cinq, '2.0.1'."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,])49[.-]3\b", f"{cardinal(49)} {cardinal(3)}", text)  # the article
    text = re.sub(r"(?<![\w.,])\d+(?:\.\d+)+\b(?![.,]?\d)",  # "2.0.1", "3.5": as written
                  lambda m: m.group() if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", m.group())
                  else " point ".join(number(p) for p in m.group().split(".")), text)
    text = re.sub(rf"{SIGN}(?P<n>{NUM})", lambda m: counted(text, m, m["n"], m["sign"]), text)
    text = re.sub(r"\b(millions?|milliards?) d' ", r"\1 d'", text)

    def leftover(m: re.Match[str]) -> str:  # digits glued to letters or odd separators
        pre = " " if m.start() and text[m.start() - 1].isalpha() else ""
        post = " " if m.end() < len(text) and text[m.end()].isalpha() else ""
        return f"{pre}{number(m.group())}{post}"

    return re.sub(r"\d+", leftover, text)
