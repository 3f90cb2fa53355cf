"""Spanish readings of measured amounts for :mod:`briefcast.normalize_es`: money,
percentages and units ("12,50 €", "$3 millones", "48,6 %", "120 km/h", "25 °C").

The unit follows the number and agrees with it: "un euro", "veintiún kilómetros",
"veintiuna toneladas", "doscientas libras"; a decimal amount takes the plural ("uno coma
cinco kilómetros"); a magnitude takes "de" ("tres millones de dólares", but "tres mil
dólares"). An amount with exactly two decimals and a currency that has cents is said with
"con" ("doce euros con cincuenta céntimos"). What a bare "$" is (dollars or pesos) comes
from the show's :class:`~briefcast.normalize_es_numbers.Convention`.
"""

from __future__ import annotations

import re

from briefcast.normalize_es_numbers import (
    HAS_DIGIT,
    NUM,
    SIGN,
    Convention,
    Gender,
    cardinal,
    is_one,
    number,
    prev_word,
    split_number,
)

# symbol -> (one, many, cent, cents, gender); "$" is filled in from the convention
_DOLLAR: tuple[str, str, str, str, Gender] = ("dólar", "dólares", "centavo", "centavos", "m")
_CURRENCIES: dict[str, tuple[str, str, str, str, Gender]] = {
    "€": ("euro", "euros", "céntimo", "céntimos", "m"), "EUR": ("euro", "euros", "céntimo",
                                                              "céntimos", "m"),
    "US$": _DOLLAR, "USD": _DOLLAR, "$": _DOLLAR,
    "£": ("libra", "libras", "penique", "peniques", "f"),
    "GBP": ("libra", "libras", "penique", "peniques", "f"),
    "¥": ("yen", "yenes", "", "", "m"), "JPY": ("yen", "yenes", "", "", "m"),
    "MXN": ("peso mexicano", "pesos mexicanos", "centavo", "centavos", "m"),
    "MX$": ("peso mexicano", "pesos mexicanos", "centavo", "centavos", "m"),
    "ARS": ("peso argentino", "pesos argentinos", "centavo", "centavos", "m"),
    "COP": ("peso colombiano", "pesos colombianos", "centavo", "centavos", "m"),
    "CLP": ("peso chileno", "pesos chilenos", "", "", "m"),
    "R$": ("real", "reales", "centavo", "centavos", "m"),
    "CHF": ("franco suizo", "francos suizos", "céntimo", "céntimos", "m"),
    "₹": ("rupia", "rupias", "", "", "f"), "₽": ("rublo", "rublos", "", "", "m"),
}
# Written names after an amount: "1.200,50 euros" is said like "1.200,50 €".
_NAMED = {"euros": "€", "euro": "€", "dólares": "USD", "dólar": "USD", "libras": "£",
          "libra": "£", "pesos": "$", "peso": "$"}
_CUR_RE = "|".join(re.escape(c) for c in sorted(_CURRENCIES, key=len, reverse=True))
_NAMED_RE = "|".join(sorted(_NAMED, key=len, reverse=True))
_MAG = r"(?:mil millones|millones|millón|mil|billones|billón|M|mill\.|mln\.?)"
_MAGNITUDES = {"mil": "mil", "millón": "millón", "millones": "millones", "M": "millones",
               "mill.": "millones", "mln": "millones", "mln.": "millones",
               "billón": "billón", "billones": "billones", "mil millones": "mil millones"}
_MONEY_BEFORE = re.compile(rf"{SIGN}(?P<cur>{_CUR_RE})\s?(?P<a>{NUM})"
                           rf"(?:\s?[-–]\s?(?:{_CUR_RE})?\s?(?P<b>{NUM}))?"
                           rf"(?:\s(?P<mag>{_MAG})(?!\w))?(?:\s(?:de\s)?(?:{_CUR_RE})(?!\w))?")
_MONEY_AFTER = re.compile(rf"{SIGN}(?P<a>{NUM})(?:\s?[-–]\s?(?P<b>{NUM}))?"
                          rf"(?:\s?(?P<mag>{_MAG})(?:\sde)?)?\s?(?P<cur>{_CUR_RE})(?![\w$])")


