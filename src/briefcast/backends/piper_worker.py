"""A spawned worker that speaks with Piper models: ``python -m briefcast.backends.piper_worker
SPEC``, SPEC being JSON ``{"voices": {name: {model, config, settings...}}}``.

It loads every model once, each right after seeding onnxruntime, and never synthesizes
itself: each job is spoken by a child forked for it (``child.serve``), which starts from the
freshly seeded state, so a job's bytes never depend on what was spoken before. With
``{"check": {...}}`` it only loads the models and exits 0 (the config check of a build).
"""

from __future__ import annotations

import json
import sys
import wave
from typing import Any

from briefcast.backends import child

SEED = 20261203  # any fixed number: the same noise every run


def _load(model: str, config: str) -> Any:
    import onnxruntime
    from piper.config import PiperConfig
    from piper.voice import PiperVoice

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # one core per worker; the pool has one per core
    options.inter_op_num_threads = 1
    onnxruntime.set_seed(SEED)  # the session's random kernels take their seed now
    with open(config, encoding="utf-8") as fh:
        piper_config = PiperConfig.from_dict(json.load(fh))
    session = onnxruntime.InferenceSession(model, sess_options=options,
                                           providers=["CPUExecutionProvider"])
    return PiperVoice(config=piper_config, session=session)


def _speak(job: dict[str, Any], voices: dict[str, Any], specs: dict[str, Any]) -> bool:
    from piper.config import SynthesisConfig

    voice, spec = voices[job["voice"]], specs[job["voice"]]
    settings = SynthesisConfig(length_scale=job["length_scale"],
                               noise_scale=spec.get("noise_scale"),
                               noise_w_scale=spec.get("noise_w"))
    rate = voice.config.sample_rate
    silence = b"\x00\x00" * int(rate * spec.get("sentence_silence_s", 0.0))
    with wave.open(job["out"], "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        for i, chunk in enumerate(voice.synthesize(job["text"], syn_config=settings)):
            if i:
                out.writeframes(silence)
            out.writeframes(chunk.audio_int16_bytes)
    return True


def main(argv: list[str]) -> int:
    spec = json.loads(argv[0])
    if "check" in spec:
        for files in spec["check"].values():
            _load(files["model"], files["config"])
        return 0
    specs: dict[str, Any] = spec["voices"]
    voices: dict[str, Any] = {}

    def load() -> None:
        for name, files in specs.items():
            voices[name] = _load(files["model"], files["config"])

    return child.serve(lambda job: _speak(job, voices, specs), load, job_timeout_s=120.0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
