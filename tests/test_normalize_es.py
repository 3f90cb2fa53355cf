"""Tests for the Spanish normalizer: written Spanish news copy in, what a newsreader says out.

The output style is pinned here (see the briefcast.normalize_es docstring): num2words'
Spanish words agreeing with their noun, Spain's convention by default ("1.500", "48,6",
"coma"), Mexico's and the United States' on request ("1,500", "48.6", "punto"), years as
cardinals, dates day first, 24-hour times, "a" in scores and ranges, digit strings digit by
digit, abbreviations expanded, no digit or symbol left. The sentences are our own.
"""

from __future__ import annotations

import re
import subprocess
import wave
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from briefcast.normalize import DEFAULT_NORMALIZERS, Normalizer, normalize
from briefcast.normalize_es import SpanishNormalizer


def es(text: str) -> str:
    return normalize(text, "es")


CASES: list[tuple[str, str]] = [
    # --- cardinals and Spain's separators ---------------------------------------------------
    ("Al acto asistieron 1.500 vecinos.", "Al acto asistieron mil quinientos vecinos."),
    ("Al acto asistieron 1 500 vecinos.", "Al acto asistieron mil quinientos vecinos."),
    ("El municipio tiene 1500 habitantes.", "El municipio tiene mil quinientos habitantes."),
    ("La marcha reunió a 12.000 manifestantes.",
     "La marcha reunió a doce mil manifestantes."),
    ("La ciudad supera los 3.400.000 residentes.",
     "La ciudad supera los tres millones cuatrocientos mil residentes."),
    ("Se contaron 101 votos nulos.", "Se contaron ciento un votos nulos."),
    ("Hay 7 detenidos.", "Hay siete detenidos."),
    ("El club tiene 100 socios y 100.000 seguidores.",
     "El club tiene cien socios y cien mil seguidores."),
    ("Faltan 0 días para el sorteo.", "Faltan cero días para el sorteo."),
    ("La plantilla pasó de 999 a 1001 empleados.",
     "La plantilla pasó de novecientos noventa y nueve a mil un empleados."),
    ("El censo registra 2.000.001 votantes.", "El censo registra dos millones un votantes."),
    # --- decimals -----------------------------------------------------------------------------
    ("La prima de riesgo cerró en 48,6 puntos.",
     "La prima de riesgo cerró en cuarenta y ocho coma seis puntos."),
    ("El índice subió 0,5 puntos.", "El índice subió cero coma cinco puntos."),
    ("La nota media fue de 7,25.", "La nota media fue de siete coma veinticinco."),
    ("El terremoto alcanzó una magnitud de 6,05.",
     "El terremoto alcanzó una magnitud de seis coma cero cinco."),
    ("El valor de pi es 3,14159.", "El valor de pi es tres coma uno cuatro uno cinco nueve."),
    ("La inflación se situó en 3.2 puntos según la agencia.",
     "La inflación se situó en tres coma dos puntos según la agencia."),
    ("La deuda asciende a 1.234,5 millones.",
     "La deuda asciende a mil doscientos treinta y cuatro coma cinco millones."),
    # --- signs ------------------------------------------------------------------------------
    ("El saldo quedó en -12 puntos.", "El saldo quedó en menos doce puntos."),
    ("El termómetro marcó \u22124 grados.", "El termómetro marcó menos cuatro grados."),
    ("La bolsa cerró con un +3 en el día.", "La bolsa cerró con un más tres en el día."),
    # --- agreement: un, una, uno; hundreds ---------------------------------------------------
    ("Murieron 21 personas en el incendio.", "Murieron veintiuna personas en el incendio."),
    ("El acusado tiene 21 años.", "El acusado tiene veintiún años."),
    ("Solo queda 1 plaza libre.", "Solo queda una plaza libre."),
    ("Solo queda 1 asiento libre.", "Solo queda un asiento libre."),
    ("De los 40 aspirantes, aprobó 1.", "De los cuarenta aspirantes, aprobó uno."),
    ("Se construirán 200 viviendas.", "Se construirán doscientas viviendas."),
    ("Se crearán 300 empleos.", "Se crearán trescientos empleos."),
    ("El fuego arrasó 500 hectáreas de pinar.",
     "El fuego arrasó quinientas hectáreas de pinar."),
    ("Votaron 21.000 mujeres.", "Votaron veintiuna mil mujeres."),
    ("Se vendieron 21.000 ejemplares.", "Se vendieron veintiún mil ejemplares."),
    ("La red tiene 31 estaciones.", "La red tiene treinta y una estaciones."),
    ("El hospital atendió 251 urgencias.",
     "El hospital atendió doscientas cincuenta y una urgencias."),
    ("Llegaron 21 grandes empresas.", "Llegaron veintiuna grandes empresas."),
    ("Hubo 41 días de lluvia.", "Hubo cuarenta y un días de lluvia."),
    ("El país tiene 21 millones de habitantes.",
     "El país tiene veintiún millones de habitantes."),
    ("La ONG repartió 200.000 raciones.", "La ONG repartió doscientas mil raciones."),
    ("Se emitieron 1.200.300 facturas.",
     "Se emitieron un millón doscientas mil trescientas facturas."),
    ("El equipo lleva 21 victorias seguidas.",
     "El equipo lleva veintiuna victorias seguidas."),
    ("Se registraron 101 reclamaciones.", "Se registraron ciento una reclamaciones."),
    # --- years ------------------------------------------------------------------------------
    ("La ley entró en vigor en 2026.", "La ley entró en vigor en dos mil veintiséis."),
    ("La guerra terminó en 1939.", "La guerra terminó en mil novecientos treinta y nueve."),
    ("En 2021 murieron 500 personas.",
     "En dos mil veintiuno murieron quinientas personas."),
    ("El puente data del año 1905.", "El puente data del año mil novecientos cinco."),
    ("La obra estará lista en 2030.", "La obra estará lista en dos mil treinta."),
    ("Desde 2001 no llovía tanto.", "Desde dos mil uno no llovía tanto."),
    ("2025 fue un año récord.", "Dos mil veinticinco fue un año récord."),
    # --- ordinals ---------------------------------------------------------------------------
    ("La atleta quedó 3.ª en la final.", "La atleta quedó tercera en la final."),
    ("El piloto terminó 1.º en Montmeló.", "El piloto terminó primero en Montmeló."),
    ("Es su 2º mandato.", "Es su segundo mandato."),
    ("Ocupa el 1.er puesto de la tabla.", "Ocupa el primer puesto de la tabla."),
    ("Celebran el 3.er aniversario.", "Celebran el tercer aniversario."),
    ("Llega la 4.ª ola de calor.", "Llega la cuarta ola de calor."),
    ("Es la 11.ª edición del festival.", "Es la undécima edición del festival."),
    ("Se celebra el 21.º congreso.", "Se celebra el vigésimo primer congreso."),
    ("Vive en el 5.º piso.", "Vive en el quinto piso."),
    ("El 1.º de mayo habrá manifestaciones.", "El primero de mayo habrá manifestaciones."),
    ("Las 1.as clasificadas pasan a la final.",
     "Las primeras clasificadas pasan a la final."),
    ("Es la 13.ª jornada de liga.", "Es la decimotercera jornada de liga."),
    # --- money ------------------------------------------------------------------------------
    ("El pleno aprobó un gasto de 48,6 millones de euros.",
     "El pleno aprobó un gasto de cuarenta y ocho coma seis millones de euros."),
    ("La entrada cuesta 5 €.", "La entrada cuesta cinco euros."),
    ("El menú del día cuesta 12,50 €.", "El menú del día cuesta doce euros con cincuenta céntimos."),
    ("El billete sube a 1 €.", "El billete sube a un euro."),
    ("El café cuesta 0,99 €.", "El café cuesta noventa y nueve céntimos."),
    ("La multa es de 21 €.", "La multa es de veintiún euros."),
    ("El pan cuesta 1,01 €.", "El pan cuesta un euro con un céntimo."),
    ("La ayuda es de 200 € al mes.", "La ayuda es de doscientos euros al mes."),
    ("Pagó 3.000 euros de fianza.", "Pagó tres mil euros de fianza."),
    ("La empresa facturó US$ 3 millones.", "La empresa facturó tres millones de dólares."),
    ("El fondo captó $3 millones.", "El fondo captó tres millones de dólares."),
    ("El acuerdo vale $1 millón.", "El acuerdo vale un millón de dólares."),
    ("La deuda era de €5.", "La deuda era de cinco euros."),
    ("El presupuesto es de 1,2 M€.", "El presupuesto es de uno coma dos millones de euros."),
    ("La obra costó 300 mil €.", "La obra costó trescientos mil euros."),
    ("El fichaje costó 80 millones €.", "El fichaje costó ochenta millones de euros."),
    ("El abono cuesta entre 10-20 €.", "El abono cuesta entre diez y veinte euros."),
    ("El premio es de 200 £.", "El premio es de doscientas libras."),
    ("El lote se vendió por 2.500 USD.",
     "El lote se vendió por dos mil quinientos dólares."),
    ("La pensión media es de 1.200,50 euros.",
     "La pensión media es de mil doscientos euros con cincuenta céntimos."),
    ("La entrada reducida cuesta 7,5 €.",
     "La entrada reducida cuesta siete euros con cincuenta céntimos."),
    ("El megavatio hora cotiza a 120,5 €/MWh.",
     "El megavatio hora cotiza a ciento veinte euros con cincuenta céntimos por megavatio hora."),
    ("La gasolina cuesta 1,65 €/l.",
     "La gasolina cuesta un euro con sesenta y cinco céntimos por litro."),
    ("El alquiler medio es de 800 €/mes.", "El alquiler medio es de ochocientos euros por mes."),
    # --- percentages --------------------------------------------------------------------------
    ("El paro bajó al 12,5 %.", "El paro bajó al doce coma cinco por ciento."),
    ("La participación fue del 48,6%.",
     "La participación fue del cuarenta y ocho coma seis por ciento."),
    ("El IPC subió un 1 %.", "El IPC subió un uno por ciento."),
    ("Apoya la medida el 21 % de los votantes.",
     "Apoya la medida el veintiuno por ciento de los votantes."),
    ("Los precios subieron entre un 3 y un 5 %.",
     "Los precios subieron entre un tres y un cinco por ciento."),
    ("La tasa oscila entre 10-15 %.", "La tasa oscila entre diez y quince por ciento."),
    ("El déficit cayó un -0,3 %.", "El déficit cayó un menos cero coma tres por ciento."),
    ("El partido ganó 2 pp en intención de voto.",
     "El partido ganó dos puntos porcentuales en intención de voto."),
    ("Creció un 20 por ciento.", "Creció un veinte por ciento."),
    ("La tasa de alcohol era de 0,5 ‰.", "La tasa de alcohol era de cero coma cinco por mil."),
    # --- units ------------------------------------------------------------------------------
    ("La etapa tiene 180 km.", "La etapa tiene ciento ochenta kilómetros."),
    ("Circulaba a 120 km/h.", "Circulaba a ciento veinte kilómetros por hora."),
    ("Se incautaron 21 kg de cocaína.", "Se incautaron veintiún kilos de cocaína."),
    ("El camión llevaba 21 t de carga.", "El camión llevaba veintiuna toneladas de carga."),
    ("Mañana se esperan 38 °C en Córdoba.", "Mañana se esperan treinta y ocho grados en Córdoba."),
    ("En Burgos se registraron -5 ºC.", "En Burgos se registraron menos cinco grados."),
    ("Hoy habrá 21 °C de máxima.", "Hoy habrá veintiún grados de máxima."),
    ("Cayeron 80 l/m² en Valencia.", "Cayeron ochenta litros por metro cuadrado en Valencia."),
    ("El embalse guarda 300 hm³.", "El embalse guarda trescientos hectómetros cúbicos."),
    ("El piso mide 90 m².", "El piso mide noventa metros cuadrados."),
    ("El parque eólico producirá 50 MW.", "El parque eólico producirá cincuenta megavatios."),
    ("La carrera tiene 1 km de subida.", "La carrera tiene un kilómetro de subida."),
    ("El atleta saltó 8,95 m.", "El atleta saltó ocho coma noventa y cinco metros."),
    ("La huelga duró 24 h.", "La huelga duró veinticuatro horas."),
    ("Recorrió 1,5 km a nado.", "Recorrió uno coma cinco kilómetros a nado."),
    ("Se esperan entre 10-15 cm de nieve.", "Se esperan entre diez y quince centímetros de nieve."),
    ("El coche es un 4x4.", "El coche es un cuatro por cuatro."),
    # --- dates ------------------------------------------------------------------------------
    ("Las elecciones serán el 3 de diciembre de 2026.",
     "Las elecciones serán el tres de diciembre de dos mil veintiséis."),
    ("La vista oral será el 03/12/2026.",
     "La vista oral será el tres de diciembre de dos mil veintiséis."),
    ("El plazo vence el 15-01-2027.", "El plazo vence el quince de enero de dos mil veintisiete."),
    ("El decreto es del 2026-03-09.", "El decreto es del nueve de marzo de dos mil veintiséis."),
    ("El 1 de enero sube la luz.", "El uno de enero sube la luz."),
    ("Nació el 21 de marzo de 1998.",
     "Nació el veintiuno de marzo de mil novecientos noventa y ocho."),
    ("La feria abre el 5 dic. 2026.", "La feria abre el cinco de diciembre de dos mil veintiséis."),
    ("El contrato se firmó el 12.05.2024.",
     "El contrato se firmó el doce de mayo de dos mil veinticuatro."),
    # --- times ------------------------------------------------------------------------------
    ("El tren salió a las 23:40.", "El tren salió a las veintitrés cuarenta."),
    ("El apagón empezó a las 9.30.", "El apagón empezó a las nueve treinta."),
    ("La rueda de prensa será a las 9:00 h.", "La rueda de prensa será a las nueve."),
    ("Abrirá a la 1:15 de la madrugada.", "Abrirá a la una quince de la madrugada."),
    ("El partido empieza a las 21:00.", "El partido empieza a las veintiuna."),
    ("El atraco fue a las 9:05.", "El atraco fue a las nueve y cinco."),
    ("Horario: 9:00-14:00.", "Horario: las nueve a las catorce."),
    ("Los colegios abren de 9:00 a 14:00.", "Los colegios abren de las nueve a las catorce."),
    ("El vuelo aterrizó a las 7 h.", "El vuelo aterrizó a las siete."),
    ("Hay toque de queda desde las 22 horas.", "Hay toque de queda desde las veintidós horas."),
    ("El pleno acabó a la 1 de la tarde.", "El pleno acabó a la una de la tarde."),
    ("La gala empezará a las 21.00 horas.", "La gala empezará a las veintiuna horas."),
    ("De las 21 candidatas, pasaron 11.", "De las veintiuna candidatas, pasaron once."),
    ("Unas 200 acudieron a votar.", "Unas doscientas acudieron a votar."),
    ("Ganó la maratón en 2:03:45.",
     "Ganó la maratón en dos horas, tres minutos y cuarenta y cinco segundos."),
    # --- abbreviations ------------------------------------------------------------------------
    ("El Sr. García declaró ante el juez.", "El señor García declaró ante el juez."),
    ("La Sra. López presidió la mesa.", "La señora López presidió la mesa."),
    ("La Dra. Ruiz atendió al herido.", "La doctora Ruiz atendió al herido."),
    ("El Dr. Pérez dirige el estudio.", "El doctor Pérez dirige el estudio."),
    ("El presidente viajó a EE. UU. la semana pasada.",
     "El presidente viajó a Estados Unidos la semana pasada."),
    ("El acuerdo con EE.UU. se firmará hoy.", "El acuerdo con Estados Unidos se firmará hoy."),
    ("La cumbre terminó en EE. UU. El próximo año será en Chile.",
     "La cumbre terminó en Estados Unidos. El próximo año será en Chile."),
    ("Se venden frutas, verduras, etc.", "Se venden frutas, verduras, etcétera."),
    ("Hubo lluvia, viento, etc. en toda la costa.",
     "Hubo lluvia, viento, etcétera en toda la costa."),
    ("La norma está en la pág. 12 del boletín.", "La norma está en la página doce del boletín."),
    ("El edificio está en el núm. 5 de la calle.",
     "El edificio está en el número cinco de la calle."),
    ("El local está en el n.º 14.", "El local está en el número catorce."),
    ("El trayecto dura aprox. 3 horas.", "El trayecto dura aproximadamente tres horas."),
    ("La tienda está en la C/ Mayor, s/n.", "La tienda está en la calle Mayor, sin número."),
    ("Lo dice el art. 14 de la Constitución.",
     "Lo dice el artículo catorce de la Constitución."),
    ("Telefónica, S. A. presentó resultados.", "Telefónica, ese a presentó resultados."),
    ("La UE aprobó el plan.", "La U E aprobó el plan."),
    ("José M. Aznar asistió al acto.", "José M Aznar asistió al acto."),
    ("Recibió a D. Juan Pérez en su despacho.", "Recibió a don Juan Pérez en su despacho."),
    ("Real Madrid vs. Barcelona es el partido del año.",
     "Real Madrid contra Barcelona es el partido del año."),
    # --- Roman numerals -------------------------------------------------------------------------
    ("Felipe VI inauguró la exposición.", "Felipe sexto inauguró la exposición."),
    ("El rey Juan Carlos I asistió.", "El rey Juan Carlos primero asistió."),
    ("Es una iglesia del siglo XII.", "Es una iglesia del siglo doce."),
    ("Alfonso XIII firmó el decreto.", "Alfonso trece firmó el decreto."),
    ("Isabel II reinó durante décadas.", "Isabel segunda reinó durante décadas."),
    ("Tras la II Guerra Mundial llegó la paz.", "Tras la segunda Guerra Mundial llegó la paz."),
    # --- scores and ranges ----------------------------------------------------------------------
    ("El Betis ganó 3-1 al Sevilla.", "El Betis ganó tres a uno al Sevilla."),
    ("El partido acabó 0-0.", "El partido acabó cero a cero."),
    ("El marcador fue de 2–1 en la prórroga.", "El marcador fue de dos a uno en la prórroga."),
    ("Esperaban entre 10-15 personas.", "Esperaban entre diez y quince personas."),
    ("La pena es de 10-15 años.", "La pena es de diez a quince años."),
    ("Trabajó allí en 2019-2023.", "Trabajó allí en dos mil diecinueve a dos mil veintitrés."),
    ("Hay de 21-31 plazas.", "Hay de veintiuna a treinta y una plazas."),
    ("Ganaron por 2:0.", "Ganaron por dos a cero."),
    # --- digit strings and phones ------------------------------------------------------------
    ("Llame al 600 123 456 para más información.",
     "Llame al seis cero cero, uno dos tres, cuatro cinco seis para más información."),
    ("El teléfono es +34 91 123 45 67.",
     "El teléfono es más tres cuatro, nueve uno, uno dos tres, cuatro cinco, seis siete."),
    ("Para denunciar, llame al 016.", "Para denunciar, llame al cero uno seis."),
    ("En caso de emergencia, llame al 112.",
     "En caso de emergencia, llame al uno uno dos."),
    ("El agente 007 volvió.", "El agente cero cero siete volvió."),
    ("La cuenta es la 1234567890.", "La cuenta es la uno dos tres cuatro cinco seis siete ocho nueve cero."),
    ("Su móvil es 612345678.", "Su móvil es seis uno dos tres cuatro cinco seis siete ocho."),
    # --- identifiers, fractions, symbols ---------------------------------------------------------
    ("La COVID-19 sigue presente.", "La COVID diecinueve sigue presente."),
    ("Hubo un atasco en la A-6.", "Hubo un atasco en la A seis."),
    ("Los líderes del G7 se reúnen hoy.", "Los líderes del G siete se reúnen hoy."),
    ("La red 5G llegará al pueblo.", "La red cinco G llegará al pueblo."),
    ("El aniversario del 11-M reunió a las víctimas.",
     "El aniversario del once M reunió a las víctimas."),
    ("Los 27 países de la UE firmaron.", "Los veintisiete países de la U E firmaron."),
    ("El Ibex 35 cerró en 11.250,3 puntos.",
     "El Ibex treinta y cinco cerró en once mil doscientos cincuenta coma tres puntos."),
    ("Se necesita 1/2 litro de agua.", "Se necesita medio litro de agua."),
    ("Lo aprobaron 3/4 partes del pleno.", "Lo aprobaron tres cuartas partes del pleno."),
    ("Falta 1/2 hora para el cierre.", "Falta media hora para el cierre."),
    ("Votó 1/3 de la plantilla.", "Votó un tercio de la plantilla."),
    ("Llovió durante 2 1/2 horas.", "Llovió durante dos horas y media."),
    ("El servicio funciona 24/7.", "El servicio funciona veinticuatro siete."),
    ("La Ley 3/2026 entra en vigor.", "La Ley tres barra dos mil veintiséis entra en vigor."),
    ("La temporada 2025/26 empieza pronto.",
     "La temporada dos mil veinticinco a veintiséis empieza pronto."),
    ("Más información en www.ayuntamiento.es/agenda.",
     "Más información en ayuntamiento punto es barra agenda."),
    ("Escriba a prensa@diario.es.", "Escriba a prensa arroba diario punto es."),
    ("Los datos están en www.inegi.org.mx.", "Los datos están en inegi punto org punto mx."),
    ("Sigue el debate con #Elecciones2026.",
     "Sigue el debate con hashtag Elecciones dos mil veintiséis."),
    ("Pérez & Asociados ganó el concurso.", "Pérez y Asociados ganó el concurso."),
    ("Hay ~300 inscritos.", "Hay alrededor de trescientos inscritos."),
    ("Es para mayores de 65+.", "Es para mayores de sesenta y cinco o más."),
    # --- sentence openings ------------------------------------------------------------------
    ("5 € cada uno, dijo el vendedor.", "Cinco euros cada uno, dijo el vendedor."),
    ("¿21 goles en un mes? Es un récord.", "¿Veintiún goles en un mes? Es un récord."),
    ("«3 de cada 10 jóvenes no votan», dijo.",
     "«Tres de cada diez jóvenes no votan», dijo."),
    ("Sr. Gómez, ¿qué opina?", "Señor Gómez, ¿qué opina?"),
    ("Hubo 3 heridos. 2 de ellos graves.", "Hubo tres heridos. Dos de ellos graves."),
]

