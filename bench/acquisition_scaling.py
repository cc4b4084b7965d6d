"""Selection time of k-center, LCMD, BADGE and BatchBALD: a batch of 1,000 from pools of 10k, 100k and 1M.

Incremental implementations (s2f_nb.selection.acquisition) vs naive ones that recompute all distances / conditional variances
against every pick at every step, in one run. Inputs: random 256-d embeddings (k-center, LCMD, BADGE with
sigma = 1 + |N(0,1)|) and S = 90 posterior samples (3 members x 30 MC passes) for BatchBALD. The naive versions cost
O(N k^2 ...) and are run completely where that takes < --naive-budget seconds (estimated); otherwise they run the last
`--tail` steps (t = k - tail .. k, the most expensive ones, from the incremental picks) and the total is extrapolated
with the exact per-step cost model c * N * t (fitted on those steps). Both paths must pick the same points on the
fully-run sizes (BADGE: same seed, same D^2 distribution; BatchBALD: the first S - 1 picks (the rank of the centred samples), after which the residual
variances are noise-level near-ties). Prints times, ratios and the growth exponent in N.
Usage: .venv/bin/python bench/acquisition_scaling.py [--sizes 10000,100000,1000000] [--k 1000] [--device cpu|cuda]
(The "incremental" rows are the plain loops, `lazy=False` / `incremental=False`.)

Pools of millions (`--large`): on 1M x 256 embeddings, the plain loops against the
lazy exact k-center, the rejection-sampled k-means++ (BADGE), incremental LCMD and `reduce_pool` (JL projection to
`dims`, uniform subsample to `max_pool`), each with its quality measured on the full pool in the full space.
Usage: S2F_DATA=../shared/data .venv/bin/python bench/acquisition_scaling.py --large [--sizes 1000000] [--emb real|gauss]
"""
import argparse, math, os, platform, time
import numpy as np, torch
from s2f_nb.selection.acquisition import k_center, lcmd, badge, batchbald, badge_embeddings, _min_sqdist

p = argparse.ArgumentParser()
p.add_argument('--sizes', default='10000,100000,1000000'); p.add_argument('--k', type=int, default=1000)
p.add_argument('--dim', type=int, default=256); p.add_argument('--S', type=int, default=90)
p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
p.add_argument('--naive-budget', type=float, default=120); p.add_argument('--tail', type=int, default=20)
p.add_argument('--methods', default='kcenter,lcmd,badge,batchbald')
p.add_argument('--large', action='store_true', help='pools of millions: plain loops vs the lazy/incremental paths and reduce_pool, with quality')
p.add_argument('--emb', default='real', help="--large embeddings: 'real' (a CNN's 256-d features of random yeast promoters) or 'gauss'")
p.add_argument('--labeled', type=int, default=1000); p.add_argument('--plain', default='kcenter,lcmd,badge')
p.add_argument('--reduced', default='all', help="--large: which reduce_pool rows to run ('all' or 'none')")
a = p.parse_args()

dev = torch.device(a.device)
sync = (lambda: torch.cuda.synchronize()) if dev.type == 'cuda' else (lambda: None)

# ---- naive versions: one greedy step recomputes everything against all picks so far ----
# (rows are processed in blocks only to bound memory at N = 1M: the work per step is still O(N t D))
BLOCK = 1 << 17
def sqd(X, Y): return ((X * X).sum(1, keepdim=True) - 2 * X @ Y.T + (Y * Y).sum(1)).clamp_min(0)  # same formula as the library
def min_sqd(X, Y):  # (min, argmin) over the rows of Y, block by block
    parts = [sqd(X[i:i + BLOCK], Y).min(1) for i in range(0, len(X), BLOCK)]
    return torch.cat([p.values for p in parts]), torch.cat([p.indices for p in parts])

def step_kcenter(X, A):
    if not A: return int(torch.argmax((X * X).sum(1)))
    d = min_sqd(X, X[A])[0]; d[A] = -1; return int(torch.argmax(d))

