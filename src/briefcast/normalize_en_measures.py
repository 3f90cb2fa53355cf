"""English readings of measured amounts for :mod:`briefcast.normalize_en`: money, percentages
and units ("$5.2bn", "3.5%", "6ft 2in", "120-mph winds").

Split from :mod:`briefcast.normalize_en_numbers`, which owns the plain readings (cardinal,
ordinal, year...) these rules build on. Each ``say_*`` rule is a pure ``str -> str``
function; :data:`briefcast.normalize_en.PIPELINE` runs money before percentages before
units before the plain-number rules, so the most specific reading claims a number first.
"""

from __future__ import annotations

import re

from briefcast.normalize_en_numbers import (
    END,
    HAS_DIGIT,
    NUM,
    SIGN,
    cardinal,
    joiner,
    number,
    paired,
)

_CURRENCY = {"US$": ("U.S dollar", "cent"), "A$": ("Australian dollar", "cent"),
             "C$": ("Canadian dollar", "cent"), "HK$": ("Hong Kong dollar", "cent"),
             "NZ$": ("New Zealand dollar", "cent"), "$": ("dollar", "cent"),
             "€": ("euro", "cent"), "£": ("pound", "penny"), "¥": ("yen", ""),
             "₹": ("rupee", ""), "Rs.": ("rupee", ""), "Rs": ("rupee", ""),
             "S$": ("Singapore dollar", "cent"), "₩": ("won", ""), "₽": ("ruble", ""),
             "₦": ("naira", ""), "₱": ("peso", ""), "USD": ("U.S dollar", "cent"),
             "EUR": ("euro", "cent"), "GBP": ("pound", "penny"), "CHF": ("Swiss franc", ""),
             "JPY": ("yen", ""), "INR": ("rupee", ""), "CNY": ("yuan", ""), "RMB": ("yuan", "")}
_PLURALS = {"penny": "pence", "yen": "yen", "foot": "feet", "inch": "inches", "won": "won",
            "naira": "naira", "yuan": "yuan", "horsepower": "horsepower", "hertz": "hertz",
            "megahertz": "megahertz", "gigahertz": "gigahertz"}
_CUR_RE = "|".join(re.escape(c) for c in sorted(_CURRENCY, key=len, reverse=True))
_MAGNITUDE = {"thousand": "thousand", "k": "thousand", "million": "million", "m": "million",
              "mn": "million", "billion": "billion", "bn": "billion", "b": "billion",
              "trillion": "trillion", "tn": "trillion", "trn": "trillion", "crore": "crore",
              "lakh": "lakh", "lakh crore": "lakh crore"}
_MAG_RE = (r"(?:\s?(?P<mag{0}>(?i:" + "|".join(sorted(_MAGNITUDE, key=len, reverse=True))
           + r"))\b)?")
_MONEY = re.compile(rf"{SIGN}(?P<cur>{_CUR_RE})\s?(?P<a>{NUM}){_MAG_RE.format(1)}"
                    rf"(?:(?:\s?[-–]\s?|\s+to\s+)(?:{_CUR_RE})?\s?(?P<b>{NUM})"
                    + _MAG_RE.format(2) + ")?" + END)
_NOT_NOUN = frozenset(  # words after an amount that show it is not modifying a noun
    "of in on at to for from by with and or but a an the that which who is was are were will "
    "would has have had be been each per over under toward towards into through across after "
    "before since during between against within without about above below up down off out "
    "back ago annually apiece more less than so too also already still now then yet not while "
    "when where if as because plus last next this these those it he she they we you i there "
    "here".split())
_DETERMINERS = frozenset("a an the this that its their his her our your each every "
                         "another".split())


def _plural_of(name: str) -> str:
    """Pluralize the head noun: 'mile per hour' -> 'miles per hour', 'foot' -> 'feet'."""
    words = name.split()
    i = 0 if "per" in words or words[0] == "degree" else len(words) - 1
    words[i] = _PLURALS.get(words[i], words[i] + "s")
    return " ".join(words)