# The same convention rules, Mexico's and the United States' way: "1,500" and "48.6", "punto".
CASES_MX: list[tuple[str, str]] = [
    ("Asistieron 1,500 personas.", "Asistieron mil quinientas personas."),
    ("La inflación fue de 4.6 por ciento.", "La inflación fue de cuatro punto seis por ciento."),
    ("El peso cerró en 18.25 por dólar.", "El peso cerró en dieciocho punto veinticinco por dólar."),
    ("El gobierno invertirá $3 millones.", "El gobierno invertirá tres millones de pesos."),
    ("El boleto cuesta $12.50.", "El boleto cuesta doce pesos con cincuenta centavos."),
    ("La obra costó US$ 2 millones.", "La obra costó dos millones de dólares."),
    ("El 1 de enero inicia el programa.", "El primero de enero inicia el programa."),
    ("Se registraron 48,6 milímetros.", "Se registraron cuarenta y ocho punto seis milímetros."),
    ("Votaron 1,250,000 ciudadanos.", "Votaron un millón doscientos cincuenta mil ciudadanos."),
    ("El 2.5% de los hogares.", "El dos punto cinco por ciento de los hogares."),
]

SAMPLES = [written for written, _ in CASES + CASES_MX] + [
    "El 15/08/2026 a las 18:30 h, 1.250 vecinos pagaron 12,50 € (un 3,5 % más) por 2 km.",
    "Sr. Ruiz, ¿cuánto cuesta? Unos 300 € o $400, etc.",
    "x2 y 1,2,3 y A4 y 4x4 y 10,00 y 3:1 y 1.2.3 y 2½ y 7° y #1 y 12ª.",
]
_SYMBOLS = re.compile(r"[\d%€$£¥°ºª&@#+=×±~‰<>/]")


