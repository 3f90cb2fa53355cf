"""Mix: join the segments with pauses, master loudness, encode the MP3, tag it.

pydub holds PCM in memory and its ``+`` copies the whole episode each time, so segments
are streamed into one WAV file one at a time: memory stays at one segment, however long
the episode. Loudness is measured on the *encoded* file and an
episode off target is refused rather than published.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import wave
from dataclasses import asdict, dataclass
from pathlib import Path

from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TPE1, CTOCFlags
from pydub import AudioSegment

from briefcast.audio import BITRATE, LAME_QUALITY, master_to_mp3, probe
from briefcast.cache import Cache, content_key
from briefcast.errors import AudioError
from briefcast.models import Chapter, CueTiming, MixResult, Segment

log = logging.getLogger(__name__)

MIX_RATE = 22_050  # espeak-ng's native rate; mastering resamples to 44.1 kHz once
MIX_VERSION = 2


@dataclass(frozen=True)
class MasterTarget:
    lufs: float = -16.0
    lufs_tolerance: float = 1.0
    max_true_peak: float = -1.0


def join_segments(segments: tuple[Segment, ...], out_wav: Path
                  ) -> tuple[tuple[Chapter, ...], tuple[CueTiming, ...]]:
    """Write all cues and their pauses to one WAV, one segment in memory at a time.

    Chapters start where their first cue starts; every cue's start and end is recorded
    from the real sample counts, so transcripts and chapters match the audio exactly.
    """
    chapters: list[Chapter] = []
    timings: list[CueTiming] = []
    frames = 0
    with wave.open(str(out_wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(MIX_RATE)
        for seg in segments:
            audio = AudioSegment.from_wav(seg.path)
            if audio.frame_rate != MIX_RATE or audio.channels != 1 or audio.sample_width != 2:
                audio = audio.set_frame_rate(MIX_RATE).set_channels(1).set_sample_width(2)
            start = frames / MIX_RATE
            if not chapters or chapters[-1].title != seg.cue.chapter:
                chapters.append(Chapter(seg.cue.chapter, round(start, 3)))
            out.writeframes(audio.raw_data)
            frames += len(audio.raw_data) // 2
            timings.append(CueTiming(seg.cue.text, seg.cue.speaker, round(start, 3),
                                     round(frames / MIX_RATE, 3)))
            pause = int(MIX_RATE * seg.cue.pause_after_ms / 1000)
            out.writeframes(b"\x00\x00" * pause)
            frames += pause
    return tuple(chapters), tuple(timings)


def write_tags(mp3: Path, title: str, show: str, author: str, date: dt.date,
               comment: str, chapters: tuple[Chapter, ...] = (),
               duration_s: float = 0.0) -> None:
    """ID3v2.3 (not mutagen's default 2.4, whose chapter frames broke Apple Podcasts).

    Chapters become CHAP frames (times in ms) under one ordered top-level CTOC, with the
    same titles and start times as chapters.json.
    """
    tags = ID3()
    tags.add(TIT2(encoding=1, text=title))
    tags.add(TPE1(encoding=1, text=author))
    tags.add(TALB(encoding=1, text=show))
    tags.add(TDRC(encoding=1, text=date.isoformat()))
    tags.add(TCON(encoding=1, text="Podcast"))
    tags.add(COMM(encoding=1, lang="eng", desc="", text=comment))
    ids = [f"chp{i}" for i in range(len(chapters))]
    if chapters:
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                      child_element_ids=ids, sub_frames=[TIT2(encoding=1, text=title)]))
    end_ms = round(duration_s * 1000)
    for i, chapter in enumerate(chapters):
        stop = round(chapters[i + 1].start_s * 1000) if i + 1 < len(chapters) else end_ms
        tags.add(CHAP(element_id=ids[i], start_time=round(chapter.start_s * 1000),
                      end_time=max(stop, round(chapter.start_s * 1000)),
                      sub_frames=[TIT2(encoding=1, text=chapter.title)]))
    tags.save(mp3, v2_version=3, v1=0, padding=lambda info: 0)


def mix_episode(segments: tuple[Segment, ...], work_dir: Path, mp3: Path, *, title: str,
                show: str, author: str, date: dt.date, comment: str,
                target: MasterTarget = MasterTarget()) -> MixResult:
    """Produce the mastered, tagged MP3 at ``mp3`` and measure it."""
    if not segments:
        raise AudioError("nothing to mix: no segments")
    raw = work_dir / "mix.wav"
    chapters, timings = join_segments(segments, raw)
    loud = master_to_mp3(raw, mp3, target.lufs, target.max_true_peak - 0.8)
    raw.unlink(missing_ok=True)
    off = loud.integrated_lufs - target.lufs
    if abs(off) > target.lufs_tolerance or loud.true_peak_dbtp > target.max_true_peak:
        raise AudioError(
            f"mastered episode misses its loudness target: {loud.integrated_lufs:.1f} LUFS "
            f"({off:+.1f} LU from {target.lufs:g}), true peak {loud.true_peak_dbtp:.1f} dBTP "
            f"(limit {target.max_true_peak:g})")
    info = probe(mp3)
    write_tags(mp3, title, show, author, date, comment, chapters, info.duration_s)
    return MixResult(path=mp3, duration_s=info.duration_s, size_bytes=mp3.stat().st_size,
                     loudness_lufs=loud.integrated_lufs, true_peak_dbtp=loud.true_peak_dbtp,
                     chapters=chapters, timings=timings)


def mix_key(segments: tuple[Segment, ...], target: MasterTarget, tags: dict[str, str]) -> str:
    """Everything that changes the encoded bytes: segment audio, pauses, mastering, tags."""
    return content_key("mix", MIX_VERSION, BITRATE, LAME_QUALITY, asdict(target), tags,
                       [(s.path.name, s.cue.pause_after_ms, s.cue.chapter) for s in segments])


def mix_cached(segments: tuple[Segment, ...], work_dir: Path, mp3: Path, cache: Cache, *,
               title: str, show: str, author: str, date: dt.date, comment: str,
               target: MasterTarget = MasterTarget()) -> tuple[MixResult, bool]:
    """``mix_episode`` through the cache: an unchanged episode is copied, not re-mastered."""
    tags = {"title": title, "show": show, "author": author, "date": date.isoformat(),
            "comment": comment}
    key = mix_key(segments, target, tags)
    hit_audio = cache.lookup("mixes", key, ".mp3")
    hit_meta = cache.path("mixes", key, ".json")
    if hit_audio is not None and hit_meta.is_file():
        meta = json.loads(hit_meta.read_text(encoding="utf-8"))
        shutil.copyfile(hit_audio, mp3)
        if mp3.stat().st_size == meta["size_bytes"]:
            chapters = tuple(Chapter(**c) for c in meta["chapters"])
            timings = tuple(CueTiming(**t) for t in meta["timings"])
            return MixResult(mp3, meta["duration_s"], meta["size_bytes"], meta["loudness_lufs"],
                             meta["true_peak_dbtp"], chapters, timings), True
    result = mix_episode(segments, work_dir, mp3, title=title, show=show, author=author,
                         date=date, comment=comment, target=target)
    temp = cache.temp_path("mixes", key, ".mp3")
    shutil.copyfile(mp3, temp)
    cache.commit(temp, "mixes", key, ".mp3")
    meta = {k: v for k, v in asdict(result).items() if k != "path"}
    temp = cache.temp_path("mixes", key, ".json")
    temp.write_text(json.dumps(meta), encoding="utf-8")
    cache.commit(temp, "mixes", key, ".json")
    return result, False
