#!/usr/bin/env bash
# Install everything briefcast needs and build the bundled demo show into episodes/.
set -euo pipefail
EXTRAS=""  # the demo needs no test tools
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_setup.sh"
cd "$ROOT"
"$VENV/bin/briefcast" build --config examples/demo/briefcast.toml "$@"
