#!/usr/bin/env bash
# The main job: experiment 1 (acquisition strategies on the yeast DREAM 2022 promoters) run with papermill.
# Extra arguments go to papermill, e.g. `-p seeds 0 -p device cuda`. Results land in runs/exp1/.
set -euo pipefail
cd "$(dirname "$0")/.."
export S2F_DATA=${S2F_DATA:-$(cd .. && pwd)/shared/data}
export WANDB_MODE=${WANDB_MODE:-disabled}
OUT=${EXP1_OUT:-$(pwd)/runs/exp1}
mkdir -p "$OUT"; rm -f "$OUT/exp1_auc.csv"
.venv/bin/python -m papermill --log-output --cwd nbs nbs/60_exp1_strategy_benchmark.ipynb "$OUT/exp1.ipynb" -p out_dir "$OUT" "$@" 2>&1 \
  | grep --line-buffered -vE '^(Executing|Ending Cell|Executing Cell)' || true
test -s "$OUT/exp1_auc.csv" || { echo "experiment 1 did not finish (see $OUT/exp1.ipynb)" >&2; exit 1; }
echo "notebook with tables and plot: $OUT/exp1.ipynb"