def _adjectival(text: str, m: re.Match[str]) -> bool:
    """'a new $22 million wing', 'Opens $22 Million Wing': the amount modifies a noun (it
    follows a determiner, or sits inside a Title Case headline, and precedes a noun), so
    its unit stays singular."""
    if re.match(r"-[a-z]", text[m.end():]):  # "a £50,000-a-year job"
        return True
    nxt = re.match(r"\s+([A-Za-z]+)\b", text[m.end():])
    if not nxt or nxt[1].lower() in _NOT_NOUN or nxt[1].endswith(("ed", "ly")):
        return False
    before = re.split(r"[,.;:!?()\"“”]", text[max(0, m.start() - 60):m.start()])[-1]
    words = re.findall(r"[A-Za-z']+", before)[-3:]
    if nxt[1][0].isupper():  # headline style: "Council Approves $48.6 Million Budget"
        return bool(words) and words[-1][0].isupper() and words[-1].lower() not in _NOT_NOUN
    for word in reversed(words):
        if word.lower() in _DETERMINERS or word.endswith("'s"):
            return True
        if not word.islower() or word in _NOT_NOUN:
            return False
    return False


def _amount(s: str, cur: str, mag: str | None, adjectival: bool = False) -> str:
    one, sub_one = _CURRENCY[cur]
    whole, _, frac = s.replace(",", "").partition(".")
    many = one if adjectival else _plural_of(one)
    if mag:
        return f"{number(s)} {_MAGNITUDE[mag.lower()]} {many}"
    if len(frac) == 2 and sub_one:
        main = f"{cardinal(int(whole))} {one if whole == '1' else many}"
        sub = f"{cardinal(int(frac))} {sub_one if frac == '01' else _plural_of(sub_one)}"
        return sub if whole == "0" else main if frac == "00" else f"{main} and {sub}"
    return f"{number(s)} {one if s == '1' else many}"


