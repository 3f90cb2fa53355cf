"""Spanish abbreviations and Roman numerals for :mod:`briefcast.normalize_es`.

"Sr. García" -> "señor García", "EE. UU." -> "Estados Unidos", "etc." -> "etcétera",
"núm. 5" / "n.º 5" -> "número 5", "3 dic." -> "3 diciembre"... An abbreviation's period is
dropped unless it also ends the sentence (before a capital or the end of the text); a
title's period never does ("la Dra. Ruiz"). Initials lose their period ("José M. Aznar"),
which espeak-ng would take for a full stop.

Roman numerals are read where Spanish reads them: after "siglo" as cardinals ("siglo
XXI" -> "siglo veintiuno"), after a monarch's or pope's name as ordinals up to ten and
cardinals above ("Felipe VI" -> "Felipe sexto", "Alfonso XIII" -> "Alfonso trece"), and
before a capitalized noun after an article as agreeing ordinals ("la II Guerra Mundial"
-> "la segunda Guerra Mundial"). Anywhere else capitals are left to the voice, which
spells or reads acronyms well by itself ("FMI", "OTAN").
"""

from __future__ import annotations

import re

from briefcast.normalize_en import roman
from briefcast.normalize_es_numbers import (
    LETTER,
    MONTHS,
    Gender,
    cardinal,
    keep_period,
    ordinal,
)

# Said before a name; the period never ends a sentence.
_TITLES = {"Sr": "señor", "Sra": "señora", "Srta": "señorita", "Sres": "señores",
           "Dr": "doctor", "Dra": "doctora", "Dres": "doctores", "Prof": "profesor",
           "Profa": "profesora", "Lic": "licenciado", "Lcdo": "licenciado",
           "Lcda": "licenciada", "Ing": "ingeniero", "Arq": "arquitecto", "Gral": "general",
           "Cnel": "coronel", "Tte": "teniente", "Sgto": "sargento", "Excmo": "excelentísimo",
           "Excma": "excelentísima", "Ilmo": "ilustrísimo", "Ilma": "ilustrísima",
           "Mons": "monseñor", "Sto": "santo", "Sta": "santa", "Dña": "doña", "Ud": "usted",
           "Uds": "ustedes", "Vd": "usted", "Vds": "ustedes", "Avda": "avenida",
           "Av": "avenida", "Pza": "plaza", "Pl": "plaza"}
# Said anywhere; the period may also end the sentence.
_WORDS = {"etc": "etcétera", "aprox": "aproximadamente", "núm": "número", "núms": "números",
          "pág": "página", "págs": "páginas", "art": "artículo", "arts": "artículos",
          "tel": "teléfono", "telf": "teléfono", "vs": "contra", "cap": "capítulo",
          "admón": "administración", "depto": "departamento", "dpto": "departamento",
          "izq": "izquierda", "dcha": "derecha", "pdte": "presidente", "pta": "presidenta",
          "ej": "ejemplo", "máx": "máximo", "mín": "mínimo", "hab": "habitantes",
          "mill": "millones", "cía": "compañía"}
_DOTTED = {"EE. UU.": "Estados Unidos", "EE.UU.": "Estados Unidos", "EEUU": "Estados Unidos",
           "EE UU": "Estados Unidos", "p. ej.": "por ejemplo", "a. C.": "antes de Cristo",
           "d. C.": "después de Cristo", "a.C.": "antes de Cristo",
           "d.C.": "después de Cristo", "S. A.": "ese a", "S.A.": "ese a", "S. L.": "ese ele",
           "S.L.": "ese ele", "n.º": "número", "N.º": "número", "nº": "número",
           "Nº": "número", "n.°": "número", "N°": "número", "s/n": "sin número",
           "C/": "calle", "Pº": "paseo", "P.º": "paseo", "D.ª": "doña", "Dª": "doña",
           "FF. AA.": "Fuerzas Armadas", "CC. AA.": "comunidades autónomas",
           "CC. OO.": "Comisiones Obreras", "RR. HH.": "recursos humanos"}
# Acronyms the Spanish voice reads wrongly as a word ("UE" as "we"): spelled in words.
_LETTERS = {"UE": "U E"}
_MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"sept": "septiembre", "set": "septiembre"}

_DOTTED_RE = re.compile(r"(?<![\w.])(" + "|".join(
    re.escape(k) for k in sorted(_DOTTED, key=len, reverse=True)) + r")(?![\w])")
