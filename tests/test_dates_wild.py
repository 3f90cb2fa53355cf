"""Issue 12: dates from the wild never stop the night.

Real sites state publication dates like "0001-01-01T00:00:00Z" (a CMS's zero date), offsets
like "+99:00", epoch seconds, "N/A", or JSON-LD that is not JSON. Each such date counts as
missing (the article airs as undated) and the report says which date was ignored and why.

- a table of dates seen in the wild, read by ``briefcast.pubdate``;
- property tests over every date source (HTML meta, JSON-LD, Markdown front matter, RSS
  and Atom entries): whatever the date, ``ingest`` returns, every date it keeps is
  plausible and safe to convert to any time zone, and a date ``pubdate`` refuses is
  reported as missing;
- end to end: a folder of good articles plus one with a zero date and one with broken
  JSON-LD is built into an episode with the real espeak-ng and ffmpeg, and
  ``briefcast ingest`` on it exits normally and prints the note.

``run_date_fuzz`` is shared with ``bench/bench_robustness.py``, which runs more cases.
All article text here is invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import subprocess
import sys
import tempfile
import zoneinfo
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from conftest import DEMO, make_show
from hypothesis import given, settings, strategies as st
from test_robustness import FUZZ

from briefcast.audio import probe
from briefcast.config import ShowConfig, parse_config
from briefcast.errors import UsageError
from briefcast.models import Article
from briefcast.pubdate import EARLIEST_YEAR, LATEST_YEAR, read_date, require_date
from briefcast.stages import records
from briefcast.stages.ingest import edition_window, ingest
from briefcast.validate import _pub_date

TZ = "America/New_York"
ZONE = zoneinfo.ZoneInfo(TZ)
EDITION = dt.date(2026, 11, 25)
# The zones furthest from UTC either way: a date that survives these survives any.
EXTREME_ZONES = (zoneinfo.ZoneInfo("Pacific/Kiritimati"), zoneinfo.ZoneInfo("Etc/GMT+12"),
                 ZONE, dt.UTC)

PIER = ("The harbor pier reopened to walkers on Monday after a winter of repairs to its "
        "wooden deck, the harbor office said in a statement.",
        "Crews replaced more than four hundred planks and two of the lamp posts that storms "
        "had bent last year, and repainted the railings along the whole length of the pier.",
        "The pier will stay open until ten at night through the summer, with a lifeguard on "
        "duty at weekends and a new ramp for wheelchairs at the landward end.")
KITES = ("More than sixty kites filled the sky above the dunes on Sunday at the first kite "
         "festival the town has held since the old seafront club closed.",
         "Organizers said a steady onshore breeze kept the largest kites, some of them ten "
         "meters long, aloft for most of the afternoon without a single tangle.",
         "The festival raised money for the lifeboat station, whose volunteers flew a kite "
         "shaped like their own orange boat and handed out tea to the crowd.")

# Dates as sites really write them when they mean "no date", or by mistake.
WILD = ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00", "0001-01-01", "0000-00-00",
        "0000-00-00 00:00:00", "1900-01-01T00:00:00", "1970-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "9999-12-31", "10000-01-01T00:00:00Z",
        "2026-11-24T10:00:00+99:00", "2026-11-24T10:00:00-25:00", "2026-11-24T10:00:00+05:75",
        "Tue, 24 Nov 2026 10:00:00 +9900", "Mon, 01 Jan 0001 00:00:00 GMT",
        "Fri, 31 Dec 9999 23:59:59 +1400", "yesterday", "N/A", "null", "1732528800",
        "1732528800000", "2026-02-30", "24/11/2026 25:61", "TBD")


def test_wild_dates_are_refused_with_a_reason() -> None:
    for value in WILD:
        reading = read_date(value, ZONE)
        assert reading.when is None and reading.note, value
        assert reading.note is not None and reading.note.startswith(f"date {value!r} ignored: "), reading.note
    assert "out of range" in (read_date("0001-01-01T00:00:00Z", ZONE).note or "")
    assert "UTC offset" in (read_date("2026-11-24T10:00:00+99:00", ZONE).note or "")
    assert "a number" in (read_date(1732528800, ZONE).note or "")
    for blank in (None, "", "   "):  # no date at all: nothing to report
        assert read_date(blank, ZONE) == read_date(None, ZONE)
        assert read_date(blank, ZONE).note is None


def test_plausible_dates_still_read() -> None:
    ny = dt.timezone(dt.timedelta(hours=-5))
    cases = {
        "2026-11-24T19:00:00-05:00": dt.datetime(2026, 11, 24, 19, tzinfo=ny),
        "2026-11-25T00:00:00Z": dt.datetime(2026, 11, 25, tzinfo=dt.UTC),
        "Tue, 24 Nov 2026 19:00:00 -0500": dt.datetime(2026, 11, 24, 19, tzinfo=ny),
        "2026-11-24": dt.datetime(2026, 11, 24, 12, tzinfo=ZONE),  # a bare date: local noon
        "2026-11-24 18:30": dt.datetime(2026, 11, 24, 18, 30, tzinfo=ZONE),
        "2026-11-24T10:00:00+14:00": dt.datetime(2026, 11, 24, 10,
                                                 tzinfo=dt.timezone(dt.timedelta(hours=14))),
        f"{EARLIEST_YEAR}-01-01": dt.datetime(EARLIEST_YEAR, 1, 1, 12, tzinfo=ZONE),
        f"{LATEST_YEAR}-12-31": dt.datetime(LATEST_YEAR, 12, 31, 12, tzinfo=ZONE),
    }
    for value, expected in cases.items():
        reading = read_date(value, ZONE)
        assert reading.when == expected and reading.note is None, value
        assert reading.when.utcoffset() == expected.utcoffset(), value


# --- documents carrying a date, one per source kind ---------------------------------------

def _page(head: str, title: str = "Harbor pier reopens", body: tuple[str, ...] = PIER) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}'
            f"</title>{head}</head><body><article><h1>{title}</h1>{paragraphs}</article>"
            "</body></html>")


def html_meta(value: str) -> tuple[str, str]:
    return "page.html", _page('<meta property="article:published_time" '
                              f'content="{html.escape(value, quote=True)}">')


def json_ld(value: Any) -> tuple[str, str]:
    """``value`` is the whole JSON-LD document, or (as text) the block's raw content."""
    block = value if isinstance(value, str) else json.dumps(value).replace("<", "\\u003c")
    return "page.html", _page(f'<script type="application/ld+json">{block}</script>')