def _currency(cur: str, conv: Convention) -> tuple[str, str, str, str, Gender]:
    if cur in _NAMED:
        if cur.startswith("peso"):
            return ("peso", "pesos", "centavo", "centavos", "m")
        cur = _NAMED[cur]
    if cur == "$":
        return (*conv.dollar, "centavo", "centavos", "m")
    return _CURRENCIES[cur]


def _amount(a: str, cur: str, mag: str | None, conv: Convention) -> str:
    one, many, cent, cents, gender = _currency(cur, conv)
    whole, frac = split_number(a, conv)
    if mag:
        mag = _MAGNITUDES[mag]
        if mag == "mil":
            return f"{number(a, conv, gender)} mil {many}"
        if mag in ("millón", "millones"):
            mag = "millón" if is_one(a, conv) else "millones"
        return f"{number(a, conv, 'm')} {mag} de {many}"
    if len(frac) == 1 and cent and not mag:  # "7,5 €": siete euros con cincuenta céntimos
        frac += "0"
    if len(frac) == 2 and cent and not (len(whole) > 1 and whole.startswith("0")):
        main = f"{cardinal(int(whole), gender)} {one if whole == '1' else many}"
        sub = f"{cardinal(int(frac), 'm')} {cent if frac == '01' else cents}"
        return sub if int(whole) == 0 else main if frac == "00" else f"{main} con {sub}"
    return f"{number(a, conv, gender)} {one if is_one(a, conv) else many}"


