"""Reading speed of the six loading strategies (s2f_nb.models.loading) against a map-style per-sample Dataset, in one run.

A pool of --n random yeast promoters (150 bp, uint8 codes, float32 labels) is written once with `write_codes` and
memory-mapped. Each strategy reads --rows rows of one epoch through `CodeStream.loader` (scDataset, batch 256,
fetch_factor 256, --workers DataLoader workers): codes and labels as numpy batches, no model. The baseline is what a
plain script does: a `torch.utils.data.Dataset` whose `__getitem__` returns one row of the same memory map, under a
shuffled DataLoader with batch 256 (one random access per sequence). Pages are warm (the pool was just written or
read); with --cold the page cache is dropped before every strategy (needs root). The last line is block shuffling's
speed over the map-style baseline.
Usage: .venv/bin/python bench/loader_throughput.py [--n 2000000] [--rows 1000000] [--workers 0] [--cold]
"""
import argparse, os, platform, tempfile, time
from pathlib import Path
import numpy as np, torch
from s2f_nb.data.codes import write_codes, write_labels, random_promoters, open_codes
from s2f_nb.models.loading import CodeStream, LOADERS, balanced_weights, label_bins

p = argparse.ArgumentParser()
p.add_argument('--n', type=int, default=2_000_000); p.add_argument('--rows', type=int, default=1_000_000)
p.add_argument('--workers', type=int, default=0); p.add_argument('--batch', type=int, default=256)
p.add_argument('--fetch-factor', type=int, default=256); p.add_argument('--cold', action='store_true')
p.add_argument('--baseline-rows', type=int, default=200_000, help='rows read by the map-style baseline (it is slow)')
p.add_argument('--dir', default=None, help='where the pool is written (default: a temporary folder)')
a = p.parse_args()
torch.set_num_threads(max(1, os.cpu_count() or 1))

def drop_caches():
    if a.cold:
        os.sync(); Path('/proc/sys/vm/drop_caches').write_text('3\n')

root = Path(a.dir or tempfile.mkdtemp(prefix='loader_bench_'))
t0 = time.time()
cm = write_codes(root / 'pool', random_promoters(a.n, seed=0), n=a.n, length=150, progress=False, overwrite=True)
cm = write_labels(cm, lambda c: (c[:, 57:137] >= 2).mean(1, keepdims=True).astype(np.float32), ['gc'], progress=False)
print(f'pool: {a.n:,} x 150 bp written and labelled in {time.time() - t0:.1f} s ({(root / "pool" / "codes.npy").stat().st_size / 1e6:.0f} MB codes)')
w = balanced_weights(label_bins(np.asarray(cm.y), 10))

def read(it, limit):
    n, t0 = 0, time.perf_counter()
    for b in it:
        n += len(b['codes'] if isinstance(b, dict) else b[0])
        if n >= limit: break
    return n, time.perf_counter() - t0

rows = {}
for s in LOADERS:
    drop_caches()
    st = CodeStream(cm, s, weights=w if s.startswith('weighted') else None, fetch_factor=a.fetch_factor, num_workers=a.workers)
    n, dt = read(st.loader(0, a.batch), a.rows)
    rows[s] = n / dt
    print(f'{s:18s} {n:>10,} rows {dt:7.2f} s {n / dt:>12,.0f} seq/s')

class PerSample(torch.utils.data.Dataset):  # the plain script: one row per __getitem__
    def __init__(self, folder): self.cm = open_codes(folder)
    def __len__(self): return len(self.cm)
    def __getitem__(self, i): return np.array(self.cm.codes[i]), np.array(self.cm.y[i])

drop_caches()
dl = torch.utils.data.DataLoader(PerSample(root / 'pool'), batch_size=a.batch, shuffle=True, num_workers=a.workers,
                                 generator=torch.Generator().manual_seed(0))
n, dt = read(dl, a.baseline_rows)
base = n / dt
print(f'{"map-style Dataset":18s} {n:>10,} rows {dt:7.2f} s {base:>12,.0f} seq/s')
try: cpu = next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
except (OSError, StopIteration): cpu = platform.processor() or platform.machine()
load = os.getloadavg()[0]
print(f'hardware: {cpu}, {os.cpu_count()} cores, load {load:.1f}; pages {"cold" if a.cold else "warm"}; workers {a.workers}; torch {torch.__version__}')
print(f"block_shuffling / map-style Dataset: {rows['block_shuffling'] / base:.1f}x ({rows['block_shuffling']:,.0f} vs {base:,.0f} seq/s)")
