"""Benchmark the demo build against the bare minimum: espeak-ng CLI + one ffmpeg encode.

Both are measured in the same run (machines are shared and noisy), and the ratio is the
figure to quote. Usage: python bench/bench_build.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from briefcast.config import load_config  # noqa: E402
from briefcast.pipeline import prepare  # noqa: E402
from conftest import make_show  # noqa: E402

DATE = "2026-11-24"


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cold, warm, base = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            config_path = make_show(Path(tmp))
            config = load_config(config_path)
            build = [sys.executable, "-m", "briefcast", "build", "--config", str(config_path),
                     "--date", DATE, "--quiet"]
            cold.append(timed(build))
            warm.append(timed(build))

            script = prepare(config, __import__("datetime").date.fromisoformat(DATE)).script
            text = Path(tmp) / "script.txt"
            text.write_text("\n\n".join(c.spoken for c in script.cues), encoding="utf-8")
            wav, mp3 = Path(tmp) / "base.wav", Path(tmp) / "base.mp3"
            start = time.perf_counter()
            subprocess.run(["espeak-ng", "-v", config.voice, "-s", str(config.rate_wpm),
                            "-f", str(text), "-w", str(wav)], check=True, capture_output=True)
            subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(wav), "-ar",
                            "44100", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "96k", str(mp3)],
                           check=True, capture_output=True)
            base.append(time.perf_counter() - start)
            shutil.rmtree(config.output_dir, ignore_errors=True)
    c, w, b = statistics.median(cold), statistics.median(warm), statistics.median(base)
    print(f"runs: {args.repeat} (medians)")
    print(f"baseline espeak-ng CLI + one ffmpeg encode: {b:6.2f} s")
    print(f"briefcast demo build, cold cache:           {c:6.2f} s   ratio {c / b:.2f}x")
    print(f"briefcast demo rebuild, warm cache:         {w:6.2f} s   ratio {w / b:.2f}x")


if __name__ == "__main__":
    main()
