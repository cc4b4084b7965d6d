"""Runtime of a homology-aware hashFrag split on N real yeast DREAM test promoters (80 bp variable region).

Usage: S2F_DATA=../shared/data .venv/bin/python bench/hashfrag_runtime.py 1000 [10000 ...]
Prints wall time, split sizes and the leak check (homologous pairs crossing train/test must be 0).
"""
import platform, sys, time
import numpy as np
from s2f_nb.data.load import load_task
from s2f_nb.data.splits import hashfrag_split

td = load_task('yeast_dream2022_test')
for n in [int(x) for x in sys.argv[1:] or ['1000']]:
    rows = np.random.default_rng(0).choice(len(td), n, replace=False)
    seqs = [s[57:57 + 80] for s in td.sequences(np.sort(rows))]  # variable region only: flanks are constant
    t = time.perf_counter()
    sp = hashfrag_split(seqs, seed=0)
    dt = time.perf_counter() - t
    print(f'n={n}: {dt:.1f} s  sizes={sp.sizes()}  leak={sp.params["leak_check"]}  '
          f'({platform.processor() or platform.machine()}, 1 blastn thread)', flush=True)
