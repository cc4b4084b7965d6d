"""Train the two reference oracles documented in nbs/20a_oracles (DeepSTARR backbone, DeepSTARR recipe) and print their metrics.

- yeast: all 71,103 measured promoters of the DREAM 2022 test set (10 % validation, seed 1234); 12 epochs by default
  (the documented figures used `--yeast-epochs 6`).
- wtc11: both human lentiMPRA WTC11 LegNet folds (9,237 sequences; 10 % validation, seed 1234; <= 30 epochs).
`--folds 5` trains 5-fold ensembles instead (out-of-fold metrics). Each oracle is one `s2f-train-oracle` call (the same
function, `s2f_nb.learners.oracles.s2f_train_oracle`): artifacts (oracle.pt, metrics.json, log.jsonl) go to
runs/oracles/<name>_deepstarr_f<folds>/, and each prints one JSON line (metrics, minutes, reload check).
Usage: S2F_DATA=../shared/data .venv/bin/python bench/train_oracles.py [--only yeast,wtc11] [--yeast-epochs 12] [--folds 1]
"""
import argparse, os, platform
import torch
from s2f_nb.learners.oracles import s2f_train_oracle

p = argparse.ArgumentParser()
p.add_argument('--only', default='wtc11,yeast'); p.add_argument('--yeast-epochs', type=int, default=12)
p.add_argument('--folds', type=int, default=1); p.add_argument('--device', default=None); p.add_argument('--out', default='runs/oracles')
a = p.parse_args()
hw = torch.cuda.get_device_name() if torch.cuda.is_available() and a.device != 'cpu' else f'{platform.machine()} CPU, {os.cpu_count()} cores'
print('hardware:', hw)
for name, task, epochs in [('wtc11', 'wtc11_agarwal2025', None), ('yeast', 'yeast_dream2022_test', a.yeast_epochs)]:
    if name not in a.only: continue
    s2f_train_oracle(task, out=f'{a.out}/{name}_deepstarr_f{a.folds}', arch='deepstarr', folds=a.folds, epochs=epochs, device=a.device)