def step_lcmd(X, A):
    if not A: return int(torch.argmin(sqd(X, X.mean(0, keepdim=True))[:, 0]))
    mind, owner = min_sqd(X, X[A])
    mass = torch.zeros(len(A), device=X.device).index_add_(0, owner, mind)
    c = int(torch.argmax(mass)); return int(torch.argmax(torch.where(owner == c, mind, torch.full_like(mind, -1.0))))

def step_badge(G, A, rng):
    if not A: return int(torch.argmax((G * G).sum(1)))
    d = min_sqd(G, G[A])[0]; d[A] = 0
    pr = d.double().cpu().numpy(); return int(rng.choice(len(pr), p=pr / pr.sum()))

def step_bbald(Z, A, noise):  # float64 reference (K is ill-conditioned near the sample rank)
    var = (Z * Z).sum(1) + noise
    if not A: return int(torch.argmax(var))
    K = Z[A] @ Z[A].T + noise * torch.eye(len(A), device=Z.device, dtype=Z.dtype)
    q = torch.cat([(torch.linalg.solve(K, (C := Z[i:i + BLOCK] @ Z[A].T).T).T * C).sum(1) for i in range(0, len(Z), BLOCK)])
    cond = var - q; cond[A] = -math.inf; return int(torch.argmax(cond))

def run(method, N):
    g = torch.Generator().manual_seed(0)
    if method == 'batchbald':
        s = (torch.randn(a.S, N, generator=g) * (0.5 + torch.rand(N, generator=g))).to(dev)
        Z = ((s - s.mean(0)).T / math.sqrt(a.S - 1)).contiguous(); noise = float(1e-6 * (Z * Z).sum(1).mean())
        Z = Z.double(); fast = lambda: batchbald(s, a.k, noise=noise, device=dev); step = lambda A, rng: step_bbald(Z, A, noise)
    else:
        X = torch.randn(N, a.dim, generator=g).to(dev)
        if method == 'kcenter': fast, step = (lambda: k_center(X, a.k, lazy=False)), (lambda A, rng: step_kcenter(X, A))
        elif method == 'lcmd': fast, step = (lambda: lcmd(X, a.k, incremental=False)), (lambda A, rng: step_lcmd(X, A))
        else:
            sig = 1 + torch.randn(N, generator=g).abs()
            G = torch.as_tensor(badge_embeddings(X.cpu().numpy(), sig.numpy())).to(dev)
            fast = lambda: badge(X.cpu().numpy(), sig.numpy(), a.k, np.random.default_rng(0), dev, lazy=False)
            step = lambda A, rng: step_badge(G, A, rng)
    sync(); t0 = time.perf_counter(); ch = fast(); sync(); t_fast = time.perf_counter() - t0
    ch = [int(x) for x in ch]
    step(ch[:5], np.random.default_rng(0))  # warm-up
    tail = list(range(a.k - a.tail, a.k)); rng = np.random.default_rng(1)
    sync(); t0 = time.perf_counter()
    for t in tail: step(ch[:t], rng)
    sync(); est = (time.perf_counter() - t0) / sum(tail) * sum(range(a.k))  # per-step cost grows ~linearly in t
    if est > a.naive_budget: return t_fast, est, 'est.', None
    rng = np.random.default_rng(0); A = []
    sync(); t0 = time.perf_counter()
    if method == 'badge':  # same D^2 draws as the incremental version: first = largest norm, then rng.choice
        A = [step(A, rng)]
        for _ in range(a.k - 1): A.append(step(A, rng))
    else:
        for _ in range(a.k): A.append(step(A, rng))
    sync(); t_naive = time.perf_counter() - t0
    m = min(a.k, a.S - 1) if method == 'batchbald' else a.k  # BatchBALD: beyond S - 1 picks (the rank of the centred samples) the residuals are noise-level near-ties
    return t_fast, t_naive, 'measured', A[:m] == ch[:m]

