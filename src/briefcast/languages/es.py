"""Spanish: the frame a Spanish newsreader speaks, the junk of Spanish-language news sites,
"ayer" and "el lunes", and the abbreviations a full stop does not end a sentence after."""

from __future__ import annotations

from pathlib import Path

from briefcast.languages import DateWords, Frame, Junk, LanguageData, Sentences

WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")

FRAME = Frame(
    intro="Bienvenidos a {show}, edición del {date}.",
    disclosure_text="Este boletín lo lee una voz sintética.",
    rundown="En este boletín: {headlines}.",
    rundown_and="y",
    top_story="Nuestra noticia principal.",
    last_story="Y para terminar.",
    transitions=("Seguimos.", "En otras noticias.", "Pasamos a otro tema.", "Mientras tanto.",
                 "Otra noticia.", "También en la actualidad."),
    story="{transition} {title}. Información de {source}.",
    outro="Esto ha sido {show}. Gracias por escucharnos y hasta mañana.",
    date="{weekday} {day} de {month} de {year}",
    weekdays=WEEKDAYS,
    months=MONTHS,
    intro_chapter="Introducción",
    outro_chapter="Despedida",
)

JUNK = Junk(
    credits=(
        r"^\s*(fotos?|fotografías?|imagen|imágenes|ilustración|vídeo|video|fuente|pie de foto|"
        r"créditos?( de la (foto|imagen))?)\s*[:|]",
        r"\(\s*(foto|imagen|archivo)\s*:[^()]*\)\s*$",
        r"^\s*(foto|imagen) de archivo\.?\s*$",
    ),
    ads=(
        r"^\s*(publicidad|anuncio|patrocinado|contenido patrocinado|contenido de marca)\s*:?\s*$",
        r"\b(la noticia|el artículo|la información) (continúa|sigue) (después|tras) (de )?"
        r"(la publicidad|el anuncio)\b",
        r"\bcomisión por (las )?(compras|ventas)\b", r"\benlaces? de afiliad[oa]s?\b",
    ),
    prompts=(
        r"^\s*(leer más|lee (también|más)|lea (también|más)|te puede interesar|"
        r"también te puede interesar|le puede interesar|puede interesarte|más información|"
        r"sigue leyendo|seguir leyendo|ver más)\b",
        r"^\s*(suscríbete|suscríbase|hazte suscriptor|hágase suscriptor|inicia sesión|"
        r"inicie sesión|regístrate|regístrese|date de alta)\b",
        r"\b(boletín|newsletter)\b.{0,40}\b(suscríbete|apúntate|recíbelo|suscribirte)\b",
        r"\b(suscríbete|apúntate|recibe)\b.{0,40}\b(boletín|newsletter|alertas)\b",
        r"\b(exclusiv[oa]|contenido|artículo) (para|solo para) (suscriptores|abonados)\b",
        r"\bya (eres|es) suscriptor\b",
        r"^\s*(compartir|comparte|imprimir|enviar|guardar|comentar)\s*$",
        r"^\s*(compartir|comparte) (en|esta noticia|este artículo)\b", r"^\s*síguenos en\b",
        r"^\s*(\d+\s+)?comentarios?\s*$",
        r"^\s*(ver|leer|deja|deje|escribe) (los |un |tu )?comentarios?\b",
        r"^\s*escucha(r)? (la|esta) noticia\b", r"\benvíanos tus (fotos|vídeos|videos)\b",
        r"^\s*noticia en (desarrollo|ampliación|actualización)\b",
    ),
    nav_headings=(
        "noticias relacionadas", "lo más leído", "lo más visto", "más noticias",
        "últimas noticias", "te puede interesar", "también te puede interesar",
        "relacionado", "relacionadas", "más leídas", "otras noticias", "recomendados",
        "lee también", "más información",
    ),
    boilerplate=(
        r"todos los derechos reservados",
        r"\b(utilizamos|usamos) cookies\b",
        r"\b(esta (web|página)|este sitio( web)?) (utiliza|usa) cookies\b",
        r"\bpolítica de (cookies|privacidad)\b", r"\bconfiguración de cookies\b",
        r"^\s*(aceptar( todas| todo| cookies)?|aviso legal)\s*$",
        r"^\s*(etiquetas|temas)\s*:",
    ),
    byline="por",
    byline_and=("y",),
    bylines=(
        r"^\s*(autor|autora|redacción|texto|edición)\s*:",
        r"^\s*con (información|datos) de\b", r"^\s*(redacción|agencias)\s*$",
        r"\btiempo de lectura\s*:?\s*\d+\s*min", r"^\s*\d+\s*min(utos)?\s+de lectura\b",
        r"^\s*(este artículo|esta noticia) (se publicó|fue publicad[oa]) (originalmente|"
        r"primero)\b",
    ),
    title_labels=("en directo", "directo", "última hora", "vídeo", "video", "exclusiva"),
    timestamp_words=frozenset(
        "ene feb mar abr may jun jul ago sep sept oct nov dic enero febrero marzo abril mayo "
        "junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles "
        "jueves viernes sábado domingo de del a las la el h horas hora hace minutos minuto "
        "min actualizado actualizada publicado publicada act cet cest ayer hoy lectura".split()),
    we=("nosotros", "nosotras", "nuestro", "nuestra", "nuestros", "nuestras"),
)

