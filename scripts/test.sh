#!/usr/bin/env bash
# Install everything briefcast and its tests need, then run the whole test suite.
set -euo pipefail
EXTRAS=test
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/_setup.sh"
# The page tests drive Debian's headless Chromium through its own chromedriver (tests only:
# demo.sh does not need a browser).
browser=()
command -v chromium >/dev/null 2>&1 || browser+=(chromium)
command -v chromedriver >/dev/null 2>&1 || browser+=(chromium-driver)
if [ ${#browser[@]} -gt 0 ]; then
  echo "==> installing system packages: ${browser[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null
fi
cd "$ROOT"
exec "$VENV/bin/python" -m pytest "$@"
