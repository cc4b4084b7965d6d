"""A lab campaign driven entirely through the installed `s2f` console script: the same batches as the Python loop, and
a store that survives kill -9 during import and update, with one writer at a time and readers never blocked."""
import hashlib, os, subprocess, sys, time
from pathlib import Path
import numpy as np
import pandas as pd
import pytest

S2F = str(Path(sys.executable).parent / 's2f')

def s2f(*args, env=None, check=True, timeout=600):
    r = subprocess.run([S2F, 'campaign', *map(str, args)], capture_output=True, text=True, timeout=timeout,
                       env={**os.environ, 'COLUMNS': '120', **(env or {})})
    if check: assert r.returncode == 0, f's2f campaign {" ".join(map(str, args))} failed:\n{r.stdout}\n{r.stderr[-3000:]}'
    return r

def lab_file(batch_csv: Path, td, out: Path) -> Path:
    "The lab: measured values of a proposed batch from the GB1 landscape (the lookup oracle's values)."
    b = pd.read_csv(batch_csv); row = {n: i for i, n in enumerate(td.meta['id'])}
    y = td.labels[b['variant'].map(row).to_numpy(), 0]
    pd.DataFrame(dict(campaign=b['campaign'], variant=b['variant'], value=[repr(float(v)) for v in y], plate='P1')).to_csv(out, index=False)
    return out

def snapshot(d: Path) -> tuple:
    "The store's bytes and its table sizes."
    import duckdb
    con = duckdb.connect(str(d / 'store.duckdb'), read_only=True)
    n = tuple(con.execute(f'SELECT count(*) FROM {t}').fetchone()[0] for t in ('variants', 'rounds', 'proposals', 'imports', 'assays', 'students'))
    con.close()
    return hashlib.sha256((d / 'store.duckdb').read_bytes()).hexdigest(), n

def test_gb1_campaign_from_the_shell_picks_the_loops_batches(tmp_path):
    from s2f_nb.data.load import load_task
    from s2f_nb.learners.oracles import LookupOracle
    from s2f_nb.loop.core import run_al_loop, schedule, RoundSpec
    from s2f_nb.loop.campaigns import landscape_pool
    from s2f_nb.lab.core import make_student
    from s2f_nb.data.pool import Pool
    td, d, seed = load_task('gb1_wu2016'), tmp_path / 'gb1', 7
    s2f('init', d, '--task', 'gb1_wu2016', '--head', 'ridge', '--seed', seed)
    row = {n: i for i, n in enumerate(td.meta['id'])}; picked = []
    for r in range(4):
        s2f('propose', d, '--n', 96, *(['--strategy', 'ucb'] if r else []))
        batch = d / 'rounds' / f'round_{r:04d}.csv'
        picked.append(np.sort(pd.read_csv(batch)['variant'].map(row).to_numpy()))
        s2f('import', d, lab_file(batch, td, tmp_path / f'plate_{r}.csv'))
        s2f('update', d)
    out = s2f('status', d).stdout
    assert '384 variants measured' in out and '4 student versions' in out, out
    student = make_student(dict(kind='protein', head='ridge', encoder='onehot', kw={}))(td, seed)
    run_al_loop(td, landscape_pool(len(td), 96, seed), student, LookupOracle(td), schedule([RoundSpec('ucb', 96, options=dict(kappa=1.0))]),
                3, tmp_path / 'loop', seed=seed, tests={}, progress=False)
    pool = Pool.load(sorted((tmp_path / 'loop' / 'checkpoints').glob('round*'))[-1] / 'pool.npz')
    for r in range(4):
        assert (picked[r] == np.flatnonzero(pool.round_labeled == r)).all(), f'round {r}: the CLI campaign picked other variants than run_al_loop'
    ex = s2f('export', d, '--n', 20).stdout
    assert 'ranked_v0004.csv' in ex and len(pd.read_csv(d / 'exports' / 'ranked_v0004.csv')) == 20

