"""Peak memory of the mix stage for a 60-minute episode, next to one plain ffmpeg encode.

The goal: mixing an episode must not need more than twice its raw PCM size (mono 16-bit at
the segments' sample rate). Synthesizing an hour of speech is slow, so the demo script is
spoken once (real segments from the real engine) and its cues are repeated, each round as
new chapters, until the episode reaches 60 minutes.

The mix runs in a fresh worker process so its memory is its own, and the bench polls that
process tree in /proc at about 20 Hz for:
  * the peak of the tree's resident memory summed (Python and ffmpeg resident together; a
    spike shorter than 50 ms can be missed),
  * each process's own high-water mark (VmHWM, exact for any process alive at one poll):
    the Python worker's, and the largest ffmpeg's.
The baseline is the same 60 minutes, already joined into one WAV, encoded to MP3 by one
plain ffmpeg command, measured the same way.

With ``--trace`` (or automatically when a case misses the goal) the worker is run again
under tracemalloc and the Python lines holding the most memory at the peak are printed.
That run is slow (minutes) when the mix builds lists of millions of Python floats.
A third case mixes with a producer's own bed file (a 3-minute stand-in made with ffmpeg).

Usage: python bench/bench_memory.py [--minutes 60] [--trace]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

GOAL_RATIO = 2.0
POLL_S = 0.05
DATE = dt.date(2026, 11, 24)
MB = 1024 * 1024


# --- measuring ------------------------------------------------------------------------------

def status_bytes(pid: int | str, field: str) -> int:
    """A memory line of /proc/<pid>/status (e.g. VmRSS, VmHWM) in bytes; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants (one /proc scan)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def command_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return "?"


@dataclass
class Measured:
    seconds: float = 0.0
    tree_peak: int = 0  # largest sum of VmRSS over the tree at one poll
    hwm: dict[int, tuple[str, int]] = field(default_factory=dict)  # pid -> (name, VmHWM)
    stdout: str = ""

    def largest(self, name: str) -> int:
        return max((h for n, h in self.hwm.values() if n == name), default=0)


def run_measured(cmd: list[str]) -> Measured:
    """Run ``cmd``, polling its process tree's memory from /proc every POLL_S seconds.

    Not ``ru_maxrss``: Linux carries the high-water mark across ``execve``, and Python
    starts children with vfork, so an ffmpeg started from a Python process reports that
    Python process's peak as its own. VmHWM belongs to the process's current image.
    """
    out = tempfile.TemporaryFile()  # noqa: SIM115 (closed after the child ends)
    result = Measured()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            total = 0
            for pid in process_tree(proc.pid):
                total += status_bytes(pid, "VmRSS")
                hwm = status_bytes(pid, "VmHWM")
                if hwm > result.hwm.get(pid, ("", 0))[1]:
                    result.hwm[pid] = (command_name(pid), hwm)
            result.tree_peak = max(result.tree_peak, total)
            done.wait(POLL_S)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    proc.wait()
    result.seconds = time.perf_counter() - start
    done.set()
    poller.join()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed (exit {proc.returncode}):\n"
                         f"{stderr.decode(errors='replace')[-3000:]}")
    out.seek(0)
    result.stdout = out.read().decode()
    return result


# --- the worker: one mix, in a process of its own -------------------------------------------

def load_segments(path: Path) -> tuple:
    from briefcast.models import Cue, Segment

    rows = json.loads(path.read_text(encoding="utf-8"))
    return tuple(Segment(**{**r, "cue": Cue(**r["cue"]), "path": Path(r["path"])})
                 for r in rows)


def sound_options(spec: str) -> dict[str, Any]:
    """``mix_episode`` keywords for a scenario: "none", "generated" or a bed file's path."""
    if spec == "none":
        return {}
    from briefcast.sound import SoundOptions

    bed: bool | Path = True if spec == "generated" else Path(spec)
    return {"sound": SoundOptions(sting=True, bed=bed)}


def worker(segments_json: Path, work: Path, sound: str, trace: bool) -> None:
    from briefcast.stages.mix import mix_episode

    segments = load_segments(segments_json)
    options = sound_options(sound)
    idle = status_bytes("self", "VmRSS")
    tracer = PeakTracer() if trace else None
    start = time.perf_counter()
    result = mix_episode(segments, work, work / "episode.mp3", title="Memory bench",
                         show="briefcast bench", author="briefcast", date=DATE,
                         comment="60 minutes of repeated demo cues", **options)
    seconds = time.perf_counter() - start
    top = tracer.stop() if tracer else []
    print(json.dumps({"seconds": seconds, "idle_rss": idle,
                      "self_peak": status_bytes("self", "VmHWM"), "duration_s": result.duration_s,
                      "size_bytes": result.size_bytes, "traced_peak": tracer.peak if tracer
                      else 0, "top": top}))


