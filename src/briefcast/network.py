"""A newsroom network: many shows from one pool of articles, in one TOML file or a folder.

A network file is a show's config (any of its tables, shared by every show: the outlet,
the sources, the voice, the output's cache) plus ``[shows.NAME]`` tables, each holding the
tables that make one show different (``[shows.sports.show]`` with its title,
``[shows.sports.select]`` with what it airs, its own ``[voice]``, ``[briefing]``...). A
folder works the same way: its ``network.toml`` (optional) holds the shared tables, and
every other ``*.toml`` in it is one show, named by its file name; an existing single-show
config dropped into the folder is a show as it is.

Each show is the shared tables with its own merged over them (table by table, key by key),
validated by the single show's schema (:func:`briefcast.config.parse_config`), so a
network show is exactly a show. Unless a show says otherwise, it writes to
``<output.folder>/<name>/`` and is served at ``<show.base_url><name>/``. Paths are relative
to the file that gives them.

Problems are collected, never one at a time: a show whose table is wrong is reported with
all its problems and left out of the night while the others build; problems of the
network itself (its own tables, two shows writing one folder or one feed URL) refuse the
whole network before anything is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefcast.backends.piper import is_path
from briefcast.config import (
    SCHEMA,
    ShowConfig,
    _did_you_mean,
    parse_config,
    read_tables,
    read_toml,
)
from briefcast.config_checks import int_range as _int_range, num_range as _num_range, text as _str
from briefcast.errors import ConfigError

NETWORK_FILE = "network.toml"  # a folder network's shared tables
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_ADDRESS = re.compile(r"^(tcp|tls|inproc|ucx|ws|wss)://\S+$|^[\w.-]+:\d{1,5}$")


def _address(v: Any) -> str | None:
    if isinstance(v, str) and _ADDRESS.match(v):
        return None
    return "must be a Dask scheduler address such as tcp://10.0.0.5:8786"


# The network's own tables, checked like a show's (config.read_tables).
NETWORK_SCHEMA: dict[str, dict[str, tuple[Any, Any]]] = {
    "network": {
        "name": (None, _str),  # for the report; default: the file's or folder's name
        "workers": (None, _int_range(1, 512)),  # local processes; default: one per core
        "report": ("network-report.json", _str),  # the night's network report (JSON)
    },
    "cluster": {
        "address": (None, _address),  # a Dask scheduler: each show is built on its workers
        "cache": (None, _str),  # the speech cache as the workers see it (a shared path)
        "connect_timeout": (5, _num_range(0.5, 120)),  # seconds to reach the scheduler
    },
}


@dataclass(frozen=True)
class ClusterSettings:
    address: str | None
    cache: str | None  # a path on the workers; None: each worker's own cache folder
    connect_timeout_s: float


@dataclass(frozen=True)
class NetworkShow:
    """One show of the network: its config, or the problems that keep it off the air."""

    name: str
    source: Path  # the file whose table defines it
    config: ShowConfig | None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Network:
    path: Path  # the network file, or the folder
    name: str
    shows: tuple[NetworkShow, ...]
    workers: int | None
    report_path: Path
    cluster: ClusterSettings
    warnings: tuple[str, ...] = ()

    def pick(self, names: list[str]) -> Network:
        """The network restricted to ``names`` (``--show``); an unknown name is an error."""
        known = {s.name for s in self.shows}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError(self.path, [
                f"no show called {n!r}{_did_you_mean(n, known)} (shows: "
                f"{', '.join(sorted(known))})" for n in unknown])
        return replace(self, shows=tuple(s for s in self.shows if s.name in names))


def is_network(path: Path) -> bool:
    """A folder, or a file with ``[shows]`` or ``[network]``: not a single show's config."""
    if path.is_dir():
        return True
    try:
        raw = read_toml(path)
    except ConfigError:
        return False  # load_config reports it
    return "shows" in raw or "network" in raw


def load_network(path: Path) -> Network:
    """Read a network file or folder; raise ConfigError for problems of the network itself.

    A show with problems comes back with them (``NetworkShow.problems``), not as an error:
    the other shows still build.
    """
    path = Path(path)
    errors: list[str] = []
    tables: dict[str, tuple[Any, Path]] = {}
    shared_file = path / NETWORK_FILE if path.is_dir() else path
    shared = read_toml(shared_file) if shared_file.is_file() or not path.is_dir() else {}
    if path.is_dir():
        for file in sorted(path.glob("*.toml")):
            if file.name != NETWORK_FILE:
                try:
                    tables[file.stem] = (read_toml(file), file)
                except ConfigError as exc:
                    errors += [f"{file.name}: {p}" for p in exc.problems]
    tables.update(_show_tables(shared.get("shows"), shared_file, errors))
    values, problems, warnings = read_tables(shared, NETWORK_SCHEMA)
    errors += problems
    known = set(SCHEMA) | set(NETWORK_SCHEMA) | {"shows"}
    warnings += [f"unknown table [{t}] ignored{_did_you_mean(t, known)}"
                 for t in shared if t not in known]
    if not tables:
        errors.append("the network has no shows: add [shows.NAME] tables"
                      + (f" or NAME.toml files to {path}" if path.is_dir() else ""))
    base = shared_file.parent.resolve()
    defaults = _absolute({t: v for t, v in shared.items() if t in SCHEMA}, base)
    shows = tuple(_show(name, table, source, defaults)
                  for name, (table, source) in tables.items())
    errors += _collisions(shows)
    if errors:  # the network's own problems come with every show's, all at once
        raise ConfigError(path, errors + [f"show {s.name!r}: {p}" for s in shows
                                          for p in s.problems])
    network = values["network"]
    cluster = values["cluster"]
    return Network(
        path=path.resolve(),
        name=network["name"] or (path.name if path.is_dir() else path.stem),
        shows=shows,
        workers=network["workers"],
        report_path=base / network["report"],
        cluster=ClusterSettings(cluster["address"], cluster["cache"],
                                float(cluster["connect_timeout"])),
        warnings=tuple(warnings),
    )