def front_matter(value: str, key: str = "date") -> tuple[str, str]:
    return "story.md", (f"---\ntitle: Harbor pier reopens\n{key}: {value}\n---\n\n"
                        + "\n\n".join(PIER) + "\n")


_FEED_BODY = escape("".join(f"<p>{p}</p>" for p in PIER))
_RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Gazette</title>'
        "<link>https://gazette.example/</link><description>News</description>"
        "<item><title>Harbor pier reopens</title><link>https://gazette.example/pier</link>"
        "{date}<content:encoded>{body}</content:encoded></item></channel></rss>")
_ATOM = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
         "<title>Gazette</title><id>urn:x:gazette</id><updated>2026-11-24T12:00:00Z</updated>"
         '<entry><title>Harbor pier reopens</title><id>urn:x:pier</id>'
         '<link href="https://gazette.example/pier"/>'
         '{date}<content type="html">{body}</content></entry></feed>')


def rss_entry(value: str, tag: str = "pubDate") -> tuple[str, str]:
    return "feed.xml", _RSS.format(date=f"<{tag}>{escape(value)}</{tag}>", body=_FEED_BODY)


def atom_entry(value: str, tag: str = "published") -> tuple[str, str]:
    return "feed.atom", _ATOM.format(date=f"<{tag}>{escape(value)}</{tag}>", body=_FEED_BODY)


def _config(folder: Path, name: str) -> ShowConfig:
    sources: dict[str, Any] = ({"feeds": [str(folder / name)]} if name.startswith("feed")
                               else {"folder": str(folder)})
    raw = {"show": {"title": "T", "description": "D", "author": "A", "owner_email": "a@b.org",
                    "language": "en", "base_url": "https://x.org/pod", "timezone": TZ,
                    "publish_time": "06:00"},
           "sources": sources}
    return parse_config(raw, folder / "show.toml")


def assert_safe(when: dt.datetime) -> None:
    """A kept date is plausible, and no conversion or day arithmetic on it can overflow."""
    assert when.tzinfo is not None and when.utcoffset() is not None
    offset = when.utcoffset()
    assert offset is not None and abs(offset) <= dt.timedelta(hours=14)
    assert EARLIEST_YEAR <= when.year <= LATEST_YEAR
    for zone in EXTREME_ZONES:
        local = when.astimezone(zone)
        local - dt.timedelta(days=8), local + dt.timedelta(days=8)


