"""``briefcast init``: a new show's folder that loads and builds as it is (real espeak-ng and
ffmpeg, through the command line), and that never overwrites a producer's file."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT
from lxml import etree

from briefcast.audio import probe
from briefcast.config import load_config
from briefcast.scaffold import STARTER_FILES


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefcast", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd)


def test_init_makes_a_show_that_builds(tmp_path: Path) -> None:
    show = tmp_path / "new-show"
    proc = run_cli("init", str(show))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.relative_to(show).as_posix() for p in show.rglob("*") if p.is_file()) \
        == sorted(STARTER_FILES)
    text = (show / "briefcast.toml").read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith("#") or " # " in line for line in text.splitlines()) \
        >= 30  # commented for the producer who edits it
    config = load_config(show / "briefcast.toml")
    assert not config.warnings  # no unknown or misspelled key
    assert config.sources_folder == show / "articles" and config.lexicon == show / "lexicon.txt"
    assert (config.engine, config.voice) == ("pyttsx3", "en-us")
    assert config.output_dir == show / "episodes"
    assert config.private_dir == show / "episodes-private"

    # From inside the folder, as a producer would: the default config is ./briefcast.toml
    proc = run_cli("build", "--date", "2026-11-24", "--quiet", cwd=show)
    assert proc.returncode == 0, proc.stderr
    root = etree.parse(str(show / "episodes" / "feed.xml")).getroot()
    (item,) = root.findall("channel/item")
    assert item.findtext("title") == ("Tuesday, November 24, 2026: Library Opens a Tool "
                                      "Lending Shelf for Home Repairs")
    mp3 = show / "episodes" / item.find("enclosure").get("url").split("/podcast/")[1]
    assert 45 <= probe(mp3).duration_s <= 180  # the example story, spoken in full
    script = (show / "episodes-private" / "2026-11-24" / "script.md").read_text()
    assert "borrowed 118 times" in script and "Ada Okonkwo" in script
    assert run_cli("check", "--config", str(show / "briefcast.toml")).returncode == 0


def test_init_never_overwrites(tmp_path: Path) -> None:
    show = tmp_path / "show"
    (show / "articles").mkdir(parents=True)
    (show / "lexicon.txt").write_text("Mine = mine\n", encoding="utf-8")
    (show / "articles" / "tonight.txt").write_text("Ours\n\nA story.\n", encoding="utf-8")
    proc = run_cli("init", str(show))
    assert proc.returncode == 2
    assert f"{show / 'lexicon.txt'}" in proc.stderr and "nothing was written" in proc.stderr
    assert not (show / "briefcast.toml").exists()  # all or nothing
    assert (show / "lexicon.txt").read_text(encoding="utf-8") == "Mine = mine\n"

    (show / "lexicon.txt").unlink()
    assert run_cli("init", str(show), "--quiet").returncode == 0  # other files are no conflict
    assert (show / "articles" / "tonight.txt").read_text(encoding="utf-8") == "Ours\n\nA story.\n"
    before = {p: p.read_bytes() for p in show.rglob("*") if p.is_file()}
    proc = run_cli("init", str(show))
    assert proc.returncode == 2 and all(str(show / f) in proc.stderr for f in STARTER_FILES)
    assert {p: p.read_bytes() for p in show.rglob("*") if p.is_file()} == before


def test_starter_files_ship_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["briefcast"]
    for name in STARTER_FILES:
        assert any(fnmatch.fnmatch(f"starter/{name}", g) and "/" not in
                   f"starter/{name}"[len(g.rstrip('*')):] for g in globs), name
        assert (ROOT / "src" / "briefcast" / "starter" / name).is_file()
