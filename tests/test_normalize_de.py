"""Tests for the German normalizer (briefcast.normalize_de): written German news copy in,
what a German newsreader says out.

Output style pinned here (see the briefcast.normalize_de docstring):
- numbers are num2words' German words, one word as German writes them, without the
  leading "ein" of "eintausend"/"einhundert" ("tausendfünfhundert"); decimals digit by
  digit after "Komma" ("drei Komma eins vier");
- "1" before a noun is "ein"/"eine", "einem"/"einer" after a dative preposition, "einen"
  before a masculine unit after an accusative preposition or verb ("kostet einen Euro");
- ordinals are declined by one rule: "-en" after am/im/vom/zum/beim/zur/dem/den/des...,
  after a preposition ("bis einunddreißigsten Juli") and after "der" that follows a
  preposition ("in der dritten Runde"); "-er" in a date with no article ("Berlin, dritter
  Dezember"); "-e" otherwise ("der dritte Oktober", "die zweite Bundesliga");
- years 1100-1999 in hundreds, others as cardinals; times "neun Uhr dreißig"; scores
  "drei zu eins"; ranges "zehn bis fünfzehn" ("und" after "zwischen");
- money with the cents after the currency ("zwölf Euro fünfzig"); units and "%" in words;
- abbreviations expanded, their period kept only where it also ends the sentence;
- phone numbers digit by digit, groups separated by commas;
- a sentence that opened with a number, sign or lowercase abbreviation starts with a capital.
"""

from __future__ import annotations

import random
import re
import subprocess
import wave
from pathlib import Path

import pytest

from briefcast.normalize import DEFAULT_NORMALIZERS, Normalizer, normalize
from briefcast.normalize_de import GermanNormalizer