def say_money(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def money(m: re.Match[str]) -> str:
        cur, a, b, mag1, mag2 = m["cur"], m["a"], m["b"], m["mag1"], m["mag2"]
        sign, adj = ("minus " if m["sign"] == "-" else ""), _adjectival(text, m)
        if not b:
            return sign + _amount(a, cur, mag1, adj)
        if not (mag1 or mag2) and re.search(r"\.\d\d$", a + " " + b):
            return f"{sign}{_amount(a, cur, None)}{joiner(text, m)}{_amount(b, cur, None)}"
        first = number(a) + (f" {_MAGNITUDE[mag1.lower()]}" if mag1 else "")
        return f"{sign}{first}{joiner(text, m)}{_amount(b, cur, mag2, adj)}"

    text = _MONEY.sub(money, text)
    text = re.sub(rf"(?<![\w.,])({NUM})\s?¢",
                  lambda m: f"{number(m[1])} cent{'' if m[1] == '1' else 's'}", text)
    # amounts without a currency sign: "3bn people", "a 50p coin" (but "1080p" video)
    text = re.sub(rf"(?<![\w.,])(?P<a>{NUM})(?P<mag>bn|tn|trn|mn)\b",
                  lambda m: f"{number(m['a'])} {_MAGNITUDE[m['mag']]}", text)
    return re.sub(r"(?<![\w.,])(\d{1,4})p\b(?![-']\w)", _pence_or_pixels, text)


def _pence_or_pixels(m: re.Match[str]) -> str:
    if m[1] in ("360", "480", "720", "1080", "1440", "2160"):
        return f"{paired(m[1])} P"
    return f"{cardinal(int(m[1]))} {'penny' if m[1] == '1' else 'pence'}"


_MOVES = frozenset("rose fell up down gained lost dropped climbed declined jumped slid slipped "
                   "sank surged tumbled plunged soared increased decreased added shed".split())


def say_percents(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def percent(m: re.Match[str]) -> str:
        verb = re.search(r"([a-z]+) $", text[max(0, m.start() - 20):m.start()])
        sign = "" if verb and verb[1] in _MOVES else m["sign"]  # "fell -2%": the verb says it
        tail = joiner(text, m) + number(m["b"]) if m["b"] else ""
        return f"{number(m['a'], sign)}{tail} percent"

    return re.sub(rf"{SIGN}(?P<a>{NUM})%?(?:\s?[-–]\s?(?P<b>{NUM}))?(?:\s?%|\s?pc\b)", percent,
                  text)


_UNITS = {"km/h": "kilometer per hour", "kph": "kilometer per hour", "mph": "mile per hour",
          "km²": "square kilometer", "km2": "square kilometer", "sq km": "square kilometer",
          "sq ft": "square foot", "m²": "square meter", "km": "kilometer", "cm": "centimeter",
          "mm": "millimeter", "kg": "kilogram", "mg": "milligram", "g": "gram", "lbs": "pound",
          "lb": "pound", "oz": "ounce", "ft": "foot", "mi": "mile", "yd": "yard",
          "ml": "milliliter", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
          "kWh": "kilowatt hour", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
          "°C": "degree Celsius", "°F": "degree Fahrenheit", "°": "degree", "hrs": "hour",
          "mins": "minute", "in": "inch", "C": "degree Celsius", "F": "degree Fahrenheit",
          "m": "meter", "Mbps": "megabit per second", "Gbps": "gigabit per second",
          "kbps": "kilobit per second", "GHz": "gigahertz", "MHz": "megahertz", "nm": "nanometer",
          "sq mi": "square mile", "sq m": "square meter", "mpg": "mile per gallon",
          "hp": "horsepower", "bpd": "barrel per day", "mAh": "milliamp hour",
          "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour",
          "ha": "hectare", "μg": "microgram", "mcg": "microgram", "mL": "milliliter"}
_ATTACHED_ONLY = {"in", "C", "F"}  # "6ft 2in", "30C": with a space they are other words
_METER_PLURAL = frozenset("tall high long wide deep away above below from in of into "
                          "under".split())
_METER_NOUNS = frozenset("sprint race hurdles freestyle backstroke breaststroke butterfly "
                         "medley relay dash final record drop fall wall".split())
_UNIT_RE = re.compile(rf"{SIGN}(?P<a>{NUM})(?:\s?[-–]\s?(?P<b>{NUM}))?"
                      r"(?: (?P<mag>thousand|million|billion|trillion))?(?P<sp>\s?|-)(?P<u>"
                      + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
                      + r")(?![\w²])")


def say_units(text: str) -> str:
    if not HAS_DIGIT(text):
        return text
    def unit(m: re.Match[str]) -> str:
        u = m["u"]
        if u in _ATTACHED_ONLY and m["sp"]:
            return m.group()
        said = number(m["a"], m["sign"]) + (joiner(text, m) + number(m["b"]) if m["b"] else "")
        said += f" {m['mag']}" if m["mag"] else ""
        if m["sp"] == "-":  # "a 5-km run", "120-mph winds"
            return f"{said}-{_UNITS[u].replace(' ', '-')}"
        adjectival = _adjectival(text, m)
        if u == "m":
            nxt = re.match(r"\s+([a-z]+)", text[m.end():])
            if nxt and nxt.group(1) in _METER_NOUNS:
                adjectival = True
            elif nxt and nxt.group(1) not in _METER_PLURAL:
                return f"{said} million"
        singular = adjectival or (m["a"] == "1" and not m["b"] and not m["mag"])
        return f"{said} {_UNITS[u] if singular else _plural_of(_UNITS[u])}"

    text = _HEIGHT.sub(lambda m: _height(text, m), text)
    text = re.sub(r"(?<![\w.,\"])(\d{2,3})\"(?=\s+[A-Za-z])",  # 'a 55" TV', but not a closing quote
                  lambda m: m.group() if text[:m.start()].count('"') % 2
                  else f"{cardinal(int(m[1]))}-inch", text)
    text = _UNIT_RE.sub(unit, text)
    text = re.sub(r"(?<![\w.,])(\d+)\s?[x×]\s?(\d+)\b", lambda m: f"{m[1]} by {m[2]}", text)  # 4x4
    return re.sub(rf"(?<![\w.,])({NUM})x(?=[\s,.;:!?)]|$)",  # "3x faster", "a 10x return"
                  lambda m: f"{number(m[1])} times", text)


_HEIGHT = re.compile(r"(?<![\w'\".,])(?P<ft>\d)(?:\s?['′]\s?|\s?(?:ft|feet|foot)\.?\s?)"
                     r"(?P<in>\d{1,2})(?:\s?(?:\"|''|″|”)|\s?(?:in|inches)\b)")


def _height(text: str, m: re.Match[str]) -> str:
    """5'11", '6 ft 2 in': 'five feet eleven inches'; 'a 6'2" guard': 'a six-foot-two guard'."""
    ft, inches = cardinal(int(m["ft"])), cardinal(int(m["in"]))
    if _adjectival(text, m):
        return f"{ft}-foot-{inches}"
    feet = "foot" if m["ft"] == "1" else "feet"
    return f"{ft} {feet} {inches} inch{'' if m['in'] == '1' else 'es'}"

