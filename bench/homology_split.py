"""Homology-aware splits at scale: hashFrag (all-vs-all BLAST) against MMseqs2 linclust (`s2f_nb.data.mmseqs`).

Usage: S2F_DATA=../shared/data .venv/bin/python bench/homology_split.py 1000 2000 5000 10000 20000 71103 \\
           [--generated 1000000] [--threads 2] [--hashfrag-max-s 600] [--out results.csv]

Real sizes are seeded random rows of the yeast DREAM 2022 test set (71,103 promoters; the 80 bp variable region,
constant flanks removed); 71103 is the whole set. `--generated N` adds N random 150-mers with planted families
(mmseqs only: BLAST all-vs-all of a million is out of reach). Both methods get the same threads.

One row per size and method: seconds (the whole split), clusters (hashFrag's homologous groups / mmseqs clusters),
leaks (homologous pairs across train/val/test, counted by `check_no_leak` with hashFrag's BLAST hits at score >= 60
where hashFrag ran at that size; for generated sequences, planted family pairs across sides), and the agreement of
the mmseqs clusters with hashFrag (share of its pairs in one cluster, adjusted Rand index). hashFrag stops after a
size that took longer than --hashfrag-max-s, and skips a size whose quadratic extrapolation exceeds 6x that.
The last line is the speed ratio hashFrag/mmseqs at the largest size both ran, with the hardware.
"""
import argparse, os, platform, shutil, tempfile, time
from pathlib import Path
import numpy as np
import pandas as pd
from s2f_nb.core import write_csv
from s2f_nb.data.load import load_task
from s2f_nb.data.splits import hashfrag_split, check_no_leak, homology_hits, blast_dir
from s2f_nb.data.mmseqs import mmseqs_split, mmseqs_clusters, hashfrag_groups, homology_agreement, mmseqs_version


def cpu_name() -> str:
    try: model = next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except (OSError, StopIteration): model = platform.processor() or platform.machine()
    return f'{len(os.sched_getaffinity(0))}-core {model}'


def yeast_seqs(n: int, seed: int = 0) -> list[str]:
    "n seeded random yeast DREAM test promoters (all 71,103 if n >= that), variable region only."
    td = load_task('yeast_dream2022_test')
    f5, f3 = (len(f) for f in td.task.flanks)
    rows = np.arange(len(td)) if n >= len(td) else np.sort(np.random.default_rng(seed).choice(len(td), n, replace=False))
    return [s[f5:len(s) - f3].strip('N') for s in td.sequences(rows)]


def planted_seqs(n: int, L: int = 150, family: int = 5, share: float = 0.2, mut: float = 0.05, seed: int = 0):
    "n random L-mers; `share` of them in families of `family` (a base and variants with `mut` of the bases changed, half reverse-complemented). Returns (seqs, planted pairs)."
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 4, (n, L), dtype=np.uint8)
    n_fam = int(n * share) // family
    base = np.arange(n_fam) * family
    members = (base[:, None] + np.arange(1, family)).ravel()
    src = np.repeat(base, family - 1)
    v = codes[src]
    hit = rng.random(v.shape) < mut
    v[hit] = (v[hit] + rng.integers(1, 4, hit.sum(), dtype=np.uint8)) % 4
    flip = rng.random(len(v)) < 0.5
    v[flip] = 3 - v[flip, ::-1]  # reverse complement (A0 C1 G2 T3)
    codes[members] = v
    raw = np.frombuffer(b'ACGT', np.uint8)[codes].tobytes()
    seqs = [raw[i * L:(i + 1) * L].decode() for i in range(n)]
    return seqs, pd.DataFrame({'q': src, 's': members, 'score': np.full(len(src), L, float)})