CASES: list[tuple[str, str]] = [
    # --- cardinals: thousands with '.', decimal comma, signs, 'ein' before a noun -------
    ('Der Gemeinderat hat 1.500 neue Kita-Plätze beschlossen.',
     'Der Gemeinderat hat tausendfünfhundert neue Kita-Plätze beschlossen.'),
    ('Im Landkreis leben 245.000 Menschen.',
     'Im Landkreis leben zweihundertfünfundvierzigtausend Menschen.'),
    ('Der Verein zählt 12.345 Mitglieder.',
     'Der Verein zählt zwölftausenddreihundertfünfundvierzig Mitglieder.'),
    ('Die Zahl der Arbeitslosen stieg auf 2.950.000.',
     'Die Zahl der Arbeitslosen stieg auf zwei Millionen neunhundertfünfzigtausend.'),
    ('Nur 7 Abgeordnete stimmten dagegen.',
     'Nur sieben Abgeordnete stimmten dagegen.'),
    ('Insgesamt wurden 101 Anträge gestellt.',
     'Insgesamt wurden hunderteins Anträge gestellt.'),
    ('Die Feuerwehr rückte mit 40 Fahrzeugen an.',
     'Die Feuerwehr rückte mit vierzig Fahrzeugen an.'),
    ('Es gab 0 Neuinfektionen.',
     'Es gab null Neuinfektionen.'),
    ('Die Stadt hat 10 115 Einwohner.',
     'Die Stadt hat zehntausendeinhundertfünfzehn Einwohner.'),
    ('Der Haushalt umfasst 48,6 Millionen Euro.',
     'Der Haushalt umfasst achtundvierzig Komma sechs Millionen Euro.'),
    ('Die Quote liegt bei 3,14.',
     'Die Quote liegt bei drei Komma eins vier.'),
    ('Der Wert fiel auf 0,5 Punkte.',
     'Der Wert fiel auf null Komma fünf Punkte.'),
    ('Das Defizit wuchs auf 2,05 Prozent.',
     'Das Defizit wuchs auf zwei Komma null fünf Prozent.'),
    ('In der Nacht sank die Temperatur auf -12 Grad.',
     'In der Nacht sank die Temperatur auf minus zwölf Grad.'),
    ('Der Index schloss bei -0,3 Punkten.',
     'Der Index schloss bei minus null Komma drei Punkten.'),
    ('Der Pegel stieg um +3 Zentimeter.',
     'Der Pegel stieg um plus drei Zentimeter.'),
    ('Die Fahrt kostet 1 Euro pro Kilometer.',
     'Die Fahrt kostet einen Euro pro Kilometer.'),
    ('Der Bus hatte 1 Stunde Verspätung.',
     'Der Bus hatte eine Stunde Verspätung.'),
    ('Vor 1 Jahr wurde der Grundstein gelegt.',
     'Vor einem Jahr wurde der Grundstein gelegt.'),
    ('Nach 1 Woche war alles vorbei.',
     'Nach einer Woche war alles vorbei.'),
    ('Das Tor fiel in der 1. Minute.',
     'Das Tor fiel in der ersten Minute.'),
    # --- dates (ordinal day: '-en' after am/vom/seit dem/bis, '-er' bare, '-e' after der) ---
    ('Am 3. Dezember tagt der Stadtrat.',
     'Am dritten Dezember tagt der Stadtrat.'),
    ('Der 3. Oktober ist ein Feiertag.',
     'Der dritte Oktober ist ein Feiertag.'),
    ('Berlin, 3. Dezember 2026.',
     'Berlin, dritter Dezember zweitausendsechsundzwanzig.'),
    ('Die Entscheidung fiel am 1. Januar 2026.',
     'Die Entscheidung fiel am ersten Januar zweitausendsechsundzwanzig.'),
    ('Seit dem 15. März gilt die neue Regel.',
     'Seit dem fünfzehnten März gilt die neue Regel.'),
    ('Bis 31. Juli müssen die Anträge vorliegen.',
     'Bis einunddreißigsten Juli müssen die Anträge vorliegen.'),
    ('Ab 1. April steigen die Preise.',
     'Ab ersten April steigen die Preise.'),
    ('Vom 3. bis 5. Mai findet die Messe statt.',
     'Vom dritten bis fünften Mai findet die Messe statt.'),
    ('Das Festival läuft vom 12.–14. Juli.',
     'Das Festival läuft vom zwölften bis vierzehnten Juli.'),
    ('Am Montag, 3. Dezember, wird gewählt.',
     'Am Montag, dritten Dezember, wird gewählt.'),
    ('Die Abstimmung findet am 3.12.2026 statt.',
     'Die Abstimmung findet am dritten Dezember zweitausendsechsundzwanzig statt.'),
    ('Der Vertrag wurde am 01.04.2025 unterzeichnet.',
     'Der Vertrag wurde am ersten April zweitausendfünfundzwanzig unterzeichnet.'),
    ('Der Vorfall ereignete sich am 2026-11-25 gegen Mittag.',
     'Der Vorfall ereignete sich am fünfundzwanzigsten November zweitausendsechsundzwanzig gegen Mittag.'),
    ('Die Frist endet am 30.6.',
     'Die Frist endet am dreißigsten Juni.'),
    ('Die Ausstellung ist bis 12.10. geöffnet.',
     'Die Ausstellung ist bis zwölften Oktober geöffnet.'),
    ('Im Dezember 1998 wurde der Vertrag unterzeichnet.',
     'Im Dezember neunzehnhundertachtundneunzig wurde der Vertrag unterzeichnet.'),
    ('Die Bahn streikt seit 3. Dez. 2026.',
     'Die Bahn streikt seit dritten Dezember zweitausendsechsundzwanzig.'),
    # --- ordinals outside dates, and numbers that only end a sentence -------------------
    ('Er wurde zum 3. Mal gewählt.',
     'Er wurde zum dritten Mal gewählt.'),
    ('Im 19. Jahrhundert wuchs die Stadt rasant.',
     'Im neunzehnten Jahrhundert wuchs die Stadt rasant.'),
    ('Die Mannschaft spielt in der 2. Bundesliga.',
     'Die Mannschaft spielt in der zweiten Bundesliga.'),
    ('In der 3. Runde schied sie aus.',
     'In der dritten Runde schied sie aus.'),
    ('Der 2. Weltkrieg endete in Europa am 8. Mai 1945.',
     'Der zweite Weltkrieg endete in Europa am achten Mai neunzehnhundertfünfundvierzig.'),
    ('Sie feiert ihren 100. Geburtstag.',
     'Sie feiert ihren hundertsten Geburtstag.'),
    ('Es ist bereits die 4. Welle.',
     'Es ist bereits die vierte Welle.'),
    ('Er belegte den 5. Platz.',
     'Er belegte den fünften Platz.'),
    ('Die Zahl stieg auf 3. Danach sank sie wieder.',
     'Die Zahl stieg auf drei. Danach sank sie wieder.'),
    ('Der Termin ist am 3. Danach wird entschieden.',
     'Der Termin ist am dritten. Danach wird entschieden.'),
    # --- years (1100-1999 in hundreds) and counts of four digits; decades ---------------
    ('Der Verein wurde 1905 gegründet.',
     'Der Verein wurde neunzehnhundertfünf gegründet.'),
    ('1998 wurde Gerhard Schröder Bundeskanzler.',
     'Neunzehnhundertachtundneunzig wurde Gerhard Schröder Bundeskanzler.'),
    ('Seit 1990 ist Deutschland wiedervereinigt.',
     'Seit neunzehnhundertneunzig ist Deutschland wiedervereinigt.'),
    ('Die Mauer fiel 1989.',
     'Die Mauer fiel neunzehnhundertneunundachtzig.'),
    ('Bis 2030 soll der Ausstieg gelingen.',
     'Bis zweitausenddreißig soll der Ausstieg gelingen.'),
    ('Im Jahr 2026 wird gewählt.',
     'Im Jahr zweitausendsechsundzwanzig wird gewählt.'),
    ('Schon 1066 wurde die Burg erwähnt.',
     'Schon tausendsechsundsechzig wurde die Burg erwähnt.'),
    ('Mehr als 1500 Menschen demonstrierten.',
     'Mehr als tausendfünfhundert Menschen demonstrierten.'),
    ('1200 Polizisten waren im Einsatz.',
     'Tausendzweihundert Polizisten waren im Einsatz.'),
    ('Die 1990er-Jahre waren eine Zeit des Umbruchs.',
     'Die neunzehnhundertneunziger-Jahre waren eine Zeit des Umbruchs.'),
    ('Sie wuchs in den 80er Jahren auf.',
     'Sie wuchs in den achtziger Jahren auf.'),
    ('Die 68er prägten die Republik.',
     'Die Achtundsechziger prägten die Republik.'),
    # --- clock times and durations ------------------------------------------------------
    ('Die Sitzung beginnt um 23:40 Uhr.',
     'Die Sitzung beginnt um dreiundzwanzig Uhr vierzig.'),
    ('Der Zug fährt um 9 Uhr ab.',
     'Der Zug fährt um neun Uhr ab.'),
    ('Um 1 Uhr nachts brach das Feuer aus.',
     'Um ein Uhr nachts brach das Feuer aus.'),
    ('Die Polizei kam gegen 14.30 Uhr.',
     'Die Polizei kam gegen vierzehn Uhr dreißig.'),
    ('Geöffnet ist von 8.30 bis 12 Uhr.',
     'Geöffnet ist von acht Uhr dreißig bis zwölf Uhr.'),
    ('Die Praxis öffnet von 9–17 Uhr.',
     'Die Praxis öffnet von neun bis siebzehn Uhr.'),
    ('Der Flieger landete um 14:05.',
     'Der Flieger landete um vierzehn Uhr fünf.'),
    ('Die Gespräche dauerten bis 0:30 Uhr.',
     'Die Gespräche dauerten bis null Uhr dreißig.'),
    ('Um 12:00 Uhr läuten die Glocken.',
     'Um zwölf Uhr läuten die Glocken.'),
    ('Die Siegerin lief die Strecke in 2:21:05.',
     'Die Siegerin lief die Strecke in zwei Stunden, einundzwanzig Minuten und fünf Sekunden.'),
    # --- scores -------------------------------------------------------------------------
    ('Bayern gewann das Spiel 3:1.',
     'Bayern gewann das Spiel drei zu eins.'),
    ('Das Spiel endete 2:2 (1:0).',
     'Das Spiel endete zwei zu zwei (eins zu null).'),
    ('Dortmund feierte einen 4:0-Sieg.',
     'Dortmund feierte einen Vier-zu-null-Sieg.'),
    ('Der Stadtrat stimmte mit 31:12 Stimmen zu.',
     'Der Stadtrat stimmte mit einunddreißig zu zwölf Stimmen zu.'),
    ('Die Handballer unterlagen 27:30.',
     'Die Handballer unterlagen siebenundzwanzig zu dreißig.'),
    # --- money --------------------------------------------------------------------------
    ('Der Eintritt kostet 5 €.',
     'Der Eintritt kostet fünf Euro.'),
    ('Eine Karte kostet € 12,50.',
     'Eine Karte kostet zwölf Euro fünfzig.'),
    ('Der Liter Diesel kostet 1,79 €.',
     'Der Liter Diesel kostet einen Euro neunundsiebzig.'),
    ('Ein Brötchen kostet jetzt 0,45 Euro.',
     'Ein Brötchen kostet jetzt fünfundvierzig Cent.'),
    ('Der Konzern investiert $3 Mrd. in neue Werke.',
     'Der Konzern investiert drei Milliarden Dollar in neue Werke.'),
    ('Das Defizit beträgt 1,2 Mrd. Euro.',
     'Das Defizit beträgt eins Komma zwei Milliarden Euro.'),
    ('Die Schulden betragen 3 Mrd.',
     'Die Schulden betragen drei Milliarden.'),
    ('Die Stadt erhält 1 Mio. € vom Land.',
     'Die Stadt erhält eine Million Euro vom Land.'),
    ('Der Verlust lag bei 48,6 Mio. €.',
     'Der Verlust lag bei achtundvierzig Komma sechs Millionen Euro.'),
    ('Das Paket ist 2,5 Milliarden Dollar schwer.',
     'Das Paket ist zwei Komma fünf Milliarden Dollar schwer.'),
    ('Die Firma zahlte 120.000 US-Dollar Strafe.',
     'Die Firma zahlte hundertzwanzigtausend US-Dollar Strafe.'),
    ('Das Ticket kostet 29,– Euro.',
     'Das Ticket kostet neunundzwanzig Euro.'),
    ('Die Wohnung kostet 1.200 € im Monat.',
     'Die Wohnung kostet tausendzweihundert Euro im Monat.'),
    ('Die Preise liegen zwischen 10 und 20 €.',
     'Die Preise liegen zwischen zehn und zwanzig Euro.'),
    ('Die Tickets kosten 10–15 €.',
     'Die Tickets kosten zehn bis fünfzehn Euro.'),
    ('Der Bitcoin fiel unter 50.000 $.',
     'Der Bitcoin fiel unter fünfzigtausend Dollar.'),
    ('In London kostet das 12 £.',
     'In London kostet das zwölf Pfund.'),
    ('Die Uhr kostet 2.400 CHF.',
     'Die Uhr kostet zweitausendvierhundert Franken.'),
    # --- percentages --------------------------------------------------------------------
    ('Die Inflation lag im November bei 2,4 %.',
     'Die Inflation lag im November bei zwei Komma vier Prozent.'),
    ('Die Partei kam auf 25,7 Prozent.',
     'Die Partei kam auf fünfundzwanzig Komma sieben Prozent.'),
    ('Die Aktie gab 0,5 % nach.',
     'Die Aktie gab null Komma fünf Prozent nach.'),
    ('Der Umsatz sank um -3 %.',
     'Der Umsatz sank um minus drei Prozent.'),
    ('Die 5%-Hürde wurde knapp verfehlt.',
     'Die Fünf-Prozent-Hürde wurde knapp verfehlt.'),
    ('Die Zustimmung liegt bei 40–45 %.',
     'Die Zustimmung liegt bei vierzig bis fünfundvierzig Prozent.'),
    ('Er hatte 1,1 ‰ Alkohol im Blut.',
     'Er hatte eins Komma eins Promille Alkohol im Blut.'),
    ('Nur 1 % der Befragten war unentschlossen.',
     'Nur ein Prozent der Befragten war unentschlossen.'),
    # --- units --------------------------------------------------------------------------
    ('Auf der A7 gilt Tempo 120 km/h.',
     'Auf der A-sieben gilt Tempo hundertzwanzig Kilometer pro Stunde.'),
    ('Die Strecke ist 42,195 km lang.',
     'Die Strecke ist zweiundvierzig Komma eins neun fünf Kilometer lang.'),
    ('Bei -5 °C fror der See zu.',
     'Bei minus fünf Grad Celsius fror der See zu.'),
    ('Das Wasser hatte 18 °C.',
     'Das Wasser hatte achtzehn Grad Celsius.'),
    ('Er wog 85 kg.',
     'Er wog fünfundachtzig Kilogramm.'),
    ('Der Lkw hatte 1 t Kies geladen.',
     'Der Lkw hatte eine Tonne Kies geladen.'),
    ('Es fielen 20 l Regen pro m².',
     'Es fielen zwanzig Liter Regen pro Quadratmeter.'),
    ('Die Fläche beträgt 3.500 m².',
     'Die Fläche beträgt dreitausendfünfhundert Quadratmeter.'),
    ('Der Windpark liefert 300 MW.',
     'Der Windpark liefert dreihundert Megawatt.'),
    ('Der Akku hat 75 kWh.',
     'Der Akku hat fünfundsiebzig Kilowattstunden.'),
    ('Der Sprinter lief die 100 m in 9,58 Sekunden.',
     'Der Sprinter lief die hundert Meter in neun Komma fünf acht Sekunden.'),
    ('Der 5-km-Lauf startet am Sonntag.',
     'Der Fünf-Kilometer-Lauf startet am Sonntag.'),
    ('Der Baum ist 1,85 m hoch.',
     'Der Baum ist eins Komma acht fünf Meter hoch.'),
    ('Das Beben hatte eine Stärke von 6,1.',
     'Das Beben hatte eine Stärke von sechs Komma eins.'),
    # --- abbreviations ------------------------------------------------------------------
    ('Z. B. Kinder unter 6 Jahren zahlen nichts.',
     'Zum Beispiel Kinder unter sechs Jahren zahlen nichts.'),
    ('Viele Städte, z. B. Köln, erhöhen die Gebühren.',
     'Viele Städte, zum Beispiel Köln, erhöhen die Gebühren.'),
    ('Es kamen ca. 500 Gäste, u. a. der Bürgermeister.',
     'Es kamen zirka fünfhundert Gäste, unter anderem der Bürgermeister.'),
    ('Eingeladen waren Siemens, BASF u. a.',
     'Eingeladen waren Siemens, BASF und andere.'),
    ('Das betrifft Obst, Gemüse usw. Die Preise steigen weiter.',
     'Das betrifft Obst, Gemüse und so weiter. Die Preise steigen weiter.'),
    ('Die Miete steigt, d. h. viele müssen umziehen.',
     'Die Miete steigt, das heißt viele müssen umziehen.'),
    ('Die Gewerkschaft fordert 8,5 % mehr Lohn bzw. mindestens 300 Euro.',
     'Die Gewerkschaft fordert acht Komma fünf Prozent mehr Lohn beziehungsweise mindestens dreihundert Euro.'),
    ('Das Urteil betrifft Fall Nr. 17.',
     'Das Urteil betrifft Fall Nummer siebzehn.'),
    ('Dr. Anna Schmidt leitet die Klinik.',
     'Doktor Anna Schmidt leitet die Klinik.'),
    ('Prof. Dr. Klaus Weber sprach in St. Pauli.',
     'Professor Doktor Klaus Weber sprach in Sankt Pauli.'),
    ('Die Firma sitzt in der Goethestr. 12.',
     'Die Firma sitzt in der Goethestraße zwölf.'),
    ('Die Kundgebung findet in der Berliner Str. statt.',
     'Die Kundgebung findet in der Berliner Straße statt.'),
    ('Die Arbeiten dauern ca. 3 Std.',
     'Die Arbeiten dauern zirka drei Stunden.'),
    ('Laut § 218 StGB ist das strafbar.',
     'Laut Paragraf zweihundertachtzehn StGB ist das strafbar.'),
    ('Das regelt Art. 5 Abs. 3 GG.',
     'Das regelt Artikel fünf Absatz drei GG.'),
    ('Wilhelm II. dankte 1918 ab.',
     'Wilhelm der Zweite dankte neunzehnhundertachtzehn ab.'),
    ('Die Stadt wurde 800 v. Chr. gegründet.',
     'Die Stadt wurde achthundert vor Christus gegründet.'),
    # --- phone numbers and digit strings ------------------------------------------------
    ('Die Polizei ist unter 030 1234567 erreichbar.',
     'Die Polizei ist unter null drei null, eins zwei drei vier fünf sechs sieben erreichbar.'),
    ('Die Hotline 0800 123 456 ist kostenlos.',
     'Die Hotline null acht null null, eins zwei drei, vier fünf sechs ist kostenlos.'),
    ('Rufen Sie +49 30 12345678 an.',
     'Rufen Sie plus vier neun, drei null, eins zwei drei vier fünf sechs sieben acht an.'),
    ('Der Notruf 112 ist rund um die Uhr besetzt.',
     'Der Notruf eins eins zwei ist rund um die Uhr besetzt.'),
    ('Die Nummer 0171-1234567 gehört dem Täter.',
     'Die Nummer null eins sieben eins, eins zwei drei vier fünf sechs sieben gehört dem Täter.'),
    ('Der Agent trägt die Nummer 007.',
     'Der Agent trägt die Nummer null null sieben.'),
    # --- ranges, seasons and fractions --------------------------------------------------
    ('Die Temperaturen liegen bei 10–15 Grad.',
     'Die Temperaturen liegen bei zehn bis fünfzehn Grad.'),
    ('Die Fahrt dauert 2-3 Stunden.',
     'Die Fahrt dauert zwei bis drei Stunden.'),
    ('Der Krieg dauerte von 1914–1918.',
     'Der Krieg dauerte von neunzehnhundertvierzehn bis neunzehnhundertachtzehn.'),
    ('Die Saison 2019/20 wurde abgebrochen.',
     'Die Saison zweitausendneunzehn zwanzig wurde abgebrochen.'),
    ('Der Umsatz stieg von 2019–2021 um 12 %.',
     'Der Umsatz stieg von zweitausendneunzehn bis zweitausendeinundzwanzig um zwölf Prozent.'),
    ('3/4 der Befragten stimmten zu.',
     'Drei Viertel der Befragten stimmten zu.'),
    ('Es dauerte 2½ Stunden.',
     'Es dauerte zweieinhalb Stunden.'),
    ('Rund 1/3 der Fläche ist Wald.',
     'Rund ein Drittel der Fläche ist Wald.'),
    # --- a sentence that opens with a number or sign keeps its capital ------------------
    ('5 Menschen wurden verletzt.',
     'Fünf Menschen wurden verletzt.'),
    ('500 Gäste feierten bis in die Nacht.',
     'Fünfhundert Gäste feierten bis in die Nacht.'),
    ('„3 Tote“ meldete die Polizei.',
     '„Drei Tote“ meldete die Polizei.'),
    ('€ 5 kostet der Eintritt.',
     'Fünf Euro kostet der Eintritt.'),
    ('Das Werk steht still. 2.000 Beschäftigte sind betroffen.',
     'Das Werk steht still. Zweitausend Beschäftigte sind betroffen.'),
    # --- compounds, identifiers, addresses and symbols ----------------------------------
    ('Der 17-Jährige wurde festgenommen.',
     'Der Siebzehnjährige wurde festgenommen.'),
    ('Eine 34-jährige Frau wurde verletzt.',
     'Eine vierunddreißigjährige Frau wurde verletzt.'),
    ('Die 3-Zimmer-Wohnung kostet 1.200 Euro.',
     'Die Drei-Zimmer-Wohnung kostet tausendzweihundert Euro.'),
    ('Das 1,5-Grad-Ziel ist in Gefahr.',
     'Das Eins-Komma-fünf-Grad-Ziel ist in Gefahr.'),
    ('Der Umsatz hat sich 3-fach erhöht.',
     'Der Umsatz hat sich dreifach erhöht.'),
    ('Er hat 2x gewonnen.',
     'Er hat zweimal gewonnen.'),
    ('Das Spiel gegen den 1. FC Köln endete 1:1.',
     'Das Spiel gegen den ersten FC Köln endete eins zu eins.'),
    ('Die G7 trafen sich in Italien.',
     'Die G-sieben trafen sich in Italien.'),
    ('Das Virus COVID-19 breitet sich aus.',
     'Das Virus COVID-neunzehn breitet sich aus.'),
    ('Das 5G-Netz wird ausgebaut.',
     'Das Fünf-G-Netz wird ausgebaut.'),
    ('Version 2.0 der App erscheint bald.',
     'Version zwei Punkt null der App erscheint bald.'),
    ('Die Boeing 737 musste notlanden.',
     'Die Boeing sieben drei sieben musste notlanden.'),
    ('Mehr Infos unter www.stadt-muenster.de im Netz.',
     'Mehr Infos unter stadt-muenster Punkt de im Netz.'),
    ('Fragen an presse@stadt.de senden.',
     'Fragen an presse at stadt Punkt de senden.'),
    ('Müller & Söhne meldeten Insolvenz an.',
     'Müller und Söhne meldeten Insolvenz an.'),
    ('Die Altersgrenze liegt bei 65+.',
     'Die Altersgrenze liegt bei fünfundsechzig plus.'),
    ('Die Nachfrage stieg um ~20 %.',
     'Die Nachfrage stieg um etwa zwanzig Prozent.'),
    ('Er kam auf Platz #1 der Charts.',
     'Er kam auf Platz Nummer eins der Charts.'),
    # --- more news copy, mixed ----------------------------------------------------------
    ('Die Kosten steigen evtl. weiter.',
     'Die Kosten steigen eventuell weiter.'),
    ('Der Preis gilt inkl. Mehrwertsteuer.',
     'Der Preis gilt inklusive Mehrwertsteuer.'),
    ('Das Angebot gilt ggf. auch online.',
     'Das Angebot gilt gegebenenfalls auch online.'),
    ('Der Verein Tafel e. V. hilft Bedürftigen.',
     'Der Verein Tafel eingetragener Verein hilft Bedürftigen.'),
    ('Bürgermeister a. D. Hans Meier sprach zuerst.',
     'Bürgermeister außer Dienst Hans Meier sprach zuerst.'),
    ('Der Preis gilt zzgl. Versand.',
     'Der Preis gilt zuzüglich Versand.'),
    ('Die Zahl der Fälle ist i. d. R. niedriger.',
     'Die Zahl der Fälle ist in der Regel niedriger.'),
    ('Papst Leo XIV. besuchte Bayern.',
     'Papst Leo der Vierzehnte besuchte Bayern.'),
    ('Die Bilanz: 3 Siege, 2 Niederlagen.',
     'Die Bilanz: drei Siege, zwei Niederlagen.'),
    ('Die Abgabe steigt auf 1.000,50 Euro.',
     'Die Abgabe steigt auf tausend Euro fünfzig.'),
    ('Das Gesetz tritt am 1.1.2027 in Kraft.',
     'Das Gesetz tritt am ersten Januar zweitausendsiebenundzwanzig in Kraft.'),
    ('Die Temperaturen liegen um 0 Grad.',
     'Die Temperaturen liegen um null Grad.'),
    ('Das Kind ist 1,5 Jahre alt.',
     'Das Kind ist eins Komma fünf Jahre alt.'),
    ('Das Unternehmen beschäftigt 3.400 Mitarbeiterinnen und Mitarbeiter.',
     'Das Unternehmen beschäftigt dreitausendvierhundert Mitarbeiterinnen und Mitarbeiter.'),
    ('Der Dax schloss bei 18.234,56 Punkten.',
     'Der Dax schloss bei achtzehntausendzweihundertvierunddreißig Komma fünf sechs Punkten.'),
    ('Der Sturm erreichte 130 km/h.',
     'Der Sturm erreichte hundertdreißig Kilometer pro Stunde.'),
    ('Die Zugspitze ist 2.962 m hoch.',
     'Die Zugspitze ist zweitausendneunhundertzweiundsechzig Meter hoch.'),
    ('Die Fahrt dauert 1 h 45 min.',
     'Die Fahrt dauert eine Stunde fünfundvierzig Minuten.'),
    ('Der Bundestag hat 630 Sitze.',
     'Der Bundestag hat sechshundertdreißig Sitze.'),
    ('Um 18 Uhr schließen die Wahllokale.',
     'Um achtzehn Uhr schließen die Wahllokale.'),
    ('Das Unglück ereignete sich gegen 6.15 Uhr.',
     'Das Unglück ereignete sich gegen sechs Uhr fünfzehn.'),
    ('Die Rente steigt zum 1. Juli um 3,7 %.',
     'Die Rente steigt zum ersten Juli um drei Komma sieben Prozent.'),
    ('Die EZB senkt den Leitzins auf 2,5 %.',
     'Die EZB senkt den Leitzins auf zwei Komma fünf Prozent.'),
    ('Die Lage ist ernst. 3 Menschen starben, 12 wurden verletzt.',
     'Die Lage ist ernst. Drei Menschen starben, zwölf wurden verletzt.'),
    ('Tickets gibt es ab 19,90 €.',
     'Tickets gibt es ab neunzehn Euro neunzig.'),
    ('Der Strompreis liegt bei 35,2 Cent pro kWh.',
     'Der Strompreis liegt bei fünfunddreißig Komma zwei Cent pro Kilowattstunde.'),
    ('Die Miete beträgt 12 €/m².',
     'Die Miete beträgt zwölf Euro pro Quadratmeter.'),
    ('Der Benzinpreis stieg auf 1,85 €/l.',
     'Der Benzinpreis stieg auf einen Euro fünfundachtzig pro Liter.'),
    ('Der Zug von Köln nach München hatte 45 Min. Verspätung.',
     'Der Zug von Köln nach München hatte fünfundvierzig Minuten Verspätung.'),
    ('Sie gewann mit 6:3, 6:4.',
     'Sie gewann mit sechs zu drei, sechs zu vier.'),
    ('Das Finale beginnt um 20.45 Uhr.',
     'Das Finale beginnt um zwanzig Uhr fünfundvierzig.'),
    ('Frankfurt, 12. März (dpa).',
     'Frankfurt, zwölfter März (dpa).'),
    ('Der Prozess beginnt am Donnerstag, 5. Februar.',
     'Der Prozess beginnt am Donnerstag, fünften Februar.'),
    ('Am 24. und 25. Mai wird gefeiert.',
     'Am vierundzwanzigsten und fünfundzwanzigsten Mai wird gefeiert.'),
    ('In den Jahren 2020 bis 2022 sank die Zahl.',
     'In den Jahren zweitausendzwanzig bis zweitausendzweiundzwanzig sank die Zahl.'),
    ('Er ist seit 2015 im Amt.',
     'Er ist seit zweitausendfünfzehn im Amt.'),
    ('Die Zahl sank von 1.250 auf 980.',
     'Die Zahl sank von tausendzweihundertfünfzig auf neunhundertachtzig.'),
    ('Die Rakete erreichte eine Höhe von 100 Kilometern.',
     'Die Rakete erreichte eine Höhe von hundert Kilometern.'),
    ('Das ist der 1.000. Besucher.',
     'Das ist der tausendste Besucher.'),
    ('Bei dem Unfall auf der A 3 wurden gegen 7.15 Uhr 4 Menschen verletzt, 2 davon schwer.',
     'Bei dem Unfall auf der A drei wurden gegen sieben Uhr fünfzehn vier Menschen verletzt, zwei davon schwer.'),
    ('Die Fahrzeit zwischen Berlin und München sinkt ab dem 15. Dezember 2026 auf 3 Std. 55 Min.',
     'Die Fahrzeit zwischen Berlin und München sinkt ab dem fünfzehnten Dezember zweitausendsechsundzwanzig auf drei Stunden fünfundfünfzig Minuten.'),
    ('Das Stadion soll 2028 fertig sein. Die Kosten werden auf 350 Mio. € geschätzt.',
     'Das Stadion soll zweitausendachtundzwanzig fertig sein. Die Kosten werden auf dreihundertfünfzig Millionen Euro geschätzt.'),
    ('Die Telefonseelsorge ist unter 0800 111 0 111 erreichbar.',
     'Die Telefonseelsorge ist unter null acht null null, eins eins eins, null, eins eins eins erreichbar.'),
    ('Der 54-Jährige war seit 2019 Bürgermeister der 8000-Einwohner-Gemeinde.',
     'Der Vierundfünfzigjährige war seit zweitausendneunzehn Bürgermeister der Achttausend-Einwohner-Gemeinde.'),
    ('Das Treffen der G20 findet vom 30.11. bis 1.12. in Johannesburg statt.',
     'Das Treffen der G-zwanzig findet vom dreißigsten November bis ersten Dezember in Johannesburg statt.'),
    ('Der FC Bayern gewann am Samstag mit 3:1 (2:0) gegen Wolfsburg.',
     'Der FC Bayern gewann am Samstag mit drei zu eins (zwei zu null) gegen Wolfsburg.'),
    ('Ihr gehören u. a. Vertreter von SPD, CDU/CSU und FDP an.',
     'Ihr gehören unter anderem Vertreter von SPD, CDU/CSU und FDP an.'),
]