def ingest_document(folder: Path, document: tuple[str, str]) -> Article | str:
    """Ingest one document as the only source of a show; the article, or why it was left
    out. Any exception is the failure these tests look for."""
    name, text = document
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_text(text, encoding="utf-8")
    result = ingest(_config(folder, name), EDITION)
    window = edition_window(_config(folder, name), EDITION)
    for article in result.articles:
        if article.published is not None:
            assert_safe(article.published)
            window.reason(article.published)
    assert len(result.articles) + len(result.skipped) == 1, result
    return result.articles[0] if result.articles else result.skipped[0].reason


def check_date(folder: Path, document: tuple[str, str], expected: Any) -> None:
    """Ingest never raises; a date ``pubdate`` refuses leaves the article undated, with a
    note; a plausible one is kept (and may leave it out of the window, with the reason)."""
    got = ingest_document(folder, document)
    if expected is None:
        return  # the source may transform the value first (feeds): the invariants hold
    reading = read_date(expected, ZONE)
    if reading.problem:
        assert isinstance(got, Article), got
        assert got.published is None and got.date_note == reading.note, (got, reading)
    elif reading.when is not None:
        if isinstance(got, Article):
            assert got.published == reading.when and got.date_note is None
        else:
            assert got.startswith("published "), got  # the edition window, never a crash


# --- properties over every source --------------------------------------------------------

_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"))
_OFFSETS = st.builds(lambda sign, h, m: f"{sign}{h:02d}:{m:02d}", st.sampled_from("+-"),
                     st.integers(0, 99), st.integers(0, 99))
_ISO = st.builds(lambda when, offset: when.isoformat() + offset,
                 st.datetimes(), st.sampled_from(["", "Z"]) | _OFFSETS)
_RFC822 = st.builds(
    lambda day, month, year, hour, zone: f"{day:02d} {month} {year:04d} {hour:02d}:00:00 {zone}",
    st.integers(1, 31), st.sampled_from(["Jan", "Feb", "Nov", "Dec"]), st.integers(0, 12000),
    st.integers(0, 23), st.sampled_from(["GMT", "+0000", "+1400", "-1200", "+9900", "-2500"]))
DATE_TEXT = st.one_of(st.sampled_from(WILD), _ISO, _RFC822,
                      st.integers(-2**40, 2**40).map(str), st.text(_CHARS, max_size=40),
                      st.dates().map(dt.date.isoformat))
_JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53),
                         st.floats(allow_nan=False, allow_infinity=False), DATE_TEXT)
_JSON_KEYS = st.sampled_from(["datePublished", "@graph", "@type", "@value", "headline", "x"])
JSON_LD = st.recursive(_JSON_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_JSON_KEYS, inner, max_size=3)),
    max_leaves=8)
_GARBAGE = st.text(_CHARS, max_size=60).filter(lambda s: "<" not in s)

# (name, strategy of values, document maker, the value pubdate sees, or None if the source
# transforms it first)
DateCase = tuple[st.SearchStrategy[Any], Callable[[Any], tuple[str, str]],
                 Callable[[Any], Any]]
SOURCES: dict[str, DateCase] = {
    "html meta": (DATE_TEXT.filter(lambda s: s == s.strip() and not any(
        c in s for c in "\n\r\t\x0b\x0c\x85\u2028\u2029")), html_meta, lambda v: v),
    "json-ld": (st.builds(lambda v: {"@context": "https://schema.org", "@type": "NewsArticle",
                                     "datePublished": v}, _JSON_SCALAR),
                json_ld, lambda v: v["datePublished"]),
    "json-ld shapes": (JSON_LD, json_ld, lambda v: None),
    "json-ld garbage": (_GARBAGE, json_ld, lambda v: None),
    "front matter date": (DATE_TEXT.filter(lambda s: "\n" not in s and "\r" not in s),
                          front_matter, lambda v: v.strip().strip("'\"")),
    "front matter published": (DATE_TEXT.filter(lambda s: "\n" not in s and "\r" not in s),
                               lambda v: front_matter(v, "published"),
                               lambda v: v.strip().strip("'\"")),
    "rss pubDate": (DATE_TEXT, rss_entry, lambda v: None),
    "rss dc:date": (DATE_TEXT, lambda v: rss_entry(v, "dc:date"), lambda v: None),
    "atom published": (DATE_TEXT, atom_entry, lambda v: None),
    "atom updated": (DATE_TEXT, lambda v: atom_entry(v, "updated"), lambda v: None),
}


