from __future__ import annotations

from pathlib import Path

from briefcast.models import Article, Skipped
from briefcast.stages.ingest import MAX_BYTES, ingest_folder, read_article


def test_bad_files_are_reported_not_fatal(tmp_path: Path, seed_article: Path) -> None:
    (tmp_path / "01-good.txt").write_bytes(seed_article.read_bytes())
    (tmp_path / "02-empty.txt").write_bytes(b"  \n\n")
    (tmp_path / "03-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "04-latin1.txt").write_bytes("Caf\xe9 owners say prices rose.".encode("latin-1"))
    (tmp_path / "05-huge.txt").write_bytes(b"a" * (MAX_BYTES + 1))
    (tmp_path / "06-image.jpg").write_bytes(b"\xff\xd8\xff")
    result = ingest_folder(tmp_path)
    assert [Path(a.source).name for a in result.articles] == ["01-good.txt", "04-latin1.txt"]
    latin = result.articles[1]
    assert latin.title == "Café owners say prices rose." and latin.encoding
    reasons = {Path(s.source).name: s.reason for s in result.skipped}
    assert reasons["02-empty.txt"] == "file is empty"
    assert "binary" in reasons["03-binary.txt"]
    assert "cap" in reasons["05-huge.txt"]
    assert "not an article file" in reasons["06-image.jpg"]


def test_title_and_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff\r\nHeadline  here\r\n\r\nBody line.\r\n".encode("utf-8"))
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.title == "Headline here"
    assert article.lines == ("", "Body line.", "")


def test_missing_folder(tmp_path: Path) -> None:
    result = ingest_folder(tmp_path / "nope")
    assert result.articles == () and isinstance(result.skipped[0], Skipped)


def test_plain_text_export_may_say_when_it_was_published(tmp_path: Path) -> None:
    import datetime as dt
    import zoneinfo

    ny = zoneinfo.ZoneInfo("America/New_York")
    (tmp_path / "a.txt").write_text(
        "---\ndate: 2026-11-24T19:40:00-05:00\nurl: https://ledger.example.org/pier\n"
        "author: Maren Solvik\n---\n\nPier Reopens\n\nPier Reopens\n\nThe north pier reopened "
        "after repairs.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ndate: 2026-11-24\n---\nBare Date\n\nBody.\n",
                                    encoding="utf-8")
    # a page dump that opens with a rule of dashes: not front matter, all of it text
    (tmp_path / "c.txt").write_text("---\nMenu: Home | News\nSubscribe now\n---\nRule Page\n",
                                    encoding="utf-8")
    a, b, c = (read_article(tmp_path / n, ny) for n in ("a.txt", "b.txt", "c.txt"))
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.title == "Pier Reopens" and a.scraped and a.author == "Maren Solvik"
    assert a.published == dt.datetime(2026, 11, 25, 0, 40, tzinfo=dt.UTC)
    assert a.url == "https://ledger.example.org/pier" and a.lines[1] == "Pier Reopens"
    assert b.published == dt.datetime(2026, 11, 24, 12, tzinfo=ny)  # a bare date: local noon
    assert c.title == "---" and c.published is None and "Subscribe now" in c.lines
