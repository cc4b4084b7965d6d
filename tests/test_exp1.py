"The main job's path works as installed: papermill runs experiment 1 with injected parameters (a tiny grid here)."
import os, subprocess
from pathlib import Path
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]

def test_exp1_papermill(tmp_path):
    tiny = dict(strategies='random,kcenter', seeds='0', n_rounds=1, batch_size=50, n_initial=200, n_train=1000, n_val=200, n_test=500, epochs=1, n_members=2)
    args = [a for k, v in tiny.items() for a in ('-p', k, str(v))]
    r = subprocess.run(['bash', str(ROOT / 'tools' / 'exp1.sh'), *args], capture_output=True, text=True, timeout=900,
                       env={**os.environ, 'EXP1_OUT': str(tmp_path), 'S2F_CACHE': str(tmp_path / 'cache')})
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    res = pd.read_csv(tmp_path / 'results.csv')
    assert sorted(res['strategy'].unique()) == ['kcenter', 'random']  # the injected parameters were used
    assert res['n_labeled'].max() == 250 and (tmp_path / 'exp1_curves.png').stat().st_size > 0
    assert 'plot:' in r.stdout
    assert 'kcenter seed 0 (run 2/2) round 1: 250 labelled' in r.stdout, r.stdout[-3000:]  # progress lines while it runs

def test_exp1_papermill_dream_rnn(tmp_path):
    "`-p arch dream_rnn` (the GPU-node student of the seed) runs through the same notebook (tiny config; `-p device cuda` on a GPU)."
    tiny = dict(arch='dream_rnn', model_kw='{"tiny": true}', strategies='random,uncertainty', seeds='0', n_rounds=1, batch_size=50,
                n_initial=200, n_train=1000, n_val=200, n_test=500, epochs=1, n_members=2, device='cpu')
    args = [a for k, v in tiny.items() for a in ('-p', k, str(v))]
    r = subprocess.run(['bash', str(ROOT / 'tools' / 'exp1.sh'), *args], capture_output=True, text=True, timeout=900,
                       env={**os.environ, 'EXP1_OUT': str(tmp_path), 'S2F_CACHE': str(tmp_path / 'cache')})
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    s = (tmp_path / 'settings.json').read_text()
    assert '"arch": "dream_rnn"' in s and '"tiny": true' in s, s[:2000]
    assert sorted(pd.read_csv(tmp_path / 'results.csv')['strategy'].unique()) == ['random', 'uncertainty']

def test_reservoir_grid_through_s2f_grid(tmp_path):
    "Issue 26: a tiny reservoirs x acquisitions grid (two reservoirs, two acquisitions, a tiny oracle) runs as `s2f grid` cells and collects."
    import sys
    from s2f_nb.loop.reservoir_benchmark import reservoir_table
    s2f = str(Path(sys.executable).parent / 's2f')
    tiny = dict(task_rows=3000, seeds='0', n_initial=100, n_rounds=1, batch_size=20, n_candidates=200, n_train=800, n_val=150, n_test=300,
                n_heldout=50, oracle_folds=2, oracle_tiny='true', oracle_epochs=1, model_kw='{"tiny": true}', epochs=1, n_members=2,
                oracle_dir=str(tmp_path / 'oracle'), regime='tiny')
    args = ['grid', 'run', str(ROOT / 'nbs' / '60a_exp1_reservoirs.ipynb'), str(tmp_path / 'grid'), '-g', 'reservoirs', 'pool,mutagenesis',
            '-g', 'strategies', 'random,ucb', *[a for k, v in tiny.items() for a in ('-p', k, str(v))], '--n-jobs', '2']
    env = {**os.environ, 'S2F_CACHE': str(tmp_path / 'cache')}; env.pop('IN_TEST', None)
    r = subprocess.run([s2f, *args], capture_output=True, text=True, timeout=1200, env=env)
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    r = subprocess.run([s2f, 'grid', 'collect', str(tmp_path / 'grid'), '--to', str(tmp_path / 'all.csv')], capture_output=True, text=True, env=env)
    assert r.returncode == 0, (r.stdout + r.stderr)[-3000:]
    res = pd.read_csv(tmp_path / 'all.csv')
    assert set(res['strategy']) == {'pool|random', 'pool|ucb', 'mutagenesis|random', 'mutagenesis|ucb'}, set(res['strategy'])
    assert res['n_labeled'].max() == 120 and set(res['regime']) == {'tiny'}
    gen = res[(res['reservoir'] == 'mutagenesis') & (res['round'] == 1)]
    assert (gen['acq_oracle_sd'] > 0).all() and 'gen_mutagenesis_pearson' in res  # oracle labels carry their spread; held-out set scored
    assert (tmp_path / 'oracle' / 'oracle.json').is_file()  # one oracle, trained by one cell and loaded by the others
    t = reservoir_table(res)
    assert t.loc['pool|random', 'verdict'] == 'baseline' and set(t['acquisition']) == {'random', 'ucb'}
