"""Command line: parse arguments, load config, call one function, print the outcome.

Exit codes: 0 success, 1 build failed (nothing published changed), 2 config or usage
error, 3 another build holds the output folder, 4 published but some articles were
skipped or dropped (the summary and report.json say why; articles of other days and
duplicates are "left out", which is not a problem). A network (``build --all``)
exits with its worst outcome: 0 or 4 when every show published, 5 when some failed and the
others published, and when every show failed their common code (else 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import zoneinfo
from pathlib import Path

from briefcast.cli_network import build_network_command, networked, one_show
from briefcast.config import ShowConfig, load_config
from briefcast.errors import BriefcastError, UsageError
from briefcast.pubdate import LATEST_YEAR, read_date

log = logging.getLogger("briefcast")
EXIT_PARTIAL = 4


def _date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None
    if problem := read_date(day, dt.UTC).problem:  # the window's arithmetic needs it
        raise argparse.ArgumentTypeError(f"{value}: {problem}")
    return day


def _now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.datetime.now(dt.UTC)
    try:
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if int(epoch) < 0 or when.year > LATEST_YEAR:
            raise ValueError(epoch)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a time in seconds since "
                         f"1970-01-01 UTC (up to the year {LATEST_YEAR})") from None
    return when


def open_window_note(config: ShowConfig, date: dt.date) -> str | None:
    """A word when the edition's window is still open: later articles will miss it."""
    from briefcast.stages.ingest import edition_window

    end = edition_window(config, date).end
    ahead = end - _now()
    if ahead <= dt.timedelta(hours=1):
        return None
    return (f"the {date} edition takes articles until {end:%Y-%m-%d %H:%M} "
            f"({config.timezone}), {ahead.total_seconds() / 3600:.0f} h from now: "
            "articles published after this build will not be in it")


LATE_START = dt.timedelta(hours=3)  # a build this late after publish time is still today's
# Feed validators call a date more than a day after the time they read the feed
# implausible; the next edition (``today``) is never more than 21 hours ahead.
FUTURE_LIMIT = dt.timedelta(hours=24)


def future_date_warning(config: ShowConfig, date: dt.date) -> str | None:
    """A warning when the edition's publish time is more than a day ahead: it goes into
    the feed now, dated then."""
    from briefcast.stages.publish import publish_datetime

    when = publish_datetime(date, config)
    ahead = when - _now()
    if ahead <= FUTURE_LIMIT:
        return None
    return (f"the {date} edition is dated {when:%Y-%m-%d %H:%M} UTC, "
            f"{ahead.total_seconds() / 3600:.0f} h from now: podcast apps list it as soon as "
            "the feed is published, and feed validators call a date more than 24 h ahead "
            "implausible; build an edition within a day of its publish time")


