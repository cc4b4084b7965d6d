#!/usr/bin/env python
"""The lab-campaign store at scale: a 1M-candidate protein campaign, 1M assay rows imported, 1,000 variants proposed.

Builds a CSV of `--n-candidates` distinct GB1 variants (the 56-aa wild type of `gb1_wu2016` with 1-4 random
substitutions, fixed seed) and a deep-mutational-scan style assay upload of `--n-rows` rows (half the candidates'
worth of variants x 2 replicates; columns variant, value, replicate, plate, date; values from a random additive
landscape plus noise), then times each step of a campaign (`s2f_nb.lab.core`, DuckDB store with copy-on-write writes):
`init_campaign` (ridge head, parent = wild type), a random round 0 of 1,000, the import of the upload
(`allow_unproposed=True`: it was never proposed), a re-import of the same file (must change nothing), `update`
(ridge on every measured variant), `propose(1000, strategy='ucb')` from the remaining candidates, `export(1000)` and `status`.
Each step runs in a fresh subprocess (this script with `--phase`), so its time includes opening the campaign and its
peak memory is the child's own peak resident set (ru_maxrss, including ~0.3 GB of imported libraries).
Prints a table (time, peak memory, store size after the step); the last line holds every step's time and peak memory.
At the default size `update` fits ridge on 500k variants: 13-24 min and 17.5 GB of memory with s2f_nb as of commit
be05bc5 on 2 shared cores (use --n-rows to measure a smaller update). --profile writes a cProfile file per step.

    S2F_DATA=/work/shared/data S2F_CACHE=/tmp/s2f_cache_bench nice -n 10 .venv/bin/python bench/campaign_store.py
    (--quick: 20k candidates, 20k rows, under a minute)
"""
import argparse, json, os, platform, resource, shutil, subprocess, sys, tempfile, time
from pathlib import Path

PHASES = ['init', 'propose0', 'import', 'reimport', 'update', 'propose', 'export', 'status']

def human(n: int) -> str: return f'{n / 1e6:g}M' if n >= 1e6 else f'{n / 1e3:g}k' if n >= 1e3 else str(n)

def cpu_name() -> str:
    try: name = next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except (OSError, StopIteration): name = platform.processor() or platform.machine()
    ram = os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30
    return f'{len(os.sched_getaffinity(0))}-core {name}, {ram:.0f} GB RAM'

