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
command -v npm >/dev/null 2>&1 || testing+=(npm)  # and Debian's nodejs: the page checkers
if [ ${#testing[@]} -gt 0 ]; then
  echo "==> installing system packages: ${testing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${testing[@]}" >/dev/null
fi
cd "$ROOT"
# The pages' independent checkers (tests/test_accessibility.py): axe-core, run inside
# Chromium, and html-validate (9.x: the last to run on Debian 12's Node 18), from npm into
# .cache/node/ (gitignored); nothing is fetched at test time.
NODE_DIR="$ROOT/.cache/node"
NODE_PACKAGES="axe-core@4.14.1 html-validate@9.7.1"
if [ "$(cat "$NODE_DIR/installed" 2>/dev/null)" != "$NODE_PACKAGES" ]; then
  echo "==> installing from npm into $NODE_DIR: $NODE_PACKAGES"
  mkdir -p "$NODE_DIR"
  # shellcheck disable=SC2086  # one word per package
  npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --loglevel=error $NODE_PACKAGES >/dev/null
  echo "$NODE_PACKAGES" > "$NODE_DIR/installed"
fi
# Real news pages with their expected article texts ship in newspaper4k's sdist: downloaded
# once into .cache/newspaper4k/ (gitignored) and read from there by tests/pages.py.
"$VENV/bin/python" tests/pages.py --fetch >/dev/null
# Lint and import order (ruff), then types (mypy): both configured in pyproject.toml.
echo "==> ruff check, mypy"
"$VENV/bin/ruff" check --quiet src tests bench
"$VENV/bin/mypy" --no-error-summary  # src, tests and bench (pyproject.toml)
exec "$VENV/bin/python" -m pytest "$@"