def say_money(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text

    def money(m: re.Match[str]) -> str:
        sign = "menos " if m["sign"] == "-" else ""
        if not m["b"]:
            return sign + _amount(m["a"], m["cur"], m["mag"], conv)
        gender = _currency(m["cur"], conv)[4]
        first = number(m["a"], conv, "f" if gender == "f" else "count")
        return f"{sign}{first}{joiner(text, m)}{_amount(m['b'], m['cur'], m['mag'], conv)}"

    text = _MONEY_BEFORE.sub(money, text)
    text = _MONEY_AFTER.sub(money, text)
    # a written name says it too where a bare number would be read wrongly: with cents
    # ("1.200,50 euros" -> "mil doscientos euros con cincuenta céntimos")
    return re.sub(rf"{SIGN}(?P<a>{NUM})(?P<mag>)(?P<b>)\s(?P<cur>{_NAMED_RE})\b",
                  lambda m: money(m) if re.search(r"[.,]\d{1,2}$", m["a"]) else m.group(),
                  text)


def joiner(text: str, m: re.Match[str]) -> str:
    """' y ' after "entre" ("entre 4 y 5 %"), otherwise ' a ' ("de 10 a 15", "3 a 1")."""
    return " y " if prev_word(text, m.start()).lower() == "entre" else " a "


def say_percents(text: str, conv: Convention) -> str:
    if not HAS_DIGIT(text):
        return text

    def percent(m: re.Match[str]) -> str:
        tail = joiner(text, m) + number(m["b"], conv) if m["b"] else ""
        per = "ciento" if m["pc"] else "mil"
        return f"{number(m['a'], conv, sign=m['sign'])}{tail} por {per}"

    text = re.sub(rf"{SIGN}(?P<a>{NUM})\s?%?(?:\s?[-–]\s?(?P<b>{NUM}))?\s?(?:(?P<pc>%)|‰)",
                  percent, text)
    return re.sub(rf"(?<![\w.,])(?P<a>{NUM})\s?(?:p\.\s?p\.|pp\.?)(?!\w)",  # percentage points
                  lambda m: f"{number(m['a'], conv, 'm')} puntos porcentuales", text)


_UNITS: dict[str, tuple[str, str, Gender]] = {
    "km/h": ("kilómetro por hora", "kilómetros por hora", "m"),
    "m/s": ("metro por segundo", "metros por segundo", "m"),
    "l/m²": ("litro por metro cuadrado", "litros por metro cuadrado", "m"),
    "km²": ("kilómetro cuadrado", "kilómetros cuadrados", "m"),
    "m²": ("metro cuadrado", "metros cuadrados", "m"),
    "m³": ("metro cúbico", "metros cúbicos", "m"),
    "hm³": ("hectómetro cúbico", "hectómetros cúbicos", "m"),
    "km": ("kilómetro", "kilómetros", "m"), "cm": ("centímetro", "centímetros", "m"),
    "mm": ("milímetro", "milímetros", "m"), "m": ("metro", "metros", "m"),
    "kg": ("kilo", "kilos", "m"), "g": ("gramo", "gramos", "m"),
    "mg": ("miligramo", "miligramos", "m"), "t": ("tonelada", "toneladas", "f"),
    "l": ("litro", "litros", "m"),
    "ml": ("mililitro", "mililitros", "m"), "ha": ("hectárea", "hectáreas", "f"),
    "°C": ("grado", "grados", "m"), "°F": ("grado Fahrenheit", "grados Fahrenheit", "m"),
    "°": ("grado", "grados", "m"),
    "kWh": ("kilovatio hora", "kilovatios hora", "m"),
    "MWh": ("megavatio hora", "megavatios hora", "m"),
    "GWh": ("gigavatio hora", "gigavatios hora", "m"),
    "TWh": ("teravatio hora", "teravatios hora", "m"),
    "kW": ("kilovatio", "kilovatios", "m"), "MW": ("megavatio", "megavatios", "m"),
    "GW": ("gigavatio", "gigavatios", "m"), "GB": ("gigabyte", "gigabytes", "m"),
    "MB": ("megabyte", "megabytes", "m"), "TB": ("terabyte", "terabytes", "m"),
    "h": ("hora", "horas", "f"), "min": ("minuto", "minutos", "m"),
    "seg": ("segundo", "segundos", "m"), "s": ("segundo", "segundos", "m"),
    "mph": ("milla por hora", "millas por hora", "f"),
    "Mbps": ("megabit por segundo", "megabits por segundo", "m"),
}
# Other ways of writing the same units: "m2" for "m²", "ºC" (an ordinal sign) for "°C".
_UNIT_ALIASES = {"l/m2": "l/m²", "km2": "km²", "m2": "m²", "m3": "m³", "hm3": "hm³",
                 "ºC": "°C", "ºF": "°F", "L": "l"}
_UNIT_RE = re.compile(rf"{SIGN}(?P<a>{NUM})(?:\s?[-–]\s?(?P<b>{NUM}))?"
                      r"(?:\s(?P<mag>mil|millones|millón)(?:\sde)?)?\s?(?P<u>"
                      + "|".join(re.escape(u) for u in sorted([*_UNITS, *_UNIT_ALIASES], key=len,
                                                              reverse=True))
                      + r")(?![\w²³/])")


_PER = {"mes": "mes", "año": "año", "día": "día", "persona": "persona", "noche": "noche",
        "hab": "habitante", "habitante": "habitante", "unidad": "unidad"}
# "120,5 €/MWh", "1,65 €/l", "800 €/mes": after the amount is spoken, "/" is "por"
_PER_RE = re.compile(r"(?<=[^\W\d_])\s?/\s?("
                     + "|".join(re.escape(u) for u in sorted([*_UNITS, *_UNIT_ALIASES, *_PER],
                                                             key=len, reverse=True))
                     + r")(?![\w²³/])")


def say_units(text: str, conv: Convention) -> str:
    if "/" in text:
        text = _PER_RE.sub(lambda m: " por " + (_PER.get(m[1]) or _UNITS[
            _UNIT_ALIASES.get(m[1], m[1])][0]), text)
    if not HAS_DIGIT(text):
        return text

    def unit(m: re.Match[str]) -> str:
        one, many, gender = _UNITS[_UNIT_ALIASES.get(m["u"], m["u"])]
        if m["mag"]:
            mag = "millón" if m["mag"] == "millón" or (
                m["mag"] == "millones" and is_one(m["a"], conv)) else m["mag"]
            agree: Gender = gender if mag == "mil" else "m"
            said = f"{number(m['a'], conv, agree, m['sign'])} {mag}"
            return said + (" " if mag == "mil" else " de ") + many
        if m["b"]:
            first = number(m["a"], conv, "f" if gender == "f" else "count", m["sign"])
            return f"{first}{joiner(text, m)}{number(m['b'], conv, gender)} {many}"
        single = is_one(m["a"], conv)
        return f"{number(m['a'], conv, gender, m['sign'])} {one if single else many}"

    text = _UNIT_RE.sub(unit, text)
    return re.sub(r"(?<![\w.,])(\d+)\s?[x×]\s?(\d+)\b",  # "un 4x4", "de 3 x 2 metros"
                  lambda m: f"{cardinal(int(m[1]))} por {cardinal(int(m[2]))}", text)