@pytest.fixture(scope='module')
def base(tmp_path_factory):
    "A 229-variant protein campaign with one measured round, a student, and a second round proposed (made once)."
    t = tmp_path_factory.mktemp('campaign'); d = t / 'c'
    s2f('init', d, '--parent', 'MKTAYIAKQRQI', '--mutation-budget', 1, '--head', 'ridge')
    s2f('propose', d, '--n', 8)
    b = pd.read_csv(d / 'rounds' / 'round_0000.csv'); b['value'] = np.arange(8) * 0.5
    b.to_csv(t / 'r0.csv', index=False); s2f('import', d, t / 'r0.csv'); s2f('update', d)
    s2f('propose', d, '--n', 8, '--strategy', 'ucb')
    b = pd.read_csv(d / 'rounds' / 'round_0001.csv'); b['value'] = np.arange(8) * 0.25
    b.to_csv(t / 'r1.csv', index=False)
    return d, t / 'r1.csv'

@pytest.fixture
def small(base, tmp_path):
    "A fresh copy of the base campaign and its second round's assay file."
    import shutil
    d = tmp_path / 'c'; shutil.copytree(base[0], d)
    f = tmp_path / 'r1.csv'; shutil.copy(base[1], f)
    return d, f

@pytest.mark.parametrize('step', ['copied', 'written', 'committed'])
def test_kill_during_import_leaves_the_store_as_it_was(small, step):
    d, f = small
    before = snapshot(d)
    r = s2f('import', d, f, env={'S2F_FAULT': step}, check=False)
    assert r.returncode == -9, (r.returncode, r.stderr[-2000:])
    assert snapshot(d) == before, f'killed at {step!r}: the store changed'
    s2f('import', d, f)  # the lock died with the process; leftovers are cleaned up
    assert snapshot(d)[1][4] == before[1][4] + 8
    assert not list(d.glob('.store-*'))

def test_kill_after_publish_keeps_the_whole_import(small):
    d, f = small
    before = snapshot(d)
    assert s2f('import', d, f, env={'S2F_FAULT': 'published'}, check=False).returncode == -9
    assert snapshot(d)[1][4] == before[1][4] + 8
    assert 'already imported' in s2f('import', d, f).stdout

@pytest.mark.parametrize('step', ['artifact', 'committed'])
def test_kill_during_update_leaves_no_half_version(small, step):
    d, f = small
    s2f('import', d, f); before = snapshot(d)
    assert s2f('update', d, env={'S2F_FAULT': step}, check=False).returncode == -9
    assert snapshot(d) == before, f'killed at {step!r}: the store changed'
    out = s2f('update', d).stdout
    assert 'student version 2' in out and snapshot(d)[1][5] == 2
    s2f('propose', d, '--n', 4, '--strategy', 'thompson')  # the new version loads and is up to date

def test_one_writer_at_a_time_and_readers_keep_working(small):
    d, f = small
    p = subprocess.Popen([S2F, 'campaign', 'import', str(d), str(f)], env={**os.environ, 'S2F_PAUSE': 'written'},
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            if (d / '.writer.json').exists() and list(d.glob('.store-*.duckdb')): break
            time.sleep(0.1)
        time.sleep(0.5)
        r = s2f('update', d, check=False)
        assert r.returncode == 1 and 'is in use' in r.stderr and 'import r1.csv' in r.stderr, r.stderr
        assert '8 variants measured' in s2f('status', d).stdout  # a reader sees the last published store
    finally:
        p.kill(); p.wait()
    s2f('import', d, f)

@pytest.mark.parametrize('step', ['round files', 'published'])
def test_kill_during_propose_leaves_no_round_without_its_files(small, step):
    "Killed while proposing (issue 27 item 8), propose leaves no round, or a round whose CSV and FASTA exist; a lost file is restored."
    d, f = small
    s2f('import', d, f); s2f('update', d)
    before = snapshot(d)
    assert s2f('propose', d, '--n', 4, '--strategy', 'ucb', env={'S2F_FAULT': step}, check=False).returncode == -9
    n_rounds = snapshot(d)[1][1]
    assert n_rounds == before[1][1] + (step == 'published'), (step, n_rounds)
    if step == 'round files': assert snapshot(d) == before
    for r in range(n_rounds): assert all((d / 'rounds' / f'round_{r:04d}{x}').is_file() for x in ('.csv', '.fasta')), (step, r)
    s2f('propose', d, '--n', 4, '--strategy', 'ucb')
    lost = d / 'rounds' / 'round_0001.csv'; want = lost.read_bytes(); lost.unlink()
    out = s2f('status', d).stdout
    assert 'restored the missing round file' in out and lost.read_bytes() == want, out
