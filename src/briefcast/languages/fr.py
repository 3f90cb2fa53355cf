"""French: the frame a French newsreader speaks, the junk of French news sites, "hier" and
"lundi dernier", and the abbreviations a full stop does not end a sentence after."""

from __future__ import annotations

from pathlib import Path

from briefcast.languages import DateWords, Frame, Junk, LanguageData, Sentences

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")

FRAME = Frame(
    intro="Bienvenue dans {show}, l'édition du {date}.",
    disclosure_text="Ce journal est lu par une voix de synthèse.",
    rundown="Au sommaire : {headlines}.",
    rundown_and="et",
    top_story="À la une.",
    last_story="Et pour finir.",
    transitions=("Ensuite.", "Autre information.", "Dans l'actualité également.",
                 "Changement de sujet.", "Pendant ce temps.", "Voici une autre information."),
    story="{transition} {title}. Source : {source}.",
    outro="C'était {show}. Merci de votre écoute, et à demain.",
    date="{weekday} {day} {month} {year}",
    weekdays=WEEKDAYS,
    months=MONTHS,
    intro_chapter="Introduction",
    outro_chapter="Conclusion",
    first_day="1er",
)

JUNK = Junk(
    credits=(
        r"^\s*(crédits?( photo)?|photos?|images?|illustration|vidéo|source|légende)\s*[:|]",
        r"\(\s*(photo|crédit|archives?)\s*:[^()]*\)\s*$",
        r"^\s*(photo|image) d['’](illustration|archives?)\.?\s*$",
    ),
    ads=(
        r"^\s*(publicité|pub|contenu sponsorisé|sponsorisé|contenu partenaire|"
        r"en partenariat avec)\s*:?\s*$",
        r"\bla suite (de l['’]article )?après (cette|la) publicité\b",
        r"\bliens? (d['’]affiliation|affiliés?)\b", r"\bcommission sur les ventes\b",
    ),
    prompts=(
        r"^\s*(lire aussi|à lire aussi|a lire aussi|lire la suite|lire plus|voir aussi|"
        r"à voir aussi|à découvrir|sur le même sujet|en savoir plus|découvrez aussi)\b",
        r"^\s*(abonnez-vous|s['’]abonner|je m['’]abonne|se connecter|connectez-vous|"
        r"inscrivez-vous|créez un compte)\b",
        r"\b(newsletter|lettre d['’]information)\b.{0,40}\b(inscrivez-vous|recevez|"
        r"abonnez-vous|s['’]inscrire)\b",
        r"\b(inscrivez-vous|recevez|abonnez-vous)\b.{0,40}\b(newsletter|lettre "
        r"d['’]information|alertes)\b",
        r"\b(réservée?s?) aux abonnés\b", r"\bdéjà abonné\b",
        r"^\s*(partager|imprimer|envoyer|réagir|commenter|sauvegarder)\s*$",
        r"^\s*partager (sur|cet article|via)\b", r"^\s*suivez-nous\b",
        r"^\s*(\d+\s+)?(commentaires?|réactions?)\s*$",
        r"^\s*(voir|lire|laisser|ajouter) (les |un )?(commentaires?|réactions?)\b",
        r"^\s*écouter (cet|l['’]) ?article\b",
        r"\benvoyez-nous vos (photos|vidéos|témoignages)\b",
        r"^\s*(article|information) en cours d['’]actualisation\b",
    ),
    nav_headings=(
        "sur le même sujet", "les plus lus", "les plus partagés", "à lire aussi", "lire aussi",
        "dernières actualités", "dernières infos", "dans la même rubrique", "à voir aussi",
        "nos articles", "les articles les plus lus", "vous aimerez aussi", "recommandés",
        "à découvrir",
    ),
    boilerplate=(
        r"tous droits réservés",
        r"\b(nous utilisons|ce site utilise|ce site web utilise|notre site utilise) des "
        r"cookies\b",
        r"\b(gérer|paramétrer|paramètres)( les| des)? cookies\b",
        r"\bpolitique de (confidentialité|cookies)\b",
        r"^\s*((tout )?accepter( et fermer)?|mentions légales)\s*$",
        r"^\s*(mots-clés|tags|thèmes)\s*:",
    ),
    byline="par",
    byline_and=("et",),
    bylines=(
        r"^\s*(auteur|autrice|rédaction|texte)\s*:", r"^\s*propos recueillis par\b",
        r"^\s*avec (l['’])?(afp|reuters|ap)\s*$",
        r"\btemps de lecture\s*:?\s*\d+\s*min", r"^\s*\d+\s*min(utes)?\s+de lecture\b",
        r"^\s*(cet article|cette information) a (d['’]abord |initialement )?été publiée?\b",
    ),
    title_labels=("en direct", "direct", "vidéo", "exclusif"),
    timestamp_words=frozenset(
        "janv févr avr juil sept oct nov déc janvier février mars avril mai juin juillet "
        "août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi "
        "samedi dimanche le à h mis jour publié publiée modifié modifiée il y a heures "
        "heure minutes minute min lecture hier aujourd'hui aujourd’hui".split()),
    we=("nous", "notre", "nos"),
)