def leaks(leak: dict) -> int: return leak['train_test'] + leak['train_val'] + leak['val_test']


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('sizes', nargs='*', type=int, default=[1000, 2000])
    ap.add_argument('--generated', type=int, nargs='*', default=[], help='sizes of generated pools (mmseqs only)')
    ap.add_argument('--threads', type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument('--hashfrag-max-s', type=float, default=600)
    ap.add_argument('--out', type=Path, default=None, help='also write the table as CSV')
    a = ap.parse_args()
    print(f'{cpu_name()}, {a.threads} threads per method, mmseqs {mmseqs_version()}, load average at start {os.getloadavg()}', flush=True)
    rows, hf_stopped, last_hf = [], None, None
    head = f'{"n":>8} {"data":>9} {"method":>8} {"seconds":>8} {"clusters":>8} {"leaks":>6} {"pairs_together":>14} {"ari":>6} {"load1":>5}'
    print(head, flush=True)
    def row(**r):
        r['load1'] = round(os.getloadavg()[0], 2); rows.append(r)
        f = lambda k, w, fmt='': (format(r[k], fmt) if r.get(k) is not None else '-').rjust(w)
        print(f'{f("n", 8)} {f("data", 9)} {f("method", 8)} {f("seconds", 8, ".1f")} {f("clusters", 8)} {f("leaks", 6)} '
              f'{f("pairs_together", 14, ".4f")} {f("ari", 6, ".3f")} {f("load1", 5)}', flush=True)
    for n in a.sizes:
        seqs = yeast_seqs(n); n = len(seqs)
        wd = Path(tempfile.mkdtemp(prefix='homology_bench.'))
        try:
            hits = ref = None
            est = None if last_hf is None else last_hf[1] * (n / last_hf[0]) ** 2
            if hf_stopped: print(f'# hashFrag skipped at n={n}: {hf_stopped}', flush=True)
            elif est is not None and est > 6 * a.hashfrag_max_s:
                hf_stopped = f'quadratic extrapolation from n={last_hf[0]} ({last_hf[1]:.0f} s) gives ~{est:.0f} s'
                print(f'# hashFrag skipped at n={n}: {hf_stopped}', flush=True)
            else:
                t = time.perf_counter(); hs = hashfrag_split(seqs, seed=0, workdir=wd, threads=a.threads); dt = time.perf_counter() - t
                hits = homology_hits(blast_dir(seqs, wd), 60)  # the kept BLAST run, not recomputed
                ref = hashfrag_groups(seqs, workdir=wd)
                row(n=n, data='yeast', method='hashfrag', seconds=dt, clusters=len(np.unique(ref)), leaks=leaks(hs.params['leak_check']))
                last_hf = (n, dt)
                if dt > a.hashfrag_max_s: hf_stopped = f'n={n} took {dt:.0f} s (> {a.hashfrag_max_s:.0f} s)'
            t = time.perf_counter(); ms = mmseqs_split(seqs, seed=0, threads=a.threads); dt = time.perf_counter() - t
            ag = homology_agreement(mmseqs_clusters(seqs, threads=a.threads), hits, ref) if hits is not None else {}
            row(n=n, data='yeast', method='mmseqs', seconds=dt, clusters=ms.params['clusters'],
                leaks=leaks(check_no_leak(ms, hits, seqs)) if hits is not None else None,
                pairs_together=ag.get('pairs_together'), ari=ag.get('ari'))
        finally: shutil.rmtree(wd, ignore_errors=True)
    for n in a.generated:
        seqs, planted = planted_seqs(n)
        t = time.perf_counter(); ms = mmseqs_split(seqs, seed=0, threads=a.threads); dt = time.perf_counter() - t
        lab = mmseqs_clusters(seqs, threads=a.threads) if n <= 100_000 else None  # agreement with the planted families (a second run: small pools only)
        row(n=n, data='generated', method='mmseqs', seconds=dt, clusters=ms.params['clusters'], leaks=leaks(check_no_leak(ms, planted)),
            pairs_together=None if lab is None else homology_agreement(lab, planted)['pairs_together'])
    if a.out: write_csv(a.out, pd.DataFrame(rows))
    print(f'# load average at end {os.getloadavg()}', flush=True)
    df = pd.DataFrame(rows)
    both = df[df.data == 'yeast'].groupby('n').method.nunique()
    both = both[both == 2]
    if len(both):
        n = both.index.max(); s = df[(df.data == 'yeast') & (df.n == n)].set_index('method').seconds
        print(f'speed ratio hashFrag/mmseqs at n={n}: {s["hashfrag"] / s["mmseqs"]:.1f}x ({cpu_name()}, {a.threads} threads each, '
              f'load average {os.getloadavg()[0]:.2f})')
    else: print(f'speed ratio hashFrag/mmseqs: no size where both ran ({cpu_name()})')


if __name__ == '__main__': main()
