"""French readings of measured amounts for :mod:`briefcast.normalize_fr`: money ("12,50 €",
"3 M€", "2 Md€", "$5"), percentages ("3,5 %") and units ("130 km/h", "-5 °C").

Agreement follows French: a noun is plural from two on ("1,5 million d'euros", "deux
millions d'euros"), a round million or billion takes "de" ("trois millions d'euros", but
"cinq mille euros"), feminine units and currencies take "une" ("une tonne", "vingt et une
livres sterling"). Euros and cents are said as a French newsreader says a price: "douze
euros cinquante", "quatre-vingt-dix-neuf centimes". Pure ``str -> str`` rules, run after
dates and times and before the plain-number rules of
:mod:`briefcast.normalize_fr_numbers`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefcast.normalize_fr_numbers import (
    END,
    HAS_DIGIT,
    NUM,
    SIGN,
    cardinal,
    is_plural,
    number,
)


class Noun(NamedTuple):
    """A currency or unit as it is said: singular, plural, gender, and the currency's cents."""

    one: str
    many: str
    feminine: bool = False
    cent: tuple[str, str] | None = None


_EURO = Noun("euro", "euros", cent=("centime", "centimes"))
_DOLLAR = Noun("dollar", "dollars", cent=("cent", "cents"))
_US = Noun("dollar américain", "dollars américains", cent=("cent", "cents"))
_CAD = Noun("dollar canadien", "dollars canadiens", cent=("cent", "cents"))
_POUND = Noun("livre sterling", "livres sterling", True, ("penny", "pence"))
_CHF = Noun("franc suisse", "francs suisses", cent=("centime", "centimes"))
_CFA = Noun("franc CFA", "francs CFA")
_CURRENCY = {"€": _EURO, "EUR": _EURO, "$": _DOLLAR, "USD": _US, "US$": _US, "$US": _US,
             "$ US": _US, "CA$": _CAD, "$CA": _CAD, "$ CA": _CAD, "CAD": _CAD, "£": _POUND,
             "GBP": _POUND, "CHF": _CHF, "FCFA": _CFA, "F CFA": _CFA, "XOF": _CFA,
             "¥": Noun("yen", "yens"), "JPY": Noun("yen", "yens"), "CNY": Noun("yuan", "yuans"),
             "₽": Noun("rouble", "roubles"), "₹": Noun("roupie", "roupies", True)}
_CUR_RE = "|".join(re.escape(c) for c in sorted(_CURRENCY, key=len, reverse=True))
_MAGNITUDE = {"k": "mille", "K": "mille", "mille": "mille", "M": "million", "Mn": "million",
              "million": "million", "millions": "million", "Md": "milliard", "Mds": "milliard",
              "Mrd": "milliard", "Mrds": "milliard", "G": "milliard",
              "milliard": "milliard", "milliards": "milliard"}
_MAG_RE = "|".join(re.escape(m) for m in sorted(_MAGNITUDE, key=len, reverse=True))
_AMOUNT_FIRST = re.compile(rf"{SIGN}(?:(?P<a0>{NUM}) ?[-–] ?)?(?P<a>{NUM}) ?(?:(?P<mag>{_MAG_RE})"
                           rf" ?)?(?P<cur>{_CUR_RE})(?![\w$€£¥])")
_SYMBOL_FIRST = re.compile(rf"{SIGN}(?P<cur>US\$|CA\$|[$€£¥])\s?(?P<a>{NUM})"
                           rf"(?: ?(?P<mag>{_MAG_RE})\b)?{END}")


def _of(noun: str) -> str:
    """'millions' + 'de' before a noun: "d'euros", "de dollars"."""
    return "d'" + noun if noun[0] in "aeéèêiîoôuyh" else "de " + noun


def _magnitude(a: str, mag: str, noun: Noun) -> str:
    """'3' 'M' -> trois millions d'euros; '1,5' 'Md' -> un virgule cinq milliard d'euros;
    '5' 'k' -> cinq mille euros."""
    word = _MAGNITUDE[mag]
    if word == "mille":
        head = "mille" if a == "1" else f"{number(a)} mille"
        return f"{head} {noun.many}"
    head = f"{number(a)} {word}{'s' if is_plural(a) else ''}"
    return f"{head} {_of(noun.many)}"


