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
