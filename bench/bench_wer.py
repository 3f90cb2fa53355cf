"""Intelligibility benchmark: does text normalization make the spoken briefing easier to follow?

A speech recognizer stands in for a listener. For each sentence of ``bench/wer_sentences.txt``
the written text (condition A) and ``briefcast.normalize.normalize(text, "en")`` (condition B)
are spoken by the same TTS engine, faint white noise is added (pocketsphinx decodes clean
formant speech badly; a little noise makes its acoustic model behave), the audio is resampled
to 16 kHz mono and transcribed by pocketsphinx with the English model it ships. Both
conditions are scored against one reference: the normalized text, lowercased, punctuation
removed and spelled-out letters split ("F.B.I" -> "f b i"), i.e. what a listener should hear.

The figure is corpus-level word error rate (jiwer) per condition and the relative change.
Noise is seeded per sentence. With ``--tts espeak-ng`` (one fresh espeak-ng process per
sentence) a rerun gives identical audio and numbers; through pyttsx3 only the first utterance
of a worker is byte-stable, so the WERs move by a point or two between runs.

Usage: python bench/bench_wer.py [--tts pyttsx3|espeak-ng] [--noise-dbfs -45] [--clean]
                                 [--voice en-us] [--rate 165] [--jobs 2] [--examples 4] [--all]
Needs: pocketsphinx 5.x, jiwer, numpy (the ``bench`` extra), ffmpeg and espeak-ng.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jiwer
import numpy as np

from briefcast.backends.tts import Pyttsx3Engine
from briefcast.normalize import normalize

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "wer_sentences.txt"
SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Item:
    index: int
    written: str  # condition A: the copy as written
    spoken: str  # condition B: normalize(written)
    reference: str  # scoring words of the spoken form


@dataclass(frozen=True)
class Result:
    item: Item
    hyp_written: str  # scoring words of what was heard in condition A
    hyp_spoken: str  # ... and in condition B


def scoring_words(text: str) -> str:
    """Lowercase words only, the same treatment for reference and recognizer output.

    Spelled-out letters become separate words on both sides ("F.B.I", "u.s." -> "f b i",
    "u s"); hyphens split words ("twenty-five" -> "twenty five", the recognizer's
    dictionary has no hyphenated numbers); apostrophes inside words are kept ("mayor's").
    """
    text = text.lower()
    text = re.sub(r"\b([a-z])\.(?=[a-z]\b|[^a-z]|$)", r"\1 ", text)
    text = re.sub(r"[^a-z0-9']+", " ", text)
    text = re.sub(r"(?<![a-z0-9])'|'(?![a-z0-9])", " ", text)
    return " ".join(text.split())


def load_items(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        spoken = normalize(line, "en")
        items.append(Item(len(items), line, spoken, scoring_words(spoken)))
    return items


# --- speech -------------------------------------------------------------------------------

def synthesize_all(jobs: list[tuple[str, Path]], tts: str, voice: str, rate: int,
                   parallel: int) -> None:
    """Speak every (text, wav) job; pyttsx3 through briefcast's own engine, or espeak-ng."""
    if tts == "pyttsx3":
        engine = Pyttsx3Engine(parallelism=parallel)
        try:
            with ThreadPoolExecutor(parallel) as pool:
                list(pool.map(lambda job: engine.synthesize(job[0], voice, rate, job[1]), jobs))
        finally:
            engine.close()
    else:
        exe = shutil.which("espeak-ng") or "espeak-ng"

        def run(job: tuple[str, Path]) -> None:
            subprocess.run([exe, "-v", voice, "-s", str(rate), "-w", str(job[1]), job[0]],
                           check=True, capture_output=True, timeout=60)

        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(run, jobs))
    for text, wav in jobs:
        if not wav.exists() or wav.stat().st_size < 1000:
            raise RuntimeError(f"no audio for {text!r} ({wav})")


def to_16k(wav: Path) -> np.ndarray:
    """Mono 16 kHz float samples in [-1, 1] (ffmpeg's resampler)."""
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(wav), "-ac", "1", "-ar", str(SAMPLE_RATE),
         "-f", "s16le", "-"], check=True, capture_output=True, timeout=60).stdout
    return np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0


