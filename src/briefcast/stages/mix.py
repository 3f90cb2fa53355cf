"""Mix: join the segments with pauses, master loudness, encode the MP3, tag it.

pydub holds PCM in memory and its ``+`` copies the whole episode each time, so segments
are streamed into one WAV file one at a time: memory stays at one segment, however long
the episode. Loudness is measured on the *encoded* file and an
episode off target is refused rather than published.

Sound design (``briefcast.sound``) is laid in here: the intro sting before the first cue,
the bed under the intro and headlines, the outro sting after the sign-off. Cue timings
and chapters are counted from the samples actually written, so they include the sting;
the first chapter still starts at 0 (it covers the sting), as players expect.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
import wave
from dataclasses import asdict, dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from briefcast.audio import BITRATE, LAME_QUALITY, master_to_mp3, probe
from briefcast.cache import Cache, content_key
from briefcast.errors import AudioError
from briefcast.models import Chapter, CueTiming, MixResult, Segment
from briefcast.sound import (
    BED_LEAD_S,
    Arrangement,
    SoundOptions,
    arrange,
    bed_under,
    pauses,
    rms,
)

log = logging.getLogger(__name__)

MIX_RATE = 22_050  # espeak-ng's native rate; mastering resamples to 44.1 kHz once
MIX_VERSION = 6  # 5: CHAP frames in time order; 6: pauses in timings, short CHAP IDs
COVER_MAX_BYTES = 500_000  # embedded art above this is downscaled (players decode it often)
COVER_EMBED_PX = 1400
BED_KINDS = ("intro", "headlines")  # the opening cues the bed plays under


@dataclass(frozen=True)
class MasterTarget:
    lufs: float = -16.0
    lufs_tolerance: float = 1.0
    max_true_peak: float = -1.0


# pydub, Pillow and mutagen are imported where they are used: a warm rebuild takes the
# mix from the cache and needs none of them.

def _pcm(seg: Segment) -> bytes:
    from pydub import AudioSegment

    audio = AudioSegment.from_wav(seg.path)
    if audio.frame_rate != MIX_RATE or audio.channels != 1 or audio.sample_width != 2:
        audio = audio.set_frame_rate(MIX_RATE).set_channels(1).set_sample_width(2)
    return bytes(audio.raw_data)


def _pause(seg: Segment) -> bytes:
    return b"\x00\x00" * int(MIX_RATE * seg.cue.pause_after_ms / 1000)


def speech_level(segments: tuple[Segment, ...]) -> float:
    """RMS of the opening cues (the speech the stings and bed sit next to)."""
    opening = [s for s in segments[:4] if s.cue.kind in BED_KINDS] or list(segments[:1])
    return rms(b"".join(_pcm(s) for s in opening))


@dataclass(frozen=True)
class Opening:
    """The cues the bed plays under, joined in memory after the bed's lead-in, with the
    sample span of each cue's speech (where the bed ducks)."""

    segments: tuple[Segment, ...]
    pcm: bytes
    spans: tuple[tuple[int, int], ...]