DATES = DateWords(
    days={"anteayer": -2, "antes de ayer": -2, "ayer": -1, "hoy": 0, "mañana": 1,
          "pasado mañana": 2},
    near=("ayer", "hoy", "mañana"),
    parts={"por la mañana": "morning", "por la tarde": "afternoon", "por la noche": "night",
           "al mediodía": "midday", "a mediodía": "midday"},
    part_after_day={"morning": " por la mañana", "afternoon": " por la tarde",
                    "night": " por la noche", "midday": " al mediodía"},
    part_after_weekday={"morning": " por la mañana", "afternoon": " por la tarde",
                        "night": " por la noche", "midday": " al mediodía"},
    idioms={(0, "morning"): "esta mañana", (0, "afternoon"): "esta tarde",
            (0, "night"): "esta noche", (-1, "night"): "anoche"},
    weekday_say="el {weekday}{part}",
    weekday_after="el {weekday}{part}",
    date_say="el {day} de {month}",
    year_say=" de {year}",
    prepositions="desde|hasta|para",
    since="desde",
    guard="del|al|de",
    articles="el|este",
    past_before="pasado",
    future_before="próximo",
    past_after="pasado",
    future_after="próximo|que viene",
    habitual="los|cada|todos los",
    blocked_before={"mañana": r"\b(la|una|cada|media|esta|toda la|de|por la|en la|a la)\s+$",
                    "hoy": r"\b(hasta|de)\s+$"},
    blocked_after={"hoy": r"^\s+(en )?día\b"},
    future=r"\b(será|serán|va a|van a|prevé|prevén|previst[oa]s?|programad[oa]s?|tendrá|"
           r"tendrán|habrá|podrá|podrán|deberá|deberán)\b|\b\w+(?:ará|erá|irá|arán|erán|"
           r"irán)\b",
    past=r"\b(fue|fueron|ha|han|había|habían|hubo|dijo|dijeron|estuvo|estuvieron|hizo|"
         r"hicieron|tuvo|tuvieron)\b|\b\w{2,}(?:ó|aron|ieron)\b",
    present=r"\b(se celebra|tiene lugar|comienza|empieza|termina|abre|cierra|es|son)\b",
)

SENTENCES = Sentences(
    titles=frozenset("sr sra srta dr dra d dña lic ing prof".split()),
    abbreviations=frozenset(
        "etc núm nº pág aprox av avda c ee.uu uu s.a s.l ene feb mar abr jun jul ago sep "
        "sept oct nov dic".split()),
    starters=frozenset(
        "El La Los Las Un Una Unos Unas Él Ella Ellos Ellas Esto Este Esta Estos Estas Ese "
        "Esa Eso En Con Por Para Desde Hasta Según Tras Sin Sobre Pero Y Sin Además También "
        "Mientras Cuando Si Aunque Como Hoy Ayer Mañana Ahora Luego Después Antes Entonces "
        "Su Sus Nuestro Nuestra Muchos Muchas Algunos Algunas Todos Todas Ambos No Ya "
        "Sin embargo Asimismo".split()),
)

DATA = LanguageData(
    code="es",
    name="Spanish",
    frame=FRAME,
    junk=JUNK,
    dates=DATES,
    sentences=SENTENCES,
    espeak_voice="es",
    word_lists=(Path("/usr/share/dict/spanish"),),
    word_list_package="wspanish",
    wires={"EFE": "la agencia EFE", "Europa Press": "Europa Press",
           "AFP": "la agencia France-Presse", "AP": "la agencia Associated Press",
           "Reuters": "la agencia Reuters"},
    attribution=r"\b(dijo|dice|dijeron|afirmó|afirma|explicó|explica|señaló|aseguró|añadió|"
                r"declaró|advirtió|indicó|comentó|escribió|según)\b",
    quotes=("«", "»"),
    pace=(
        "El consejo del puerto se reunió el martes por la tarde para hablar del transbordador.",
        "El consejo del puerto se reunió el martes por la tarde y aprobó reparar el viejo "
        "muelle norte antes del verano, después de que pescadores y capitanes explicaran "
        "que las tablas estaban podridas en varios tramos y que una grúa había dejado de "
        "funcionar en primavera. La obra costará unos cuarenta mil euros, y el ayuntamiento "
        "espera que la región pague la mitad antes de que termine el año.",
        "En este boletín: El Consejo del Puerto de Bahía Gris aprueba un nuevo presupuesto; "
        "un temporal cancela los transbordadores y deja sin luz la Costa Norte; y los "
        "Marineros de Bahía Gris ganan su primer título en treinta años.",
    ),
)