def today(config: ShowConfig) -> dt.date:
    """The next edition to make: the first whose publish time, plus a 3-hour grace for a
    late start, is still ahead (in the show's time zone).

    For a 06:00 show: run at 05:30, or at 08:00 after a missed night, it is this morning's
    episode; run at 17:30 or 23:00, tomorrow morning's. SOURCE_DATE_EPOCH pins the clock.
    """
    from briefcast.stages.publish import publish_datetime

    now = _now()
    local = now.astimezone(zoneinfo.ZoneInfo(config.timezone)).date()
    # in real time, not wall-clock arithmetic: exact across daylight-saving changes
    return next(date for date in (local + dt.timedelta(days=n) for n in range(-1, 3))
                if publish_datetime(date, config) + LATE_START > now)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefcast", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "build and publish the episode for a date"),
                            ("script", "print the spoken script for a date, make no audio"),
                            ("ingest", "list the articles found and dropped")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--config", type=Path, default=Path("briefcast.toml"),
                         help="the show's TOML file (default: ./briefcast.toml)")
        cmd.add_argument("--date", type=_date, help="edition date, YYYY-MM-DD (default: the next edition; one whose "
                                  "publish time passed under 3 hours ago still counts)")
        cmd.add_argument("--output", type=Path, help="output folder (overrides the config)")
        cmd.add_argument("--quiet", action="store_true", help="print only problems: errors, skipped articles, warnings (for cron)")
        _show_option(cmd)
        if name == "build":
            cmd.add_argument("--all", action="store_true",
                             help="build every show of the network config")
            cmd.add_argument("--cluster", metavar="ADDRESS",
                             help="build the shows on this Dask scheduler's workers "
                                  "(overrides [cluster] address)")
            cmd.add_argument("--workers", type=int, metavar="N",
                             help="local worker processes for --all (default: one per core)")
            cmd.add_argument("--report", type=Path, metavar="FILE",
                             help="where the network report goes (default: [network] report)")
            cmd.add_argument("--rebuild", action="store_true",
                             help="make the episode again even if this date is published "
                                  "(it keeps its GUID and publication date)")
            cmd.add_argument("--dry-run", action="store_true",
                             help="ingest, clean, condense and compose, print the script and "
                                  "warnings; make no audio and write nothing")
    init = sub.add_parser("init", help="create a new show's folder: a commented config, an "
                          "example article and a lexicon (never overwrites a file)")
    init.add_argument("folder", nargs="?", type=Path, default=Path("."),
                      help="where to create it (default: the current folder)")
    init.add_argument("--quiet", action="store_true", help="print only problems")
    check = sub.add_parser("check", help="validate the published feed and the files it names")
    check.add_argument("--config", type=Path, default=Path("briefcast.toml"),
                       help="the show's TOML file (default: ./briefcast.toml)")
    check.add_argument("--output", type=Path, help="output folder (overrides the config)")
    check.add_argument("--quiet", action="store_true", help="print only problems")
    _show_option(check)
    serve = sub.add_parser("serve", help="serve the output folder over HTTP for podcast apps")
    serve.add_argument("--config", type=Path, help="show config (default: briefcast.toml; "
                       "not needed with --output)")
    serve.add_argument("--output", type=Path, help="folder to serve (overrides the config)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    serve.add_argument("--quiet", action="store_true", help="do not log requests")
    _show_option(serve)
    serve.add_argument("--no-rewrite", action="store_true",
                       help="send the feed and pages exactly as published (behind a proxy "
                            "that serves the public base_url)")
    return parser


def _show_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--show", action="append", metavar="NAME",
                     help="one show of a network config (build: repeat for several)")


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(f"\r  {stage}: {done}/{total} cues", end=end, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING,
                        format="%(levelname)s %(message)s")
    try:
        if args.command == "init":
            return _init(args.folder, args.quiet)
        if args.command == "serve" and args.output and args.config is None:
            return _serve(args.output, args.host, args.port, args.quiet)
        args.config = args.config or Path("briefcast.toml")
        if networked(args):
            from briefcast.network import load_network

            network = load_network(args.config)
            for warning in network.warnings:
                log.warning("%s: %s", args.config, warning)
            if args.command == "build" and not args.dry_run:
                return build_network_command(network, args, lambda c: args.date or today(c))
            config = one_show(network, args.show)
        else:
            config = load_config(args.config)
        if args.output:
            config = config.with_output(args.output)
        for warning in config.warnings:
            log.warning("%s: %s", args.config, warning)
        if args.command == "check":
            return _check(config, args.quiet)
        if args.command == "serve":
            return _serve(config.output_dir, args.host, args.port, args.quiet,
                          None if args.no_rewrite else config.base_url)
        date = args.date or today(config)
        if args.command == "build" and (ahead := future_date_warning(config, date)):
            print(f"briefcast: warning: {ahead}", file=sys.stderr)
        if args.command == "build" and args.dry_run:
            return _script(config, date, dry_run=True)
        if args.command == "build":
            return _build(config, date, args.quiet, args.rebuild)
        if args.command == "script":
            return _script(config, date)
        return _ingest(config, date)
    except BriefcastError as exc:
        print(f"briefcast: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # disk full, read-only or vanished output folder, permissions
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"briefcast: error: cannot write{where}: {exc.strerror or exc}. The feed "
              "is replaced last, so the published feed still names only files that exist; "
              "`briefcast check` confirms it", file=sys.stderr)
        return 1