@pytest.mark.parametrize(("written", "spoken"), CASES, ids=[c[0][:40] for c in CASES])
def test_reads_like_a_spanish_newsreader(written: str, spoken: str) -> None:
    assert es(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), CASES_MX, ids=[c[0][:40] for c in CASES_MX])
def test_mexican_convention(written: str, spoken: str) -> None:
    assert normalize(written, "es-MX") == spoken


def test_tables_are_large_enough() -> None:
    assert len(CASES) + len(CASES_MX) >= 120


@pytest.mark.parametrize("sentence", SAMPLES)
def test_no_digit_or_symbol_is_left(sentence: str) -> None:
    for code in ("es", "es-MX"):
        spoken = normalize(sentence, code)
        assert not _SYMBOLS.search(spoken), spoken


@pytest.mark.parametrize("sentence", SAMPLES)
def test_no_english_connective(sentence: str) -> None:
    words = set(re.findall(r"\w+", es(sentence).lower()))
    assert not words & {"and", "percent", "point", "dollars", "minus", "to"}


@pytest.mark.parametrize("sentence", SAMPLES)
def test_idempotent(sentence: str) -> None:
    once = es(sentence)
    assert es(once) == once


def test_pure() -> None:
    """The same input gives the same output, whatever was normalized in between."""
    first = [es(s) for s in SAMPLES]
    normalize(SAMPLES[-1], "es-MX")
    normalize("It cost $5.", "en")
    assert [es(s) for s in reversed(SAMPLES)] == list(reversed(first))


