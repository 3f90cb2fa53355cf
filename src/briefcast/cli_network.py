"""The command line's network commands: ``build --all`` / ``--show`` and picking one show.

Apart from ``cli.py`` so the single-show commands stay short; like it, only argument
handling and printing: the work is in ``network_build``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefcast.config import ShowConfig
from briefcast.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from briefcast.network import Network


def networked(args: argparse.Namespace) -> bool:
    """A network config, or network options: ``--all`` and ``--show`` need a network."""
    from briefcast.network import is_network

    if is_network(args.config):
        if args.command == "build" and not (args.all or args.show or args.dry_run):
            raise UsageError(f"{args.config} is a network: build it with --all, or one show "
                             "with --show NAME")
        if args.command == "build" and args.all and (args.show or args.dry_run):
            raise UsageError("--all builds every show: not with --show or --dry-run")
        return True
    if getattr(args, "all", False) or args.show or getattr(args, "cluster", None):
        raise UsageError(f"{args.config} is one show's config, not a network: --all, --show "
                         "and --cluster need a network config ([shows.NAME] tables)")
    return False


def one_show(network: Network, names: list[str] | None) -> ShowConfig:
    if not names or len(names) != 1:
        raise UsageError(f"{network.path} is a network: name one show with --show NAME")
    show = network.pick(names).shows[0]
    if show.config is None:
        raise ConfigError(show.source, [f"show {show.name!r}: {p}" for p in show.problems])
    return show.config


def build_network_command(network: Network, args: argparse.Namespace,
                          date_for: Callable[[ShowConfig], dt.date]) -> int:
    """Build the network's shows (all, or those named), print each outcome and the report."""
    from briefcast.network_build import ShowOutcome, build_network, write_report
    from briefcast.runners import DaskRunner, LocalRunner, Runner

    if args.output:
        raise UsageError("--output names one show's folder: a network's shows have their own")
    if args.show:
        network = network.pick(args.show)
    address = args.cluster or network.cluster.address
    if address and args.workers:
        raise UsageError("--workers sizes the local pool: not with a cluster")
    runner: Runner = (DaskRunner(address, network.cluster.connect_timeout_s,
                                 network.cluster.cache) if address
                      else LocalRunner(args.workers or network.workers))

    def said(o: ShowOutcome) -> None:
        if o.status == "failed":
            print(f"briefcast: show {o.name} failed: {o.reason}", file=sys.stderr)
            return
        if args.quiet:
            for skipped in o.skipped:
                print(f"briefcast: show {o.name}: skipped {skipped['source']}: "
                      f"{skipped['reason']}", file=sys.stderr)
            return
        minutes, seconds = divmod(round(o.duration_s), 60)
        print(f"{o.status:<10} {o.name}  {o.date}  {o.stories} stories, "
              f"{minutes}:{seconds:02d}, {len(o.skipped)} skipped, {o.tts_calls} "
              f"synthesized, {o.cache_hits} from cache"
              + (" (already published: reused)" if o.reused else f"  [{o.worker}]"))

    if not args.quiet:
        print(f"Building {len(network.shows)} show(s) of {network.name} on {runner.where}",
              file=sys.stderr)
    try:
        report = build_network(network, runner, date_for,
                               args.rebuild, said)
    finally:
        runner.close()
    path = args.report or network.report_path
    write_report(report, path)
    counts = report.counts()
    if not args.quiet or report.exit_code:
        print(f"Network   {network.name}: {counts['published']} published, "
              f"{counts['partial']} partial, {counts['failed']} failed in "
              f"{report.elapsed_s:.1f} s on {report.where}; report {path}",
              file=sys.stderr if args.quiet else sys.stdout)
    return report.exit_code
