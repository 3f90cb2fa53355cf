"""Measure junk-line removal on the labelled corpus in ``tests/corpus/junk``.

Each corpus line is ``LABEL<TAB>text`` (README there). The article is read exactly as the
pipeline reads it (``read_article`` on the raw text), the body lines go to ``classify_lines``
with the title, and the figures count non-blank lines only. ``bench/bench_junk.py`` prints
the same figures next to a naive baseline.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefcast.models import Article
from briefcast.stages.clean import classify_lines
from briefcast.stages.ingest import read_article

CORPUS = Path(__file__).resolve().parent / "corpus" / "junk"
LABELS = ("T", "S", "J", "")

MIN_JUNK_RECALL = 0.95  # share of junk lines that must be dropped
MAX_STORY_LOSS = 0.02  # share of story lines that may be dropped with them

Classifier = Callable[[Sequence[str], str], list[bool]]


@dataclass(frozen=True)
class LabelledArticle:
    """One corpus file as the pipeline sees it, with a label per body line."""
    name: str
    article: Article
    labels: tuple[str, ...]  # parallel to article.lines: "S", "J" or "" (blank)


@dataclass
class Score:
    """Confusion counts over non-blank lines, plus the lines that were got wrong."""
    junk_dropped: int = 0
    junk_kept: int = 0
    story_kept: int = 0
    story_dropped: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (file, label, line)

    @property
    def recall(self) -> float:
        total = self.junk_dropped + self.junk_kept
        return self.junk_dropped / total if total else 1.0

    @property
    def precision(self) -> float:
        dropped = self.junk_dropped + self.story_dropped
        return self.junk_dropped / dropped if dropped else 1.0

    @property
    def story_loss(self) -> float:
        total = self.story_kept + self.story_dropped
        return self.story_dropped / total if total else 0.0


def split_labelled(text: str) -> list[tuple[str, str]]:
    """``LABEL<TAB>text`` lines as (label, text) pairs; raises ValueError on a bad line."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the file's final newline
    pairs = []
    for number, line in enumerate(lines, 1):
        label, tab, rest = line.partition("\t")
        if not tab or label not in LABELS:
            raise ValueError(f"line {number}: expected LABEL<TAB>text, got {line[:40]!r}")
        pairs.append((label, rest))
    return pairs


def load_corpus(folder: Path = CORPUS) -> list[LabelledArticle]:
    """Read every corpus file through ``read_article`` and align its labels to the body."""
    items = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(folder.glob("*.txt")):
            pairs = split_labelled(path.read_text(encoding="utf-8"))
            raw = Path(tmp) / path.name
            raw.write_text("\n".join(text for _, text in pairs) + "\n", encoding="utf-8")
            article = read_article(raw)
            assert isinstance(article, Article), path.name
            title_at = next(i for i, (_, text) in enumerate(pairs) if text.strip())
            labels = tuple(label for label, _ in pairs[title_at + 1:]) + ("",)
            assert len(labels) == len(article.lines), path.name
            items.append(LabelledArticle(path.name, article, labels))
    return items


def score(corpus: Sequence[LabelledArticle], classify: Classifier = classify_lines) -> Score:
    """Run ``classify`` on each article's body and count its calls on non-blank lines."""
    result = Score()
    for item in corpus:
        predicted = classify(item.article.lines, item.article.title)
        for line, label, junk in zip(item.article.lines, item.labels, predicted):
            if not line.strip():
                continue
            if label == "J":
                result.junk_dropped += junk
                result.junk_kept += not junk
            else:
                result.story_dropped += junk
                result.story_kept += not junk
            if junk != (label == "J"):
                result.misses.append((item.name, label, line.strip()))
    return result


def test_corpus_is_well_formed() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 40
    for path in files:
        pairs = split_labelled(path.read_text(encoding="utf-8"))
        assert pairs[0][0] == "T" and pairs[0][1].strip(), f"{path.name}: first line is not T"
        assert [label for label, _ in pairs].count("T") == 1, path.name
        for label, text in pairs:
            assert (label == "") == (not text.strip()), f"{path.name}: {label!r} {text[:40]!r}"
            assert text == text.rstrip(), f"{path.name}: trailing space in {text[:40]!r}"
        assert any(label == "S" for label, _ in pairs), path.name
    corpus = load_corpus()
    assert len(corpus) == len(files)
    for item, path in zip(corpus, files):
        assert item.article.title == split_labelled(path.read_text(encoding="utf-8"))[0][1]


def test_junk_recall_and_story_loss() -> None:
    result = score(load_corpus())
    misses = "\n".join(f"{name} {label or '-'}: {line[:80]}" for name, label, line in result.misses)
    assert result.recall >= MIN_JUNK_RECALL, f"junk recall {result.recall:.3f}\n{misses}"
    assert result.story_loss <= MAX_STORY_LOSS, f"story loss {result.story_loss:.3%}\n{misses}"
