"""Shows in German, Spanish and French: the frame, config defaults, junk tables, quotes,
sentences, pronunciation check and voices of each language (no normalizer needed here;
the example shows are built end to end in test_lang_examples.py)."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import wave
from pathlib import Path

import pytest

from briefcast.config import parse_config
from briefcast.errors import ConfigError
from briefcast.languages import LANGUAGES, language_data
from briefcast.lexicon import known, system_words
from briefcast.models import Article, Story
from briefcast.stages.clean import classify_lines, clean_article
from briefcast.stages.quotes import canonical_quotes, native_quotes, quote_spans
from briefcast.stages.sentences import split_sentences
from briefcast.templates_text import ScriptTemplates, headline_list, spoken_date


def _raw(language: str, **script: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "show": {"title": "Bote", "description": "D", "author": "Möwenhafener Bote",
                 "owner_email": "a@b.org", "language": language,
                 "base_url": "https://x.org/pod"},
        "sources": {"folder": "articles"}}
    if script:
        raw["script"] = script
    return raw


@pytest.mark.parametrize(("language", "intro", "voice", "chapters"), [
    ("de", "Willkommen bei {show}. Heute ist {date}.", "de", ("Einleitung", "Verabschiedung")),
    ("es", "Bienvenidos a {show}, edición del {date}.", "es", ("Introducción", "Despedida")),
    ("fr", "Bienvenue dans {show}, l'édition du {date}.", "fr",
     ("Introduction", "Conclusion")),
    ("de-AT", "Willkommen bei {show}. Heute ist {date}.", "de",
     ("Einleitung", "Verabschiedung")),
    ("en", "Welcome to {show}, for {date}.", "en-us", ("Introduction", "Sign-off")),
])
def test_show_language_gives_frame_and_voice(language: str, intro: str, voice: str,
                                              chapters: tuple[str, str]) -> None:
    config = parse_config(_raw(language), Path("/tmp/show.toml"))
    assert config.script.intro == intro
    assert config.voice == voice  # pyttsx3 speaks espeak-ng's voice for the language
    assert (config.script.intro_chapter, config.script.outro_chapter) == chapters
    frame = language_data(language).frame
    assert config.script.transitions == frame.transitions
    assert config.script.weekdays == frame.weekdays and config.script.months == frame.months


def test_a_script_key_the_show_sets_wins_over_the_language() -> None:
    config = parse_config(_raw("de", outro="Tschüss von {show}.", rundown_and="sowie"),
                          Path("/tmp/show.toml"))
    assert config.script.outro == "Tschüss von {show}."
    assert config.script.rundown_and == "sowie"
    assert config.script.intro.startswith("Willkommen")  # the rest stays German


def test_unsupported_language_lists_the_supported_ones() -> None:
    with pytest.raises(ConfigError) as err:
        parse_config(_raw("it"), Path("/tmp/show.toml"))
    assert "no support for language 'it' (supported: de, en, es, fr)" in str(err.value)


def test_english_voices_of_flite_are_a_warning_for_a_german_show() -> None:
    raw = _raw("de")
    raw["voice"] = {"engine": "flite"}
    config = parse_config(raw, Path("/tmp/show.toml"))
    assert any("speaks English" in w for w in config.warnings)


@pytest.mark.parametrize(("language", "date", "said"), [
    ("de", dt.date(2026, 11, 24), "Dienstag, der 24. November 2026"),
    ("es", dt.date(2026, 12, 1), "martes 1 de diciembre de 2026"),
    ("fr", dt.date(2026, 12, 1), "mardi 1er décembre 2026"),
    ("fr", dt.date(2026, 3, 8), "dimanche 8 mars 2026"),
])
def test_spoken_date_per_language(language: str, date: dt.date, said: str) -> None:
    config = parse_config(_raw(language), Path("/tmp/show.toml"))
    assert spoken_date(date, config.script) == said


def test_rundown_joins_headlines_in_the_language() -> None:
    de = parse_config(_raw("de"), Path("/tmp/show.toml")).script
    es = parse_config(_raw("es"), Path("/tmp/show.toml")).script
    assert headline_list(["A", "B", "C"], de) == "A; B; und C"
    assert headline_list(["A", "Italia gana"], es) == "A; e Italia gana"  # "y" before "i"
    assert headline_list(["A", "Hielo en la costa"], es) == "A; y Hielo en la costa"
    assert headline_list(["A", "B"], ScriptTemplates()) == "A; and B"


# --- cleaning ---------------------------------------------------------------------------

STORY = {
    "de": "Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen.",
    "es": "El pleno del ayuntamiento aprobó el lunes el presupuesto del próximo año.",
    "fr": "Le conseil municipal a adopté lundi le budget de la ville pour l'an prochain.",
}
JUNK = {
    "de": ["Lesen Sie auch: Fährverkehr nach Sturm eingestellt", "Anzeige", "Werbung",
           "Von Anna Schmidt", "Von Jonas Brandt und Lea Hofmann",
           "Foto: dpa", "Bild: Das Rathaus am Abend.", "Bildquelle: Stadt Möwenhafen",
           "Aktualisiert am 24.11.2026, 06:10 Uhr", "Lesezeit: 3 Min.",
           "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.",
           "Alle akzeptieren", "Newsletter abonnieren: Die wichtigsten Nachrichten",
           "Artikel teilen", "3 Kommentare", "Jetzt kommentieren",
           "Dieser Artikel ist nur für Abonnenten verfügbar.",
           "© Möwenhafener Bote 2026. Alle Rechte vorbehalten.",
           "Weiter nach der Anzeige", "Symbolbild"],
    "es": ["Leer más", "Publicidad", "Te puede interesar: Suspendidos los barcos",
           "Contenido patrocinado", "Por Lucía Ferrán", "Por Diego Marín y Ana Sáez",
           "Por María de la Fuente", "Foto: EFE", "Fotografía: Marta Solís",
           "Actualizado: 24 nov 2026 - 06:10 h", "Tiempo de lectura: 3 min",
           "Utilizamos cookies propias y de terceros para mejorar tu experiencia.",
           "Suscríbete a nuestro boletín y recibe cada mañana las noticias",
           "Compartir", "Síguenos en redes", "3 comentarios", "Deja tu comentario",
           "© Crónica de Bahía Gris 2026. Todos los derechos reservados.",
           "Contenido exclusivo para suscriptores"],
    "fr": ["Lire aussi : la tempête ferme le port", "À lire aussi : le budget adopté",
           "Publicité", "Contenu sponsorisé", "Par Claire Moreau",
           "Par Julien Garnier et Amélie Roux", "Crédit photo : Marion Solier",
           "Photo : AFP", "Publié le 24 nov. 2026 à 06h10", "Temps de lecture : 3 min",
           "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
           "Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel",
           "Partager", "Suivez-nous sur les réseaux", "3 commentaires",
           "Cet article est réservé aux abonnés.", "Déjà abonné ? Connectez-vous",
           "© Le Courrier de Port-Gris 2026. Tous droits réservés."],
}
# Story lines that start like junk: they stay.
KEPT = {
    "de": ["Von Montag an gilt die neue Regel für alle Anwohner am Hafen.",
           "Anzeigen gegen den Betreiber hatte es schon im Sommer gegeben, sagte die Polizei.",
           "Die Bilder der Überwachungskamera zeigen den Täter nicht, sagte ein Sprecher."],
    "es": ["Por la tarde, los vecinos volvieron a sus casas tras el temporal.",
           "Publicidad engañosa: así lo calificó la asociación de consumidores en su informe."],
    "fr": ["Par ailleurs, la ville a ouvert un abri au collège pour la nuit.",
           "Partager les frais entre les communes reste la priorité, a dit le maire."],
}


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_junk_lines_of_the_language_are_not_read(language: str) -> None:
    story = STORY[language]
    for junk in JUNK[language]:  # a blank line around: a credit set on a line is a caption
        assert classify_lines([story, "", junk, "", story], "Titel", language) == [
            False, True, True, True, False], junk
    for line in KEPT[language]:
        assert classify_lines([story, line, story], "Titel", language) == [
            False, False, False], line
    heading = {"de": "Mehr zum Thema", "es": "Noticias relacionadas",
               "fr": "Sur le même sujet"}[language]
    teasers = ["Hafenfest zieht Rekordpublikum an", "Neue Buslinie zum Bahnhof"]
    assert classify_lines([story, story, heading, *teasers], "Titel", language) == [
        False, False, True, True, True]


def test_bylines_are_the_show_languages() -> None:
    lines = [STORY["de"], "Von Anna Schmidt", STORY["de"]]
    assert classify_lines(lines, "T", "de") == [False, True, False]  # a German byline
    assert classify_lines(lines, "T", "en") == [False, False, False]  # a subheading in English


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_example_articles_keep_story_drop_junk(language: str) -> None:
    from briefcast.stages.ingest import read_article

    folder = Path(__file__).resolve().parent.parent / "examples" / language / "articles"
    paths = sorted(folder.glob("*.txt"))
    assert len(paths) == 4
    for path in paths:
        article = read_article(path)
        assert isinstance(article, Article)
        story = clean_article(article, language)
        assert isinstance(story, Story), path
        assert story.language == language
        text = "\n".join(story.paragraphs)
        for junk in ("spot_img", "https://", "Foto:", "Photo :", "Crédit photo", "Anzeige",
                     "Publicidad", "Publicité", "Lesen Sie", "Te puede", "À lire", "Von ",
                     "Por ", "Par ", "Cookies", "cookies", "©", "Kommentar", "omentario"):
            assert junk not in text, (path.name, junk)
        assert len(story.paragraphs) >= 5, path.name


# --- quotes and sentences ---------------------------------------------------------------

@pytest.mark.parametrize(("language", "written"), [
    ("de", "„Wir haben gestern entschieden“, sagte sie."),
    ("es", "«Hemos decidido ayer», dijo."),
    ("fr", "« Nous avons décidé hier », a-t-elle dit."),
])
def test_quotes_of_each_language_are_found_and_given_back(language: str, written: str) -> None:
    inner = canonical_quotes(written)
    assert inner.startswith("“") and "”" in inner
    (start, end), = quote_spans(inner)
    assert inner[start:end].startswith("“W") or inner[start:end].startswith("“H") \
        or inner[start:end].startswith("“N")
    back = native_quotes(inner, language_data(language).quotes)
    assert back.replace("\u00a0", " ") == written


@pytest.mark.parametrize(("language", "paragraph", "count"), [
    ("de", "Am 3. Dezember stimmte der Rat ab. Der Plan kostet z. B. Geld. Er ging.", 3),
    ("de", "Die Zahl stieg auf 12. Der Rat war überrascht.", 2),
    ("es", "El Sr. García llegó a EE.UU. en marzo. La Dra. Ruiz habló después.", 2),
    ("fr", "M. Dupont est arrivé. Il a parlé avec Mme Leroy pendant une heure.", 2),
    ("es", "El alcalde habló. ¿Qué pasará ahora? ¡Nadie lo sabe todavía!", 3),
])
def test_sentences_split_where_they_end(language: str, paragraph: str, count: int) -> None:
    assert len(split_sentences(paragraph, language)) == count


# --- pronunciation ----------------------------------------------------------------------

@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_word_list_of_the_language_is_installed_and_read(language: str) -> None:
    data = language_data(language)
    words = system_words(data.word_lists[0])
    assert words is not None, f"{data.word_lists[0]} missing: ./scripts/test.sh installs " \
                              f"{data.word_list_package}"
    assert len(words) > 50_000
    sample = {"de": "Bürgermeisterin", "es": "ayuntamiento", "fr": "hôpital"}[language]
    assert known(sample, words, data)


def test_german_compounds_and_french_elisions_are_known_words() -> None:
    de, fr = language_data("de"), language_data("fr")
    german, french = system_words(de.word_lists[0]), system_words(fr.word_lists[0])
    assert german is not None and french is not None
    for word in ("Kinderflügel", "Landestitel", "Hafenmeisterbüro", "Universitätsklinik"):
        assert word.lower() not in german and known(word, german, de), word
    assert not known("Okafor", german, de) and not known("Möwenhafenerin", german, de)
    assert known("L'hôpital", french, fr) and known("d’électricité", french, fr)
    assert not known("Lindqvist", french, fr)


# --- voices -----------------------------------------------------------------------------

def _seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


@pytest.mark.parametrize("language", ["de", "es", "fr"])
def test_pyttsx3_speaks_the_language_with_espeak_ng(language: str) -> None:
    """pyttsx3 with the language's default voice gives what espeak-ng's own voice for the
    language gives (same length, same first samples), and not the English voice's."""
    from briefcast.backends.tts import Pyttsx3Engine

    text = {"de": "Der Stadtrat hat gestern Abend den Haushalt beschlossen.",
            "es": "El pleno del ayuntamiento aprobó anoche el presupuesto.",
            "fr": "Le conseil municipal a adopté hier soir le budget."}[language]
    voice = language_data(language).espeak_voice
    engine = Pyttsx3Engine(parallelism=1)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = {}
            alias = {"de": "de", "es": "es", "fr": "fr-fr"}[language]
            for name, v in (("show", voice), ("code", alias)):
                out[name] = Path(tmp) / f"{name}.wav"
                engine.synthesize(text, v, 165, out[name])
            cli = {}
            for v in (voice, "en"):
                cli[v] = Path(tmp) / f"cli-{v}.wav"
                subprocess.run(["espeak-ng", "-v", v, "-s", "165", "-w", str(cli[v]), text],
                               check=True)
            assert abs(_seconds(out["show"]) - _seconds(cli[voice])) < 0.05
            assert out["show"].read_bytes()[44:4000] == cli[voice].read_bytes()[44:4000]
            assert abs(_seconds(out["show"]) - _seconds(cli["en"])) > 0.1  # not English
            # "fr-fr" is a language code espeak-ng lists, not a voice file: pyttsx3 is
            # given the file's name ("fr"), or it would speak English
            assert out["code"].read_bytes() == out["show"].read_bytes()
    finally:
        engine.close()