# ---------------------------------------------------------------- data (child process)
def make_files(a, work: Path) -> dict:
    "The candidates CSV and the assay CSV (fixed seed); returns the wild type and counts."
    import numpy as np, pandas as pd
    from s2f_nb.data.load import load_task
    td = load_task('gb1_wu2016')
    wt = td.sequences()[int(np.flatnonzero(td.meta['id'].to_numpy() == 'VDGV')[0])]
    aa = np.frombuffer(b'ACDEFGHIKLMNPQRSTVWY', np.uint8); L = len(wt)
    w = np.searchsorted(aa, np.frombuffer(wt.encode(), np.uint8))  # wild type as 0..19 (aa is sorted)
    rng = np.random.default_rng(a.seed); n = a.n_candidates; codes = np.zeros((0, L), np.uint8)
    while len(codes) < n:  # draw extra, keep the first n distinct variants in draw order (there are only 1,064 single mutants)
        m = int((n - len(codes)) * 1.2) + 1000
        k = rng.integers(1, 5, m)  # 1..4 substitutions
        pos = np.argsort(rng.random((m, L)), 1)[:, :4]  # 4 distinct positions, the first k used
        c = np.tile(w.astype(np.uint8), (m, 1))
        for j in range(4):
            use = k > j; p = pos[use, j]
            c[use, p] = (c[use, p] + rng.integers(1, 20, use.sum())) % 20  # a different amino acid
        codes = np.concatenate([codes, c])
        codes = codes[~pd.Series(aa[codes].view(f'S{L}').ravel()).duplicated().to_numpy()]  # hash-based, keeps the first
    codes = codes[:n]
    seqs = aa[codes].view(f'S{L}').ravel().astype(str)
    n_mut = np.bincount((codes != w).sum(1), minlength=5)[1:5]
    # mutation names as s2f_nb.lab.core.mutation_names writes them ('V39D:G41A')
    names = [':'.join(f'{wt[i]}{i + 1}{q[i]}' for i in np.flatnonzero(d)) for d, q in zip(codes != w, seqs)]
    pd.DataFrame(dict(sequence=seqs)).to_csv(work / 'candidates.csv', index=False)
    # the assay upload: n_rows // 2 variants (a random half of the candidates at most) x 2 replicates
    nv = min(a.n_rows // 2, n - 2000)
    meas = np.sort(rng.choice(n, nv, replace=False))
    effect = rng.normal(0, 1, (L, 20)); effect[np.arange(L), w] = 0  # additive landscape
    fit = effect[np.arange(L), codes[meas]].sum(1)
    rows = []
    for rep in (1, 2):
        v = fit + rng.normal(0, 0.3, nv)
        rows.append(pd.DataFrame(dict(variant=np.asarray(names, object)[meas], value=np.round(v, 5), replicate=rep,
                                      plate=[f'P{rep}-{i // 384:05d}' for i in range(nv)], date=f'2025-0{rep}-15')))
    assays = pd.concat(rows, ignore_index=True)
    assays.to_csv(work / 'assays.csv', index=False)
    return dict(wt=wt, n_candidates=n, n_rows=len(assays), n_measured=nv, n_mutations_1_to_4=n_mut.tolist())

# ---------------------------------------------------------------- one phase (child process)
def run_phase(a, work: Path) -> dict:
    info = json.loads((work / 'files.json').read_text()) if (work / 'files.json').exists() else None
    camp = work / 'campaign'
    t0 = time.perf_counter()
    from s2f_nb.lab.core import init_campaign, LabCampaign  # before the clock starts; what a step imports lazily (torch, sklearn) is timed
    t1 = time.perf_counter(); extra = dict(import_s=round(t1 - t0, 2))
    if a.phase == 'files':
        info = dict(make_files(a, work), key=[a.n_candidates, a.n_rows, a.seed]); (work / 'files.json').write_text(json.dumps(info)); extra.update(info)
    else:
        if a.phase == 'init':
            c = init_campaign(camp, task=str(work / 'candidates.csv'), parent=info['wt'], head='ridge', seed=0)
            extra['n_candidates'] = c.settings['n_candidates']
        else:
            c = LabCampaign(camp)
            if a.phase == 'propose0': extra['n'] = len(c.propose(1000, strategy='random'))
            elif a.phase == 'import':
                r = c.import_assays(work / 'assays.csv', allow_unproposed=True, partial=True); extra.update(imported=r['imported'], unproposed=r['unproposed'])
            elif a.phase == 'reimport':
                before = _tables(c); t1 = time.perf_counter()
                r = c.import_assays(work / 'assays.csv', allow_unproposed=True, partial=True); extra.update(imported=r['imported'], already=r['already'])
                secs = time.perf_counter() - t1
                assert r['already'] and r['imported'] == 0 and _tables(c) == before, (r, before, _tables(c))  # nothing changed
            elif a.phase == 'update':
                r = c.update(progress=False); extra.update(n_train=r['n_train'], fit_seconds=r['seconds'])
            elif a.phase == 'propose':
                df = c.propose(1000, strategy='ucb'); extra.update(n=len(df), best_predicted=round(float(df['predicted_mean'].max()), 3))
            elif a.phase == 'export': extra['n'] = len(c.export(1000))
            elif a.phase == 'status':
                s = c.status(); extra.update(measured=s['measured_variants'], assays=s['assays'])
    if a.phase != 'reimport': secs = time.perf_counter() - t1
    return dict(phase=a.phase, seconds=secs, peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra)

def _tables(c) -> dict:
    "Row count and content hash of every table of a campaign's store."
    with c.store.read() as con:
        names = [r[0] for r in con.execute('SELECT table_name FROM duckdb_tables() ORDER BY 1').fetchall()]
        return {t: con.execute(f'SELECT count(*), sum(hash(t)) FROM {t} t').fetchall()[0] for t in names}  # rows and a hash of their content

def child(a, work: Path, phase: str) -> dict:
    cmd = [sys.executable, __file__, '--phase', phase, '--out', str(work), '--n-candidates', str(a.n_candidates),
           '--n-rows', str(a.n_rows), '--seed', str(a.seed)]
    if a.profile: cmd += ['--profile']
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode:
        why = ' (killed: out of memory?)' if p.returncode in (-9, 137) else ''
        sys.exit(f'phase {phase} failed (exit {p.returncode}){why}:\n{p.stdout[-3000:]}\n{p.stderr[-5000:]}')
    r = json.loads(p.stdout.strip().splitlines()[-1])
    st = work / 'campaign' / 'store.duckdb'
    r['store_mb'] = st.stat().st_size / 2**20 if st.exists() else 0.0
    return r

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n-candidates', type=int, default=1_000_000)
    ap.add_argument('--n-rows', type=int, default=1_000_000, help='assay rows (half as many variants, 2 replicates each)')
    ap.add_argument('--quick', action='store_true', help='20k candidates, 20k rows')
    ap.add_argument('--out', default=None, help='work folder (default: a temporary one, removed at the end)')
    ap.add_argument('--keep', action='store_true', help='keep the work folder')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--profile', action='store_true', help='cProfile each phase into OUT/profile_PHASE.prof')
    ap.add_argument('--phases', default=None, help=f'comma-separated steps to run on a kept --out folder (default: all of {",".join(PHASES)})')
    ap.add_argument('--phase', default=None, help=argparse.SUPPRESS)  # internal: run one phase in this process
    a = ap.parse_args()
    if a.quick: a.n_candidates, a.n_rows = 20_000, 20_000
    if a.phase:
        work = Path(a.out)
        if a.profile:
            import cProfile, pstats
            pr = cProfile.Profile(); r = pr.runcall(run_phase, a, work); pr.dump_stats(str(work / f'profile_{a.phase}.prof'))
        else: r = run_phase(a, work)
        print(json.dumps(r)); return
    work = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix='campaign_store_'))
    work.mkdir(parents=True, exist_ok=True)
    phases = a.phases.split(',') if a.phases else PHASES
    if phases[0] == 'init' and (work / 'campaign').exists(): shutil.rmtree(work / 'campaign')
    hw = cpu_name()
    print(f'campaign store benchmark: {a.n_candidates:,} candidates, {a.n_rows:,} assay rows; {hw}; python {platform.python_version()}; '
          f'load average {os.getloadavg()[0]:.1f}; work folder {work}', flush=True)
    try:
        fj = work / 'files.json'; same = fj.exists() and json.loads(fj.read_text()).get('key') == [a.n_candidates, a.n_rows, a.seed]
        f = dict(json.loads(fj.read_text()), seconds=0.0) if same else child(a, work, 'files')  # files of a kept folder are reused
        print(f"files: {f['n_candidates']:,} candidates ({(work / 'candidates.csv').stat().st_size / 2**20:.0f} MB CSV), "
              f"{f['n_rows']:,} assay rows of {f['n_measured']:,} variants ({(work / 'assays.csv').stat().st_size / 2**20:.0f} MB CSV) "
              f"in {f['seconds']:.1f} s; candidates with 1/2/3/4 substitutions: {'/'.join(f'{x:,}' for x in f['n_mutations_1_to_4'])}", flush=True)
        res = {}
        for ph in phases:
            r = res[ph] = child(a, work, ph)
            more = ', '.join(f'{k}={v}' for k, v in r.items() if k not in ('phase', 'seconds', 'peak_mb', 'store_mb', 'import_s'))
            print(f'{ph:9s} {r["seconds"]:8.1f} s  peak {r["peak_mb"] / 1024:5.2f} GB  store {r["store_mb"]:7.1f} MB  {more}', flush=True)
    finally:
        if not (a.keep or a.out): shutil.rmtree(work, ignore_errors=True)
    lab = dict(init=f'init {human(a.n_candidates)}', propose0='random round 0 of 1k', import_=f'import {human(f["n_rows"])} rows',
               reimport='re-import', update=f'update (ridge on {human(res["update"]["n_train"]) if "update" in res else "?"})',
               propose='propose 1k ucb', export='export 1k', status='status')
    parts = [f"{lab['import_' if ph == 'import' else ph]} {res[ph]['seconds']:.1f} s / {res[ph]['peak_mb'] / 1024:.2f} GB" for ph in phases]
    print(f'load average at the end {os.getloadavg()[0]:.1f} (other processes on the machine slow every step)')
    print(f'campaign store ({hw}, {a.n_candidates:,} candidates, {f["n_rows"]:,} assay rows): ' + ', '.join(parts) +
          f'; store {res[phases[-1]]["store_mb"]:.0f} MB (each step in a fresh process; +{res[phases[-1]]["import_s"]:.1f} s to import s2f_nb.lab.core)')

if __name__ == '__main__': main()