def with_noise(samples: np.ndarray, dbfs: float | None, seed: int) -> bytes:
    """Add white noise whose RMS is ``dbfs`` relative to full scale; 16-bit PCM bytes."""
    if dbfs is not None:
        rng = np.random.default_rng(seed)
        samples = samples + rng.standard_normal(samples.shape) * 10 ** (dbfs / 20)
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")
    return pcm.tobytes()


# --- recognition (worker processes) ------------------------------------------------------

_decoder = None


def _init_decoder() -> None:
    global _decoder
    from pocketsphinx import Decoder  # the default en-us model ships inside the wheel

    _decoder = Decoder(samprate=SAMPLE_RATE, loglevel="FATAL")


def _transcribe(pcm: bytes) -> tuple[str, ...]:
    """The recognized words *with* their pronunciation variant ("us(2)"), fillers dropped."""
    assert _decoder is not None
    _decoder.start_utt()
    _decoder.process_raw(pcm, no_search=False, full_utt=True)
    _decoder.end_utt()
    return tuple(seg.word for seg in _decoder.seg() if seg.word[:1] not in ("<", "[", "+"))


# --- fair reading of the recognizer's spelling -------------------------------------------

# Dictionary spellings that are abbreviations of one word; the variant says which word.
ABBREVIATIONS = {
    "mr": "mister", "mr.": "mister", "mrs": "missus", "mrs.": "missus", "ms": "miz",
    "ms.": "miz", "st": "street", "st(2)": "saint", "dr": "drive", "dr(2)": "doctor",
    "dr.": "drive", "dr.(2)": "doctor", "prof.(2)": "professor",
}


def load_lexicon() -> dict[str, str]:
    """pocketsphinx's own dictionary: entry (with variant suffix) -> phones."""
    from pocketsphinx import Config

    lexicon = {}
    path = Path(Config()["dict"])  # the dictionary a default Decoder loads
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, phones = line.partition(" ")
        lexicon[word] = phones.strip()
    return lexicon


def _letter_names(lexicon: dict[str, str]) -> dict[str, set[tuple[str, ...]]]:
    names: dict[str, set[tuple[str, ...]]] = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for entry in (letter, f"{letter}.", *(f"{letter}({n})" for n in range(2, 5))):
            if entry in lexicon:
                names.setdefault(letter, set()).add(tuple(lexicon[entry].split()))
    names["a"].discard(("AH",))  # the article, not the letter
    return names


def _spelled(phones: tuple[str, ...], letters: str,
             names: dict[str, set[tuple[str, ...]]]) -> bool:
    if not letters:
        return not phones
    return any(phones[:len(name)] == name and _spelled(phones[len(name):], letters[1:], names)
               for name in names.get(letters[0], ()))


def hypothesis_words(tokens: tuple[str, ...], lexicon: dict[str, str]) -> str:
    """Score what the recognizer heard, not how its dictionary happens to spell it.

    A token whose chosen pronunciation is a run of letter names ("fbi", "us(2)", "am(2)")
    becomes those letters, as the reference spells initialisms; "st(2)" becomes "saint".
    """
    names = _letter_names(lexicon)
    words = []
    for token in tokens:
        base = re.sub(r"\(\d+\)$", "", token)
        letters = re.sub(r"[^a-z]", "", base)
        if token in ABBREVIATIONS:
            words.append(ABBREVIATIONS[token])
        elif len(letters) > 1 and _spelled(tuple(lexicon.get(token, "").split()), letters,
                                            names):
            words.append(" ".join(letters))
        else:
            words.append(base)
    return scoring_words(" ".join(words))


# --- report ------------------------------------------------------------------------------

def corpus_measures(refs: list[str], hyps: list[str]) -> jiwer.WordOutput:
    return jiwer.process_words(refs, [h if h else "<empty>" for h in hyps])


def describe(name: str, out: jiwer.WordOutput) -> str:
    n = out.hits + out.substitutions + out.deletions
    return (f"{name}: WER {out.wer:6.1%}   (S {out.substitutions}, D {out.deletions}, "
            f"I {out.insertions}; {n} reference words)")


def sentence_errors(ref: str, hyp: str) -> int:
    out = jiwer.process_words(ref, hyp or "<empty>")
    return out.substitutions + out.deletions + out.insertions


