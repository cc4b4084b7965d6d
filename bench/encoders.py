"""Encoder throughput (embeddings/s) on GB1 variants (56 aa), direct and through the embedding cache (cold vs warm).

Encoders: onehot, aaindex, georgiev (the 4 GB1 sites, all 149,361 variants); ESM-2 with random weights in the real
esm2_t6_8M_UR50D shape (config from $S2F_DATA/esm2_t6_8M_UR50D_config_only) and in the esm2_t33_650M_UR50D shape
(33 layers, hidden 1280, 20 heads, intermediate 5120): the same compute as the real models; unirep if s2f_nb.models.unirep
exists. cold = embed + write a fresh cache; warm = the same call again (lookup + read). Nothing downloads.
Usage: S2F_DATA=... .venv/bin/python bench/encoders.py [--n-esm8m 512] [--n-esm650m 32] [--skip-650m]
Last line: the cache speed-up (warm vs cold) with the hardware named.
"""
import argparse, os, platform, tempfile, time
os.environ.setdefault('HF_HUB_OFFLINE', '1')
import numpy as np
import torch
from transformers import EsmConfig, EsmModel, EsmTokenizer
from transformers.utils import logging as hf_logging
from s2f_nb.models.encoders import ESM2Encoder, ENCODERS, cached_encode, get_encoder

p = argparse.ArgumentParser()
p.add_argument('--n-esm8m', type=int, default=512)
p.add_argument('--n-esm650m', type=int, default=32)
p.add_argument('--n-unirep', type=int, default=256)
p.add_argument('--skip-650m', action='store_true')
args = p.parse_args()
hf_logging.disable_progress_bar()
DATA = os.environ.get('S2F_DATA', '../shared/data')
ESM_DIR = os.path.join(DATA, 'esm2_t6_8M_UR50D_config_only')
SITES = [38, 39, 40, 53]

def cpu_name() -> str:
    try:
        for line in open('/proc/cpuinfo'):
            if line.startswith('model name'): return line.split(':', 1)[1].strip()
    except OSError: pass
    return platform.processor() or platform.machine()
HW = f'{cpu_name()}, {os.cpu_count()} cores, torch {torch.__version__} ({torch.get_num_threads()} threads)'

try:
    from s2f_nb.data.load import load_task
    seqs = load_task('gb1_wu2016').sequences()
except Exception as e:  # no data folder: random GB1 variants at the 4 sites
    print(f'(GB1 task not found: {e}; using random variants)')
    wt, aa, rng = 'MQYKLILNGKTLKGETTTEAVDAATAEKVFKQYANDNGVDGEWTYDDATKTFTVTE', np.array(list('ACDEFGHIKLMNPQRSTVWY')), np.random.default_rng(0)
    seqs = sorted({''.join(np.where(np.isin(np.arange(56), SITES), rng.choice(aa, 56), list(wt))) for _ in range(150_000)})
print(f'hardware: {HW}; {len(seqs):,} GB1 sequences of {len(seqs[0])} aa')

def timed(f):
    t = time.perf_counter(); out = f(); return out, time.perf_counter() - t

rows = []
def bench(label, enc, n):
    x = seqs[:n]
    _, t_direct = timed(lambda: enc.encode(x))
    with tempfile.TemporaryDirectory() as d:
        cold, t_cold = timed(lambda: cached_encode(enc, x, cache_dir=d))
        warm, t_warm = timed(lambda: cached_encode(enc, x, cache_dir=d))
    assert np.array_equal(cold, warm)
    rows.append((label, n, cold.shape[1], n / t_direct, n / t_cold, n / t_warm, t_cold / t_warm))
    print(f'{label:<28} N={n:>7,} D={cold.shape[1]:>5}  direct {n / t_direct:>12,.1f}/s  cold cache {n / t_cold:>12,.1f}/s  '
          f'warm cache {n / t_warm:>12,.0f}/s  speed-up {t_cold / t_warm:>8,.1f}x', flush=True)

for name in ('onehot', 'aaindex', 'georgiev'):
    bench(f'{name} (4 sites)', get_encoder(name, sites=SITES), len(seqs))

tok = EsmTokenizer.from_pretrained(ESM_DIR)
def random_esm(**shape):
    cfg = EsmConfig.from_pretrained(ESM_DIR)
    for k, v in shape.items(): setattr(cfg, k, v)
    torch.manual_seed(0)
    m, t = timed(lambda: EsmModel(cfg, add_pooling_layer=False).eval())
    return m, t

m8, t_init = random_esm()
e8 = ESM2Encoder.from_model(m8, tok, batch_size=32)
_, t_hash = timed(e8.weights_hash)
print(f'esm2 8M-shaped: {sum(p.numel() for p in m8.parameters()) / 1e6:.1f} M parameters, random init {t_init:.1f} s, weights hash {t_hash:.2f} s')
bench('esm2 t6 8M-shaped, mean', e8, args.n_esm8m)
bench('esm2 t6 8M-shaped, sites', ESM2Encoder.from_model(m8, tok, sites=SITES, pooling='sites', batch_size=32), args.n_esm8m)

if not args.skip_650m:
    m650, t_init = random_esm(num_hidden_layers=33, hidden_size=1280, num_attention_heads=20, intermediate_size=5120)
    e650 = ESM2Encoder.from_model(m650, tok, batch_size=16)
    _, t_hash = timed(e650.weights_hash)
    print(f'esm2 650M-shaped: {sum(p.numel() for p in m650.parameters()) / 1e6:.0f} M parameters, random init {t_init:.1f} s, weights hash {t_hash:.1f} s')
    bench('esm2 t33 650M-shaped, mean', e650, args.n_esm650m)

if 'unirep' not in ENCODERS:
    try: import s2f_nb.models.unirep  # noqa: F401  (registers 'unirep')
    except ImportError as e: print(f'unirep: not benchmarked ({e})')
if 'unirep' in ENCODERS:
    try: bench('unirep (default)', get_encoder('unirep'), args.n_unirep)
    except Exception as e: print(f'unirep: not benchmarked ({type(e).__name__}: {e})')

esm = [r for r in rows if r[0].startswith('esm2') and r[0].endswith('mean')]
print('cache speed-up (warm vs cold): ' + '; '.join(f'{r[0]} {r[6]:,.0f}x ({r[4]:,.1f} -> {r[5]:,.0f} embeddings/s)' for r in esm) + f' on {HW}')