GERMAN = GermanNormalizer()
# What must never reach the voice: digits, and signs a German voice reads in English or
# not at all.
LEFTOVER = re.compile(r"[\d€$£¥%‰°§#~±²³]")
# English connectives that would mean a rule fell back to the English contract.
ENGLISH = re.compile(r"\b(?:and|percent|point|dollars|minus one|to the)\b")


@pytest.mark.parametrize(("written", "spoken"), CASES, ids=[c[0][:40] for c in CASES])
def test_german_news_copy_reads_like_a_newsreader(written: str, spoken: str) -> None:
    assert GERMAN.normalize(written) == spoken


def test_table_is_large_and_has_no_duplicates() -> None:
    assert len(CASES) >= 120
    assert len({c[0] for c in CASES}) == len(CASES)


def test_no_digit_symbol_or_english_word_is_left() -> None:
    for written, _ in CASES:
        spoken = GERMAN.normalize(written)
        assert not LEFTOVER.search(spoken), (written, spoken)
        assert not ENGLISH.search(spoken), (written, spoken)


def test_normalizing_spoken_text_changes_nothing() -> None:
    for _, spoken in CASES:
        assert GERMAN.normalize(spoken) == spoken


def test_normalize_is_pure() -> None:
    """Same input, same output, in any order and on a fresh instance: no state is kept."""
    texts = [c[0] for c in CASES]
    first = [GERMAN.normalize(t) for t in texts]
    fresh = GermanNormalizer()
    assert [fresh.normalize(t) for t in reversed(texts)] == list(reversed(first))
    paragraph = " ".join(texts[:40])
    assert GERMAN.normalize(paragraph) == GermanNormalizer().normalize(paragraph)