def _build(config: ShowConfig, date: dt.date, quiet: bool, rebuild: bool = False) -> int:
    from briefcast.pipeline import build

    if not quiet:
        print(f"Building {config.title} for {date} into {config.output_dir}", file=sys.stderr)
    note = open_window_note(config, date)
    if note and not quiet:
        print(f"briefcast: note: {note}", file=sys.stderr)
    report = build(config, date, progress=None if quiet else _progress, rebuild=rebuild)
    status = EXIT_PARTIAL if report.skipped else 0
    if quiet:
        for skipped in report.skipped:
            print(f"briefcast: skipped {skipped['source']}: {skipped['reason']}", file=sys.stderr)
        for warning in report.warnings:  # pronunciation notes are for review, not for cron
            if not warning.startswith("pronunciation:"):
                print(f"briefcast: warning: {warning}", file=sys.stderr)
        return status
    minutes, seconds = divmod(round(report.duration_s), 60)
    if report.reused:
        print(f"Reused    the episode already published for {date}: {report.audio_file}\n"
              "          (feed and pages brought up to date; --rebuild makes it again)")
    lines = [
        f"Episode   {report.audio_file}  ({report.size_bytes:,} bytes)",
        f"Length    {minutes}:{seconds:02d}  at {report.loudness_lufs:.1f} LUFS, "
        f"true peak {report.true_peak_dbtp:.1f} dBTP",
        f"Stories   {len(report.stories_in)} in, {len(report.skipped)} skipped"
        + (f", {len(report.left_out)} left out (other days' or duplicates; report.json "
           "lists them)" if report.left_out else ""),
        *[f"  + {t}" for t in report.stories_in],
        *[f"  - {s['source']}: {s['reason']}" for s in report.skipped],
        *([f"Held      {len(report.held)} more usable (the show airs {config.story_count}, "
             "in file-name order, folder before feeds): " + ", ".join(report.held)]
          if report.held else []),
        f"Speech    {report.tts_calls} synthesized, {report.cache_hits} from cache",
        *(["Time      " + ", ".join(f"{k} {v:.1f} s" for k, v in report.timings_s.items())]
          if report.timings_s else []),
        f"Feed      {config.output_dir / 'feed.xml'}  ({report.feed})",
        *([f"Archived  {', '.join(report.archived)} (left the feed; audio kept in archive/)"]
          if report.archived else []),
        *[f"Warning   {w}" for w in report.warnings],
    ]
    print("\n".join(lines))
    return status


def _init(folder: Path, quiet: bool) -> int:
    from briefcast.scaffold import create_show

    written = create_show(folder)
    if quiet:
        return 0
    for path in written:
        print(f"Created   {path}")
    config = folder / "briefcast.toml"
    print(f"Next: edit [show] in {config}, put articles in {folder / 'articles'}, then\n"
          f"  briefcast script --config {config}   # read the script\n"
          f"  briefcast build --config {config}    # make and publish the episode")
    return 0


def _check(config: ShowConfig, quiet: bool) -> int:
    from briefcast.validate import FEED_NAME, validate_output

    feed = config.output_dir / FEED_NAME
    problems = validate_output(config.output_dir, config.base_url)
    if problems:
        print(f"{feed}: {len(problems)} problem(s):")
        print("\n".join(f"  - {p}" for p in problems))
        return 1
    if not quiet:
        print(f"{feed}: valid")
    return 0


