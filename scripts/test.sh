#!/usr/bin/env bash
# Install everything briefcast and its tests need, then run the whole test suite.
set -euo pipefail
EXTRAS=test
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_setup.sh"
# Tests only (demo.sh needs neither): the page tests drive Debian's headless Chromium
# through its own chromedriver, and a real podcast client (gPodder's gpo) subscribes to
# `briefcast serve`.
testing=()
command -v chromium >/dev/null 2>&1 || testing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || testing+=(chromium-driver)
command -v gpo >/dev/null 2>&1 || testing+=(gpodder)
if [ ${#testing[@]} -gt 0 ]; then
  echo "==> installing system packages: ${testing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${testing[@]}" >/dev/null
fi
cd "$ROOT"
# Real news pages with their expected article texts ship in newspaper4k's sdist: downloaded
# once into .cache/newspaper4k/ (gitignored) and read from there by tests/pages.py.
"$VENV/bin/python" tests/pages.py --fetch >/dev/null
# Lint and import order (ruff), then types (mypy): both configured in pyproject.toml.
echo "==> ruff check, mypy"
"$VENV/bin/ruff" check --quiet src tests bench
"$VENV/bin/mypy" --no-error-summary  # src, tests and bench (pyproject.toml)
exec "$VENV/bin/python" -m pytest "$@"