@pytest.mark.parametrize("voice", ["de", "es", "fr", "fr-fr", "es-419", "de+f3"])
def test_language_voices_pass_the_voice_check(voice: str) -> None:
    from briefcast.backends.tts import espeak_voice_problem

    assert espeak_voice_problem(voice) is None


def test_every_language_has_its_tables() -> None:
    assert sorted(LANGUAGES) == ["de", "en", "es", "fr"]
    for data in LANGUAGES.values():
        assert len(data.frame.weekdays) == 7 and len(data.frame.months) == 12
        assert all(data.pace), data.code


def test_script_keeps_the_languages_quote_marks_and_credits_its_wires(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Composing a German story: the frame is German, quotes come back as „…“, a dpa
    dateline credits the agency by its spoken name. (The German normalizer is stood in
    for by the identity: this tests the composer, not the numbers.)"""
    from briefcast.stages import script as script_stage

    monkeypatch.setattr(script_stage, "normalize", lambda text, language: text)
    config = parse_config(_raw("de"), Path("/tmp/show.toml"))
    lines = ("Berlin (dpa) - Der Stadtrat hat den Haushalt für das kommende Jahr nach "
             "langer Debatte im Rathaus beschlossen.",
             "„Dieser Haushalt hält das Wasser draußen und die Busse am Laufen“, sagte "
             "Bürgermeisterin Ines Okafor nach der Abstimmung im Rathaus.")
    story = clean_article(Article("a.txt", "Stadtrat beschließt Haushalt", lines), "de")
    assert isinstance(story, Story)
    assert story.paragraphs[1].startswith("“Dieser")  # one way of writing quotes inside
    script = script_stage.compose_script([story], config, dt.date(2026, 11, 24),
                                         paces=None)
    texts = [cue.text for cue in script.cues]
    assert texts[0] == "Willkommen bei Bote. Heute ist Dienstag, der 24. November 2026."
    assert texts[2] == ("Unser erstes Thema. Stadtrat beschließt Haushalt. Quelle: "
                        "Deutsche Presse-Agentur.")
    assert any(t.startswith("„Dieser Haushalt") and "Laufen“, sagte" in t for t in texts)
    assert not any("(dpa)" in t or "Berlin -" in t for t in texts)
    assert script.cues[0].chapter == "Einleitung" and script.cues[-1].chapter == "Verabschiedung"


def test_condensing_counts_the_languages_content_words() -> None:
    """Function words of the language ("der", "die", "und") do not make a sentence
    central; accented words are whole words ("Fähre", not "hre")."""
    from briefcast.stages.condense import _content_words

    words = _content_words("Die Fähre der Reederei fuhr über die Förde und zurück.", "de")
    assert words == ["fähre", "reederei", "fuhr", "förde"]
