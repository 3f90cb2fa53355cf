"""Relative dates in German, Spanish and French, re-said for the edition day (or left
exactly as written), as ``dates.py`` does for English."""

from __future__ import annotations

import datetime as dt

import pytest

from briefcast.languages import language_data
from briefcast.stages.dates import DateFrame, date_phrases, resolve_dates, stale_future
from briefcast.stages.quotes import canonical_quotes

MONDAY = dt.date(2026, 11, 23)  # the article's day
TUESDAY = dt.date(2026, 11, 24)  # the next morning's edition
LATER = dt.date(2026, 12, 3)  # ten days on

# (language, written, edition, said); "=" means left exactly as written.
CASES = [
    # German: day words, parts of the day, prepositions, weekdays with their marks
    ("de", "Der Stadtrat hat heute den Haushalt beschlossen.", TUESDAY,
     "Der Stadtrat hat gestern den Haushalt beschlossen."),
    ("de", "Heute Abend stimmte der Rat ab.", TUESDAY, "Gestern Abend stimmte der Rat ab."),
    ("de", "Der Rat hat gestern abgestimmt.", TUESDAY, "Der Rat hat am Sonntag abgestimmt."),
    ("de", "Die Straße bleibt bis morgen gesperrt.", TUESDAY,
     "Die Straße bleibt bis heute gesperrt."),
    ("de", "Morgen früh öffnet die Fähre wieder.", TUESDAY, "Heute Morgen öffnet die Fähre wieder."),
    ("de", "Seit gestern gilt die neue Regel.", TUESDAY, "Seit Sonntag gilt die neue Regel."),
    ("de", "Die Arbeiten sollen am kommenden Mittwoch beginnen.", TUESDAY,
     "Die Arbeiten sollen morgen beginnen."),
    ("de", "Der Rat hat am Montag abgestimmt.", TUESDAY, "Der Rat hat gestern abgestimmt."),
    ("de", "Der Rat hat am Sonntagabend abgestimmt.", TUESDAY, "="),  # still the clearest
    ("de", "Der Rat hat am Freitag abgestimmt.", LATER, "Der Rat hat am 20. November abgestimmt."),
    ("de", "Am Morgen war es kalt.", TUESDAY, "="),  # the noun, not "tomorrow"
    ("de", "Bis heute ist nichts geklärt.", TUESDAY, "="),  # until now
    ("de", "Die Regel gilt jeden Montag.", TUESDAY, "="),  # a habit
    ("de", "Der Termin bis zum kommenden Mittwoch steht.", TUESDAY, "="),  # "zum" would change
    ("de", "Die Sitzung ist am Montag.", TUESDAY, "="),  # past or coming? not clear
    ("de", "„Wir haben heute entschieden“, sagte sie.", TUESDAY, "="),  # a quote
    ("de", "Der Rat hat am Montag, 23. November, abgestimmt.", TUESDAY, "="),  # a date already
    ("de", "Der Plan wurde heute Morgen bekannt.", LATER, "="),  # far, with a part of the day
    # Spanish
    ("es", "El ayuntamiento aprobó hoy el presupuesto.", TUESDAY,
     "El ayuntamiento aprobó ayer el presupuesto."),
    ("es", "El pleno aprobó esta noche el presupuesto.", TUESDAY,
     "El pleno aprobó anoche el presupuesto."),
    ("es", "Anoche llovió mucho.", TUESDAY, "El domingo por la noche llovió mucho."),
    ("es", "El pleno votará mañana la propuesta.", TUESDAY, "El pleno votará hoy la propuesta."),
    ("es", "Ayer por la tarde se reunió el consejo.", TUESDAY,
     "El domingo por la tarde se reunió el consejo."),
    ("es", "El alcalde lo anunció el lunes.", TUESDAY, "El alcalde lo anunció ayer."),
    ("es", "Desde el lunes rige la norma.", TUESDAY, "Desde ayer rige la norma."),
    ("es", "El alcalde lo anunció el pasado viernes.", LATER,
     "El alcalde lo anunció el 20 de noviembre."),
    ("es", "La obra empezará el próximo miércoles.", TUESDAY, "La obra empezará mañana."),
    ("es", "Hoy en día nadie lo usa.", TUESDAY, "="),  # nowadays
    ("es", "La sesión de ayer fue larga.", TUESDAY, "="),  # "de" would have to change
    ("es", "La mañana del lunes fue fría.", TUESDAY, "="),  # the morning, not "tomorrow"
    ("es", "Los lunes abre el mercado.", TUESDAY, "="),  # a habit
    ("es", "«Lo decidimos hoy», dijo.", TUESDAY, "="),
    # French
    ("fr", "Le conseil a adopté ce soir le budget.", TUESDAY,
     "Le conseil a adopté hier soir le budget."),
    ("fr", "Le conseil a voté hier soir.", TUESDAY, "Le conseil a voté dimanche soir."),
    ("fr", "Le vote aura lieu demain.", TUESDAY, "Le vote aura lieu aujourd'hui."),
    ("fr", "Ce matin, le maire a parlé.", TUESDAY, "Hier matin, le maire a parlé."),
    ("fr", "Lundi, la mairie a annoncé le projet.", TUESDAY, "Hier, la mairie a annoncé le projet."),
    ("fr", "Le conseil se réunira mercredi prochain.", TUESDAY, "Le conseil se réunira demain."),
    ("fr", "Vendredi dernier, la mairie a annoncé le projet.", LATER,
     "Le 20 novembre, la mairie a annoncé le projet."),
    ("fr", "Depuis hier, la route est fermée.", TUESDAY, "Depuis dimanche, la route est fermée."),
    ("fr", "Les jeunes d'aujourd'hui lisent peu.", TUESDAY, "="),
    ("fr", "Jusqu'à aujourd'hui, rien n'a changé.", TUESDAY, "="),
    ("fr", "Le marché ouvre le lundi.", TUESDAY, "="),  # a habit
    ("fr", "La séance de lundi a été longue.", TUESDAY, "="),
    ("fr", "« Nous avons voté aujourd'hui », a dit le maire.", TUESDAY, "="),
]