_TITLE_RE = re.compile(r"\b(" + "|".join(_TITLES) + r")\.(?=\s)")
_WORD_RE = re.compile(r"(?<![\w.])(" + "|".join(_WORDS) + r")\.", re.IGNORECASE)
_MONTH_ABBR_RE = re.compile(r"(?<=\d )(" + "|".join(_MONTH_ABBR) + r")(?:\.|(?= \d))")


def _dotted(text: str, m: re.Match[str]) -> str:
    said = _DOTTED[m[1]]
    if m[1].endswith("."):
        return said + keep_period(text, m.end())
    return said


def abbreviations(text: str) -> str:
    text = _DOTTED_RE.sub(lambda m: _dotted(text, m), text)
    # "José M. Aznar": an initial's period is no full stop
    text = re.sub(r"\b([A-ZÁÉÍÓÚ][a-záéíóúñ]+) ([A-Z])\. (?=[A-ZÁÉÍÓÚ][a-záéíóúñ]+)",
                  r"\1 \2 ", text)
    text = re.sub(r"(?<![\w.])D\.(?= [A-ZÁÉÍÓÚ])", "don", text)
    text = _TITLE_RE.sub(lambda m: _TITLES[m[1]], text)
    text = _WORD_RE.sub(lambda m: _WORDS[m[1].lower()] + (
        keep_period(text, m.end()) if m[1].lower() != "vs" else ""), text)
    text = re.sub(r"\bvs\b", "contra", text)
    text = re.sub(r"\b(UE)\b", lambda m: _LETTERS[m[1]], text)
    return _MONTH_ABBR_RE.sub(lambda m: "de " + _MONTH_ABBR[m[1]] + (
        " de" if re.match(r" \d{4}\b", text[m.end():]) else ""), text)


# --- Roman numerals -----------------------------------------------------------------------

_REGNAL = frozenset(
    "Felipe Carlos Isabel Alfonso Fernando Enrique Luis Pío Juan Pablo Benedicto León "
    "Gregorio Jorge Eduardo Guillermo Jaime Pedro Sancho Ramiro Alejandro Napoleón Francisco "
    "Clemente Inocencio Urbano Bonifacio Ricardo Enrique Carlota Victoria María Juana "
    "Catalina Leonor Margarita Cristina Mariana Federico Gustavo Harald Olaf Cristián "
    "Guillermina Beatriz Balduino Alberto Rainiero Amadeo Constantino Nicolás Iván".split())
_DESIGNATORS = frozenset("Fase Tomo Capítulo Parte Grupo Volumen Acto Título Libro Anexo "
                        "Zona Nivel Distrito Región Legislatura Cumbre Edición".split())
_FEMALE_REGNAL = frozenset("Isabel Carlota Victoria María Juana Catalina Leonor Margarita "
                           "Cristina Mariana Guillermina Beatriz".split())


def _regnal(m: re.Match[str]) -> str:
    value, name = roman(m[2]), m[1].split()[-1]
    if value and name in _DESIGNATORS:
        return f"{m[1]} {cardinal(value)}"
    if not value or name not in _REGNAL:
        return m.group()
    gender: Gender = "f" if name in _FEMALE_REGNAL else "m"
    said = ordinal(value, gender) if value <= 10 else cardinal(value, gender)
    return f"{m[1]} {said}"


def _before_noun(m: re.Match[str]) -> str:
    value = roman(m[2])
    if not value:
        return m.group()
    article = m[1].lower()
    gender: Gender = "f" if article in ("la", "las") else "m"
    said = ordinal(value, gender, apocope=True, plural=article in ("los", "las"))
    return f"{m[1]} {said} {m[3]}"


def roman_numerals(text: str) -> str:
    if not re.search(r"\b[IVXLC]+\b", text):
        return text
    text = re.sub(r"\b([Ss]iglos?) ([IVXLC]+)\b(?![\w'-])",
                  lambda m: f"{m[1]} {cardinal(roman(m[2]))}" if roman(m[2]) else m.group(),
                  text)
    text = re.sub(rf"\b(el|la|los|las|El|La|Los|Las) ([IVXLC]{{2,}}) ({LETTER}+)",
                  _before_noun, text)
    return re.sub(r"\b((?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+ )*[A-ZÁÉÍÓÚ][a-záéíóúñ]+) ([IVXLC]+)\b"
                  r"(?![\w'-]|\.\w)", _regnal, text)