def _serve(root: Path, host: str, port: int, quiet: bool, base_url: str | None = None) -> int:
    from briefcast.serve import make_server

    server = make_server(root, host, port, base_url)
    if not quiet:
        logging.getLogger("briefcast.serve").setLevel(logging.INFO)
    bound_host, bound_port = server.server_address[:2]
    if isinstance(bound_host, bytes):
        bound_host = bound_host.decode()
    print(f"Serving {root.resolve()} at http://{bound_host}:{bound_port}/ "
          "(Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _script(config: ShowConfig, date: dt.date, dry_run: bool = False) -> int:
    """Print the script (stdout) and what to review before air (stderr); write nothing.

    The script is composed exactly as the build will compose it, with the voices' measured
    pace: from the cache, or timed now (three short syntheses per voice, kept nowhere).
    """
    import tempfile

    from briefcast.backends.engines import make_engine
    from briefcast.cache import Cache
    from briefcast.pipeline import check_voices, voice_paces
    from briefcast.prepare import held_back, prepare, script_markdown
    from briefcast.sound import sound_seconds
    from briefcast.stages.pacing import cached_pace, estimate_seconds, nominal_pace

    check_voices(config, remember=False)  # writes nothing
    extra_s = sound_seconds(config.sound)
    engine = make_engine(config.voices)
    try:
        cache = Cache(config.cache_dir)
        voices = [v.name for v in config.voices]
        if all(cached_pace(engine.fingerprint(v), v, config.rate_wpm, cache,
                              config.language) for v in voices):
            paces, problems = voice_paces(config, engine, cache)
        else:
            with tempfile.TemporaryDirectory(prefix="briefcast-script-") as scratch:
                paces, problems = voice_paces(config, engine, Cache(Path(scratch)))
    finally:
        engine.close()
    prepared = prepare(config, date, paces, extra_s)
    estimate = estimate_seconds(prepared.script, prepared.paces or {
        config.voice: nominal_pace(config.rate_wpm)}, extra_s)
    print(script_markdown(prepared.script, config.rate_wpm, estimate, bool(paces)))
    for skipped in prepared.skipped:
        kind = "left out" if skipped.left_out else "skipped"
        print(f"briefcast: {kind} {skipped.source}: {skipped.reason}", file=sys.stderr)
    for warning in problems + list(prepared.notes + prepared.warnings):
        print(f"briefcast: warning: {warning}", file=sys.stderr)
    if dry_run:
        held = held_back(prepared)
        print(f"Dry run: {len(prepared.script.stories)} stories, {len(prepared.skipped)} "
              f"skipped, about {estimate / 60:.1f} minutes; no audio made, nothing written "
              f"to {config.output_dir}", file=sys.stderr)
        if held:
            print(f"Held back (the show airs {config.story_count}): {', '.join(held)}",
                  file=sys.stderr)
    return 0


def _ingest(config: ShowConfig, date: dt.date) -> int:
    from briefcast.models import Skipped
    from briefcast.prepare import clean_for_show, selected, source_label
    from briefcast.stages.ingest import ingest

    result = ingest(config, date)
    print(f"Sources for {date} ({config.timezone})")
    for article in result.articles:
        cleaned = clean_for_show(article, config)
        if isinstance(cleaned, Skipped):
            print(f"DROP  {source_label(article.source)}: {cleaned.reason}")
            continue
        if not selected(config, article, cleaned):
            print(f"OTHER {source_label(article.source)}: {cleaned.title} (not in this "
                  "show's [select])")
            continue
        facts = [f"{cleaned.word_count} words",
                 f"{len(cleaned.dropped_lines)} junk lines removed"]
        if article.published:
            facts.append(f"published {article.published.isoformat()}")
        facts += [f"by {article.author}"] if article.author else []
        facts += [f"language {article.language}"] if article.language else []
        facts += [f"decoded as {article.encoding}"] if article.encoding else []
        print(f"KEEP  {source_label(article.source)}: {cleaned.title} ({', '.join(facts)})")
        if article.url and article.url != article.source:
            print(f"        url: {article.url}")
        if article.date_note:
            print(f"        note: {article.date_note}; taken as undated")
        for line in cleaned.dropped_lines:
            print(f"        junk: {line[:80]}")
    for skipped in result.skipped:
        print(f"{'LEFT' if skipped.left_out else 'SKIP'}  {source_label(skipped.source)}: "
              f"{skipped.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
