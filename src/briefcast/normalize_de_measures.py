"""German money, percentages and units for :mod:`briefcast.normalize_de`.

"48,6 Mio. €" -> "achtundvierzig Komma sechs Millionen Euro", "€ 12,50" -> "zwölf Euro
fünfzig" (cents are said after the currency, as German newsreaders do), "$3 Mrd." -> "drei
Milliarden Dollar", "3,5 %" -> "drei Komma fünf Prozent", "120 km/h" -> "hundertzwanzig
Kilometer pro Stunde". Currencies and most units do not change in the plural after a
number in German ("fünf Euro", "zehn Kilometer"); the feminine ones do ("eine Tonne",
"zwei Tonnen") and are given both forms. Pure ``str -> str`` rules.
"""

from __future__ import annotations

import re

from briefcast.normalize_de_numbers import (
    HAS_DIGIT,
    NUM,
    SIGN,
    cardinal,
    joiner,
    keep_period,
    number,
    one,
    prev_word,
)

_CURRENCY = {"€": "Euro", "EUR": "Euro", "Euro": "Euro", "$": "Dollar", "US$": "US-Dollar",
             "USD": "US-Dollar", "US-Dollar": "US-Dollar", "Dollar": "Dollar", "£": "Pfund",
             "GBP": "Pfund", "Pfund": "Pfund", "CHF": "Franken", "Franken": "Franken",
             "¥": "Yen", "JPY": "Yen", "Yen": "Yen", "₽": "Rubel", "Rubel": "Rubel",
             "₺": "Lira", "₹": "Rupien"}
_SUBUNIT = {"Euro": "Cent", "Dollar": "Cent", "US-Dollar": "Cent", "Pfund": "Pence",
            "Franken": "Rappen"}
_BEFORE = ("US$", "€", "$", "£", "¥", "₽", "₺", "₹", "EUR", "USD", "GBP", "CHF", "JPY")
_AFTER = ("US-Dollar", "Dollar", "Euro", "Pfund", "Franken", "Yen", "Rubel", "€", "$", "£",
          "¥", "₽", "₺", "₹", "EUR", "USD", "GBP", "CHF", "JPY")
# magnitude: (singular, plural)
_MAGNITUDE = {"Tsd.": ("tausend", "tausend"), "Tausend": ("tausend", "tausend"),
              "Mio.": ("Million", "Millionen"), "Mio": ("Million", "Millionen"),
              "Million": ("Million", "Millionen"), "Millionen": ("Million", "Millionen"),
              "Mrd.": ("Milliarde", "Milliarden"), "Mrd": ("Milliarde", "Milliarden"),
              "Milliarde": ("Milliarde", "Milliarden"), "Milliarden": ("Milliarde", "Milliarden"),
              "Bio.": ("Billion", "Billionen"), "Billion": ("Billion", "Billionen"),
              "Billionen": ("Billion", "Billionen")}


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MAG_WORDS = _alternation(list(_MAGNITUDE))
_MAG = rf"(?:\s?(?P<mag{{0}}>{_MAG_WORDS})(?![\w]))?"
_PRICE = r",(?:-|–|--)(?!\d)"  # "12,- €": a whole price
_MONEY_AFTER = re.compile(
    rf"{SIGN}(?:(?P<b>{NUM})\s?[-–]\s?)?(?P<a>{NUM})(?:{_PRICE})?{_MAG.format(1)}\s?"
    rf"(?P<cur>{_alternation(_AFTER)})(?![^\W_])")
_MONEY_BEFORE = re.compile(
    rf"{SIGN}(?P<cur>{_alternation(_BEFORE)})\s?(?:(?P<b>{NUM})\s?[-–]\s?)?(?P<a>{NUM})"
    rf"(?:{_PRICE})?{_MAG.format(1)}(?![\w]|[.,]\d)")


