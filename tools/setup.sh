#!/usr/bin/env bash
# Set up s2f_nb on a fresh machine: BLAST+, MMseqs2 and Chromium (Debian), a .venv with the CPU torch wheel and the package.
#   bash tools/setup.sh        # runtime
#   bash tools/setup.sh --dev  # + nbdev, pytest, jupyterlab
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian tools: BLAST+ (hashFrag homology splits), MMseqs2 (homology splits that scale) and Chromium (headless check of the HTML campaign reports)
need=""
{ command -v blastn >/dev/null 2>&1 && command -v makeblastdb >/dev/null 2>&1; } || need="$need ncbi-blast+"
command -v mmseqs >/dev/null 2>&1 || need="$need mmseqs2"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
if [ -n "$need" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
  else
    echo "warning:$need not installed (no apt-get): homology splits need BLAST+ / MMseqs2, report checks need Chromium" >&2
  fi
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
# CPU torch wheel (GPU users: install your own torch build first; this pin is for CPU machines only)
.venv/bin/python -c "import torch" 2>/dev/null || .venv/bin/python -m pip install -q torch==2.13.0 2>&1 | grep -v '^WARNING: Location' || true
extra=""; [ "${1:-}" = "--dev" ] && extra="[dev]"
.venv/bin/python -m pip install -q -e ".${extra}" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import s2f_nb, torch; print('s2f_nb', s2f_nb.__version__, '| torch', torch.__version__)"
