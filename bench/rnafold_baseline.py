"""RNAfold (ViennaRNA MFE) base-pair F1 on the built-in structure tasks: the baseline a structure model must beat.

Per record: exact-pair precision, recall and F1 (and F1 allowing a ±1 shift at one end), averaged over records; the
test split's mean separately (bpRNA-90 short: its hash split; ArchiveII: fold 0), and per family where the task has
one. Published anchors for small one-hot networks: F1 ≈ 0.34 on bpRNA TS0 (a different, harder set) and ≈ 0.51 on
ArchiveII (5-fold). Folding is single-threaded; the last line is the mean F1 of each set with the time it took.
Usage: S2F_DATA=../shared/data .venv/bin/python bench/rnafold_baseline.py [bprna90_short archiveII] [--limit N] [--out DIR]
"""
import argparse, os, platform, time
import numpy as np, pandas as pd
from s2f_nb.core import write_csv
from s2f_nb.data.load import load_task
from s2f_nb.data.rna import raw_sequences, task_pairs, rnafold_pairs, pair_f1_table

p = argparse.ArgumentParser()
p.add_argument('tasks', nargs='*', default=['bprna90_short', 'archiveII'])
p.add_argument('--limit', type=int, default=None, help='first N records only (a quick look)')
p.add_argument('--out', default=None, help='write per-record tables here')
a = p.parse_args()
print(f'RNAfold {__import__("RNA").__version__} on {platform.processor() or platform.machine()}, one thread', flush=True)
last = []
for name in a.tasks:
    td = load_task(name); idx = np.arange(len(td) if a.limit is None else min(a.limit, len(td)))
    t = time.perf_counter()
    preds = [rnafold_pairs(s) for s in raw_sequences(td, idx)]
    secs = time.perf_counter() - t
    trues = task_pairs(td, idx, padded=False)
    tab = pair_f1_table(preds, trues)
    tab['f1_shift'] = pair_f1_table(preds, trues, shift=True)['f1'].to_numpy()
    split = td.meta['fold0'] if 'fold0' in td.meta else td.meta['split']
    tab['split'] = split.to_numpy()[idx]
    if 'family' in td.meta: tab['family'] = td.meta['family'].to_numpy()[idx]
    m = tab[['precision', 'recall', 'f1', 'f1_shift']].mean()
    print(f"{name}: {len(idx):,} records in {secs:.0f} s; precision {m.precision:.3f} recall {m.recall:.3f} F1 {m.f1:.3f} "
          f"(±1 shift {m.f1_shift:.3f}); test split F1 {tab.loc[tab.split == 'test', 'f1'].mean():.3f}", flush=True)
    if 'family' in tab: print('  by family: ' + ', '.join(f'{k} {v:.3f}' for k, v in tab.groupby('family')['f1'].mean().items()))
    if a.out: write_csv(os.path.join(a.out, f'rnafold_{name}.csv'), tab)
    last.append(f'{name} {m.f1:.3f} ({secs:.0f} s)')
print('RNAfold mean base-pair F1: ' + '; '.join(last))
