"""Equivalence across a layout change: every acquisition's picks, strategy_benchmark rows (n_jobs 1 and 2) and campaign_benchmark rows.

Run it on two checkouts (each with PYTHONPATH pointing at it) and compare the output folders file by file:
    PYTHONPATH=/path/to/old S2F_DATA=../shared/data .venv/bin/python tools/layout_equivalence.py /tmp/eq/base
    PYTHONPATH=$(pwd) S2F_DATA=../shared/data .venv/bin/python tools/layout_equivalence.py /tmp/eq/new
    for f in picks.json bench1.csv bench2.csv camp1.csv camp2.csv; do cmp /tmp/eq/base/$f /tmp/eq/new/$f; done
It imports the 0.2 module paths and falls back to the 0.1 ones, so the same script runs on both sides."""
import sys, json, importlib, tempfile, os
import numpy as np, pandas as pd, torch
def main():
    out = sys.argv[1]
    def imp(new, old):
        try: return importlib.import_module(new)
        except ImportError: return importlib.import_module(old)
    load = imp('s2f_nb.data.load', 's2f_nb.data'); acqm = imp('s2f_nb.selection.acquisition', 's2f_nb.acquisition')
    imp('s2f_nb.selection.clade', 's2f_nb.clade')
    stu = imp('s2f_nb.learners.students', 's2f_nb.students'); bm = imp('s2f_nb.loop.benchmark', 's2f_nb.benchmark')
    camp = imp('s2f_nb.loop.campaigns', 's2f_nb.campaigns'); tr = imp('s2f_nb.models.training', 's2f_nb.training')
    torch.manual_seed(0)
    td = load.load_task('yeast_dream2022_test')
    s = stu.EnsembleStudent.for_task(td, n_members=2, model_kw=dict(tiny=True), seed=0).fit(td.codes[:300], td.labels[:300])
    cand = td.codes[300:700]
    picks = {}
    for name in sorted(acqm.ACQUISITIONS):
        try: picks[name] = acqm.acquire(name, s, cand, 10, np.random.default_rng(0), labeled=td.codes[:300], labeled_y=td.labels[:300], best=float(td.labels[:300].max())).tolist()
        except Exception as e: picks[name] = f'ERR {type(e).__name__}: {e}'
    json.dump(picks, open(f'{out}/picks.json', 'w'), indent=0)
    rec = bm.StudentRecipe(arch='cnn', n_members=2, model_kw=dict(tiny=True), cfg=tr.TrainConfig(epochs=1, batch_size=64, progress=False))
    kw = dict(seeds=[0, 1], budget=bm.Budget(n_initial=100, n_rounds=2, batch_size=50, n_candidates=300), split=bm.BenchSplit(n_test=300, n_val=100, n_train=1000), student=rec, progress=False)
    cols = lambda df: df[[c for c in df.columns if not c.startswith('time_')]]
    r1 = bm.strategy_benchmark('yeast_dream2022_test', ['random', 'lcmd', 'uncertainty'], out_dir=tempfile.mkdtemp(), **kw)
    cols(r1).to_csv(f'{out}/bench1.csv', index=False)
    r2 = bm.strategy_benchmark('yeast_dream2022_test', ['random', 'lcmd', 'uncertainty'], out_dir=tempfile.mkdtemp(), n_jobs=2, **kw)
    cols(r2).to_csv(f'{out}/bench2.csv', index=False)
    rec = camp.ProteinRecipe('ridge', 'onehot')
    camps = dict(thompson=camp.Campaign(rec, ['thompson']), random=camp.Campaign(rec, ['random']))
    c1 = camp.campaign_benchmark('gb1_wu2016', camps, seeds=range(3), n_rounds=2, n_heldout=500, out_dir=tempfile.mkdtemp(), progress=False)
    cols(c1).to_csv(f'{out}/camp1.csv', index=False)
    c2 = camp.campaign_benchmark('gb1_wu2016', camps, seeds=range(3), n_rounds=2, n_heldout=500, out_dir=tempfile.mkdtemp(), progress=False, n_jobs=2)
    cols(c2).to_csv(f'{out}/camp2.csv', index=False)
    print('done', {k: (v if isinstance(v, str) else len(v)) for k, v in picks.items()})

if __name__ == '__main__': main()
