"""Command line: parse arguments, load config, call one function, print the outcome.

Exit codes: 0 success, 1 build failed (nothing published changed), 2 config or usage
error, 3 another build holds the output folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import zoneinfo
from pathlib import Path

from briefcast.config import ShowConfig, load_config
from briefcast.errors import BriefcastError

log = logging.getLogger("briefcast")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def today(config: ShowConfig) -> dt.date:
    """Today in the show's time zone; SOURCE_DATE_EPOCH pins the clock for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch
           else dt.datetime.now(dt.timezone.utc))
    return now.astimezone(zoneinfo.ZoneInfo(config.timezone)).date()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefcast", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "build and publish the episode for a date"),
                            ("script", "print the spoken script for a date, make no audio"),
                            ("ingest", "list the articles found and dropped")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--config", type=Path, default=Path("briefcast.toml"))
        cmd.add_argument("--date", type=_date, help="edition date, YYYY-MM-DD (default: today)")
        cmd.add_argument("--output", type=Path, help="output folder (overrides the config)")
        cmd.add_argument("--quiet", action="store_true", help="only errors (for cron)")
    return parser


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r  {stage}: {done}/{total} cues", end=end, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING,
                        format="%(levelname)s %(message)s")
    try:
        config = load_config(args.config)
        if args.output:
            config = config.with_output(args.output)
        for warning in config.warnings:
            log.warning("%s: %s", args.config, warning)
        date = args.date or today(config)
        if args.command == "build":
            return _build(config, date, args.quiet)
        if args.command == "script":
            return _script(config, date)
        return _ingest(config)
    except BriefcastError as exc:
        print(f"briefcast: error: {exc}", file=sys.stderr)
        return exc.exit_code


def _build(config: ShowConfig, date: dt.date, quiet: bool) -> int:
    from briefcast.pipeline import build

    if not quiet:
        print(f"Building {config.title} for {date} into {config.output_dir}", file=sys.stderr)
    report = build(config, date, progress=None if quiet else _progress)
    if quiet:
        return 0
    minutes, seconds = divmod(round(report.duration_s), 60)
    lines = [
        f"Episode   {report.audio_file}  ({report.size_bytes:,} bytes)",
        f"Length    {minutes}:{seconds:02d}  at {report.loudness_lufs:.1f} LUFS, "
        f"true peak {report.true_peak_dbtp:.1f} dBTP",
        f"Stories   {len(report.stories_in)} in, {len(report.skipped)} skipped",
        *[f"  + {t}" for t in report.stories_in],
        *[f"  - {Path(s['source']).name}: {s['reason']}" for s in report.skipped],
        f"Speech    {report.tts_calls} synthesized, {report.cache_hits} from cache",
        "Time      " + ", ".join(f"{k} {v:.1f} s" for k, v in report.timings_s.items()),
        f"Feed      {report.feed}",
        *[f"Warning   {w}" for w in report.warnings],
    ]
    print("\n".join(lines))
    return 0


def _script(config: ShowConfig, date: dt.date) -> int:
    from briefcast.pipeline import _script_markdown, prepare

    prepared = prepare(config, date)
    print(_script_markdown(prepared.script, config.rate_wpm))
    return 0


def _ingest(config: ShowConfig) -> int:
    from briefcast.stages.clean import clean_article
    from briefcast.stages.ingest import ingest_folder
    from briefcast.models import Skipped

    result = ingest_folder(config.sources_folder)
    for article in result.articles:
        cleaned = clean_article(article)
        name = Path(article.source).name
        if isinstance(cleaned, Skipped):
            print(f"DROP  {name}: {cleaned.reason}")
            continue
        print(f"KEEP  {name}: {cleaned.title} ({cleaned.word_count} words, "
              f"{len(cleaned.dropped_lines)} junk lines removed)")
        for line in cleaned.dropped_lines:
            print(f"        junk: {line[:80]}")
    for skipped in result.skipped:
        print(f"SKIP  {Path(skipped.source).name}: {skipped.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