class PeakTracer:
    """tracemalloc, with a snapshot kept from (near) the moment of peak traced memory."""

    def __init__(self) -> None:
        import tracemalloc

        self._tm = tracemalloc
        tracemalloc.start(6)
        self.peak = 0
        self._best: object = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        # A snapshot of millions of small objects takes seconds: take one only after a
        # real rise, so the kept snapshot is within a third of the true peak.
        floor = 4 * MB
        while not self._done.wait(0.1):
            current, _ = self._tm.get_traced_memory()
            if current > max(floor, self.peak * 1.33):
                self.peak = current
                self._best = self._tm.take_snapshot()

    def stop(self) -> list[str]:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, self._tm.get_traced_memory()[1])
        self._tm.stop()
        if self._best is None:
            return []
        stats = self._best.statistics("traceback")[:6]  # type: ignore[attr-defined]
        lines = []
        for stat in stats:
            frames: list[str] = []
            for f in stat.traceback:  # oldest first
                where = f"{Path(f.filename).name}:{f.lineno}"
                if ("briefcast" in f.filename or "pydub" in f.filename) and where not in frames:
                    frames.append(where)
            frames = frames[-3:]
            lines.append(f"{stat.size / MB:7.1f} MB  {' <- '.join(reversed(frames))}")
        return lines


# --- the parent: segments, episode, runs, report --------------------------------------------

def speak_demo(cache_dir: Path) -> tuple:
    """Real segments: the demo script spoken once by the real engine."""
    from conftest import make_show

    from briefcast.backends.tts import Pyttsx3Engine
    from briefcast.cache import Cache
    from briefcast.config import load_config
    from briefcast.pipeline import prepare
    from briefcast.stages.speak import speak_cues

    config = load_config(make_show(cache_dir))
    script = prepare(config, DATE).script
    engine = Pyttsx3Engine()
    try:
        spoken = speak_cues(script.cues, config.rate_wpm, engine, Cache(cache_dir / "cache"))
    finally:
        engine.close()
    if spoken.failures:
        raise SystemExit(f"demo speech failed: {spoken.failures[0][1]}")
    return spoken.segments


def repeat_to(segments: tuple, minutes: float) -> tuple:
    """Repeat the cues, each round as new chapters, until the episode lasts ``minutes``."""
    out, total, rnd = [], 0.0, 0
    while total < minutes * 60:
        rnd += 1
        for seg in segments:
            cue = dataclasses.replace(seg.cue, chapter=f"{seg.cue.chapter} ({rnd})")
            out.append(dataclasses.replace(seg, cue=cue))
            total += seg.duration_s + seg.cue.pause_after_ms / 1000
            if total >= minutes * 60:
                break
    return tuple(out)


def write_joined(segments: tuple, path: Path, rate: int) -> int:
    """The baseline's input: the same audio and pauses in one WAV; returns frames written."""
    frames = 0
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        for seg in segments:
            with wave.open(str(seg.path), "rb") as src:
                if src.getframerate() != rate:
                    raise SystemExit(f"{seg.path} is {src.getframerate()} Hz, others {rate} Hz")
                data = src.readframes(src.getnframes())
            pause = b"\x00\x00" * int(rate * seg.cue.pause_after_ms / 1000)
            out.writeframes(data + pause)
            frames += len(data + pause) // 2
    return frames


def make_bed_file(path: Path, seconds: float) -> None:
    """A producer's music bed stand-in: a soft two-note chord, 44.1 kHz stereo, our own."""
    chord = (f"sine=f=220:d={seconds}:sample_rate=44100", f"sine=f=330:d={seconds}:sample_rate=44100")
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i", chord[0],
                    "-f", "lavfi", "-i", chord[1], "-filter_complex",
                    "amix=inputs=2,volume=0.3,aformat=channel_layouts=stereo", str(path)],
                   check=True, capture_output=True)


def mix_run(segments_json: Path, work: Path, sound: str, trace: bool) -> tuple[dict, Measured]:
    cmd = [sys.executable, __file__, "--worker", str(segments_json), str(work), sound]
    measured = run_measured(cmd + (["--trace"] if trace else []))
    (work / "episode.mp3").unlink(missing_ok=True)
    return json.loads(measured.stdout.strip().splitlines()[-1]), measured


