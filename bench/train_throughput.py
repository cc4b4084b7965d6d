"""Training throughput: s2f_nb's trainer (codes on the device, batch one-hot, no per-step sync) vs a plain baseline.

Baseline: a map-style Dataset holding the sequence strings that one-hot encodes each string in `__getitem__`
(a dict lookup per character, the reverse-complement augmentation per item), default DataLoader collation, fp32,
`loss.item()` every step. Both train the same architecture (same init) on the yeast DREAM test promoters for the
same number of steps with AdamW and batch 128. Prints sequences/s of both, the ratio, and model FLOPs/s as a fraction
of the machine's peak (CPU peak estimated from cores x clock x 32 fp32 FLOP/cycle for AVX2+FMA; GPU from the spec sheet).
Usage: .venv/bin/python bench/train_throughput.py [--archs cnn,deepstarr] [--steps 150] [--device cpu|cuda]
Also prints the share of the baseline step spent in the data path (measured by iterating its DataLoader alone).
"""
import argparse, os, platform, time
import numpy as np, torch, torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader
from s2f_nb.data.load import load_task
from s2f_nb.models.core import build_model, flops_per_seq
from s2f_nb.models.training import SeqData, fit

p = argparse.ArgumentParser()
p.add_argument('--archs', default='cnn,deepstarr,cnn-tiny')  # '-tiny': the tiny test config (data path dominates)
p.add_argument('--steps', type=int, default=150)
p.add_argument('--batch', type=int, default=128); p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
p.add_argument('--model-kw', default='')  # e.g. "dream_rnn:conv_channels=64,lstm_hidden=32"
args = p.parse_args()
dev = torch.device(args.device)

td = load_task('yeast_dream2022_test')
N = min(len(td), args.steps * args.batch * 2)
rows = np.random.default_rng(0).permutation(len(td))[:N]
seqs, y, single = td.sequences(rows), td.labels[rows], td.meta['singleton'].to_numpy(np.float32)[rows]
C, L = td.task.channels, td.task.length

class StringDataset(Dataset):
    "The plain way: strings in memory, one-hot per item in Python."
    M, COMP = {'A': 0, 'C': 1, 'G': 2, 'T': 3}, str.maketrans('ACGTN', 'TGCAN')
    def __len__(self): return len(seqs)
    def __getitem__(self, i):
        s, rc = seqs[i], np.random.rand() < 0.5
        if rc: s = s.translate(self.COMP)[::-1]
        x = np.zeros((C, L), np.float32)
        for j, ch in enumerate(s):
            k = self.M.get(ch)
            if k is not None: x[k, j] = 1.0
        x[4], x[5] = float(rc), single[i]
        return torch.from_numpy(x), torch.from_numpy(y[i])

def baseline(model, steps):
    model.to(dev).train()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    dl = DataLoader(StringDataset(), batch_size=args.batch, shuffle=True, drop_last=True)
    it, t0, n = iter(dl), time.perf_counter(), 0
    for s in range(steps):
        xb, yb = next(it)
        xb, yb = xb.to(dev), yb.to(dev)
        loss = F.mse_loss(model(xb), yb)
        opt.zero_grad(); loss.backward(); opt.step()
        loss.item(); n += len(xb)
    if dev.type == 'cuda': torch.cuda.synchronize()
    return n / (time.perf_counter() - t0)

def optimized(model, steps):
    data = SeqData.from_task(td, rows, dev)
    fit(model, data, epochs=1, max_steps=5, batch_size=args.batch, device=dev, progress=False)  # warm-up
    r = fit(model, data, epochs=1, max_steps=steps, batch_size=args.batch, device=dev, progress=False)
    return r.history[0]['seqs_per_s']

def peak():
    if dev.type == 'cuda':
        name = torch.cuda.get_device_name()
        table = {'H100': (67e12, 989e12), 'H200': (67e12, 989e12), 'A100': (19.5e12, 312e12)}  # dense fp32, bf16 tensor
        for k, v in table.items():
            if k in name: return name, v
        return name, None
    ghz = float(next((l.split(':')[1] for l in open('/proc/cpuinfo') if l.startswith('cpu MHz')), 0)) / 1e3
    return f'{platform.processor() or platform.machine()}, {os.cpu_count()} cores @ {ghz:.2f} GHz', (os.cpu_count() * ghz * 1e9 * 32,) * 2

hw, pk = peak()
print(f'hardware: {hw}; torch {torch.__version__}, {torch.get_num_threads()} threads; yeast 150 bp, {C} channels, batch {args.batch}, {args.steps} steps')
extra = {}
for spec in filter(None, args.model_kw.split(';')):
    a, kv = spec.split(':'); extra[a] = {k: int(v) for k, v in (x.split('=') for x in kv.split(','))}
for name in args.archs.split(','):
    arch, tiny = name.removesuffix('-tiny'), name.endswith('-tiny')
    mk = lambda: build_model(arch, tiny=tiny, in_channels=C, n_outputs=1, length=L, **extra.get(arch, {}))
    torch.manual_seed(0); m0 = mk()
    fl = 3 * flops_per_seq(m0, C, L)  # forward + backward
    state = {k: v.clone() for k, v in m0.state_dict().items()}
    torch.manual_seed(0); b = baseline(m0, args.steps)
    m1 = mk(); m1.load_state_dict(state)
    o = optimized(m1, args.steps)
    it, t0 = iter(DataLoader(StringDataset(), batch_size=args.batch, shuffle=True, drop_last=True)), time.perf_counter()
    for _ in range(min(args.steps, 50)): next(it)
    share = (time.perf_counter() - t0) / min(args.steps, 50) / (args.batch / b)
    fp = lambda r: f'{r * fl / 1e9:.1f} GFLOP/s' + (f' ({r * fl / (pk[1] if dev.type == "cuda" else pk[0]):.1%} of peak)' if pk else '')
    print(f'{name:10s} {fl / 3e6:7.1f} MFLOP/seq fwd | baseline {b:9.0f} seq/s [{fp(b)}] | optimized {o:9.0f} seq/s [{fp(o)}] | ratio {o / b:.2f}x | data path {share:.0%} of the baseline step')
