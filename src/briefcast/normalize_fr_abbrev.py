"""Abbreviations, initialisms and Roman numerals for :mod:`briefcast.normalize_fr`.

Expands what a French newsreader expands ("M. Dupont" -> "monsieur Dupont", "Mme" ->
"madame", "St-Étienne" -> "Saint-Étienne", "etc." -> "et cetera", "n° 5" -> "numéro 5"),
reads Roman numerals as French does ("XXIe siècle" -> "vingt et unième siècle", "Louis
XIV" -> "Louis quatorze", "François Ier" -> "François premier") and spells the
initialisms espeak-ng's French voice would read as a word ("PIB" as "pib", "BD" as
"boulevard") as capitals joined by periods ("P.I.B"), the form it reads as letter names.
An abbreviation's period is dropped unless it also ends the sentence. Pure ``str -> str``
rules; the order is fixed by :data:`briefcast.normalize_fr.PIPELINE`.
"""

from __future__ import annotations

import re

from briefcast.normalize_en import roman
from briefcast.normalize_fr_numbers import MONTHS, cardinal, ordinal

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = rf"(?=[ \t]+[«“\"]?[{_UPPER}])"  # a capitalized word follows

_TITLES = {"M.": "monsieur", "MM.": "messieurs", "Mme": "madame", "Mmes": "mesdames",
           "Mlle": "mademoiselle", "Mlles": "mesdemoiselles", "Dr": "docteur",
           "Drs": "docteurs", "Pr": "professeur", "Me": "maître", "Mgr": "monseigneur"}
_TITLE_RE = re.compile(r"(?<![\w.])(MM?\.|(?:Mmes?|Mlles?|Drs?|Pr|Me|Mgr)\b\.?)" + _NAME)
_PHRASES = {r"\b([Pp])\. ?ex\.|\b([Pp])ar ex\.": "par exemple",
            r"\b([Cc])\.-à-d\.|\b([Cc])-à-d\b": "c'est-à-dire",
            r"\b([Cc])f\.": "voir", r"\b([Ee])nv\.": "environ", r"\b([vV])s\.?(?=\s)": "contre",
            r"\b([Tt])él\.": "téléphone", r"\b([Mm])ax\.": "maximum", r"\bCie\b": "compagnie",
            r"(?<=[\w€$] )HT\b": "hors taxes", r"(?<=[\w€$] )TTC\b": "toutes taxes comprises"}
# ending a sentence, their period is the sentence's too
_ERAS = {r"\bav\. J\.-C\.": "avant Jésus-Christ", r"\bapr\. J\.-C\.": "après Jésus-Christ",
         r"\bJ\.-C\.": "Jésus-Christ"}
# abbreviations that come before a number ("art. 12", "p. 4", "n° 5")
_BEFORE_NUMBER = {"art": "article", "Art": "article", "chap": "chapitre", "vol": "volume",
                  "p": "page", "pp": "pages", "no": "numéro", "nos": "numéros"}
# street types before a name ("12 av. Foch", "bd Haussmann")
_STREETS = {"av": "avenue", "Av": "avenue", "bd": "boulevard", "Bd": "boulevard",
            "bld": "boulevard", "Bld": "boulevard", "pl": "place", "Pl": "place",
            "rte": "route", "Rte": "route", "imp": "impasse", "Imp": "impasse"}
_MONTH_ABBR = {"janv": "janvier", "févr": "février", "fév": "février", "avr": "avril",
               "juil": "juillet", "sept": "septembre", "oct": "octobre", "nov": "novembre",
               "déc": "décembre", "dec": "décembre"}


def keep_period(text: str, end: int) -> str:
    """'.' if an abbreviation's period also ends the sentence: at the end of the text or
    the line, or before a capitalized word."""
    if re.match(rf"[ \t]*(?:\n|$)|\s+[«“\"(]*[{_UPPER}]", text[end:]):
        return "."
    return ""


def _saints(text: str) -> str:
    """'St-Étienne', 'Ste-Foy', 'St Louis' -> Saint-Étienne, Sainte-Foy, Saint Louis."""
    return re.sub(rf"\b(St|Ste|Sts|Stes)\.?(?=[- ][{_UPPER}])",
                  lambda m: {"St": "Saint", "Ste": "Sainte", "Sts": "Saints",
                             "Stes": "Saintes"}[m[1]], text)


def _expand(text: str, pattern: str, said: str, ends_sentence: bool = False) -> str:
    """Replace ``pattern`` by ``said``, capitalized if the abbreviation was ("Cf." ->
    "Voir"); with ``ends_sentence``, the period stays where it also ends the sentence."""
    def one(m: re.Match[str]) -> str:
        initial = next((g for g in m.groups() if g), "")
        words = said.capitalize() if initial.isupper() else said
        return words + (keep_period(text, m.end()) if ends_sentence else "")

    return re.sub(pattern, one, text)