def test_a_paragraph_reads_as_its_sentences_do() -> None:
    """Sentences are normalized alike alone or in running text, newlines included."""
    texts = [w for w, _ in CASES if w[-1] in ".)"]
    joined = GERMAN.normalize(" ".join(texts))
    assert joined == " ".join(GERMAN.normalize(t) for t in texts)
    lines = GERMAN.normalize("\n".join(texts[:10]))
    assert lines.split("\n") == [GERMAN.normalize(t) for t in texts[:10]]


@pytest.mark.parametrize("code", ["de", "DE", "de-DE", "de_AT", "de-CH"])
def test_german_codes_resolve_to_the_german_normalizer(code: str) -> None:
    assert normalize("Es kostet 5 €.", code) == "Es kostet fünf Euro."


def test_german_normalizer_is_registered_and_keeps_the_protocol() -> None:
    assert isinstance(GERMAN, Normalizer)
    assert GERMAN.language == "de"
    assert isinstance(DEFAULT_NORMALIZERS["de"], GermanNormalizer)
    assert normalize("") == "" and GERMAN.normalize("") == ""
    assert normalize("It cost $5.", "en") == "It cost five dollars."  # English untouched


# Fragments news copy is made of, joined at random (seeded): whatever the mix, nothing a
# voice cannot say is left, and the result is already normalized.
FRAGMENTS = ("1", "12", "1.500", "3,5", "2026", "1998", "0", "007", "3.", "12.10.", "3:1",
             "23:40", "Uhr", "€", "$", "%", "°C", "km", "Mio.", "Mrd.", "z. B.", "u. a.", "ca.",
             "Nr.", "-", "–", "/", "+", "(", ")", ",", ".", "Der", "die", "am", "im", "Dezember",
             "Menschen", "Euro", "bis", "zwischen", "Spiel", "A7", "5G", "§", "&", "1/2", "½",
             "+49", "030", "12345", "Dr.", "St.", "Hauptstr.", "II.", "Wilhelm", "#", "~", "‰",
             "m²", "kWh", "1990er", "17-Jährige", "3-fach", "\n", "„", "“", "1'000", "0,99",
             "2019/20", "-5", "99.", "Jan.", "Mo.", "Fr.")


