#!/usr/bin/env bash
# Install and run every check CI runs: notebooks clean, package exported, docs processed, all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --dev
export S2F_DATA=${S2F_DATA:-$(cd .. && pwd)/shared/data}
export S2F_CACHE=${S2F_CACHE:-$(mktemp -d)/s2f_cache}
export WANDB_MODE=${WANDB_MODE:-disabled}
B=.venv/bin
echo "== nbdev-clean (notebooks must already be clean)"
$B/nbdev-clean
git diff --exit-code --stat -- nbs || { echo "nbdev-clean changed notebooks: run nbdev-clean and commit" >&2; exit 1; }
echo "== nbdev-export (s2f_nb/ must match the notebooks)"
$B/nbdev-export
git diff --exit-code --stat -- s2f_nb || { echo "s2f_nb/ differs from the notebooks: run nbdev-export and commit" >&2; exit 1; }
test -z "$(git ls-files --others --exclude-standard -- s2f_nb)" || { git ls-files --others --exclude-standard -- s2f_nb; echo "untracked exported files: git add them" >&2; exit 1; }
echo "== nbdev-proc-nbs (docs pages build)"
$B/nbdev-proc-nbs >/dev/null
echo "== pytest"
$B/python -m pytest -q -n 2 tests
