"""Benchmark the demo build against the bare minimum: the engine's own CLI + one ffmpeg encode.

Three builds of a copy of the demo show, each timed through the real CLI (interpreter start
included, as cron would run it): cold cache, warm rebuild (goal: under 0.5 s, no speech
synthesized), and a rebuild after one sentence of one story's body text was reworded (goal:
only that story's changed cues are synthesized again). The baseline -- espeak-ng reading the
whole script once, then one ffmpeg MP3 encode -- is measured in the same run, because machines
are shared and noisy; the ratio is the figure to quote. A plain rerun for a date already
published reuses the episode, so the warm and changed builds pass ``--rebuild``; the plain
rerun is timed too.

``--engine`` builds the demo with another engine (both anchors one voice: piper
en_US-joe-medium, festival cmu_us_slt_arctic_hts, flite slt); the baseline is then that
engine's own command line reading the whole script in one process (``python -m piper`` with
onnxruntime's default threads, ``text2wave``, ``flite``), plus the same one MP3 encode.

Python bytecode: the builds run without ``PYTHONDONTWRITEBYTECODE``, so the first (cold)
build writes briefcast's bytecode and the others read it, as they would for an installed
copy or a cron job. With the variable set (some development shells set it) every run
compiles briefcast's own modules again, about a tenth of a second that no user pays;
``--env-as-is`` measures that way.

Usage: python bench/bench_build.py [--repeat N] [--engine pyttsx3|piper|festival|flite]
                                   [--env-as-is]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import make_show  # noqa: E402

from briefcast.backends.engines import make_engine  # noqa: E402
from briefcast.cache import Cache  # noqa: E402
from briefcast.cli import EXIT_PARTIAL  # noqa: E402
from briefcast.config import ShowConfig, load_config  # noqa: E402
from briefcast.models import Script  # noqa: E402
from briefcast.pipeline import prepare  # noqa: E402
from briefcast.sound import sound_seconds  # noqa: E402
from briefcast.stages.pacing import measure_pace  # noqa: E402

DATE = dt.date(2026, 11, 24)
WARM_GOAL_S = 0.5
# Both anchors' voice when the demo is built with another engine than its own.
ENGINE_VOICES = {"piper": "en_US-joe-medium", "festival": "cmu_us_slt_arctic_hts",
                 "flite": "slt"}
# The edit: one clause added to the end of a story's lead sentence. The title is left
# alone on purpose: a title is also read in the headlines rundown and its transition, so
# renaming a story rightly re-synthesizes those two cues as well. A longer lead can also
# make the condenser pick a different later sentence of the same story to keep its budget.
EDIT_SUFFIX = ", the Ledger has learned."


@dataclass(frozen=True)
class Run:
    seconds: float
    tts_calls: int
    cache_hits: int
    mix_cached: bool
    timings_s: dict[str, float]


@dataclass(frozen=True)
class Edit:
    article: Path
    chapter: str
    old_sentence: str
    new_sentence: str


ENV = dict(os.environ)  # what the builds run with (see the module docstring)


def build(config_path: Path, config: ShowConfig, *flags: str) -> Run:
    """Build through the CLI, as a user or cron would; counts come from report.json.

    A date already published is only completed from disk unless ``--rebuild`` is given
    (then report.json is not rewritten, so its counts are not this run's: callers know).
    """
    cmd = [sys.executable, "-m", "briefcast", "build", "--config", str(config_path),
           "--date", DATE.isoformat(), "--quiet", *flags]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, EXIT_PARTIAL):
        raise SystemExit(f"build failed (exit {proc.returncode}):\n{proc.stderr}")
    report = json.loads((config.private_dir / DATE.isoformat() / "report.json").read_text())
    return Run(seconds, report["tts_calls"], report["cache_hits"], report["mix_cached"],
               report["timings_s"])


def built_script(config: ShowConfig) -> Script:
    """The script a build composes: budgets follow the voices' measured pace.

    Called after a build, so the paces come from the cache and nothing is synthesized.
    """
    engine = make_engine(config.voices)
    try:
        cache = Cache(config.cache_dir)
        paces = {v.name: measure_pace(engine, v.name, config.rate_wpm, cache)
                 for v in config.voices}
    finally:
        engine.close()
    return prepare(config, DATE, paces, sound_seconds(config.sound)).script


def engine_command(config: ShowConfig, text: Path, wav: Path) -> list[str]:
    """The engine's own command line speaking the whole script in one process."""
    if config.engine == "piper":
        from briefcast.backends.piper import NATIVE_WPM, resolve

        model = resolve(config.voice)
        return [sys.executable, "-m", "piper", "-m", str(model.model), "-c", str(model.config),
                "-i", str(text), "-f", str(wav),
                "--length-scale", f"{NATIVE_WPM / config.rate_wpm:.4f}"]
    if config.engine == "festival":
        return ["text2wave", "-F", "22050", "-eval", f"(voice_{config.voice})", str(text),
                "-o", str(wav)]
    if config.engine == "flite":
        return ["flite", "-voice", config.voice, "-f", str(text), "-o", str(wav)]
    return ["espeak-ng", "-v", config.voice, "-s", str(config.rate_wpm), "-f", str(text),
            "-w", str(wav)]


def baseline(config: ShowConfig, script: Script, work: Path) -> float:
    """The engine reads the whole script in one process, then one plain MP3 encode."""
    text = work / "script.txt"
    text.write_text("\n\n".join(c.spoken for c in script.cues), encoding="utf-8")
    wav, mp3 = work / "base.wav", work / "base.mp3"
    start = time.perf_counter()
    subprocess.run(engine_command(config, text, wav), check=True, capture_output=True)
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(wav), "-ar",
                    "44100", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "96k", str(mp3)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def plan_edit(script: Script, articles: Path) -> Edit:
    """Pick the lead sentence of the middle story, found verbatim in its article file."""
    summaries = script.stories
    for summary in summaries[len(summaries) // 2:] + summaries[: len(summaries) // 2]:
        lead = summary.sentences[0] if summary.sentences else ""
        source = Path(summary.story.source)
        path = articles / source.name
        if lead.endswith(".") and path.is_file() and lead in path.read_text(encoding="utf-8"):
            return Edit(path, summary.story.title, lead, lead[:-1] + EDIT_SUFFIX)
    raise SystemExit("no story lead sentence found verbatim in its article file")


def apply_edit(edit: Edit) -> None:
    text = edit.article.read_text(encoding="utf-8")
    edit.article.write_text(text.replace(edit.old_sentence, edit.new_sentence, 1),
                            encoding="utf-8")


def cue_keys(script: Script) -> Counter[tuple[str, str]]:
    """What decides a segment's audio (given engine and rate): voice and spoken text."""
    return Counter((c.voice, c.spoken) for c in script.cues)


def changed_cues(before: Script, after: Script) -> tuple[int, Counter[str]]:
    """Cues of ``after`` with no identical cue in ``before``: the most a rebuild should speak."""
    old = cue_keys(before)
    new = [c for c in after.cues if (c.voice, c.spoken) not in old]
    return len({(c.voice, c.spoken) for c in new}), Counter(c.chapter for c in new)


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=["pyttsx3", *ENGINE_VOICES], default="pyttsx3")
    parser.add_argument("--env-as-is", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE if set (every run compiles)")
    args = parser.parse_args()
    if not args.env_as_is:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    voice = ENGINE_VOICES.get(args.engine)
    overrides: dict[str, Any] = ({"engine": f'"{args.engine}"', "name": f'"{voice}"',
                  "second_name": f'"{voice}"'} if voice else {})
    cold: list[Run] = []
    warm: list[Run] = []
    changed: list[Run] = []
    rerun: list[float] = []
    base: list[float] = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            config_path = make_show(Path(tmp), **overrides)
            config = load_config(config_path)
            cold.append(build(config_path, config))
            before = built_script(config)
            rerun.append(build(config_path, config).seconds)  # published: reused, not remade
            warm.append(build(config_path, config, "--rebuild"))
            edit = plan_edit(before, config_path.parent / "articles")
            apply_edit(edit)
            changed.append(build(config_path, config, "--rebuild"))
            after = built_script(config)
            base.append(baseline(config, before, Path(tmp)))

    b = statistics.median(base)
    total = len(before.cues)
    expected, where = changed_cues(before, after)
    c, w, e = median(cold), median(warm), median(changed)
    print(f"runs: {args.repeat} (median times); demo script {total} cues, "
          f"{len(before.stories)} stories")
    distinct = len(cue_keys(before))
    print(f"engine: {args.engine}, voice {before.cues[0].voice}; bytecode "
          + ("not written (PYTHONDONTWRITEBYTECODE): every run compiles"
             if ENV.get("PYTHONDONTWRITEBYTECODE") else "written once, then reused"))
    print(f"baseline {args.engine} CLI + one ffmpeg encode: {b:6.2f} s   "
          f"(speaks all {total} cues every time; {distinct} distinct voice+text)")
    r = statistics.median(rerun)
    print(f"briefcast demo, {'rerun, same date:':<21}{r:6.2f} s   ratio {r / b:.2f}x   "
          "episode already published: reused, nothing remade")
    for name, runs, seconds in (("cold cache", cold, c), ("warm --rebuild", warm, w),
                                ("one article changed", changed, e)):
        last = runs[-1]
        mix = "mix from cache" if last.mix_cached else "mix redone"
        stages = ", ".join(f"{k} {statistics.median(r.timings_s.get(k, 0.0) for r in runs):.2f}"
                           for k in last.timings_s)
        print(f"briefcast demo, {name + ':':<21}{seconds:6.2f} s   ratio {seconds / b:.2f}x   "
              f"TTS calls {last.tts_calls:>2}/{total} cues, cache hits {last.cache_hits:>2}, "
              f"{mix} (in-process s: {stages})")
    print()
    warm_calls = max(r.tts_calls for r in warm)
    verdict = "met" if w < WARM_GOAL_S and warm_calls == 0 else "MISSED"
    print(f"warm goal for --rebuild (< {WARM_GOAL_S:g} s, 0 TTS calls): {verdict} "
          f"({w:.2f} s, {warm_calls} calls)")
    print(f"edit: lead sentence of {edit.chapter!r} ({edit.article.name}) gained "
          f"{EDIT_SUFFIX!r}")
    print(f"      cues new or changed in the script: {expected} of {len(after.cues)} "
          f"(chapters: {dict(where)}; script had {total} cues before)")
    calls = sorted({r.tts_calls for r in changed})
    extra = [k for k in where if k != edit.chapter]
    verdict = ("only the edited story was re-synthesized" if calls == [expected] and not extra
               else f"re-synthesized {calls} cues, expected {expected}"
                    + (f"; other chapters changed: {extra}" if extra else ""))
    print(f"      TTS calls on the changed --rebuild: {calls} -> {verdict}")


if __name__ == "__main__":
    main()