def _show_tables(raw: Any, path: Path, errors: list[str]) -> dict[str, tuple[Any, Path]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.append("[shows] must be a table of shows ([shows.NAME])")
        return {}
    return {name: (table, path) for name, table in raw.items()}


def _show(name: str, table: Any, source: Path, defaults: dict[str, Any]) -> NetworkShow:
    """One show: the shared tables with its own merged over them, validated as a show."""
    if not _NAME.match(name):
        return NetworkShow(name, source, None, (
            "a show's name is its folder's: lowercase letters, digits, '-' and '_' "
            "(up to 63), starting with a letter or digit",))
    if not isinstance(table, dict):
        return NetworkShow(name, source, None, (f"[shows.{name}] must be a table",))
    own = _absolute(table, source.parent.resolve())
    merged = {t: dict(v) if isinstance(v, dict) else v for t, v in defaults.items()}
    for t, v in own.items():
        if isinstance(v, dict) and isinstance(merged.get(t), dict):
            merged[t] = {**merged[t], **v}
        else:
            merged[t] = v
    output, show = merged.setdefault("output", {}), merged.setdefault("show", {})
    if isinstance(output, dict):
        for key in ("folder", "private"):  # shared folders: one subfolder a show
            if key not in _table(own, "output") and (key == "folder" or key in output):
                output[key] = str(Path(output.get(key, "episodes")) / name)
    if isinstance(show, dict) and "base_url" not in _table(own, "show") and \
            isinstance(show.get("base_url"), str):
        show["base_url"] = show["base_url"].rstrip("/") + f"/{name}/"
    try:
        config = parse_config(merged, source)
    except ConfigError as exc:
        return NetworkShow(name, source, None, tuple(exc.problems))
    return NetworkShow(name, source, config)


def _table(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name)
    return value if isinstance(value, dict) else {}


# table -> keys whose string values are paths, made absolute against the file giving them
_PATHS = {"show": ("artwork",), "sources": ("folder",),
          "output": ("folder", "cache", "private"),
          "script": ("lexicon",), "audio": ("sting", "bed")}


def _absolute(tables: dict[str, Any], base: Path) -> dict[str, Any]:
    """``tables`` with relative paths made absolute against ``base``, so tables from two
    files (the network's and a show's) can be merged."""
    out: dict[str, Any] = {}
    for name, table in tables.items():
        if not isinstance(table, dict):
            out[name] = table
            continue
        table = dict(table)
        for key in _PATHS.get(name, ()):
            if isinstance(table.get(key), str) and table[key].strip():
                table[key] = str(base / table[key])
        if name == "sources" and isinstance(table.get("feeds"), list):
            table["feeds"] = [f if not isinstance(f, str) or "://" in f else str(base / f)
                              for f in table["feeds"]]
        if name == "voice":
            for key in ("name", "second_name"):
                if isinstance(table.get(key), str) and is_path(table[key]):
                    table[key] = str(base / table[key])
        out[name] = table
    return out


def _collisions(shows: tuple[NetworkShow, ...]) -> list[str]:
    """Two shows that would write one folder (output or private, or one inside the other)
    or one feed URL."""
    problems = []
    folders: dict[Path, str] = {}
    feeds: dict[str, str] = {}
    for show in shows:
        if show.config is None:
            continue
        for folder in dict.fromkeys((show.config.output_dir, show.config.private_dir)):
            if folders.get(folder, show.name) != show.name:
                problems.append(f"shows {folders[folder]!r} and {show.name!r} both write to "
                                f"{folder}")
            folders.setdefault(folder, show.name)
        feed = show.config.feed_url
        if feed in feeds:
            problems.append(f"shows {feeds[feed]!r} and {show.name!r} both publish the feed "
                            f"{feed}")
        feeds.setdefault(feed, show.name)
    for folder, name in folders.items():  # a show's folder inside another's
        outer = next((p for p in folder.parents if folders.get(p, name) != name), None)
        if outer is not None:
            problems.append(f"show {name!r} writes inside the folder of show "
                            f"{folders[outer]!r} ({folder} is in {outer})")
    return problems
