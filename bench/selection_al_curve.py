"""Does selecting on a reduced pool cost learning? Active-learning curves of k-center and LCMD, exact vs `reduce_pool`.

At 1M rows (`acquisition_scaling.py --large`) exact k-center and BADGE run within 10 s, LCMD only on a subsample of
1/5 of the pool (max_pool 200k of 1M). Here the same ratio is applied in a loop that can be run on two cores: yeast
DREAM promoters (measured labels as the oracle), 3-member CNN students, a pool of 12,000, 300 initial labels and 5
rounds of 150, so 'lcmd:max_pool=2400' against 'lcmd', paired by seed (`--reduce dims=16,max_pool=2400`,
`--strategies lcmd,kcenter` for other rows).
Prints the per-strategy curves, the paired AUC / final test-Pearson differences of each reduced variant from its
exact strategy with 95 % intervals, and (last line) whether every interval lies within the stated tolerance.
Usage: S2F_DATA=../shared/data .venv/bin/python bench/selection_al_curve.py [--seeds 5] [--tolerance 0.01] [--reduce max_pool=2400] [--strategies lcmd]
"""
import argparse, platform, time
import numpy as np, pandas as pd, torch
from s2f_nb.loop.benchmark import strategy_benchmark, Budget, BenchSplit, StudentRecipe, curve_auc, ci95

p = argparse.ArgumentParser()
p.add_argument('--seeds', type=int, default=5); p.add_argument('--tolerance', type=float, default=0.01)
p.add_argument('--out', default='runs/selection_al'); p.add_argument('--reduce', default='max_pool=2400')
p.add_argument('--strategies', default='lcmd')
a = p.parse_args()
pairs = [(s, f'{s}:{a.reduce}') for s in a.strategies.split(',')]
t0 = time.perf_counter()
res = strategy_benchmark('yeast_dream2022_test', [s for pr in pairs for s in pr], seeds=range(a.seeds),
                         budget=Budget(n_initial=300, n_rounds=5, batch_size=150, pool_size=12000),
                         split=BenchSplit(n_test=5000, n_val=1000, n_train=12300), student=StudentRecipe(), out_dir=a.out)
print(f'{len(res)} rounds in {time.perf_counter() - t0:.0f} s on {platform.processor() or platform.machine()}, {torch.get_num_threads()} threads')
with pd.option_context('display.width', 200):
    print(res.pivot_table(index='n_labeled', columns='strategy', values='test_pearson', aggfunc='mean').round(4))
worst = 0.0
for exact, red in pairs:
    per = {s: res[res.strategy == s].groupby('seed') for s in (exact, red)}
    auc = {s: g.apply(curve_auc) for s, g in per.items()}
    fin = {s: g.apply(lambda d: d.sort_values('n_labeled')['test_pearson'].iloc[-1]) for s, g in per.items()}
    for what, v in (('AUC', auc), ('final', fin)):
        d = v[red] - v[exact]; h = ci95(d)
        worst = max(worst, abs(d.mean()) + h)
        print(f'{red} - {exact}: {what} {d.mean():+.4f} ± {h:.4f} (95 % CI, {len(d)} seeds)')
print(f'reduced-pool selection within ±{a.tolerance} test Pearson of exact (every 95 % interval inside): {worst <= a.tolerance} (largest |mean| + half-width {worst:.4f})')
