"""Which engine speaks which anchor: the one place that knows the engine names.

A show has one or two anchors, each a ``VoiceSpec`` (engine, voice, settings). The speak
stage sees a single ``TTSEngine`` whatever the mix: ``VoiceRouter`` hands each voice to its
own engine, so one anchor can be Piper and the other Festival. Voice names are the keys, so
the two anchors must have different names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefcast.backends.piper import PiperSettings
from briefcast.backends.tts import TTSEngine
from briefcast.errors import SynthesisError

ENGINE_NAMES = ("pyttsx3", "flite", "festival", "piper")
# How the show notes name the synthesizer, by engine.
ENGINE_LABELS = {"pyttsx3": "espeak-ng", "flite": "CMU Flite", "festival": "Festival",
                 "piper": "Piper"}
# A voice every installation of the engine has; Piper has none (voice.name is required).
DEFAULT_VOICES = {"pyttsx3": "en-us", "flite": "slt", "festival": "cmu_us_slt_arctic_hts"}


@dataclass(frozen=True)
class VoiceSpec:
    """One anchor's voice: which engine, which of its voices, and how it is set."""

    engine: str
    name: str  # espeak/flite/festival voice name, Piper voice name or .onnx path
    piper: PiperSettings = field(default_factory=PiperSettings)


def voice_problems(voices: Sequence[VoiceSpec], cache_dir: Path | None = None,
                   remember: bool = True) -> list[str]:
    """Every reason a voice cannot be spoken, each naming its fix; [] when all is well.

    ``cache_dir`` keeps Piper's model check; with ``remember`` also the voice lists of
    espeak-ng and flite (``False`` for a run that must write nothing, like a dry run).
    """
    problems: list[str] = []
    first: dict[str, VoiceSpec] = {}
    for voice in voices:
        if first.setdefault(voice.name, voice) != voice:
            problems.append(f"both anchors are called {voice.name!r} but with different "
                            "engines or settings; give the second anchor another voice")
    for voice in dict.fromkeys(voices):
        problem = _problem(voice, cache_dir, cache_dir if remember else None)
        if problem:
            problems.append(f"voice {voice.name!r} ({voice.engine}): {problem}")
    return problems


def _problem(voice: VoiceSpec, cache_dir: Path | None, lists: Path | None) -> str | None:
    if voice.engine == "pyttsx3":
        from briefcast.backends.tts import espeak_voice_problem

        return espeak_voice_problem(voice.name, lists)
    if voice.engine == "flite":
        from briefcast.backends.flite import flite_voice_problem

        return flite_voice_problem(voice.name, lists)
    if voice.engine == "festival":
        from briefcast.backends.festival import festival_voice_problem

        return festival_voice_problem(voice.name)
    if voice.engine == "piper":
        from briefcast.backends.piper import piper_voice_problem

        return piper_voice_problem(voice.name, cache_dir)
    return f"unknown engine (available: {', '.join(ENGINE_NAMES)})"


def make_engine(voices: Sequence[VoiceSpec], parallelism: int | None = None) -> TTSEngine:
    """A fresh engine that speaks every voice of ``voices``; the caller closes it."""
    by_engine: dict[str, list[VoiceSpec]] = {}
    for voice in voices:
        by_engine.setdefault(voice.engine, []).append(voice)
    engines = {name: _engine(name, specs, parallelism) for name, specs in by_engine.items()}
    return VoiceRouter({v.name: engines[v.engine] for v in voices})


def _engine(name: str, voices: Sequence[VoiceSpec], parallelism: int | None) -> TTSEngine:
    if name == "pyttsx3":
        from briefcast.backends.tts import Pyttsx3Engine

        return Pyttsx3Engine(parallelism)
    if name == "flite":
        from briefcast.backends.flite import FliteEngine

        return FliteEngine(parallelism)
    if name == "festival":
        from briefcast.backends.festival import FestivalEngine

        return FestivalEngine(parallelism)
    if name == "piper":
        from briefcast.backends.piper import PiperEngine

        return PiperEngine({v.name: v.piper for v in voices}, parallelism)
    raise SynthesisError(f"unknown TTS engine {name!r} (available: {', '.join(ENGINE_NAMES)})")


class VoiceRouter:
    """One engine per voice behind the single-engine seam the speak stage uses."""

    def __init__(self, engines: dict[str, TTSEngine]) -> None:
        self._engines = engines
        unique = list({id(e): e for e in engines.values()}.values())
        self._unique = unique
        self.name = "+".join(dict.fromkeys(e.name for e in unique))
        self.parallelism = max((e.parallelism for e in unique), default=1)

    def _for(self, voice: str) -> TTSEngine:
        try:
            return self._engines[voice]
        except KeyError:
            raise SynthesisError(f"no engine speaks voice {voice!r} in this show") from None

    def fingerprint(self, voice: str) -> str:
        return self._for(voice).fingerprint(voice)

    def synthesize(self, text: str, voice: str, rate_wpm: int, out: Path) -> None:
        self._for(voice).synthesize(text, voice, rate_wpm, out)

    def close(self) -> None:
        for engine in self._unique:
            engine.close()