@pytest.mark.parametrize(("language", "written", "edition", "said"), CASES)
def test_relative_dates(language: str, written: str, edition: dt.date, said: str) -> None:
    sentence = canonical_quotes(written)
    frame = DateFrame(MONDAY, edition, True, language)
    assert resolve_dates(sentence, frame) == (sentence if said == "=" else said)
    if said != "=":  # the faithfulness check accepts what the rewriter wrote
        assert date_phrases([sentence], frame)


def test_heard_on_the_day_it_was_written_nothing_changes() -> None:
    for language, written, _, _ in CASES:
        sentence = canonical_quotes(written)
        if any(day.lower() in sentence.lower() for day in language_data(language).frame.weekdays):
            continue  # "am Sonntag" written on Monday is "gestern": a change, and right
        assert resolve_dates(sentence, DateFrame(MONDAY, MONDAY, True, language)) == sentence


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Der Rat wird heute abstimmen."),
    ("de", "Die Straße bleibt bis morgen gesperrt."),
    ("es", "El pleno votará hoy la propuesta."),
    ("fr", "Le conseil votera aujourd'hui le budget."),
    ("fr", "Le conseil se réunira mercredi."),
])
def test_news_of_what_is_past_by_air_time_is_stale(language: str, sentence: str) -> None:
    later = dt.date(2026, 11, 26)  # Thursday: every day named is over
    assert stale_future(sentence, DateFrame(MONDAY, later, True, language))
    assert not stale_future(sentence, DateFrame(MONDAY, MONDAY, True, language))


def test_an_assumed_day_re_says_day_words_only() -> None:
    frame = DateFrame(MONDAY, TUESDAY, False, "de")
    assert resolve_dates("Der Rat hat am Montag abgestimmt.", frame) == \
        "Der Rat hat am Montag abgestimmt."
    assert resolve_dates("Der Rat hat heute abgestimmt.", frame) == \
        "Der Rat hat gestern abgestimmt."