@pytest.mark.parametrize("code", ["es", "ES", "es-ES", "es_es", "es-AR", "es-419"])
def test_spanish_codes_use_spains_convention(code: str) -> None:
    assert normalize("Pesa 1.500,5 kg.", code) == "Pesa mil quinientos coma cinco kilos."


@pytest.mark.parametrize("code", ["es-MX", "es-US", "es_mx"])
def test_codes_of_the_point_convention(code: str) -> None:
    assert normalize("Pesa 1,500.5 kg.", code) == "Pesa mil quinientos punto cinco kilos."


def test_dollar_sign_follows_the_country() -> None:
    assert normalize("Cuesta $20.", "es-US") == "Cuesta veinte dólares."
    assert normalize("Cuesta $20.", "es-AR") == "Cuesta veinte pesos."
    assert normalize("Cuesta $20.", "es") == "Cuesta veinte dólares."


def test_registered_as_a_normalizer() -> None:
    spanish = DEFAULT_NORMALIZERS["es"]
    assert isinstance(spanish, Normalizer) and isinstance(spanish, SpanishNormalizer)
    assert spanish.language == "es"
    assert DEFAULT_NORMALIZERS["es-mx"].language == "es"


def test_unknown_variant_is_an_error() -> None:
    with pytest.raises(KeyError):
        SpanishNormalizer("es-xx")