# ---- pools of millions (--large): plain loops vs lazy / incremental paths vs reduce_pool, quality on the full pool ----
def real_embeddings(N, dim):
    "256-d features of N random yeast promoters from a CNN trained one epoch on the measured DREAM test set (cached)."
    from s2f_nb.data.load import load_task
    from s2f_nb.data.core import cache_dir
    from s2f_nb.data.codes import random_promoters
    from s2f_nb.models.core import build_model
    from s2f_nb.models.training import fit, TrainConfig, SeqData, embed
    path = cache_dir() / 'bench' / f'emb_cnn{dim}_{N}.npy'
    td = load_task('yeast_dream2022_test'); rows = np.random.default_rng(0).permutation(len(td))
    if not path.exists():
        t0 = time.perf_counter(); torch.manual_seed(0)
        m = build_model('cnn', in_channels=td.task.channels, n_outputs=1, length=td.task.length, hidden=dim)
        fit(m, SeqData.from_task(td, rows[:60000]), SeqData.from_task(td, rows[60000:]), TrainConfig(epochs=1, progress=False))
        E = np.empty((N, dim), np.float32); s = 0
        for ch in random_promoters(N, seed=1, chunk=50000):
            E[s:s + len(ch['codes'])] = embed(m, SeqData.unseen(ch['codes'], extra=td.task.extra_channels)); s += len(ch['codes'])
        lab = embed(m, SeqData.from_task(td, rows[60000:60000 + a.labeled]))  # measured promoters: the labelled set
        path.parent.mkdir(parents=True, exist_ok=True); tmp = path.with_suffix('.tmp.npy'); np.save(tmp, np.concatenate([lab, E])); os.replace(tmp, path)
        print(f'embeddings: {N:,} random promoters through a CNN trained 1 epoch on 60,000 measured ones, {time.perf_counter() - t0:.0f} s', flush=True)
    A = np.load(path, mmap_mode='r'); return torch.as_tensor(np.array(A[a.labeled:])), torch.as_tensor(np.array(A[:a.labeled]))

def nearest(X, C):
    "(squared distance in float64, index) of every row's nearest row of C."
    d, i = _min_sqdist(X, (X * X).sum(1), C); return d.double(), i

def quality(method, X, L, picks, G=None):
    "k-center: covering radius; LCMD: largest cluster total and k-means cost; BADGE: k-means cost of the gradient embeddings."
    if method == 'badge':
        return dict(kmeans_cost=float(nearest(G, G[torch.as_tensor(picks)])[0].sum()))
    d, o = nearest(X, torch.cat([L, X[torch.as_tensor(picks)]]))
    if method == 'kcenter': return dict(radius=float(d.max().sqrt()))
    mass = torch.zeros(len(L) + len(picks), dtype=torch.float64).index_add_(0, o, d)
    return dict(max_cluster=float(mass.max()), kmeans_cost=float(d.sum()))