def opening_section(segments: tuple[Segment, ...]) -> Opening:
    """The intro and headlines (at most), after ``BED_LEAD_S`` of silence for the bed alone."""
    count = next((i for i, s in enumerate(segments) if s.cue.kind not in BED_KINDS),
                 len(segments))
    section = bytearray(b"\x00\x00" * int(MIX_RATE * BED_LEAD_S))
    spans: list[tuple[int, int]] = []
    for seg in segments[:count]:
        pcm = _pcm(seg)
        start = len(section) // 2
        spans.append((start, start + len(pcm) // 2))
        section += pcm + _pause(seg)
    return Opening(segments[:count], bytes(section), tuple(spans))


def join_segments(segments: tuple[Segment, ...], out_wav: Path,
                  arrangement: Arrangement = Arrangement(), opening: Opening | None = None
                  ) -> tuple[tuple[Chapter, ...], tuple[CueTiming, ...]]:
    """Write stings, cues, pauses and bed to one WAV, one segment in memory at a time.

    Chapters start where their first cue starts (the first at 0, covering any sting);
    every cue's start and end is recorded from the real sample counts, so transcripts
    and chapters match the audio exactly. The bed section (``opening``: at most the intro
    and the headlines) is built in memory beforehand, mixed here, then written.
    """
    chapters: list[Chapter] = []
    timings: list[CueTiming] = []
    frames = 0

    def place(seg: Segment, start: int, pcm: bytes) -> None:
        if not chapters or chapters[-1].title != seg.cue.chapter:
            chapters.append(Chapter(seg.cue.chapter, round(start / MIX_RATE, 3) if chapters
                                    else 0.0))
        quiet = tuple((round((start + a) / MIX_RATE, 3), round((start + b) / MIX_RATE, 3))
                      for a, b in pauses(pcm, MIX_RATE))
        timings.append(CueTiming(seg.cue.text, seg.cue.speaker, round(start / MIX_RATE, 3),
                                 round((start + len(pcm) // 2) / MIX_RATE, 3), quiet))

    with wave.open(str(out_wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(MIX_RATE)
        out.writeframes(arrangement.intro)
        frames += len(arrangement.intro) // 2
        rest = segments
        if opening is not None and arrangement.has_bed:
            rest = segments[len(opening.segments):]
            for seg, (start, end) in zip(opening.segments, opening.spans):
                place(seg, frames + start, opening.pcm[2 * start:2 * end])
            out.writeframes(bed_under(opening.pcm, list(opening.spans), arrangement.bed,
                                      MIX_RATE))
            frames += len(opening.pcm) // 2
        for seg in rest:
            pcm = _pcm(seg)
            place(seg, frames, pcm)
            pause = _pause(seg)
            out.writeframes(pcm + pause)
            frames += (len(pcm) + len(pause)) // 2
        out.writeframes(arrangement.outro)
    return tuple(chapters), tuple(timings)


def embed_cover(art: bytes) -> tuple[bytes, str]:
    """The cover as embedded in the MP3 (bytes, MIME type).

    Art up to ``COVER_MAX_BYTES`` is embedded as given; larger art is downscaled to a
    1400 px JPEG, the smallest size podcast directories accept, because players decode
    the embedded picture whenever they show the episode.
    """
    from PIL import Image

    try:
        with Image.open(BytesIO(art)) as img:
            fmt = img.format
            if len(art) <= COVER_MAX_BYTES and fmt in ("JPEG", "PNG"):
                return art, f"image/{fmt.lower()}"
            rgb = img.convert("RGB")
    except OSError as exc:
        raise AudioError(f"cover art cannot be read as an image: {exc}") from exc
    data = b""
    for px in (COVER_EMBED_PX, 1000, 600):  # smaller only for art JPEG cannot squeeze
        small = rgb.resize((px, px), Image.Resampling.LANCZOS)
        for quality in (85, 70):
            out = BytesIO()
            small.save(out, format="JPEG", quality=quality, optimize=True)
            data = out.getvalue()
            if len(data) <= COVER_MAX_BYTES:
                return data, "image/jpeg"
    return data, "image/jpeg"


def chapter_ids(chapters: tuple[Chapter, ...]) -> list[str]:
    """Short, stable CHAP element IDs: "chp0", "chp1", ... in chapter order."""
    return [f"chp{i}" for i in range(len(chapters))]


def _frame_bytes(frame: Any) -> bytes:
    """``frame`` as mutagen writes it in an ID3v2.3 tag (a v2.4-only frame such as TDRC
    becomes its v2.3 frames, TYER and TDAT): a one-frame tag, less its 10-byte header."""
    from mutagen.id3 import ID3

    tag = ID3()
    tag.add(frame)
    tag.update_to_v23()
    out = BytesIO()
    tag.save(out, v2_version=3, v1=0, padding=lambda info: 0)
    return out.getvalue()[10:]


def id3_tag(frames: list[Any]) -> bytes:
    """An ID3v2.3 tag holding ``frames`` in the order given, without padding.

    mutagen sorts the frames it saves by size (then ID), and players built on ffmpeg list
    CHAP frames in file order: chapters of different title lengths would come out
    shuffled. So each frame is rendered by mutagen, and the tag assembled here in order.
    """
    body = b"".join(_frame_bytes(frame) for frame in frames)
    size = len(body)
    syncsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    return b"ID3\x03\x00\x00" + syncsafe + body


def write_tags(mp3: Path, title: str, show: str, author: str, date: dt.date,
               comment: str, chapters: tuple[Chapter, ...] = (),
               duration_s: float = 0.0, cover: bytes | None = None) -> None:
    """ID3v2.3 (not mutagen's default 2.4, whose chapter frames broke Apple Podcasts).

    Chapters become CHAP frames (times in ms), in time order in the file, under one
    ordered top-level CTOC, with the same titles and start times as chapters.json.
    The tag goes in front of the audio (the encoder writes none).
    """
    from mutagen.id3 import APIC, CHAP, COMM, CTOC, TALB, TCON, TDRC, TIT2, TPE1, CTOCFlags

    frames: list[Any] = [TIT2(encoding=1, text=title), TPE1(encoding=1, text=author),
                         TALB(encoding=1, text=show), TDRC(encoding=1, text=date.isoformat()),
                         TCON(encoding=1, text="Podcast"),
                         COMM(encoding=1, lang="eng", desc="", text=comment)]
    ids = chapter_ids(chapters)
    if chapters:
        frames.append(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                           child_element_ids=ids, sub_frames=[TIT2(encoding=1, text=title)]))
    end_ms = round(duration_s * 1000)
    for i, chapter in enumerate(chapters):
        stop = round(chapters[i + 1].start_s * 1000) if i + 1 < len(chapters) else end_ms
        frames.append(CHAP(element_id=ids[i], start_time=round(chapter.start_s * 1000),
                           end_time=max(stop, round(chapter.start_s * 1000)),
                           sub_frames=[TIT2(encoding=1, text=chapter.title)]))
    if cover:  # last: players read the small frames without skipping the picture
        data, mime = embed_cover(cover)
        frames.append(APIC(encoding=1, mime=mime, type=3, desc="Cover", data=data))
    audio = mp3.read_bytes()
    if audio.startswith(b"ID3"):
        raise AudioError(f"{mp3} already has an ID3 tag; the encoder should write none")
    mp3.write_bytes(id3_tag(frames) + audio)


def mix_episode(segments: tuple[Segment, ...], work_dir: Path, mp3: Path, *, title: str,
                show: str, author: str, date: dt.date, comment: str,
                target: MasterTarget = MasterTarget(), sound: SoundOptions = SoundOptions(),
                cover: bytes | None = None) -> MixResult:
    """Produce the mastered, tagged MP3 at ``mp3`` and measure it."""
    if not segments:
        raise AudioError("nothing to mix: no segments")
    raw = work_dir / "mix.wav"
    arrangement, opening = Arrangement(), None
    if sound.bed:  # built first: a producer's bed file is read only as far as it plays
        opening = opening_section(segments)
    if sound.sting or sound.bed:
        arrangement = arrange(sound, speech_level(segments), MIX_RATE, work_dir,
                              len(opening.pcm) // 2 if opening else None)
    chapters, timings = join_segments(segments, raw, arrangement, opening)
    loud = master_to_mp3(raw, mp3, target.lufs, target.max_true_peak - 0.8,
                         target.max_true_peak)
    raw.unlink(missing_ok=True)
    problem = loudness_problem(loud.integrated_lufs, loud.true_peak_dbtp, target)
    if problem:
        raise AudioError(f"mastered episode misses its loudness target, not published: {problem}")
    info = probe(mp3)
    write_tags(mp3, title, show, author, date, comment, chapters, info.duration_s, cover)
    return MixResult(path=mp3, duration_s=info.duration_s, size_bytes=mp3.stat().st_size,
                     loudness_lufs=loud.integrated_lufs, true_peak_dbtp=loud.true_peak_dbtp,
                     chapters=chapters, timings=timings)


def loudness_problem(lufs: float, true_peak: float, target: MasterTarget) -> str | None:
    """Say by how much a measured file misses ``target``; None if it is within it."""
    misses = []
    off = lufs - target.lufs
    if abs(off) > target.lufs_tolerance:
        misses.append(f"{lufs:.1f} LUFS is {abs(off):.1f} LU {'above' if off > 0 else 'below'} "
                      f"the {target.lufs:g} LUFS target (tolerance ±{target.lufs_tolerance:g} LU)")
    if true_peak > target.max_true_peak:
        misses.append(f"true peak {true_peak:.1f} dBTP is {true_peak - target.max_true_peak:.1f}"
                      f" dB over the {target.max_true_peak:g} dBTP limit")
    return "; ".join(misses) or None


def mix_key(segments: tuple[Segment, ...], target: MasterTarget, tags: dict[str, str],
            sound: SoundOptions = SoundOptions(), cover: bytes | None = None) -> str:
    """Everything that changes the encoded bytes or what is cached beside them: segment
    audio, pauses, mastering, sound design (with the contents of supplied files), tags,
    cover art, and the transcript text and speaker of each cue (kept in the cached timings,
    and free to change while the spoken text, hence the audio, stays the same)."""
    return content_key("mix", MIX_VERSION, BITRATE, LAME_QUALITY, asdict(target), tags,
                       sound.fingerprint(), hashlib.sha256(cover or b"").hexdigest(),
                       [(s.path.name, s.cue.pause_after_ms, s.cue.chapter, s.cue.kind,
                         s.cue.text, s.cue.speaker) for s in segments])


def _timing(stored: dict[str, Any]) -> CueTiming:
    """A cue timing as kept in the mix cache's JSON (where tuples became lists)."""
    quiet = tuple((float(a), float(b)) for a, b in stored.pop("pauses", ()))
    return CueTiming(**stored, pauses=quiet)


def mix_cached(segments: tuple[Segment, ...], work_dir: Path, mp3: Path, cache: Cache, *,
               title: str, show: str, author: str, date: dt.date, comment: str,
               target: MasterTarget = MasterTarget(), sound: SoundOptions = SoundOptions(),
               cover: bytes | None = None) -> tuple[MixResult, bool]:
    """``mix_episode`` through the cache: an unchanged episode is copied, not re-mastered."""
    tags = {"title": title, "show": show, "author": author, "date": date.isoformat(),
            "comment": comment}
    key = mix_key(segments, target, tags, sound, cover)
    hit_audio = cache.lookup("mixes", key, ".mp3")
    hit_meta = cache.path("mixes", key, ".json")
    if hit_audio is not None and hit_meta.is_file():
        try:
            meta = json.loads(hit_meta.read_text(encoding="utf-8"))
            shutil.copyfile(hit_audio, mp3)
            if mp3.stat().st_size == meta["size_bytes"]:
                chapters = tuple(Chapter(**c) for c in meta["chapters"])
                timings = tuple(_timing(t) for t in meta["timings"])
                return MixResult(mp3, meta["duration_s"], meta["size_bytes"],
                                 meta["loudness_lufs"], meta["true_peak_dbtp"], chapters,
                                 timings), True
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged cache entry is a miss: mixed again and overwritten
    result = mix_episode(segments, work_dir, mp3, title=title, show=show, author=author,
                         date=date, comment=comment, target=target, sound=sound,
                         cover=cover)
    temp = cache.temp_path("mixes", key, ".mp3")
    shutil.copyfile(mp3, temp)
    cache.commit(temp, "mixes", key, ".mp3")
    meta = {k: v for k, v in asdict(result).items() if k != "path"}
    temp = cache.temp_path("mixes", key, ".json")
    temp.write_text(json.dumps(meta), encoding="utf-8")
    cache.commit(temp, "mixes", key, ".json")
    return result, False
