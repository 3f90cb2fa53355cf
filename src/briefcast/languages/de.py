"""German: the frame a German newsreader speaks, the junk of German news sites, "gestern"
and "am Montag", and where a full stop is not a sentence's end ("am 3. Dezember", "z. B.")."""

from __future__ import annotations

from pathlib import Path

from briefcast.languages import DateWords, Frame, Junk, LanguageData, Sentences

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")

FRAME = Frame(
    intro="Willkommen bei {show}. Heute ist {date}.",
    disclosure_text="Diese Sendung wird von einer synthetischen Stimme gelesen.",
    rundown="Die Themen: {headlines}.",
    rundown_and="und",
    top_story="Unser erstes Thema.",
    last_story="Und zum Schluss.",
    transitions=("Weiter.", "Außerdem.", "Zu einem anderen Thema.", "Unterdessen.",
                 "Eine weitere Meldung.", "Und nun zu dieser Nachricht."),
    story="{transition} {title}. Quelle: {source}.",
    outro="Das war {show}. Vielen Dank fürs Zuhören und bis morgen.",
    date="{weekday}, der {day}. {month} {year}",
    weekdays=WEEKDAYS,
    months=MONTHS,
    intro_chapter="Einleitung",
    outro_chapter="Verabschiedung",
)

JUNK = Junk(
    credits=(
        r"^\s*((foto|bild)(quelle|nachweis)?s?|fotos|bilder|grafik|illustration|video|quelle|"
        r"bildunterschrift|symbolbild|archivbild|titelbild)\s*[:|]",
        r"\(\s*(foto|bild|archiv|symbolbild)\s*:[^()]*\)\s*$",
        r"^\s*(symbolbild|archivbild|archivfoto)\s*$",
    ),
    ads=(
        r"^\s*(anzeige|werbung|gesponsert|advertorial|sponsored)\s*:?\s*$",
        r"\bweiter (nach|unter) der (anzeige|werbung)\b",
        r"\b(artikel|text|beitrag) (wird )?(nach|unter) der (anzeige|werbung)\b",
        r"\berhalten wir (ggf\. |gegebenenfalls |unter umständen )?eine provision\b",
        r"\b(affiliate|provisions?)-?links?\b",
    ),
    prompts=(
        r"^\s*(lesen sie (auch|mehr|hier|weiter)|mehr zum thema|auch interessant|"
        r"(jetzt )?weiterlesen|mehr erfahren|zum artikel|hier geht es zum)\b",
        r"^\s*(jetzt |hier )?(abonnieren|anmelden|registrieren|einloggen)\b",
        r"\b(newsletter|push-nachrichten|push-mitteilungen|eilmeldungen)\b.{0,40}"
        r"\b(abonnieren|bestellen|anmelden|aktivieren)\b",
        r"\b(abonnieren|bestellen|abonnieren sie|melden sie sich)\b.{0,40}\bnewsletter\b",
        r"\bnur für (abonnenten|abonnentinnen|abonnierende|digital-abonnenten)\b",
        r"\b(sie haben bereits ein (abo|abonnement)|bereits abonnent)",
        r"\bmit (plus|z\+|sz plus|f\+|abo)\b.{0,20}\b(weiterlesen|lesen|freischalten)\b",
        r"^\s*(artikel )?(teilen|drucken|merken|versenden|kommentieren|vorlesen)\s*$",
        r"^\s*(teilen|empfehlen) sie (diesen|den) artikel\b", r"^\s*folgen sie uns\b",
        r"^\s*(\d+\s+)?kommentare?\s*$",
        r"^\s*((zu den|alle) )?kommentare?n? (anzeigen|lesen|schreiben|öffnen)\b",
        r"^\s*(jetzt )?kommentieren\b", r"^\s*(hören sie|artikel anhören)\b",
        r"\bschicken sie uns (ihre|ihr)\b", r"^\s*dieser (artikel|text) wird aktualisiert\b",
    ),
    nav_headings=(
        "mehr zum thema", "das könnte sie auch interessieren", "auch interessant",
        "meistgelesen", "meistgelesene artikel", "neueste artikel", "weitere artikel",
        "weitere nachrichten", "mehr nachrichten", "top-themen", "top themen", "empfehlungen",
        "verwandte artikel", "verwandte themen", "aus dem ressort", "lesen sie auch",
        "ähnliche artikel", "schlagzeilen", "neueste nachrichten", "das könnte sie interessieren",
    ),
    boilerplate=(
        r"alle rechte vorbehalten",
        r"\b(wir|diese (web)?seite|diese website|unsere website) (verwenden|verwendet|nutzen|"
        r"nutzt|setzen|setzt) cookies\b",
        r"\bcookie-?(einstellungen|richtlinie|hinweis|banner)\b",
        r"^\s*(datenschutz(erklärung|einstellungen)?|impressum|(alle )?akzeptieren)\s*$",
        r"^\s*(schlagworte?|stichworte?|themen)\s*:",
    ),
    byline="von",
    byline_and=("und",),
    bylines=(
        r"^\s*(autor(in)?|text|redaktion|mitarbeit|recherche)\s*:",
        r"^\s*mit material (von|der|des)\b",
        r"\blesezeit\s*:?\s*(ca\.\s*)?\d+\s*min", r"^\s*\d+\s*min(\.|uten)?\s+lesezeit\b",
        r"^\s*dieser (artikel|text|beitrag) (erschien|ist) (zuerst|ursprünglich)\b",
    ),
    title_labels=("liveticker", "live-ticker", "live", "video", "eilmeldung", "exklusiv"),
    timestamp_words=frozenset(
        "jan feb mär märz apr mai jun juni jul juli aug sep sept okt nov dez januar februar "
        "april august september oktober november dezember montag dienstag mittwoch donnerstag "
        "freitag samstag sonntag mo di mi do fr sa so uhr am um stand aktualisiert "
        "veröffentlicht zuletzt erstellt geändert vor stunden stunde minuten minute tagen tag "
        "gestern heute mez mesz lesezeit min".split()),
    we=("wir", "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "uns"),
)

DATES = DateWords(
    days={"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
    near=("gestern", "heute", "morgen"),
    parts={"früh": "morning", "morgen": "morning", "vormittag": "forenoon",
           "mittag": "midday", "nachmittag": "afternoon", "abend": "evening",
           "nacht": "night"},
    part_after_day={"morning": " Morgen", "forenoon": " Vormittag", "midday": " Mittag",
                    "afternoon": " Nachmittag", "evening": " Abend", "night": " Nacht"},
    part_after_weekday={"morning": "morgen", "forenoon": "vormittag", "midday": "mittag",
                        "afternoon": "nachmittag", "evening": "abend", "night": "nacht"},
    idioms={(1, "morning"): "morgen früh"},
    weekday_say="am {weekday}{part}",
    weekday_after="{weekday}{part}",
    date_say="am {day}. {month}",
    year_say=" {year}",
    prepositions="seit|bis|ab",
    since="seit",
    guard="zum|vom|dem|den|des|zu",
    articles="am",
    past_before="vergangenen|letzten|vorigen",
    future_before="kommenden|nächsten",
    habitual="jeden|jedem",
    blocked_before={"heute": r"\b(bis|von)\s+$", "gestern": r"\bvon\s+$"},
    blocked_after={"heute": r"^\s+noch\b"},
    future=r"\b(wird|werden|wirst|soll|sollen|sollte|sollten|will|wollen|plant|planen|"
           r"geplant|voraussichtlich|angesetzt|bevorstehende?n?)\b",
    past=r"\b(hat|haben|hatte|hatten|war|waren|wurde|wurden|sagte|sagten|teilte|teilten|"
         r"erklärte|erklärten|beschloss|beschlossen|stimmte|stimmten|kam|kamen|gab|fand|"
         r"fanden|begann|begannen|endete|endeten|traf|trafen|eröffnete|meldete|meldeten)\b",
    present=r"\b(beginnt|endet|findet|öffnet|schließt|tagt|läuft|startet|ist|sind)\b",
)

SENTENCES = Sentences(
    titles=frozenset("dr prof hr fr st".split()),
    abbreviations=frozenset(
        "usw bzw ca nr vgl etc inkl evtl ggf mio mrd tsd jh sog mind max min abs bzgl str "
        "jan feb mär apr jun jul aug sep sept okt nov dez z.b d.h u.a o.ä u.ä z.t".split()),
    starters=frozenset(
        "Der Die Das Den Dem Des Ein Eine Einer Er Sie Es Wir Ich Man Im In Am Auf Aus Bei "
        "Mit Nach Seit Von Vor Zu Zum Zur Für Gegen Um Und Aber Doch Auch Noch Dann Danach "
        "Damit Dabei Dort Hier Heute Gestern Morgen Nun Jetzt So Wie Wenn Als Ob Obwohl Weil "
        "Dies Diese Dieser Dieses Sein Seine Ihr Ihre Unser Unsere Viele Einige Alle Beide "
        "Kein Keine Laut Zudem Außerdem Allerdings Jedoch Trotzdem Inzwischen Bereits Schon "
        "Bis Zuvor Später Zuletzt".split()),
    ordinal_dot=True,
)

DATA = LanguageData(
    code="de",
    name="German",
    frame=FRAME,
    junk=JUNK,
    dates=DATES,
    sentences=SENTENCES,
    espeak_voice="de",
    word_lists=(Path("/usr/share/dict/ngerman"),),
    word_list_package="wngerman",
    wires={"dpa": "Deutsche Presse-Agentur", "AFP": "Agence France-Presse",
           "AP": "Associated Press", "Reuters": "Reuters", "epd": "Evangelischer Pressedienst",
           "KNA": "Katholische Nachrichten-Agentur", "SID": "Sport-Informations-Dienst"},
    attribution=r"\b(sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|betonte|betont|"
                r"meinte|warnte|fügte|ergänzte|kündigte|berichtete|schrieb|so|laut)\b",
    quotes=("„", "“"),
    compounds=True,
    pace=(
        "Der Hafenrat hat am Dienstagabend über die neue Fähre gesprochen.",
        "Der Hafenrat hat am Dienstagabend beschlossen, den alten Nordsteg noch vor dem "
        "Sommer zu reparieren, nachdem Fischer und Fährkapitäne berichtet hatten, dass die "
        "Bretter an vielen Stellen morsch sind und ein Kran im Frühjahr ausgefallen ist. "
        "Die Arbeiten kosten rund vierzigtausend Euro, und die Stadt hofft, dass das Land "
        "bis zum Jahresende die Hälfte davon übernimmt.",
        "Die Themen: Hafenrat beschließt neuen Haushalt nach später Abstimmung; Sturm "
        "stoppt Fähren und legt den Strom an der Küste lahm; und Segler holen ersten "
        "Landestitel seit dreißig Jahren.",
    ),
)
