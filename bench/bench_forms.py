"""Which written form of an abbreviation does each engine read right? (issue: text per engine)

The normalizer writes initialisms and the lone letter A in forms chosen for espeak-ng
("F.B.I", "U.S", "C.E.O", "Plan A-"). For every engine, each sentence below is spoken in
each candidate form and heard by the independent listener (Whisper tiny.en, as in
``bench_listen.py``); a form counts as read right when the listener's words, normalized by
Whisper's own normalizer, contain the expected words ("fbi", "plan a"; spaces aside, so
"u s" and "us" are the same). The table says, per
engine and form, how many of the sentences came out right; the normalizer's own form is
marked with *. Whisper is a noisy judge on one sentence, so each case has three sentences.

Usage: python bench/bench_forms.py [--engines pyttsx3,flite,festival,piper]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import listen_lib as listen  # noqa: E402
from bench_build import ENGINE_VOICES  # noqa: E402

from briefcast.backends.engines import VoiceSpec, make_engine  # noqa: E402
from briefcast.normalize import normalize  # noqa: E402

VOICES = {"pyttsx3": "en-us", **ENGINE_VOICES}  # the voices bench_build builds the demo with
# case -> (what the listener must hear, sentences with {} for the form, forms to try); the
# case's name is how copy writes it, which the normalizer turns into one of the forms
CASES = {
    "FBI": ("fbi", ("Agents from the {} searched the harbor office on Monday.",
                    "The {} said the inquiry would take a year.",
                    "A spokesman for the {} declined to comment."),
            ("F.B.I", "FBI", "F B I", "F. B. I.")),
    "U.S.": ("us coast guard", ("The {} Coast Guard closed the channel to small boats.",
                              "A {} Coast Guard cutter towed the ferry back to port.",
                              "Divers from the {} Coast Guard searched the wreck."),
           ("U.S", "US", "U S", "U.S.")),
    "CEO": ("ceo", ("The {} said the plant would stay open.",
                    "Shareholders asked the {} to explain the losses.",
                    "The company named a new {} on Friday."),
            ("C.E.O", "CEO", "C E O", "C.E.O.")),
    "A": ("plan a", ("The council chose Plan {} for the new pier.",
                          "Plan {} would cost the town four million dollars.",
                          "Under Plan {} the ferry runs every hour."),
               ("A-", "A", "ay")),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engines", default=",".join(VOICES))
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    model = listen.load_listener()
    own = {case: next((f for f in forms if normalize(sentences[0].format(case), "en")
                       == sentences[0].format(f)), None)
           for case, (_, sentences, forms) in CASES.items()}
    print("the normalizer's own form (*):", own)
    print(f"{'case':<7}{'form':<10}" + "".join(f"{e:>10}" for e in engines))
    results: dict[tuple[str, str, str], int] = {}
    with tempfile.TemporaryDirectory(prefix="briefcast-forms-") as tmp:
        for engine_name in engines:
            voice = VOICES[engine_name]
            engine = make_engine([VoiceSpec(engine_name, voice)])
            try:
                for case, (expect, sentences, forms) in CASES.items():
                    for form in forms:
                        right = 0
                        for i, sentence in enumerate(sentences):
                            wav = Path(tmp) / f"{engine_name}-{case}-{forms.index(form)}-{i}.wav"
                            engine.synthesize(sentence.format(form), voice, 165, wav)
                            heard = "".join(listen.words(listen.transcribe(model, wav)))
                            right += expect.replace(" ", "") in heard  # "u s" = "us"
                        results[(case, form, engine_name)] = right
            finally:
                engine.close()
    for case, (_, sentences, forms) in CASES.items():
        for form in forms:
            mark = "*" if form == own[case] else " "
            row = "".join(f"{results[(case, form, e)]:>8}/{len(sentences)}" for e in engines)
            print(f"{case:<7}{mark}{form:<9}{row}")


if __name__ == "__main__":
    main()