def test_text_without_numbers_is_unchanged() -> None:
    text = "El Gobierno aprobó ayer la reforma, según fuentes del Ministerio."
    assert es(text) == text
    assert es("") == ""


# Pieces of news copy that collide when thrown together: numbers in both conventions,
# symbols, abbreviations, the words the rules look at ("las", "entre", "siglo").
_PIECES = ["1", "21", "200", "1.500", "1 500", "48,6", "0,99", "12,50", "€", "$", "US$", "%",
           "km", "km/h", "°C", "ºC", "º", "ª", ".º", "-", "–", "/", ":", "h", "las", "la",
           "de", "personas", "años", "a las", "entre", "y", "3-1", "03/12/2026", "2026-12-03",
           "23:40", "9.30", "Sr.", "EE. UU.", "etc.", "n.º", "+34", "600 123 456", "¿", "¡",
           "«", "»", ",", ".", "XXI", "siglo", "Felipe", "VI", "mil", "millones", "x", "4x4",
           "1/2", "½", "‰", "#", "@", "&", "=", "~", ">", "<", "±", "000", "0007",
           "99999999999", "1,500,000", "1.2.3", "2,5 pp", "€/mes", "11-M", "A-6"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12),
       st.sampled_from(["es", "es-MX"]))
def test_any_mix_is_spoken_in_words_and_stable(pieces: list[str], code: str) -> None:
    spoken = normalize(" ".join(pieces), code)
    assert not _SYMBOLS.search(spoken), spoken
    assert normalize(spoken, code) == spoken


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        assert wav.getnchannels() == 1
        return wav.getnframes() / wav.getframerate()


