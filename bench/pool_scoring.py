"""Pool scoring with MC dropout: an ensemble of 3 models x 30 dropout passes over a pool of real yeast promoters.

Batched path (s2f_nb.learners.students.mc_samples, as EnsembleStudent.samples uses it): the T passes run as one forward of the
repeated batch, results stay on the device until the end. Naive path: per member, per pass, per batch of 1024, a
forward with dropout on, each result moved to the host. Last-layer MC (trunk once, dropout + head sampled T times) is
timed too. The naive path is timed on a slice (its per-sequence rate does not depend on N) and compared with the
batched path on that slice: the mean over samples must agree within 3 MC standard errors for 99 % of sequences and
the mean variance must agree within 5 % (both are Monte Carlo estimates with different dropout masks).
Prints sequences/s (pool sequences scored with all 90 samples), the ratio and peak resident memory of each path.
Usage: S2F_DATA=../shared/data .venv/bin/python bench/pool_scoring.py [--n 100000] [--naive-n 5000] [--arch cnn] [--device cpu] [--paths batched,last_layer]
(1M sequences: --n 1000000 --paths last_layer; the batched path scores 90 full forwards per sequence)
"""
import argparse, os, platform, time
import numpy as np, torch
from scipy.stats import spearmanr
from s2f_nb.data.load import load_task
from s2f_nb.models.core import build_model
from s2f_nb.models.training import SeqData
from s2f_nb.learners.students import mc_samples, _dropout_train

p = argparse.ArgumentParser()
p.add_argument('--n', type=int, default=100_000); p.add_argument('--naive-n', type=int, default=5000)
p.add_argument('--arch', default='cnn'); p.add_argument('--members', type=int, default=3); p.add_argument('--T', type=int, default=30)
p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
p.add_argument('--paths', default='batched,last_layer', help='pool paths to time (1M: last_layer alone)')
p.add_argument('--model-kw', default='')  # e.g. conv_channels=64,lstm_hidden=32
a = p.parse_args()
dev = torch.device(a.device)
kw = {k: int(v) for k, v in (x.split('=') for x in a.model_kw.split(',') if x)}

td = load_task('yeast_dream2022_test')
rows = np.resize(np.random.default_rng(0).permutation(len(td)), a.n)  # 71k real promoters, tiled to n
pool = SeqData.from_task(td, rows, dev)
torch.manual_seed(0)
members = [build_model(a.arch, in_channels=td.task.channels, n_outputs=1, length=td.task.length, **kw).to(dev) for _ in range(a.members)]

def reset_peak():
    try: open('/proc/self/clear_refs', 'w').write('5')
    except OSError: pass
def peak_mb():
    if dev.type == 'cuda': return torch.cuda.max_memory_allocated() / 2**20
    return next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024

def sync():
    if dev.type == 'cuda': torch.cuda.synchronize()

@torch.no_grad()
def naive(data: SeqData, bs: int = 1024) -> np.ndarray:
    out = []
    for m in members:
        _dropout_train(m, True)
        for t in range(a.T):
            chunks = []
            for i in range(0, len(data), bs):
                idx = torch.arange(i, min(i + bs, len(data)), device=dev)
                chunks.append(m(data.batch(idx)).float().cpu().numpy())
            out.append(np.concatenate(chunks))
        m.eval()
    return np.stack(out)  # (M*T, N, 1)

def batched(data: SeqData, last_layer=False) -> np.ndarray:
    return torch.cat([mc_samples(m, data, a.T, last_layer) for m in members]).cpu().numpy()

def timed(fn, *args, **kw):
    reset_peak(); sync()
    if dev.type == 'cuda': torch.cuda.reset_peak_memory_stats()
    t = time.perf_counter(); r = fn(*args, **kw); sync()
    return r, time.perf_counter() - t, peak_mb()

hw = torch.cuda.get_device_name() if dev.type == 'cuda' else f'{platform.machine()} CPU, {os.cpu_count()} cores, {torch.get_num_threads()} threads'
print(f'hardware: {hw}; torch {torch.__version__}; {a.arch} {kw or ""} x {a.members} members x {a.T} passes; yeast 150 bp')
small = SeqData.from_task(td, rows[:a.naive_n], dev)
batched(SeqData.from_task(td, rows[:256], dev)); naive(SeqData.from_task(td, rows[:256], dev))  # warm-up
s_naive, t_naive, m_naive = timed(naive, small)
torch.manual_seed(1); s_b_small = batched(small)
# agreement on the slice: means within 3 MC standard errors, variances rank-correlated
se = np.sqrt(s_naive.var(0) / len(s_naive) + s_b_small.var(0) / len(s_b_small))
ok = (np.abs(s_naive.mean(0) - s_b_small.mean(0)) <= 3 * se + 1e-6).mean()
rho = spearmanr(s_naive.var(0).ravel(), s_b_small.var(0).ravel())[0]
vr = s_b_small.var(0).mean() / s_naive.var(0).mean()
print(f'agreement on {a.naive_n} sequences: means within 3 SE for {ok:.1%}; mean variance ratio {vr:.3f}; Spearman of per-sequence variances {rho:.3f}')
assert ok > 0.99 and abs(vr - 1) < 0.05, 'batched and naive MC dropout disagree'
paths = a.paths.split(',')
r_naive = a.naive_n / t_naive
print(f'naive      {r_naive:10.0f} seq/s  ({t_naive:.1f} s for {a.naive_n}; peak RSS {m_naive:.0f} MB)', flush=True)
if 'batched' in paths:
    s_full, t_b, m_b = timed(batched, pool); r_b = a.n / t_b
    print(f'batched    {r_b:10.0f} seq/s  ({t_b:.1f} s for {a.n}; peak {m_b:.0f} MB)  ratio {r_b / r_naive:.2f}x', flush=True)
if 'last_layer' in paths:
    s_ll, t_ll, m_ll = timed(batched, pool, last_layer=True); r_ll = a.n / t_ll
    print(f'last-layer {r_ll:10.0f} seq/s  ({t_ll:.1f} s for {a.n}; peak {m_ll:.0f} MB)  ratio {r_ll / r_naive:.2f}x')
