#!/usr/bin/env python
"""DREAM 2022 anchors for the yeast oracle of experiment 1 with generated candidates (issue 26).

Camformer (Bornelöv lab; a top model of the Random Promoter DREAM Challenge 2022, trained on its 6.7M training
promoters) published its predictions for all 71,103 test promoters as figure data. This script scores them against
the measured expression, on the whole test set and on the rows the benchmark uses (the half of an MMseqs2 split of the
test set that the library's oracle never saw), so the oracle's accuracy can be read beside a challenge model's on the
same promoters. The file is not part of the project's data; mirror the repository first:

    git clone https://github.com/gautammalik-git/Camformer  (commit 5c5eb0b4af1a0645c789a2c38d76ea253d8f0aab)
    S2F_DATA=../shared/data .venv/bin/python tools/dream_anchor.py CLONE/manuscript_figures/Figure_3_S3/data/data_scatter_O_Mi.csv.gz

Prints one JSON object (Pearson and Spearman of the original and the mini Camformer, all rows and benchmark rows).
"""
import json, sys
import numpy as np, pandas as pd
from scipy.stats import pearsonr, spearmanr
from s2f_nb.data.load import load_task
from s2f_nb.loop.reservoir_benchmark import oracle_split

f = pd.read_csv(sys.argv[1])
td = load_task('yeast_dream2022_test')
_, erows = oracle_split(td, oracle_fraction=0.5, method='mmseqs', seed=0)
seqs = pd.Series([s[57:137] for s in td.sequences()])  # the 80 variable bases (the task adds the plasmid context)
cam = f.assign(core=f['seq'].str[17:97]).drop_duplicates('core').set_index('core')
hit = seqs.map(lambda s: s in cam.index).to_numpy()
assert hit.all(), f'{(~hit).sum()} task rows have no Camformer prediction'
p = cam.loc[seqs]
out = {}
for name, rows in (('all', np.arange(len(td))), ('benchmark_rows', erows)):
    y = td.labels[rows, 0]
    for m in ('orig', 'mini'):
        x = p[f'{m}_model_expr'].to_numpy()[rows]
        out[f'{name}_{m}'] = dict(n=len(rows), pearson=round(float(pearsonr(x, y)[0]), 4), spearman=round(float(spearmanr(x, y)[0]), 4))
print(json.dumps(out, indent=1))