def test_any_mix_of_fragments_leaves_nothing_unsayable_and_is_stable() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        text = " ".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12)))
        spoken = GERMAN.normalize(text)
        assert not LEFTOVER.search(spoken), (text, spoken)
        assert GERMAN.normalize(spoken) == spoken, text


# --- the real German voice --------------------------------------------------------------

STORY = ("Der Stadtrat beschloss am 3. Dezember 2026 einen Haushalt von 48,6 Mio. €, "
         "u. a. für ca. 1.500 Kita-Plätze. Die Sitzung endete um 23:40 Uhr.")


def _espeak(*args: str) -> str:
    return subprocess.run(["espeak-ng", "-v", "de", *args], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def _syllables(text: str) -> int:
    return len(re.findall(r"(?:ei|ai|au|eu|äu|ie|[aeiouäöüy])", text.lower()))


def test_espeak_german_voice_speaks_the_normalized_story(tmp_path: Path) -> None:
    spoken = GERMAN.normalize(STORY)
    assert not LEFTOVER.search(spoken)
    wav = tmp_path / "story.wav"
    _espeak("-s", "165", "-w", str(wav), spoken)
    with wave.open(str(wav)) as w:
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    samples = memoryview(frames).cast("h")
    rms = (sum(s * s for s in samples) / len(samples)) ** 0.5
    # espeak-ng speaks German at about four to six syllables a second at 165 wpm
    rate = _syllables(spoken) / seconds
    assert 3.0 < rate < 8.0, (seconds, _syllables(spoken))
    assert rms > 500, rms  # speech, not silence


def test_espeak_hears_no_sentence_breaks_the_copy_did_not_have() -> None:
    """espeak-ng (-x prints one line per clause) takes "u. a.", "ca." and "Mio." for
    sentence ends; the normalized text has only the clauses its punctuation makes."""
    raw = _espeak("-q", "-x", STORY).strip().split("\n")
    spoken = GERMAN.normalize(STORY)
    said = _espeak("-q", "-x", spoken).strip().split("\n")
    assert len(said) == len(re.findall(r"[,.;:!?](?:\s|$)", spoken))
    assert len(raw) > len(said)
