"""Selection time of k-center, LCMD, BADGE and BatchBALD: a batch of 1,000 from pools of 10k, 100k and 1M.

Incremental implementations (s2f_nb.acquisition) vs naive ones that recompute all distances / conditional variances
against every pick at every step, in one run. Inputs: random 256-d embeddings (k-center, LCMD, BADGE with
sigma = 1 + |N(0,1)|) and S = 90 posterior samples (3 members x 30 MC passes) for BatchBALD. The naive versions cost
O(N k^2 ...) and are run completely where that takes < --naive-budget seconds (estimated); otherwise they run the last
`--tail` steps (t = k - tail .. k, the most expensive ones, from the incremental picks) and the total is extrapolated
with the exact per-step cost model c * N * t (fitted on those steps). Both paths must pick the same points on the
fully-run sizes (BADGE: same seed, same D^2 distribution; BatchBALD: the first S - 1 picks (the rank of the centred samples), after which the residual
variances are noise-level near-ties). Prints times, ratios and the growth exponent in N.
Usage: .venv/bin/python bench/acquisition_scaling.py [--sizes 10000,100000,1000000] [--k 1000] [--device cpu|cuda]
"""
import argparse, math, os, platform, time
import numpy as np, torch
from s2f_nb.acquisition import k_center, lcmd, badge, batchbald, badge_embeddings

p = argparse.ArgumentParser()
p.add_argument('--sizes', default='10000,100000,1000000'); p.add_argument('--k', type=int, default=1000)
p.add_argument('--dim', type=int, default=256); p.add_argument('--S', type=int, default=90)
p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
p.add_argument('--naive-budget', type=float, default=120); p.add_argument('--tail', type=int, default=20)
p.add_argument('--methods', default='kcenter,lcmd,badge,batchbald')
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
        if method == 'kcenter': fast, step = (lambda: k_center(X, a.k)), (lambda A, rng: step_kcenter(X, A))
        elif method == 'lcmd': fast, step = (lambda: lcmd(X, a.k)), (lambda A, rng: step_lcmd(X, A))
        else:
            sig = 1 + torch.randn(N, generator=g).abs()
            G = torch.as_tensor(badge_embeddings(X.cpu().numpy(), sig.numpy())).to(dev)
            fast = lambda: badge(X.cpu().numpy(), sig.numpy(), a.k, np.random.default_rng(0), dev)
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
