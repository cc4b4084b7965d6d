"""Train the two reference oracles of issue 4 on real data by the DeepSTARR recipe and print their metrics.

- yeast: DeepSTARR backbone on all 71,103 measured promoters of the DREAM 2022 test set (10 % validation, seed 1234).
- wtc11: DeepSTARR backbone on both human lentiMPRA WTC11 LegNet folds (9,237 sequences; 10 % validation, seed 1234),
  and a 5-fold ensemble (out-of-fold metrics) with `--folds 5`.
Artifacts (oracle.pt, metrics.json, log.jsonl) go to runs/oracles/<name>/.
Usage: S2F_DATA=../shared/data .venv/bin/python bench/train_oracles.py [--only yeast,wtc11] [--yeast-epochs 12] [--folds 1]
"""
import argparse, json, os, platform, time
import torch
from s2f_nb.data import load_task
from s2f_nb.oracles import train_oracle, ModelOracle

p = argparse.ArgumentParser()
p.add_argument('--only', default='wtc11,yeast'); p.add_argument('--yeast-epochs', type=int, default=12)
p.add_argument('--folds', type=int, default=1); p.add_argument('--device', default=None); p.add_argument('--out', default='runs/oracles')
a = p.parse_args()
hw = torch.cuda.get_device_name() if torch.cuda.is_available() and a.device != 'cpu' else f'{platform.machine()} CPU, {os.cpu_count()} cores'
print('hardware:', hw)
for name, task, kw in [('wtc11', 'wtc11_agarwal2025', {}), ('yeast', 'yeast_dream2022_test', dict(epochs=a.yeast_epochs))]:
    if name not in a.only: continue
    td = load_task(task); t = time.time()
    out = f'{a.out}/{name}_deepstarr_f{a.folds}'
    orc = train_oracle(td, out, 'deepstarr', folds=a.folds, device=a.device, **kw)
    m = json.load(open(f'{out}/metrics.json'))
    back = ModelOracle.load(f'{out}/oracle.pt')
    same = float(abs(back.label(td.codes[:256]) - orc.label(td.codes[:256])).max())
    print(json.dumps(dict(oracle=name, task=task, n=m['n'], folds=m['folds'], epochs_run=m['epochs_run'], minutes=round((time.time() - t) / 60, 1),
                          val_pearson=m['val_pearson'], val_spearman=m['val_spearman'], reload_max_abs_diff=same)), flush=True)