def _magnitude(s: str, mag: str, prev: str) -> str:
    """'48,6', 'Mio.' -> 'achtundvierzig Komma sechs Millionen'; '1', 'Mrd.' -> 'eine Milliarde'."""
    singular, plural = _MAGNITUDE[mag]
    if singular == "tausend":
        return number(s) + " tausend" if "," in s else cardinal(int(re.sub(r"\D", "", s)) * 1000)
    if s == "1":
        return f"{one(singular, prev)} {singular}"
    return f"{number(s)} {plural}"


def _amount(s: str, cur: str, mag: str | None, prev: str) -> str:
    name = _CURRENCY[cur]
    if mag:
        return f"{_magnitude(s, mag, prev)} {name}"
    whole, _, frac = s.partition(",")
    sub = _SUBUNIT.get(name)
    if len(frac) == 2 and sub:
        main = f"{one(name, prev) if whole == '1' else number(whole)} {name}"
        if whole == "0":
            return f"{one(sub, prev) if frac == '01' else cardinal(int(frac))} {sub}"
        return main if frac == "00" else f"{main} {cardinal(int(frac))}"
    return f"{one(name, prev) if s == '1' else number(s)} {name}"


def say_money(text: str) -> str:
    """Amounts with a currency sign, code or name, before or after the number."""
    if not HAS_DIGIT(text):
        return text

    def money(m: re.Match[str]) -> str:
        sign = "minus " if m["sign"] == "-" else ""
        prev = prev_word(text, m.start())
        said = _amount(m["a"], m["cur"], m["mag1"], prev)
        if m["b"]:
            said = number(m["b"]) + joiner(text, m.start()) + said
        return sign + said + _period(text, m)

    text = _MONEY_BEFORE.sub(money, text)
    text = _MONEY_AFTER.sub(money, text)
    # amounts without a currency: "48,6 Mio. Einwohner", "1 Mrd. Menschen"
    return re.sub(rf"(?<![\w.,])(?P<a>{NUM})\s?(?P<mag1>{_MAG_WORDS})(?![\w])",
                  lambda m: _magnitude(m["a"], m["mag1"], prev_word(text, m.start()))
                  + _period(text, m), text)


def _period(text: str, m: re.Match[str]) -> str:
    """'$3 Mrd.' ending a sentence keeps its period once "Mrd." is said in full."""
    return keep_period(text, m.end()) if m.group().endswith(".") else ""


def say_percents(text: str) -> str:
    """'3,5 %' -> '3,5 Prozent' (the number itself is read by the later rules, ranges
    included), '5%-Hürde' -> '5-Prozent-Hürde', '0,5 ‰' -> '0,5 Promille'."""
    if not ("%" in text or "‰" in text):
        return text
    text = re.sub(r"(?<=\d)\s?%-(?=[A-ZÄÖÜ])", "-Prozent-", text)
    text = re.sub(r"(?<=\d)-%-(?=[A-ZÄÖÜ])", "-Prozent-", text)
    text = re.sub(r"(?<=\d)\s?%", " Prozent", text)
    return re.sub(r"(?<=\d)\s?‰", " Promille", text)