def run_date_fuzz(cases: int, keep_going: bool = False) -> tuple[Counter[str], list[str]]:
    """``cases`` generated dates per source kind; (cases run, failures). ``keep_going``
    records every failing case instead of stopping at (and shrinking) the first."""
    ran: Counter[str] = Counter()
    failures: list[str] = []

    def fuzzer(folder: Path, kind: str, case: DateCase) -> Callable[[], None]:
        values, make, seen = case

        @settings(max_examples=cases, **FUZZ)
        @given(values)
        def fuzz(value: Any) -> None:
            ran[kind] += 1
            try:
                check_date(folder, make(value), seen(value))
            except Exception as exc:
                if not keep_going:
                    raise
                failures.append(f"{kind}: {type(exc).__name__}: {exc} <- {value!r:.200}")

        return fuzz

    with tempfile.TemporaryDirectory(prefix="briefcast-dates-") as tmp:
        for kind, case in SOURCES.items():
            fuzzer(Path(tmp), kind, case)()
    return ran, failures


def test_fuzz_every_date_source() -> None:
    ran, failures = run_date_fuzz(cases=60)
    assert not failures
    assert set(ran) == set(SOURCES) and min(ran.values()) >= 40, ran


@pytest.mark.parametrize("kind", ["html meta", "front matter date", "front matter published",
                                  "rss pubDate", "rss dc:date", "atom published",
                                  "atom updated"])
def test_every_wild_date_is_reported_missing_in_every_source(tmp_path: Path,
                                                             kind: str) -> None:
    _, make, _ = SOURCES[kind]
    for value in WILD:
        got = ingest_document(tmp_path, make(value))
        assert isinstance(got, Article), (value, got)
        assert got.published is None and got.date_note, (value, got)
        assert f"date {value!r} ignored: " in got.date_note, got.date_note


def test_json_ld_shapes(tmp_path: Path) -> None:
    good = "2026-11-24T19:00:00-05:00"
    expected = dt.datetime(2026, 11, 25, 0, tzinfo=dt.UTC)
    shapes = [
        [{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "datePublished": good}],
        {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": good}]},
        {"mainEntity": {"article": [{"datePublished": {"@value": good}}]}},
        {"datePublished": [good, "2020-01-01"]},
        # a zero date first, a real one later: the real one is used, nothing to report
        [{"datePublished": "0001-01-01T00:00:00Z"}, {"datePublished": good}],
    ]
    for shape in shapes:
        got = ingest_document(tmp_path, json_ld(shape))
        assert isinstance(got, Article) and got.published == expected, (shape, got)
        assert got.date_note is None
    bad: object
    for bad, why in [({"datePublished": 1732528800}, "a number"),
                       ({"datePublished": {"year": 2026}}, "not a date"),
                       ('{"datePublished": "2026-11-2', "not valid JSON"),
                       ("[" * 5000, "not valid JSON")]:
        got = ingest_document(tmp_path, json_ld(bad))
        assert isinstance(got, Article) and got.published is None, (bad, got)
        assert got.date_note and why in got.date_note, got.date_note


def test_good_meta_wins_over_a_zero_date(tmp_path: Path) -> None:
    head = ('<meta property="article:published_time" content="0000-00-00 00:00:00">'
            '<meta name="date" content="2026-11-24T20:00:00-05:00">')
    got = ingest_document(tmp_path, ("page.html", _page(head)))
    assert isinstance(got, Article) and got.date_note is None
    assert got.published == dt.datetime(2026, 11, 25, 1, tzinfo=dt.UTC)


# --- our own records and the command line ------------------------------------------------

def test_damaged_record_dates_are_refused_not_converted() -> None:
    record = json.loads(records.episode_to_json(records.episode_from_json(json.dumps({
        "date": "2026-11-24", "title": "t", "guid": "g",
        "pub_date": "2026-11-24T11:00:00+00:00", "audio_file": "2026-11-24/a.mp3",
        "size_bytes": 1, "duration_s": 1}).encode())))
    for bad in ("0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59-05:00"):
        with pytest.raises(ValueError, match="out of range"):
            records.episode_from_json(json.dumps({**record, "pub_date": bad}).encode())
    with pytest.raises(ValueError):
        require_date("Mon, 01 Jan 0001 00:00:00 +0000")
    assert _pub_date("Mon, 01 Jan 0001 00:00:00 +0000")[1] == (
        f"is not a plausible date: out of range (a plausible year is {EARLIEST_YEAR} to "
        f"{LATEST_YEAR}) (is 'Mon, 01 Jan 0001 00:00:00 +0000')")
    assert _pub_date("Tue, 24 Nov 2026 11:00:00 +0000")[1] is None


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", *args], capture_output=True,
                          text=True, timeout=600, env={**os.environ, **(env or {})})


