#!/usr/bin/env python
"""GB1 campaigns in the ALDE protocol: 96 random variants, then 4 rounds of 96 (480 labels), on the whole landscape.

Runs the best configuration of `nbs/66_protein_campaigns.ipynb` and the random baseline for `--seeds` seeds and
prints, as its last line, mean best normalised fitness at 480 labels (± SEM) and the fraction of campaigns that
found the global maximum, with the per-round wall time and the hardware.

    S2F_DATA=../shared/data .venv/bin/python bench/gb1_campaign.py --seeds 10
"""
import argparse, os, platform, tempfile, time
import numpy as np
from s2f_nb.loop.campaigns import Campaign, ProteinRecipe, campaign_benchmark, campaign_table

BEST = dict(head='mlp', encoder='onehot', acquisitions=['thompson'])  # the experiment's best configuration

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', type=int, default=10)
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--out', default=None, help='run folder (default: a temporary one)')
    a = ap.parse_args()
    camps = {'best': Campaign(ProteinRecipe(BEST['head'], BEST['encoder']), BEST['acquisitions']),
             'random': Campaign(ProteinRecipe('ridge', 'onehot'), ['random'])}
    out = a.out or tempfile.mkdtemp(prefix='gb1_campaign_')
    t0 = time.time()
    res = campaign_benchmark('gb1_wu2016', camps, seeds=range(a.seeds), out_dir=out, n_jobs=a.jobs, n_heldout=2000)
    wall = time.time() - t0
    tab = campaign_table(res)
    print(tab[['labels', 'seeds', 'best_fitness', 'best_fitness_sem', 'found_max', 'found_max_sem', 'top10_hits', 'heldout_spearman']].round(3).to_string())
    t = res[res.strategy == 'best'].filter(like='time_').sum(axis=1).groupby(res['round']).mean()
    print('mean wall time per round of the best configuration (s): ' + ', '.join(f'round {r}: {v:.1f}' for r, v in t.items()))
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
    b, r = tab.loc['best'], tab.loc['random']
    print(f"GB1 480 labels, {a.seeds} seeds, {wall / 60:.1f} min on {os.cpu_count()} cores ({cpu}): "
          f"best config ({BEST['encoder']} + {BEST['head']} + {'/'.join(BEST['acquisitions'])}) {b.best_fitness:.3f} ± {b.best_fitness_sem:.3f}, "
          f"global max {b.found_max:.0%}; random {r.best_fitness:.3f} ± {r.best_fitness_sem:.3f}, global max {r.found_max:.0%}")

if __name__ == '__main__':
    main()