def mb(n: float) -> str:
    return f"{n / MB:.1f} MB"


def peak_of(res: dict, mix: Measured) -> int:
    """The polled sum can miss a short spike; the worker's own high-water mark cannot."""
    return max(mix.tree_peak, res["self_peak"])


def report(name: str, res: dict, mix: Measured, base: Measured, pcm: int,
           trace: dict | None) -> None:
    def x(n: float) -> str:
        return f"{n / pcm:.2f}x PCM"

    ffmpeg_peak = mix.largest("ffmpeg")
    verdict = "met" if peak_of(res, mix) <= GOAL_RATIO * pcm else "MISSED"
    print(f"mix_episode, {name}:")
    print(f"  whole tree peak RSS   {mb(mix.tree_peak):>9} ({x(mix.tree_peak)}, goal {verdict}); "
          f"{mix.seconds:.1f} s ({res['seconds']:.1f} s inside mix_episode)")
    print(f"  vs baseline           memory {mix.tree_peak / base.tree_peak:.2f}x, "
          f"time {mix.seconds / base.seconds:.2f}x")
    print(f"  python worker VmHWM   {mb(res['self_peak']):>9} ({x(res['self_peak'])}); "
          f"{mb(res['idle_rss'])} before mixing, so the mix added "
          f"{mb(res['self_peak'] - res['idle_rss'])}")
    print(f"  largest ffmpeg VmHWM  {mb(ffmpeg_peak):>9} ({x(ffmpeg_peak)}); "
          f"{sum(1 for n, _ in mix.hwm.values() if n == 'ffmpeg')} ffmpeg and "
          f"{sum(1 for n, _ in mix.hwm.values() if n == 'ffprobe')} ffprobe runs seen")
    print(f"  output                {res['duration_s'] / 60:.1f} min MP3, "
          f"{mb(res['size_bytes'])}")
    if trace:
        print(f"  tracemalloc: Python allocations peaked at {mb(trace['traced_peak'])}; "
              "largest at the peak (innermost frame first):")
        print("\n".join(f"    {line}" for line in trace["top"]) or "    (none recorded)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--bed-minutes", type=float, default=3.0,
                        help="length of the stand-in producer bed file (0: skip that case)")
    parser.add_argument("--trace", action="store_true", help="also profile with tracemalloc")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]), args.worker[2], args.trace)
        return

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        demo = speak_demo(tmp / "demo")
        spoken_s = time.perf_counter() - started
        rate = demo[0].sample_rate
        segments = repeat_to(demo, args.minutes)
        seg_json = tmp / "segments.json"
        seg_json.write_text(json.dumps([dataclasses.asdict(s) for s in segments],
                                       default=str), encoding="utf-8")
        joined = tmp / "joined.wav"
        frames = write_joined(segments, joined, rate)
        pcm = frames * 2

        base = run_measured(
            ["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(joined), "-ar", "44100",
             "-ac", "1", "-c:a", "libmp3lame", "-b:a", "96k", str(tmp / "base.mp3")])
        joined.unlink()
        print(f"episode: {frames / rate / 60:.1f} min, {len(segments)} cues ({len(demo)} demo "
              f"cues spoken once in {spoken_s:.1f} s, repeated), {rate} Hz mono 16-bit")
        print(f"raw PCM of the episode: {mb(pcm)}; goal: mix peak <= {mb(GOAL_RATIO * pcm)} "
              f"({GOAL_RATIO:g}x)")
        print(f"baseline, one plain ffmpeg MP3 encode of the same audio: peak RSS "
              f"{mb(base.tree_peak)} ({base.tree_peak / pcm:.2f}x PCM), {base.seconds:.1f} s")

        cases = [("speech only", "none"), ("generated sting + bed", "generated")]
        if args.bed_minutes > 0:
            bed = tmp / "bed.wav"
            make_bed_file(bed, args.bed_minutes * 60)
            cases.append((f"sting + producer bed file ({args.bed_minutes:g} min, 44.1 kHz "
                          "stereo)", str(bed)))
        work = tmp / "mix"
        work.mkdir()
        for name, sound in cases:
            res, mix = mix_run(seg_json, work, sound, trace=False)
            trace = None
            if args.trace or peak_of(res, mix) > GOAL_RATIO * pcm:
                trace = mix_run(seg_json, work, sound, trace=True)[0]
            report(name, res, mix, base, pcm, trace)


if __name__ == "__main__":
    main()