def test_espeak_spanish_voice_speaks_the_normalized_text(tmp_path: Path) -> None:
    """espeak-ng's Spanish voice reads the normalized sentence in about the time its words
    take at the chosen rate, and says what the normalizer wrote: the date as a date and the
    cents as cents, where the written sentence is read "cero tres barra doce barra..." and
    "doce coma cincuenta euro"."""
    written = ("El Ayuntamiento aprobó el 03/12/2026 un gasto de 48,6 millones de euros: "
               "1.500 viviendas, a 12,50 € el metro, un 3,5 % más que en 2025.")
    spoken = es(written)
    assert not _SYMBOLS.search(spoken)
    rate = 160
    out = tmp_path / "es.wav"
    subprocess.run(["espeak-ng", "-v", "es", "-s", str(rate), "-w", str(out), spoken],
                   check=True, capture_output=True, timeout=60)
    seconds = _wav_seconds(out)
    words = len(spoken.split())
    expected = words * 60 / rate
    assert 0.6 * expected < seconds < 1.6 * expected, (seconds, expected, words)

    def phonemes(text: str) -> str:
        return subprocess.run(["espeak-ng", "-v", "es", "-q", "-x", text], check=True,
                              capture_output=True, text=True, timeout=60).stdout

    said, raw = phonemes(spoken), phonemes(written)
    barra, diciembre, centimos = "B'aRR2a", "Tj'emb", "T'entimos"
    assert barra in raw and diciembre not in raw and centimos not in raw
    assert barra not in said and diciembre in said and centimos in said