def abbreviations(text: str) -> str:
    for pattern, said in _ERAS.items():
        text = _expand(text, pattern, said, ends_sentence=True)
    for pattern, said in _PHRASES.items():
        text = _expand(text, pattern, said)
    text = re.sub(r"\betc\.", lambda m: "et cetera" + keep_period(text, m.end()), text)
    text = re.sub(r"\betc\b", "et cetera", text)
    text = re.sub(r"\bM\.(?= et Mme\b)", "monsieur", text)
    text = _TITLE_RE.sub(lambda m: _TITLES[m[1].rstrip(".") if m[1] not in ("M.", "MM.")
                                           else m[1]], text)
    text = _saints(text)
    text = re.sub(r"\b[nN][°º] ?(?=\d)|\b[nN][°º]s ?(?=\d)",
                  lambda m: "numéros " if "s" in m.group() else "numéro ", text)
    text = re.sub(r"\b([LRD])\. ?(?=\d)", r"\1 ", text)  # a code's article: "L. 123-4"
    text = re.sub(r"\b(" + "|".join(_BEFORE_NUMBER) + r")\. ?(?=\d)",
                  lambda m: _BEFORE_NUMBER[m[1]] + " ", text)
    text = re.sub(r"(?<![\w.])(" + "|".join(_STREETS) + rf")\b\.?(?= [{_UPPER}]|\s+de\b|\s+du\b)",
                  lambda m: _STREETS[m[1]], text)
    text = re.sub(r"(?<=\d )hab\b\.?",
                  lambda m: "habitants" + (keep_period(text, m.end())
                                           if m.group().endswith(".") else ""), text)
    text = re.sub(r"\b(" + "|".join(_MONTH_ABBR) + r")\.(?= \d)|(?<=\d )("
                  + "|".join(_MONTH_ABBR) + r")\.",
                  lambda m: _MONTH_ABBR[m[1] or m[2]] + (keep_period(text, m.end()) if m[2] else ""),
                  text)
    return text


# --- initialisms ----------------------------------------------------------------------------

# Initialisms said letter by letter that espeak-ng's French voice reads as a word when they
# are written bare (measured with ``espeak-ng -v fr -q -x``: "PIB" -> p'ib, "BD" ->
# bulv'ar, "FMI" -> fm'i, "OMS" -> 'Om). Those it already spells (SNCF, PS, RN, PDG)
# or says as a word on purpose (ONU, OTAN, SMIC, CAC) are left as written.
SPELLED = frozenset(
    "PIB UE PME BCE FMI OMS AFP EDF BD JO OM OL ARN RSA CDI PMA IVG LFI UDI EELV CHU FBI "
    "OMC OCDE IUT UMP PLU APL ARS ANSM DGSI EPR ZFE USB NBA FO SUV RER TER SA".split())
_CAPS = re.compile(rf"(?<![\w&.-])([{_UPPER}]{{2,5}})(s?)(?![\w&-]|\.\w)")
_DOTTED = re.compile(rf"(?<![\w.])([{_UPPER}](?:\.[{_UPPER}])+)(\.?)(?![\w])")


def initialisms(text: str) -> str:
    """'le PIB' -> 'le P.I.B', 'la S.N.C.F.' -> 'la S.N.C.F' (its period only if it ends
    the sentence)."""
    text = _DOTTED.sub(lambda m: m[1] + (keep_period(text, m.end()) if m[2] else ""), text)
    return _CAPS.sub(lambda m: ".".join(m[1]) + m[2] if m[1] in SPELLED else m.group(), text)


# --- Roman numerals -------------------------------------------------------------------------

# "Ier", "Ire" (premier, première); "IIe", "XXIe", "Ve", "XIXème"; never "Vers"
_ROMAN_ORDINAL = re.compile(r"\b(?:(I)(ers?|res?|ères?)|([IVX]+)(èmes?|emes?|es?))(?![\w'’])")
_ROMAN_AFTER = frozenset("le du au type phase acte tome chapitre titre article niveau "
                         "catégorie saison".split())


def roman_numerals(text: str) -> str:
    """'XXIe siècle' -> vingt et unième siècle, 'Ve République' -> cinquième République,
    'Louis XIV' -> Louis quatorze, 'François Ier' -> François premier, 'le XV de France'
    -> le quinze de France. Regnal numbers are cardinals in French, except the first."""
    if not re.search("[IVX]", text):
        return text

    def ordinal_roman(m: re.Match[str]) -> str:
        n, suffix = roman(m[1] or m[3]), m[2] or m[4]
        if not n:
            return m.group()
        plural = "s" if suffix.endswith("s") else ""
        return ordinal(n, feminine=suffix.startswith(("re", "ère"))) + plural

    text = _ROMAN_ORDINAL.sub(ordinal_roman, text)

    def regnal(m: re.Match[str]) -> str:
        n = roman(m[2])
        prev = m[1]
        if n < 2 or n > 39 or not (prev[0].isupper() or prev in _ROMAN_AFTER):
            return m.group()
        return f"{prev} {cardinal(n)}"

    return re.sub(r"\b([^\W\d_]+) ([IVX]{2,6})\b(?![\w'’&-]|\.\w)", regnal, text)


__all__ = ["MONTHS", "SPELLED", "abbreviations", "initialisms", "keep_period", "roman_numerals"]
