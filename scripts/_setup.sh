# Sourced by demo.sh and test.sh: system tools, a virtualenv, the package. Idempotent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BRIEFCAST_VENV:-$ROOT/.venv}"

need=()
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v flite >/dev/null 2>&1 || need+=(flite)  # optional engine: voice.engine = "flite"
command -v text2wave >/dev/null 2>&1 || need+=(festival)  # voice.engine = "festival"
[ -d /usr/share/festival/voices/us/cmu_us_slt_arctic_hts ] || need+=(festvox-us-slt-hts)
[ -f /usr/share/dict/words ] || need+=(wamerican)  # word lists of the pronunciation check
[ -f /usr/share/dict/british-english ] || need+=(wbritish)
[ -f /usr/share/dict/ngerman ] || need+=(wngerman)  # German, Spanish and French shows
[ -f /usr/share/dict/spanish ] || need+=(wspanish)
[ -f /usr/share/dict/french ] || need+=(wfrench)
ldconfig -p 2>/dev/null | grep -q libespeak-ng || need+=(libespeak-ng1)
if ! command -v python3 >/dev/null 2>&1; then need+=(python3 python3-venv); fi
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  need+=(python3-venv)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "==> installing system packages: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"briefcast needs Python 3.11 or newer; python3 is {sys.version.split()[0]}")
PY

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtualenv $VENV"
  python3 -m venv "$VENV"
fi
echo "==> installing briefcast into $VENV"
spec="$ROOT"
if [ -n "${EXTRAS-}" ]; then spec="$ROOT[$EXTRAS]"; fi  # test.sh: EXTRAS=test; demo: none
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$spec"