def test_cli_refuses_dates_it_cannot_do_arithmetic_on(tmp_path: Path) -> None:
    config = make_show(tmp_path, articles=[])
    for date in ("0001-01-01", "9999-12-31"):
        proc = run_cli("ingest", "--config", str(config), "--date", date)
        assert proc.returncode == 2 and "out of range" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
    for epoch in ("abc", "99999999999999", "-5"):
        proc = run_cli("ingest", "--config", str(config), env={"SOURCE_DATE_EPOCH": epoch})
        assert proc.returncode == 2 and "SOURCE_DATE_EPOCH" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
    assert UsageError.exit_code == 2


# --- end to end: the night still goes out -------------------------------------------------

DATE = "2026-11-24"
ZERO_DATE_PAGE = _page('<script type="application/ld+json">{"@context": "https://schema.org",'
                       ' "@type": "NewsArticle", "headline": "Harbor pier reopens", '
                       '"datePublished": "0001-01-01T00:00:00Z"}</script>')
GARBAGE_LD_PAGE = _page('<script type="application/ld+json">{"@context": "https://schema.org",'
                        ' "@type": "NewsArticle", "datePublished": "2026-11-2</script>',
                        title="Kite festival fills the sky", body=KITES)


@pytest.fixture(scope="module")
def wild_show(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo show with two badly dated pages first in its running order."""
    config = make_show(tmp_path_factory.mktemp("wild"))
    articles = config.parent / "articles"
    (articles / "00a-zero-date.html").write_text(ZERO_DATE_PAGE, encoding="utf-8")
    (articles / "00b-garbage-json-ld.html").write_text(GARBAGE_LD_PAGE, encoding="utf-8")
    assert len(list(articles.iterdir())) == len(list((DEMO / "articles").glob("*.txt"))) + 2
    return config


def test_build_publishes_the_night_with_badly_dated_pages(wild_show: Path) -> None:
    proc = run_cli("build", "--config", str(wild_show), "--date", DATE)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    out = wild_show.parent / "episodes"
    report = json.loads((wild_show.parent / "episodes-private" / DATE / "report.json").read_text())
    # both pages aired, as undated stories, and the report says which date was ignored
    assert report["stories_in"][:2] == ["Harbor pier reopens", "Kite festival fills the sky"]
    assert report["skipped"] == []
    notes = [w for w in report["warnings"] if "ignored" in w]
    assert notes == [
        "00a-zero-date.html: date '0001-01-01T00:00:00Z' ignored: out of range (a plausible "
        f"year is {EARLIEST_YEAR} to {LATEST_YEAR})",
        "00b-garbage-json-ld.html: date in JSON-LD ignored: the block is not valid JSON"]
    assert "ignored: out of range" in proc.stdout  # the build summary shows it too
    # the episode is real and in the feed
    episode = json.loads((wild_show.parent / "episodes-private" / DATE / "episode.json").read_text())
    mp3 = out / episode["audio_file"]
    assert probe(mp3).duration_s == pytest.approx(report["duration_s"], abs=1.0)
    assert 240 <= report["duration_s"] <= 360
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f'length="{mp3.stat().st_size}"' in feed and "Harbor pier reopens" in feed
    chapters = json.loads((out / DATE / "chapters.json").read_text())["chapters"]
    assert {"Harbor pier reopens", "Kite festival fills the sky"} <= {
        c["title"] for c in chapters}
    check = run_cli("check", "--config", str(wild_show))
    assert check.returncode == 0, check.stdout


def test_ingest_command_prints_the_note(wild_show: Path) -> None:
    proc = run_cli("ingest", "--config", str(wild_show), "--date", DATE)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stdout.splitlines()
    zero = lines.index(next(line for line in lines if line.startswith("KEEP  00a-zero-date")))
    assert "published" not in lines[zero]  # undated: no publication time shown
    assert ("        note: date '0001-01-01T00:00:00Z' ignored: out of range (a plausible "
            f"year is {EARLIEST_YEAR} to {LATEST_YEAR}); taken as undated") in lines
    assert ("        note: date in JSON-LD ignored: the block is not valid JSON; taken as "
            "undated") in lines