def _price(a: str, noun: Noun) -> str:
    """'12,50' -> douze euros cinquante; '0,99' -> quatre-vingt-dix-neuf centimes."""
    whole, _, frac = a.partition(",")
    if noun.cent and frac and len(frac) <= 2:
        cents = int(frac.ljust(2, "0"))
        units = int(re.sub(r"[ .]", "", whole))
        if units == 0:
            one, many = noun.cent
            return f"{cardinal(cents)} {one if cents < 2 else many}"
        main = _price(whole, noun)
        return main if cents == 0 else f"{main} {cardinal(cents, noun.feminine)}"
    words = number(a, feminine=noun.feminine)
    if re.search(r"(?:million|milliard)s?$", words):  # "1 000 000 €"
        return f"{words} {_of(noun.many)}"
    return f"{words} {noun.many if is_plural(a) else noun.one}"


def _money(m: re.Match[str]) -> str:
    noun = _CURRENCY[m["cur"]]
    sign = "moins " if m["sign"] == "-" else ""
    a0 = m.groupdict().get("a0")
    first = f"{number(a0)} à " if a0 else ""
    said = _magnitude(m["a"], m["mag"], noun) if m["mag"] else _price(m["a"], noun)
    return sign + first + said


def say_money(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,])(\d+) ?€ ?(\d\d)\b",  # "12€50": a price as it is said
                  lambda m: _price(f"{m[1]},{m[2]}", _EURO), text)
    text = _AMOUNT_FIRST.sub(_money, text)
    text = _SYMBOL_FIRST.sub(_money, text)
    # a magnitude whose currency is already a word: "3 M d'euros", "2 Mds de dollars"
    return re.sub(rf"(?<![\w.,])(?P<a>{NUM}) ?(?P<mag>Mds?|Mrds?|M)\.? (?=d['’]|de )",
                  lambda m: f"{number(m['a'])} {_MAGNITUDE[m['mag']]}"
                  f"{'s' if is_plural(m['a']) else ''} ", text)


def say_percents(text: str) -> str:
    """'3,5 %' -> trois virgule cinq pour cent; '10-15 %' -> dix à quinze pour cent."""
    if not HAS_DIGIT(text):
        return text

    def percent(m: re.Match[str]) -> str:
        tail = f" à {number(m['b'])}" if m["b"] else ""
        return f"{number(m['a'], m['sign'])}{tail} {'pour mille' if m['p'] == '‰' else 'pour cent'}"

    return re.sub(rf"{SIGN}(?P<a>{NUM})(?: ?[-–] ?(?P<b>{NUM}))? ?(?P<p>[%‰])", percent, text)