def large_main():
    from s2f_nb.selection.acquisition import _on_reduced, kmeans_pp
    hw = f'{platform.processor() or platform.machine()} CPU, {os.cpu_count()} cores, {torch.get_num_threads()} threads'
    for N in [int(x) for x in a.sizes.split(',')]:
        if a.emb == 'real': X, L = real_embeddings(N, a.dim)
        else: g = torch.Generator().manual_seed(0); X = torch.randn(N, a.dim, generator=g); L = torch.randn(a.labeled, a.dim, generator=g)
        sig = torch.as_tensor(1 + np.abs(np.random.default_rng(0).normal(size=N)), dtype=torch.float32)
        G = torch.as_tensor(badge_embeddings(X.numpy(), sig.numpy()))  # BADGE's gradient embeddings sigma * [h, 1]
        print(f'hardware: {hw}; torch {torch.__version__}; N={N:,} x {a.dim} ({a.emb}), labelled {len(L)}, k={a.k}', flush=True)
        runs = dict(kcenter=lambda X, L, fast: k_center(X, a.k, L, lazy=None if fast else False),
                    lcmd=lambda X, L, fast: lcmd(X, a.k, L, incremental=None if fast else False),
                    badge=lambda X, L, fast: kmeans_pp(X, a.k, np.random.default_rng(0), lazy=None if fast else False))
        configs = [('plain loop', False, None, None), ('lazy / incremental (exact)', True, None, None),
                   ('dims 64', True, 64, None), ('dims 32', True, 32, None), ('max_pool 200k', True, None, 200_000),
                   ('dims 64 + max_pool 200k', True, 64, 200_000), ('dims 32 + max_pool 100k', True, 32, 100_000)]
        print(f"{'method':8s} {'path':28s} {'seconds':>8s}  quality (full pool, full space)   vs exact", flush=True)
        table = []
        for m in a.methods.split(','):
            if m not in runs: continue
            base = None
            for name, opts, dims, mp in configs:
                if name == 'plain loop' and m not in a.plain.split(','): continue
                if (dims or mp) and a.reduced == 'none': continue
                E, Lm = (G, None) if m == 'badge' else (X, L)
                t0 = time.perf_counter()
                picks = _on_reduced(lambda Xr, Lr: runs[m](Xr, Lr, opts), E, Lm, a.k, np.random.default_rng(0), dims, mp, None)
                t = time.perf_counter() - t0
                q = quality(m, X, L, picks, G)
                if name.startswith('lazy'): base = q
                rel = '' if base is None or name.startswith('lazy') else ', '.join(f'{k} {v / base[k] - 1:+.2%}' for k, v in q.items())
                print(f"{m:8s} {name:28s} {t:8.2f}  {', '.join(f'{k} {v:.5g}' for k, v in q.items()):34s} {rel}", flush=True)
                table.append((m, name, t))
        tt = {(m, n): t for m, n, t in table}
        for m in a.methods.split(','):
            if (m, 'plain loop') in tt and (m, 'lazy / incremental (exact)') in tt:
                print(f"{m}: plain loop {tt[(m, 'plain loop')]:.1f} s / exact fast path {tt[(m, 'lazy / incremental (exact)')]:.1f} s = {tt[(m, 'plain loop')] / tt[(m, 'lazy / incremental (exact)')]:.1f}x")
    if ('kcenter', 'lazy / incremental (exact)') in tt:
        print(f"last: {a.k:,} of {N:,}: k-center plain loop / lazy exact {tt.get(('kcenter', 'plain loop'), float('nan')) / tt[('kcenter', 'lazy / incremental (exact)')]:.1f}x on {hw}")

if a.large: large_main(); raise SystemExit

hw = torch.cuda.get_device_name() if dev.type == 'cuda' else f'{platform.machine()} CPU, {os.cpu_count()} cores, {torch.get_num_threads()} threads'
print(f'hardware: {hw}; torch {torch.__version__}; batch k={a.k}; embeddings {a.dim}-d; BatchBALD S={a.S} samples')
sizes = [int(x) for x in a.sizes.split(',')]
print(f"{'method':10s} {'N':>9s} {'incremental s':>14s} {'naive s':>10s} {'':9s} {'ratio':>8s}  same picks")
for m in a.methods.split(','):
    ts = []
    for N in sizes:
        tf, tn, how, same = run(m, N)
        ts.append(tf)
        print(f'{m:10s} {N:9d} {tf:14.2f} {tn:10.1f} {how:9s} {tn / tf:8.1f}x  {"" if same is None else same}', flush=True)
    if len(sizes) > 1:
        slope = np.polyfit(np.log(sizes), np.log(ts), 1)[0]
        pairs = ', '.join(f'{n0}->{n1}: {math.log(t1 / t0) / math.log(n1 / n0):.2f}' for n0, n1, t0, t1 in zip(sizes, sizes[1:], ts, ts[1:]))
        print(f'{m:10s} growth exponent in N (incremental): {slope:.2f} overall; {pairs}')
