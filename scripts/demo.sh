#!/usr/bin/env bash
# Install everything briefcast needs and build the bundled demo show into episodes/.
set -euo pipefail
EXTRAS=""  # the demo needs no test tools
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_setup.sh"
cd "$ROOT"
# The demo's articles are dated over three days (front matter): one edition a morning,
# oldest first, each airing that day's stories, so the feed and the show page list three
# different briefings. Extra arguments go to every build (--quiet, --rebuild); with
# --date DAY, only that edition is built. The other days' articles are "left out" (not
# a problem: exit code 0).
DEMO_DATES=(2026-11-24 2026-11-25 2026-11-26)
case " $* " in *" --date"*) DEMO_DATES=("") ;; esac
for date in "${DEMO_DATES[@]}"; do
  "$VENV/bin/briefcast" build --config examples/demo/briefcast.toml \
    ${date:+--date "$date"} "$@"
done
