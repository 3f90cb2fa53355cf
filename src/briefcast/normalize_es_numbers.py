"""Spanish number words for :mod:`briefcast.normalize_es`: cardinals with agreement,
ordinals, written numbers in each country's convention, and the gender of what follows.

The words always come from num2words (``lang="es"``); this module only corrects the few
forms it gets wrong ("veintiuno mil" -> "veintiún mil", "décimoprimero" -> "undécimo",
"quadragésimo" -> "cuadragésimo") and makes a number agree with its noun, which
num2words cannot see:

* ``"count"``: the number stands alone or before a non-noun ("quedan veintiuno", "uno de
  enero", "tres a uno", "veintiuno por ciento");
* ``"m"``: before a masculine noun, "uno" is apocopated ("un año", "veintiún euros",
  "ciento un mil");
* ``"f"``: before a feminine noun, "uno" becomes "una" and the hundreds agree
  ("veintiuna personas", "doscientas mil toneladas"), but only below the last
  "millón/millones", which is itself the noun ("doscientos millones de personas").

A noun's gender is guessed from a short list and its ending (:func:`noun_gender`); a
wrong guess costs one vowel, never a digit left unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from num2words import num2words

Gender = Literal["count", "m", "f"]


@dataclass(frozen=True)
class Convention:
    """How one Spanish-speaking country writes numbers, and what "$" and "1 de" mean there.

    ``decimal`` is the decimal mark; the other of "." and "," groups thousands (a space
    groups thousands everywhere). Spain and most of South America write "1.500" and "48,6";
    Mexico, Central America, the Caribbean and the United States write "1,500" and "48.6".
    A number that only makes sense the other way round is read the other way ("1,500,000"
    in Spain, "48,6" in Mexico).
    """

    decimal: str = ","
    decimal_word: str = "coma"  # what the decimal mark is called aloud: "coma", "punto"
    dollar: tuple[str, str] = ("dólar", "dólares")  # what a bare "$" is
    first_of_month: str = "uno"  # "1 de enero": "uno" in Spain, "primero" in the Americas


HAS_DIGIT = re.compile(r"\d").search
NUM = (r"(?:\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?|\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
       r"|\d{1,3}(?: \d{3})+(?![\d.,]\d)(?:,\d+)?|\d+(?:[.,]\d+)?)")
SIGN = r"(?:(?<![^\s(\[])(?P<sign>[-+]))?(?<![\w.,])"
END = r"(?![\w%°º]|[.,]\d)"
LETTER = r"[^\W\d_ºª]"
MONTHS = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre").split()
MONTH_RE = "|".join(MONTHS) + "|setiembre"
_MILLIONS = frozenset("millón millones billón billones trillón trillones".split())

# --- words from num2words, corrected and agreed ----------------------------------------


def cardinal(n: int, gender: Gender = "count") -> str:
    """21 -> 'veintiuno' / 'veintiún' (m) / 'veintiuna' (f); 200 (f) -> 'doscientas'."""
    words = num2words(n, lang="es")
    words = re.sub(r"\b(veinti)?uno(?= (?:mil|millones|billones|trillones)\b)",
                   lambda m: "veintiún" if m[1] else "un", words)
    if gender == "m":
        return re.sub(r"\b(veinti)?uno$", lambda m: "veintiún" if m[1] else "un", words)
    if gender == "f":
        head = re.match(r".*\b(?:millón|millones|billón|billones|trillón|trillones)\b", words)
        cut = head.end() if head else 0
        tail = re.sub(r"\b(veinti)?(?:uno|ún|un)\b", lambda m: (m[1] or "") + "una",
                      words[cut:])
        return words[:cut] + re.sub(r"ientos\b", "ientas", tail)
    return words


_ORDINAL_FIXES = (("quadragésim", "cuadragésim"), ("décimoprimer", "undécim"),
                  ("décimosegund", "duodécim"))


def ordinal(n: int, gender: Gender = "m", apocope: bool = False, plural: bool = False) -> str:
    """3 -> 'tercero', 'tercera' (f), 'tercer' (apocope, before a masculine noun)."""
    words = num2words(n, lang="es", to="ordinal")
    for wrong, right in _ORDINAL_FIXES:
        words = words.replace(wrong, right)
    words = re.sub(r"décimo (\w)", r"decimo\1", words)  # "decimotercero", as the RAE writes
    if gender == "f":
        words = re.sub(r"o\b", "a", words)
    elif apocope and not plural:
        words = re.sub(r"(primer|tercer)o$", r"\1", words)
    return re.sub(r"\b(\w+[oa])\b", r"\1s", words) if plural else words


def digits(s: str) -> str:
    """'016' -> 'cero uno seis'."""
    return " ".join(cardinal(int(c)) for c in s if c.isdigit())


def split_number(s: str, conv: Convention) -> tuple[str, str]:
    """'1.500,25' -> ('1500', '25') in Spain; '1,500.25' -> ('1500', '25') in Mexico."""
    s = s.replace(" ", "")
    dec = conv.decimal
    grp = "." if dec == "," else ","
    if "." in s and "," in s:  # both marks: the last one is the decimal mark
        dec = s[max(s.rfind("."), s.rfind(","))]
        grp = "." if dec == "," else ","
    elif s.count(dec) > 1:  # "1,500,000" in Spain: the other convention's grouping
        dec, grp = grp, dec
    if dec in s:
        whole, frac = s.rsplit(dec, 1)
        return whole.replace(grp, ""), frac
    groups = s.split(grp)
    if len(groups) == 2 and not (len(groups[0]) <= 3 and len(groups[1]) == 3):
        return groups[0], groups[1]  # "48.6" in Spain: a decimal point after all
    return "".join(groups), ""


def fraction_digits(frac: str) -> str:
    """After the decimal mark: '6' -> 'seis', '05' -> 'cero cinco', '14159' digit by digit."""
    zeros = len(frac) - len(frac.lstrip("0"))
    rest = frac[zeros:]
    said = ["cero"] * zeros
    if rest:
        said.append(cardinal(int(rest)) if len(rest) <= 3 else digits(rest))
    return " ".join(said)


def number(s: str, conv: Convention, gender: Gender = "count", sign: str | None = "") -> str:
    """'48,6' -> 'cuarenta y ocho coma seis'; '-5' -> 'menos cinco'; digit by digit with a
    leading zero ('007') or ten digits or more without separators ('1234567890')."""
    whole, frac = split_number(s, conv)
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 15 or (
            len(s) >= 10 and s.isdigit()):  # an account or ID number, not an amount
        words = digits(whole)
    else:
        words = cardinal(int(whole or "0"), "count" if frac else gender)
    if frac:
        words += f" {conv.decimal_word} {fraction_digits(frac)}"
    return {"-": "menos ", "+": "más "}.get(sign or "", "") + words


def is_one(s: str, conv: Convention) -> bool:
    """True for '1' (not '1,5' or '21'): the noun after it is singular."""
    return split_number(s, conv) == ("1", "")


# --- the gender of what follows a number --------------------------------------------------

# Words that follow a number without being its noun: prepositions, conjunctions, articles,
# adverbs, common verbs ("los 21 de ellos", "quedan 21 para", "ganó 3 a 1").
NOT_NOUN = frozenset(
    "de del a al y e o u ni en por para con sin sobre entre hasta desde hacia contra tras "
    "según durante mediante ante bajo que se es son fue fueron era eran ha han había habían "
    "más menos ya no sí también tampoco solo sólo casi apenas cada la las el los lo le les "
    "un una unos unas este esta estos estas ese esa esos esas su sus mi tu como cuando donde "
    "mientras aunque pero sino porque pues si nada ahora nunca siempre antes después luego "
    "fuera cerca lejos aquí allí hoy ayer pronto respectivamente aproximadamente".split())
_FEMININE = frozenset(
    "mujer mujeres vez veces noche noches ley leyes sede sedes fase fases red redes clase "
    "clases calle calles muerte muertes torre torres fuente fuentes parte partes nave naves "
    "imagen imágenes gente flor flores cárcel cárceles pared paredes llave llaves nube nubes "
    "tarde tardes madre madres especie especies serie series frase frases base bases carne "
    "suerte mente mentes piel pieles razón razones sal catedral catedrales mano manos "
    "foto fotos moto motos radio".split())
_MASCULINE = frozenset(
    "día días problema problemas sistema sistemas programa programas tema temas idioma "
    "idiomas clima climas poema poemas dilema dilemas esquema esquemas drama dramas lema "
    "lemas síntoma síntomas pijama pijamas fantasma fantasmas diagrama diagramas telegrama "
    "telegramas panorama trauma traumas enigma enigmas dogma dogmas emblema emblemas "
    "teorema teoremas aroma aromas carisma prisma estigma paradigma paradigmas cometa "
    "cometas planeta planetas mapa mapas tranvía tranvías sofá sofás policía policías guardia "
    "guardias atleta atletas pirata piratas poeta poetas astronauta astronautas avión aviones "
    "camión camiones sarampión análisis énfasis paréntesis oasis chasis tenis "
    "portavoz portavoces".split()) | _MILLIONS
_FEMININE_END = re.compile(r"(?:ión|iones|dad|dades|tad|tades|tud|tudes|umbre|umbres|sis)$")
_VERB_END = re.compile(r"(?:aron|ieron|ó|aban|ían|arán|erán|irán|ará|erá|irá|aría|ería|iría|"
                       r"arían|erían|irían|ando|iendo)$")
_AMBIGUOUS_END = re.compile(r"(?:istas?|[eé]s?|[lnrzd]|[lnrzd]es|ces)$")
_WORD = re.compile(rf"[ \t]+({LETTER}+)")


def noun_gender(word: str) -> Gender | None:
    """'personas' -> 'f', 'años' -> 'm', 'grandes' -> None (an adjective of either gender)."""
    word = word.lower()
    if word in _FEMININE:
        return "f"
    if word in _MASCULINE:
        return "m"
    if _FEMININE_END.search(word):
        return "f"
    if _AMBIGUOUS_END.search(word):
        return None
    if word.endswith(("a", "as")):
        return "f"
    return "m"


def gender_after(text: str, end: int) -> Gender:
    """How a number ending at ``end`` agrees with the word after it (see the module doc)."""
    m = _WORD.match(text, end)
    if not m:
        return "count"
    word = m[1].lower()
    if word == "mil":  # "21 mil personas": the noun after "mil" decides
        return "f" if gender_after(text, m.end()) == "f" else "m"
    if word in NOT_NOUN or (_VERB_END.search(word) and word not in _MASCULINE):
        return "count"
    gender = noun_gender(word)
    if gender is None:  # "21 grandes empresas", "200 agentes detenidos"
        nxt = _WORD.match(text, m.end())
        if nxt and nxt[1].lower() not in NOT_NOUN:
            gender = noun_gender(nxt[1])
    return gender or "m"


def prev_word(text: str, start: int) -> str:
    """The last word before ``start`` ('' if none), skipping spaces and punctuation."""
    m = re.search(rf"({LETTER}+)[^\w]*$", text[max(0, start - 60):start])
    return m[1] if m else ""


def keep_period(text: str, end: int) -> str:
    """'.' if an abbreviation's period at ``end - 1`` also ends the sentence: at the end of
    the text or line, or before a capitalized word."""
    if re.match(r"[ \t]*(?:\n|$)|\s+[¿¡«\"“(]*[A-ZÁÉÍÓÚÑ]", text[end:]):
        return "."
    return ""
