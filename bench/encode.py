"""Encoding benchmark: 1M random 200 bp DNA sequences to uint8 codes and to one-hot (batched).

Vectorized path (s2f_nb.core.encode / one_hot_batches) vs a plain per-character Python loop, in one run.
The baseline is timed on a 20k-sequence slice (its per-sequence rate does not depend on N; the full 1M would take
minutes). Usage: .venv/bin/python bench/encode.py [N]
"""
import os, platform, sys, time
import numpy as np
from s2f_nb.core import encode, one_hot_batches

N, L, NB = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000, 200, 20_000
rng = np.random.default_rng(0)
letters = np.frombuffer(b'ACGT', np.uint8)
seqs = np.frombuffer(letters[rng.integers(0, 4, (N, L))].tobytes(), f'S{L}').astype(f'U{L}').tolist()

def baseline_codes(ss):
    m = {'A': 0, 'C': 1, 'G': 2, 'T': 3, 'N': 4}
    out = np.empty((len(ss), L), np.uint8)
    for i, s in enumerate(ss):
        for j, c in enumerate(s): out[i, j] = m[c]
    return out

def baseline_onehot(ss):
    m = {'A': 0, 'C': 1, 'G': 2, 'T': 3}
    out = np.zeros((len(ss), 4, L), np.float32)
    for i, s in enumerate(ss):
        for j, c in enumerate(s):
            if c in m: out[i, m[c], j] = 1.0
    return out

t = time.perf_counter(); codes = encode(seqs); t_codes = time.perf_counter() - t
t = time.perf_counter(); n = sum(b.shape[0] for b in one_hot_batches(codes, 8192)); t_oh = time.perf_counter() - t
t = time.perf_counter(); bc = baseline_codes(seqs[:NB]); tb_codes = time.perf_counter() - t
t = time.perf_counter(); bo = baseline_onehot(seqs[:NB]); tb_oh = time.perf_counter() - t
assert (bc == codes[:NB]).all() and np.array_equal(bo, next(one_hot_batches(codes[:NB], NB)))

r = lambda n, t: n / t
print(f'hardware: {platform.machine()} {os.cpu_count()} cores; numpy {np.__version__}; N={N:,} x {L} bp')
print(f'to codes : vectorized {r(N, t_codes):>12,.0f} seq/s ({t_codes:.2f} s) | per-char loop {r(NB, tb_codes):>9,.0f} seq/s | ratio {r(N, t_codes) / r(NB, tb_codes):.0f}x')
print(f'to one-hot (+codes, batches of 8192): vectorized {r(N, t_codes + t_oh):>12,.0f} seq/s | per-char loop {r(NB, tb_oh):>9,.0f} seq/s | ratio {r(N, t_codes + t_oh) / r(NB, tb_oh):.0f}x')