def show(result: Result) -> None:
    item = result.item
    errs_a = sentence_errors(item.reference, result.hyp_written)
    errs_b = sentence_errors(item.reference, result.hyp_spoken)
    print(f"  [{item.index:2d}] written:    {item.written}")
    print(f"       normalized: {item.spoken}")
    print(f"       reference:  {item.reference}")
    print(f"       heard (A):  {result.hyp_written}   [{errs_a} errors]")
    print(f"       heard (B):  {result.hyp_spoken}   [{errs_b} errors]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    parser.add_argument("--tts", choices=("pyttsx3", "espeak-ng"), default="pyttsx3")
    parser.add_argument("--voice", default="en-us")
    parser.add_argument("--rate", type=int, default=165, help="words per minute")
    parser.add_argument("--noise-dbfs", type=float, default=-45.0,
                        help="white-noise RMS level, dBFS (default -45)")
    parser.add_argument("--clean", action="store_true", help="add no noise")
    parser.add_argument("--jobs", type=int, default=2, help="parallel TTS and recognizers")
    parser.add_argument("--examples", type=int, default=4, help="example sentences to show")
    parser.add_argument("--all", action="store_true", help="show every sentence")
    args = parser.parse_args()
    noise = None if args.clean else args.noise_dbfs

    started = time.monotonic()
    items = load_items(args.sentences)
    with tempfile.TemporaryDirectory(prefix="briefcast-wer-") as tmp:
        jobs = []
        for item in items:
            jobs.append((item.written, Path(tmp) / f"{item.index:03d}-written.wav"))
            jobs.append((item.spoken, Path(tmp) / f"{item.index:03d}-spoken.wav"))
        synthesize_all(jobs, args.tts, args.voice, args.rate, args.jobs)
        synth_s = time.monotonic() - started
        # The same noise (seed) for both readings of a sentence.
        pcms = [with_noise(to_16k(wav), noise, seed=1000 + i // 2) for i, (_, wav) in
                enumerate(jobs)]
    audio_s = sum(len(p) for p in pcms) / 2 / SAMPLE_RATE

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(args.jobs, initializer=_init_decoder) as pool:
        hyps = pool.map(_transcribe, pcms, chunksize=4)
    lexicon = load_lexicon()
    heard = [hypothesis_words(tokens, lexicon) for tokens in hyps]
    results = [Result(item, heard[2 * item.index], heard[2 * item.index + 1]) for item in items]

    refs = [r.item.reference for r in results]
    out_a = corpus_measures(refs, [r.hyp_written for r in results])
    out_b = corpus_measures(refs, [r.hyp_spoken for r in results])

    engine = "pyttsx3 2.99 (espeak-ng driver)" if args.tts == "pyttsx3" else "espeak-ng CLI"
    noise_txt = "none" if noise is None else f"white, {noise:g} dBFS RMS"
    print("briefcast intelligibility (pocketsphinx en-us, default model and LM)")
    print(f"  sentences: {len(items)}   TTS: {engine}, voice {args.voice}, {args.rate} wpm   "
          f"noise: {noise_txt}")
    print(f"  {describe('A written   ', out_a)}")
    print(f"  {describe('B normalized', out_b)}")
    if out_a.wer > 0:
        change = (out_b.wer - out_a.wer) / out_a.wer
        print(f"  relative change B vs A: {change:+.1%}")
    deltas = sorted(results, key=lambda r: sentence_errors(r.item.reference, r.hyp_spoken)
                    - sentence_errors(r.item.reference, r.hyp_written))
    better = sum(1 for r in deltas if sentence_errors(r.item.reference, r.hyp_spoken)
                 < sentence_errors(r.item.reference, r.hyp_written))
    worse = sum(1 for r in deltas if sentence_errors(r.item.reference, r.hyp_spoken)
                > sentence_errors(r.item.reference, r.hyp_written))
    print(f"  per sentence: B better {better}, worse {worse}, same {len(items) - better - worse}")
    print(f"  audio {audio_s:.0f} s; synthesis {synth_s:.1f} s; total "
          f"{time.monotonic() - started:.1f} s")
    shown = results if args.all else deltas[:args.examples] + (
        [deltas[-1]] if args.examples and len(deltas) > args.examples else [])
    if shown:
        print("examples (largest gains first, then the worst case):" if not args.all
              else "all sentences:")
        for result in shown:
            show(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
