"""A generated newsroom network for tests and bench/bench_network.py.

The articles are the demo show's own (written for this project), rewritten as Markdown with
front matter: each gets a section, and the hospital story is also tagged ``top``, so every
generated show (which selects two sections and the ``top`` tag) airs it: one story on
every show, read by the same voice.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_ARTICLES = ROOT / "examples" / "demo" / "articles"
# file prefix -> (section, tags)
SECTIONS = {"01": ("politics", ()), "02": ("local", ()), "03": ("sports", ()),
            "04": ("business", ()), "05": ("health", ("top",)), "06": ("business", ()),
            "07": ("arts", ()), "08": ("education", ())}
SHOW_SECTIONS = ("politics", "local", "sports", "business", "arts", "education")
TOP_TITLE = "Harbor General Opens $22 Million Emergency Wing as Wait Times Climb"


def write_articles(folder: Path) -> list[Path]:
    """The demo's articles as Markdown with a section (and tags): the story's paragraphs
    only, between the repeated headline and the paper's name below the story."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for txt in sorted(DEMO_ARTICLES.glob("*.txt")):
        if txt.name[:2] not in SECTIONS:  # the eight plain scraped exports only
            continue
        lines = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        meta: list[str] = []  # the export's own front matter: its url kept, its date not
        if lines[0] == "---":  # (undated, every article is in any edition's window)
            end = lines.index("---", 1)
            meta = [m for m in lines[1:end] if not m.startswith(("date:", "published:"))]
            lines = lines[end + 1:]
        title, body = lines[0], lines[2:]
        body = body[:body.index("Harbor Town Ledger")]
        body = [p for p in body if not p.startswith(("Creator:", "Credit:"))]
        section, tags = SECTIONS[txt.name[:2]]
        front = [f"title: {title}", *meta, f"section: {section}"]
        if tags:
            front.append(f"tags: [{', '.join(tags)}]")
        path = folder / (txt.stem + ".md")
        path.write_text("---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(body) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


SHARED = '''[network]
name = "Generated network"

[show]
description = "A generated show of the Harbor Town network."
author = "Harbor Town Ledger"
owner_email = "podcast@ledger.example.org"
language = "en"
base_url = "https://net.example.org/"
timezone = "America/New_York"

[sources]
folder = "articles"

[voice]
engine = "pyttsx3"
name = "en-us"
rate = 165

[briefing]
story_count = {story_count}
target_minutes = {target_minutes}
pause_ms = 500

[audio]
sting = false
bed = false

[output]
folder = "out"
cache = "{cache}"
'''


def show_table(name: str, index: int, rate: int | None = None,
               extra: str = "") -> str:
    """One generated show: two sections and the ``top`` tag; ``rate`` gives it its own
    voice pace (so no sentence is shared with another show's)."""
    first, second = (SHOW_SECTIONS[index % len(SHOW_SECTIONS)],
                     SHOW_SECTIONS[(index + 3) % len(SHOW_SECTIONS)])
    table = (f'\n[shows.{name}.show]\ntitle = "Harbor {name.title()} Nightly"\n'
             f'[shows.{name}.select]\nsections = ["{first}", "{second}"]\ntags = ["top"]\n')
    if rate is not None:
        table += f"[shows.{name}.voice]\nrate = {rate}\n"
    return table + extra


def make_network(root: Path, count: int = 3, *, distinct_rates: bool = False,
                 cache: str = "cache", target_minutes: float = 0.5, story_count: int = 3,
                 extra: str = "") -> Path:
    """Write ``root/network.toml`` with ``count`` shows over ``root/articles``."""
    root.mkdir(parents=True, exist_ok=True)
    write_articles(root / "articles")
    text = SHARED.format(story_count=story_count, target_minutes=target_minutes, cache=cache)
    for i in range(count):
        text += show_table(f"show{i:03d}", i, 150 + i if distinct_rates else None)
    path = root / "network.toml"
    path.write_text(text + extra, encoding="utf-8")
    return path