DATES = DateWords(
    days={"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
          "après-demain": 2},
    near=("hier", "aujourd'hui", "demain"),
    parts={"matin": "morning", "après-midi": "afternoon", "soir": "evening", "midi": "midday"},
    part_after_day={"morning": " matin", "afternoon": " après-midi", "evening": " soir",
                    "midday": " midi"},
    part_after_weekday={"morning": " matin", "afternoon": " après-midi", "evening": " soir",
                        "midday": " midi"},
    idioms={(0, "morning"): "ce matin", (0, "afternoon"): "cet après-midi",
            (0, "evening"): "ce soir", (0, "midday"): "ce midi"},
    weekday_say="{weekday}{part}",
    weekday_after="{weekday}{part}",
    date_say="le {day} {month}",
    year_say=" {year}",
    prepositions="depuis|jusqu['’]à|dès",
    since="depuis",
    guard="de|du|au|à",
    articles="ce",
    past_after="dernier",
    future_after="prochain",
    habitual="le|chaque|tous les",
    blocked_before={"aujourd'hui": r"(jusqu['’]à\s+|jusqu['’]|\bd['’])$",
                    "aujourd’hui": r"(jusqu['’]à\s+|jusqu['’]|\bd['’])$",
                    "hier": r"\bd['’]$"},
    future=r"\b(va|vont|doit|doivent|devra|devront|prévue?s?|aura|auront|sera|seront|"
           r"fera|feront|ira|iront)\b|\b\w+(?:era|eront|ira|iront)\b",
    past=r"\b(a|ont|avait|avaient|était|étaient|fut|furent|eut|dit|pris|mis|fait|été)\b|"
         r"\b\w{2,}(?:é|ée|és|ées)\b",
    present=r"\b(a lieu|ont lieu|se tient|se tiennent|commence|débute|s['’]ouvre|ouvre|"
            r"ferme|est|sont)\b",
)

SENTENCES = Sentences(
    titles=frozenset("m mm mme mmes mlle mlles dr pr me".split()),
    abbreviations=frozenset(
        "etc env av bd n° no p ex p.ex c.-à-d janv févr avr juil sept oct nov déc".split()),
    starters=frozenset(
        "Le La Les L Un Une Des Il Elle Ils Elles On Nous Vous Je Ce Cet Cette Ces Cela "
        "Ceci En Dans Au Aux Avec Par Pour Depuis Selon Après Avant Sans Sur Sous Mais Et "
        "Or Donc Puis Ensuite Alors Aussi Toutefois Cependant Pourtant Quand Si Lorsque "
        "Hier Aujourd'hui Demain Son Sa Ses Leur Leurs Notre Plusieurs Certains Tous "
        "Toutes Aucun Aucune De Du".split()),
)

DATA = LanguageData(
    code="fr",
    name="French",
    frame=FRAME,
    junk=JUNK,
    dates=DATES,
    sentences=SENTENCES,
    espeak_voice="fr",
    word_lists=(Path("/usr/share/dict/french"),),
    word_list_package="wfrench",
    wires={"AFP": "l'Agence France-Presse", "Reuters": "l'agence Reuters",
           "AP": "l'agence Associated Press", "Belga": "l'agence Belga",
           "ATS": "l'Agence télégraphique suisse"},
    elisions=("l'", "d'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'", "jusqu'", "lorsqu'"),
    attribution=r"\b(a|ont|avait|avaient) (déclaré|dit|expliqué|affirmé|ajouté|précisé|"
                r"assuré|confié|indiqué|souligné|estimé|écrit)\b|\b(déclare|explique|affirme|"
                r"ajoute|précise|assure|estime|selon|confie|souligne|raconte)\b|"
                r"-t-(il|elle|ils|elles)\b",
    quotes=("«\u00a0", "\u00a0»"),  # French sets no-break spaces inside guillemets
    pace=(
        "Le conseil du port s'est réuni mardi soir pour parler du nouveau bac.",
        "Le conseil du port s'est réuni mardi soir et a décidé de réparer la vieille jetée "
        "nord avant l'été, après que des pêcheurs et des capitaines ont expliqué que les "
        "planches étaient pourries par endroits et qu'une grue était tombée en panne au "
        "printemps. Les travaux coûteront environ quarante mille euros, et la ville espère "
        "que la région en paiera la moitié avant la fin de l'année.",
        "Au sommaire : le Conseil du port de Port-Gris adopte un nouveau budget; une tempête "
        "annule les traversées vers l'Île Verte; et les Marins de Port-Gris remportent leur "
        "premier titre depuis trente ans.",
    ),
)
