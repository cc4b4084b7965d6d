"""Reproduction runs of issue 3 on real data (CPU by default; `--device cuda --full` for the full DREAM-RNN).

1. Yeast DREAM 2022 test set (71,103 measured promoters), seeded random 80/10/10 split (seed 0):
   DeepSTARR with the DeepSTARR recipe, and DREAM-RNN (reduced on CPU: 64 conv channels, 32 LSTM units; full size with
   --full) with Prix Fixe's trainer (OneCycle to 5e-3, weight decay 0.01, forward/RC test-time averaging) and its
   1x1-conv regression head (the test-set labels are MAUDE expression values, not 0-17 bins).
2. The DeepSTARR recipe (AdamW 2e-3, wd 1e-4, batch 128, <= 30 epochs, patience 10 on val Pearson mean, val fraction
   0.1 seed 1234) on the human lentiMPRA WTC11 LegNet folds (train on fold 2 minus the 10 % validation, test on fold 1)
   and on the Agarwal 2025 joint library (K562, HepG2, WTC11 outputs; test = 10 % seed 0).
Artifacts go to runs/repro/<name>/ (model.pt, metrics.json, log.jsonl); a summary table is printed at the end.
Usage: S2F_DATA=../shared/data .venv/bin/python bench/reproduce_training.py [--only yeast,wtc11,joint] [--yeast-epochs 12 8]
"""
import argparse, json, platform, os, time
import numpy as np, torch
from s2f_nb.data.load import load_task
from s2f_nb.data.splits import Split, random_split
from s2f_nb.core import write_json
from s2f_nb.models.training import RECIPES, train_task
from dataclasses import replace

p = argparse.ArgumentParser()
p.add_argument('--only', default='wtc11,joint,yeast'); p.add_argument('--device', default='cpu')
p.add_argument('--full', action='store_true'); p.add_argument('--yeast-epochs', type=int, nargs=2, default=[12, 8])
p.add_argument('--out', default='runs/repro')
a = p.parse_args()
rows = []

def recipe_split(n_train_pool: np.ndarray, test: np.ndarray) -> Split:
    "DeepSTARR recipe: 10 % of the training rows (seed 1234) become validation."
    perm = np.random.default_rng(1234).permutation(n_train_pool)
    nv = int(round(0.1 * len(perm)))
    return Split(np.sort(perm[nv:]), np.sort(perm[:nv]), np.sort(test), 'recipe')

def report(name, res, extra=''):
    m = res.metrics
    row = dict(run=name, task=m.get('task'), n_train=m['n_train'], n_test=m.get('n_test'), epochs=m['epochs_run'], best_epoch=m['best_epoch'],
               s_per_epoch=round(m['seconds_per_epoch'], 1), train_seq_per_s=round(m['train_seqs_per_s']),
               val_pearson=m['val_pearson'], test_pearson=m['test_pearson'], test_spearman=m['test_spearman'], note=extra)
    rows.append(row); print(json.dumps(row), flush=True)

if 'wtc11' in a.only:
    td = load_task('wtc11_agarwal2025')
    s = td.meta['split'].to_numpy()
    report('wtc11_deepstarr', train_task(td, recipe_split(np.flatnonzero(s == 'valid'), np.flatnonzero(s == 'test')), 'deepstarr',
           RECIPES['deepstarr'], f'{a.out}/wtc11_deepstarr', device=a.device), 'train fold 2 (90%), test fold 1')
if 'joint' in a.only:
    td = load_task('agarwal2025_joint')
    base = random_split(len(td), (0.9, 0.0, 0.1), seed=0)
    report('joint_deepstarr', train_task(td, recipe_split(base.train, base.test), 'deepstarr', RECIPES['deepstarr'],
           f'{a.out}/joint_deepstarr', device=a.device), '3 outputs; test 10% seed 0')
if 'yeast' in a.only:
    td = load_task('yeast_dream2022_test')
    sp = random_split(len(td), (0.8, 0.1, 0.1), seed=0)
    ep_ds, ep_rnn = a.yeast_epochs
    report('yeast_deepstarr', train_task(td, sp, 'deepstarr', RECIPES['deepstarr'], f'{a.out}/yeast_deepstarr', device=a.device,
           epochs=ep_ds), f'DeepSTARR recipe, {ep_ds} epochs max')
    kw = {} if a.full else dict(conv_channels=64, lstm_hidden=32)
    cfg = replace(RECIPES['prixfixe'], epochs=ep_rnn, batch_size=1024 if a.full else 256)
    report('yeast_dream_rnn' + ('' if a.full else '_reduced'), train_task(td, sp, 'dream_rnn', cfg, f'{a.out}/yeast_dream_rnn', device=a.device,
           model_kw=kw), f'Prix Fixe trainer, {ep_rnn} epochs, batch {cfg.batch_size}, model {kw or "full"}')

hw = torch.cuda.get_device_name() if a.device.startswith('cuda') else f'{platform.machine()} CPU, {os.cpu_count()} cores, torch {torch.__version__}'
print(f'\nhardware: {hw}')
print('| run | n_train | n_test | epochs (best) | s/epoch | train seq/s | test Pearson | test Spearman |')
print('|---|---|---|---|---|---|---|---|')
for r in rows:
    f = lambda d: ', '.join(f'{k.split("_")[0]} {v:.3f}' for k, v in d.items())
    print(f"| {r['run']} | {r['n_train']} | {r['n_test']} | {r['epochs']} ({r['best_epoch']}) | {r['s_per_epoch']} | {r['train_seq_per_s']} | {f(r['test_pearson'])} | {f(r['test_spearman'])} |")
write_json(f'{a.out}/summary.json', dict(hardware=hw, rows=rows))