_UNITS = {
    "km/h": Noun("kilomètre par heure", "kilomètres par heure"),
    "m/s": Noun("mètre par seconde", "mètres par seconde"),
    "µg/m³": Noun("microgramme par mètre cube", "microgrammes par mètre cube"),
    "µg/m3": Noun("microgramme par mètre cube", "microgrammes par mètre cube"),
    "km²": Noun("kilomètre carré", "kilomètres carrés"),
    "km2": Noun("kilomètre carré", "kilomètres carrés"),
    "m²": Noun("mètre carré", "mètres carrés"), "m2": Noun("mètre carré", "mètres carrés"),
    "m³": Noun("mètre cube", "mètres cubes"), "m3": Noun("mètre cube", "mètres cubes"),
    "km": Noun("kilomètre", "kilomètres"), "m": Noun("mètre", "mètres"),
    "cm": Noun("centimètre", "centimètres"), "mm": Noun("millimètre", "millimètres"),
    "kg": Noun("kilogramme", "kilogrammes"), "g": Noun("gramme", "grammes"),
    "mg": Noun("milligramme", "milligrammes"), "µg": Noun("microgramme", "microgrammes"),
    "t": Noun("tonne", "tonnes", True), "Mt": Noun("mégatonne", "mégatonnes", True),
    "l": Noun("litre", "litres"), "L": Noun("litre", "litres"),
    "cl": Noun("centilitre", "centilitres"), "ml": Noun("millilitre", "millilitres"),
    "hl": Noun("hectolitre", "hectolitres"), "ha": Noun("hectare", "hectares"),
    "°C": Noun("degré Celsius", "degrés Celsius"), "° C": Noun("degré Celsius", "degrés Celsius"),
    "°F": Noun("degré Fahrenheit", "degrés Fahrenheit"), "°": Noun("degré", "degrés"),
    "kWh": Noun("kilowattheure", "kilowattheures"), "MWh": Noun("mégawattheure", "mégawattheures"),
    "GWh": Noun("gigawattheure", "gigawattheures"), "TWh": Noun("térawattheure", "térawattheures"),
    "kW": Noun("kilowatt", "kilowatts"), "MW": Noun("mégawatt", "mégawatts"),
    "GW": Noun("gigawatt", "gigawatts"), "W": Noun("watt", "watts"),
    "Go": Noun("gigaoctet", "gigaoctets"), "Mo": Noun("mégaoctet", "mégaoctets"),
    "To": Noun("téraoctet", "téraoctets"), "Ko": Noun("kilooctet", "kilooctets"),
    "Mbit/s": Noun("mégabit par seconde", "mégabits par seconde"),
    "Gbit/s": Noun("gigabit par seconde", "gigabits par seconde"),
    "Mb/s": Noun("mégabit par seconde", "mégabits par seconde"),
    "min": Noun("minute", "minutes", True), "mn": Noun("minute", "minutes", True),
    "s": Noun("seconde", "secondes", True), "ms": Noun("milliseconde", "millisecondes", True),
    "j": Noun("jour", "jours"), "hPa": Noun("hectopascal", "hectopascals"),
    "dB": Noun("décibel", "décibels"), "kcal": Noun("kilocalorie", "kilocalories", True),
    "ch": Noun("cheval", "chevaux"), "pts": Noun("point", "points"), "pt": Noun("point", "points"),
    "kHz": Noun("kilohertz", "kilohertz"), "MHz": Noun("mégahertz", "mégahertz"),
    "GHz": Noun("gigahertz", "gigahertz"), "mAh": Noun("milliampère-heure", "milliampères-heures"),
}
_UNIT_RE = re.compile(rf"{SIGN}(?P<a>{NUM})(?: ?[-–] ?(?P<b>{NUM}))?(?: (?P<mag>millions?|"
                      r"milliards?|mille)\b)? ?(?P<u>"
                      + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
                      + r")(?![\w²³'’])")


def _unit(m: re.Match[str]) -> str:
    noun = _UNITS[m["u"]]
    last = m["b"] or m["a"]
    whole, _, frac = m["a"].partition(",")
    if m["u"] == "m" and not (m["b"] or m["mag"] or m["sign"]) and len(frac) in (1, 2) \
            and whole != "0":  # "1,80 m": un mètre quatre-vingts, as heights are said
        metres = number(whole)
        return f"{metres} {'mètres' if is_plural(whole) else 'mètre'} {cardinal(int(frac.ljust(2, '0')))}"
    said = number(m["a"], m["sign"], feminine=noun.feminine and not m["b"])
    if m["b"]:
        said += f" à {number(m['b'], feminine=noun.feminine)}"
    if m["mag"]:
        return f"{said} {m['mag']} {_of(noun.many)}"
    return f"{said} {noun.many if is_plural(last) else noun.one}"


def say_units(text: str) -> str:
    """'130 km/h' -> cent trente kilomètres par heure; '-5 °C' -> moins cinq degrés Celsius."""
    if not HAS_DIGIT(text):
        return text
    text = re.sub(r"(?<![\w.,])4 ?[x×] ?4\b", "quatre-quatre", text)  # the vehicle
    text = re.sub(r"(?<![\w.,])(\d+) ?[x×] ?(?=\d)",  # "4x100 m", "2x2 voies"
                  lambda m: f"{cardinal(int(m[1]))} fois ", text)
    return _UNIT_RE.sub(_unit, text)
