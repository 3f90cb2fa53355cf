#!/usr/bin/env bash
# Install everything briefcast and its tests need, then run the whole test suite.
set -euo pipefail
EXTRAS=test
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_setup.sh"
cd "$ROOT"
exec "$VENV/bin/python" -m pytest "$@"