# unit: (singular, plural)
_UNITS = {"km/h": ("Kilometer pro Stunde",) * 2, "km²": ("Quadratkilometer",) * 2,
          "m²": ("Quadratmeter",) * 2, "qm": ("Quadratmeter",) * 2, "m³": ("Kubikmeter",) * 2,
          "km": ("Kilometer",) * 2, "m": ("Meter",) * 2, "cm": ("Zentimeter",) * 2,
          "mm": ("Millimeter",) * 2, "kg": ("Kilogramm",) * 2, "g": ("Gramm",) * 2,
          "mg": ("Milligramm",) * 2, "t": ("Tonne", "Tonnen"), "l": ("Liter",) * 2,
          "ml": ("Milliliter",) * 2, "hl": ("Hektoliter",) * 2, "ha": ("Hektar",) * 2,
          "°C": ("Grad Celsius",) * 2, "°F": ("Grad Fahrenheit",) * 2, "°": ("Grad",) * 2,
          "h": ("Stunde", "Stunden"), "Std.": ("Stunde", "Stunden"),
          "min": ("Minute", "Minuten"), "Min.": ("Minute", "Minuten"),
          "Sek.": ("Sekunde", "Sekunden"), "kW": ("Kilowatt",) * 2, "MW": ("Megawatt",) * 2,
          "GW": ("Gigawatt",) * 2, "kWh": ("Kilowattstunde", "Kilowattstunden"),
          "MWh": ("Megawattstunde", "Megawattstunden"),
          "GWh": ("Gigawattstunde", "Gigawattstunden"),
          "TWh": ("Terawattstunde", "Terawattstunden"), "GB": ("Gigabyte",) * 2,
          "MB": ("Megabyte",) * 2, "TB": ("Terabyte",) * 2,
          "Mbit/s": ("Megabit pro Sekunde",) * 2, "mph": ("Meile pro Stunde",
                                                          "Meilen pro Stunde"),
          "kn": ("Knoten",) * 2, "dB": ("Dezibel",) * 2, "Hz": ("Hertz",) * 2,
          "GHz": ("Gigahertz",) * 2, "MHz": ("Megahertz",) * 2, "Stk.": ("Stück",) * 2}
_UNIT_RE = re.compile(rf"(?<![\w.,])(?P<n>{NUM})(?:(?P<sp>\s?)[-–]\s?(?P<b>{NUM}))?"
                      rf"(?P<gap>\s?|-)(?P<u>{_alternation(list(_UNITS))})"
                      r"(?P<hy>-(?=[A-ZÄÖÜ]))?(?![\w²³])")
PER_UNIT = {"kg": "Kilogramm", "h": "Stunde", "l": "Liter", "t": "Tonne", "m²": "Quadratmeter",
        "qm": "Quadratmeter", "MWh": "Megawattstunde", "kWh": "Kilowattstunde", "Jahr": "Jahr",
        "Monat": "Monat", "Tag": "Tag", "Woche": "Woche", "Stunde": "Stunde", "Liter": "Liter",
        "Kopf": "Kopf", "Person": "Person", "Einwohner": "Einwohner", "Nacht": "Nacht",
        "Barrel": "Barrel", "Tonne": "Tonne", "Kilogramm": "Kilogramm", "Haushalt": "Haushalt",
            "km²": "Quadratkilometer", "Quadratmeter": "Quadratmeter"}


def say_units(text: str) -> str:
    """'5 km' -> '5 Kilometer', '1 t' -> '1 Tonne', '-5 °C' -> '-5 Grad Celsius', '5-km-Lauf'
    -> '5-Kilometer-Lauf'; the numbers are read by the later rules. '€/kg' -> 'pro Kilogramm'."""
    if not HAS_DIGIT(text) and "/" not in text:
        return text

    def unit(m: re.Match[str]) -> str:
        singular, plural = _UNITS[m["u"]]
        name = singular if m["n"] == "1" and not m["b"] else plural
        if m["gap"] == "-" or m["hy"]:  # a compound: "5-km-Lauf"
            return f"{m['n']}-{name.replace(' ', '-')}" + ("-" if m["hy"] else "")
        amount = f"{m['n']}–{m['b']}" if m["b"] else m["n"]
        return f"{amount} {name}" + _period(text, m)

    return say_per(_UNIT_RE.sub(unit, text))


def say_per(text: str) -> str:
    """'12 Euro/m²', 'Euro / Monat', 'pro kWh' -> 'pro Quadratmeter', 'pro Monat', ..."""
    if "/" not in text and "pro " not in text:
        return text
    text = re.sub(rf"(?<=\w)\s?/\s?({_alternation(list(PER_UNIT))})(?![\w²])",
                  lambda m: f" pro {PER_UNIT[m[1]]}", text)
    return re.sub(r"\bpro (m²|qm|km²|kg|h|l|t|kWh|MWh)(?![\w²])",
                  lambda m: "pro " + PER_UNIT[m[1]], text)
