"""Adaptive Sparse Training, measured: full training vs AST vs random subsampling vs the `adaptive-sparse-training` package.

Data: the yeast DREAM 2022 test set (71,103 promoters with MAUDE expression), a seeded random subset of --n-train
training, --n-val validation and --n-test test rows. Model: the small CNN of `s2f_nb.models.core` at its default size
(--arch for another), AdamW (lr 2e-3, weight decay 1e-4, constant), batch 128, reverse-complement augmentation, the
same --epochs for every mode with no early stopping (the best validation epoch is kept). Every mode of a seed starts
from the same weights and sees the same batch order and augmentation. The modes:
  full      every sample back-propagated (`fit` with AST off)
  ast       AST: a no-grad scoring forward of the batch, then forward + backward of the rows whose loss is at or above
            the PI-controlled threshold (target 0.4, kp 0.01, ki 0.001, 50 warm-up steps)
  ast_mask  AST as the Genesis-RNA design describes it: one forward with grad, the masked loss back-propagated
  random    a uniform random 40 % of each batch back-propagated (the control; no scoring pass; the same warm-up)
  package   adaptive-sparse-training 1.0.1 (`AdaptiveSparseTrainer.train_epoch`, target 0.4) driving the same model,
            optimiser and batches, with `mse_per_sample` as its criterion
The modes run in lockstep (epoch e of every mode, then epoch e + 1, in rotating order), so the load of other processes
falls on all of them alike. Reported per mode (mean ± sd over seeds): the activation rate, training seconds per epoch
(wall and process CPU time; validation excluded), forward FLOPs x rows (`models.flops_per_seq`; a backward counts as 2
forwards), the best validation and its test Pearson; then, for each target (a fraction of full training's best
validation Pearson, per seed), the epochs, wall seconds, CPU seconds and FLOPs until validation first reaches it.
MLM part (--mlm-steps > 0): the tiny RNA transformer pretrained by masked-token prediction on the same promoters, full
vs AST vs random (per-sequence masked cross-entropy, `mlm_per_sample`, through `sparse_step`), the held-out
masked-token loss every --mlm-eval steps, and the time to reach 1.02 x full training's best held-out loss.
Raw per-epoch results go to --out (JSON); --from-json re-tabulates a saved run. --step-costs N first times N interleaved
training steps of the CNN, DeepSTARR, a reduced DREAM-RNN and a small transformer in each mode (with --seeds 0: only that).
The LAST line is the wall-clock ratio full / AST to reach the first target, with the CPU named.
Usage: S2F_DATA=/work/shared/data .venv/bin/python bench/sparse_training.py [--threads 1] [--epochs 8] [--n-train 20000]
       [--seeds 3] [--modes full,ast,ast_mask,random,package] [--arch cnn] [--mlm-steps 400] [--targets 0.95,0.98]
One torch thread by default: the machine's two cores are shared with another worker, and two threads under
contention are far slower than one. About 8 minutes with the defaults on 2 shared Xeon cores.
"""
import argparse, json, math, os, platform, time
from pathlib import Path
os.environ.setdefault('TQDM_DISABLE', '1')  # the package's per-epoch progress bar
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument('--threads', type=int, default=1); p.add_argument('--epochs', type=int, default=8)
p.add_argument('--n-train', type=int, default=20000); p.add_argument('--n-val', type=int, default=2000); p.add_argument('--n-test', type=int, default=5000)
p.add_argument('--seeds', type=int, default=3); p.add_argument('--arch', default='cnn')
p.add_argument('--modes', default='full,ast,ast_mask,random,package')
p.add_argument('--mode-epochs', default='ast=10,random=16')  # more epochs for the cheaper modes: about full's wall time for --epochs
p.add_argument('--batch', type=int, default=128); p.add_argument('--lr', type=float, default=2e-3)
p.add_argument('--targets', default='0.95,0.98')  # fractions of full training's best validation Pearson (the first gives the last line)
p.add_argument('--mlm-steps', type=int, default=400); p.add_argument('--mlm-eval', type=int, default=50)
p.add_argument('--out', default='runs/bench/sparse_training.json')  # raw per-epoch results
p.add_argument('--from-json', default='')  # re-tabulate a saved run instead of training
p.add_argument('--step-costs', type=int, default=0)  # > 0: first time this many training steps of each model in each mode (0: skip)
a = p.parse_args()
torch.set_num_threads(a.threads)
TARGETS = [float(t) for t in a.targets.split(',')]
MODE_EPOCHS = {k: int(v) for k, v in (kv.split('=') for kv in filter(None, a.mode_epochs.split(',')))}
n_epochs = lambda m: MODE_EPOCHS.get(m, a.epochs)

def cpu_name() -> str:
    name = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor() or platform.machine())
    return f'{name} ({os.cpu_count()} cores, {a.threads} torch thread{"s" if a.threads > 1 else ""}, torch {torch.__version__})'

def train_all() -> dict:
    "Run every mode (and the MLM part); the raw results."
    from torch.utils.flop_counter import FlopCounterMode
    from tqdm.auto import tqdm
    from s2f_nb.data.load import load_task
    from s2f_nb.models.core import build_model, flops_per_seq
    from s2f_nb.models.training import SeqData, TrainConfig, predict, _fit_state  # `_fit_state`: fit's epoch-by-epoch pieces, for lockstep runs
    from s2f_nb.models.sparse import SparseConfig, SampleSelector, as_sparse, sparse_step, mse_per_sample, mlm_per_sample

    td = load_task('yeast_dream2022_test')
    rows = np.random.default_rng(0).permutation(len(td))
    tr_rows, va_rows = rows[:a.n_train], rows[a.n_train:a.n_train + a.n_val]
    te_rows = rows[a.n_train + a.n_val:a.n_train + a.n_val + a.n_test]
    tr, va, te = (SeqData.from_task(td, r, 'cpu') for r in (tr_rows, va_rows, te_rows))
    C, L = td.task.channels, td.task.length
    mk = lambda: build_model(a.arch, in_channels=C, n_outputs=1, length=L)
    FWD, STEPS, NOBAR = flops_per_seq(mk(), C, L), len(tr) // a.batch, tqdm(disable=True)
    pearson = lambda m, d: float(np.corrcoef(predict(m, d)[:, 0], d.y[:, 0].numpy())[0, 1])
    MODES = dict(full=None, ast=SparseConfig(), ast_mask=SparseConfig(scoring='mask'), random=SparseConfig(mode='random'))

    class FitRun:
        "One mode through `fit`'s own pieces (`_fit_state`, `train_epoch`, `validate`, `end_epoch`), an epoch at a time."
        def __init__(self, mode: str, seed: int):
            torch.manual_seed(seed); self.model = mk()
            cfg = TrainConfig(epochs=n_epochs(mode), batch_size=a.batch, lr=a.lr, patience=None, progress=False, seed=seed, device='cpu')
            self.st = _fit_state(self.model, tr, va, cfg, None, None, as_sparse(MODES[mode], self.model))
        def epoch(self, e: int) -> dict:
            c0 = time.process_time(); row = self.st.train_epoch(e, NOBAR); cpu = time.process_time() - c0
            self.st.end_epoch(row, self.st.validate(row), NOBAR)
            flops = FWD * (row.get('ast_fwd_nograd', 0) + 3 * row.get('ast_fwd_bwd', STEPS * a.batch))
            return dict(wall=row['seconds'], cpu=cpu, flops=flops, val_r=row['val_pearson_mean'], act=row.get('ast_activation', 1.0))
        def test_r(self) -> float:
            self.model.load_state_dict(self.st.best_state); return pearson(self.model, te)

    class Batches:
        "fit's batches (the same permutation and flips for a seed), re-iterable for the package's trainer."
        def __init__(self, seed: int): self.gen, self.e = torch.Generator().manual_seed(seed), 0
        def __len__(self): return STEPS
        def __iter__(self): return tr.batches(self.e, steps=STEPS, batch_size=a.batch, generator=self.gen, rc_aug=True)

    class PackageRun:
        "adaptive-sparse-training 1.0.1 driving our model: its train_epoch, our validation."
        def __init__(self, seed: int):
            from adaptive_sparse_training import AdaptiveSparseTrainer, ASTConfig
            torch.manual_seed(seed); self.model = mk(); torch.manual_seed(seed)
            self.loader = Batches(seed)
            opt = torch.optim.AdamW(self.model.parameters(), lr=a.lr, weight_decay=1e-4, fused=True)
            self.t = AdaptiveSparseTrainer(self.model, self.loader, None, ASTConfig(target_activation_rate=0.4, use_amp=False, device='cpu'),
                                           optimizer=opt, criterion=mse_per_sample)
            self.best, self.best_state = -math.inf, None
        def epoch(self, e: int) -> dict:
            self.loader.e = e
            t0, c0 = time.time(), time.process_time(); s = self.t.train_epoch(e); wall, cpu = time.time() - t0, time.process_time() - c0
            r = pearson(self.model, va)
            if r > self.best: self.best, self.best_state = r, {k: v.clone() for k, v in self.model.state_dict().items()}
            n = STEPS * a.batch  # per step: a no-grad forward of the batch, then forward + backward of the whole batch (masked loss)
            return dict(wall=wall, cpu=cpu, flops=FWD * (n + 3 * n), val_r=r, act=s['activation_rate'], threshold=self.t.sundew.activation_threshold)
        def test_r(self) -> float:
            self.model.load_state_dict(self.best_state); return pearson(self.model, te)

    modes, notes = a.modes.split(','), []
    if 'package' in modes:
        try: import adaptive_sparse_training  # noqa: F401
        except ImportError:
            notes.append('package: adaptive-sparse-training is not installed (.venv/bin/pip install --no-deps adaptive-sparse-training==1.0.1); skipped')
            print(notes[-1]); modes.remove('package')
    print(f'{cpu_name()}\nyeast DREAM test set: {len(tr)} train / {len(va)} val / {len(te)} test rows; {a.arch} ({FWD / 1e6:.2f} MFLOP/seq forward), '
          f'batch {a.batch}, lr {a.lr}, {STEPS} steps per epoch, seeds 0..{a.seeds - 1}; epochs ' + ', '.join(f'{m} {n_epochs(m)}' for m in modes), flush=True)
    res, t0 = {m: [] for m in modes}, time.time()  # per mode: one dict per seed (epochs, test r)
    for seed in range(a.seeds):
        runs = {m: PackageRun(seed) if m == 'package' else FitRun(m, seed) for m in modes}
        ep = {m: [] for m in modes}
        for e in range(max(map(n_epochs, modes))):
            now = [m for m in modes[e % len(modes):] + modes[:e % len(modes)] if e < n_epochs(m)]
            for m in now: ep[m].append(runs[m].epoch(e))
            print(f'seed {seed} epoch {e}: ' + ' | '.join(f"{m} r {ep[m][-1]['val_r']:.3f} act {ep[m][-1]['act']:.2f} {ep[m][-1]['wall']:.1f}s" for m in modes if m in now), flush=True)
        for m in modes: res[m].append(dict(epochs=ep[m], test_r=runs[m].test_r()))
        if 'package' in runs:
            notes.append(f"package seed {seed}: threshold at the end {ep['package'][-1]['threshold']:.2f} (its clamp is [0.5, 10] in raw loss units; significance = 0.7 x MSE + 0.3 x entropy of a 1-output softmax = 0)")
            print(notes[-1])
    out = dict(cpu=cpu_name(), args=vars(a), n=[len(tr), len(va), len(te)], fwd_flops=FWD, steps=STEPS, cnn=res, cnn_seconds=time.time() - t0, notes=notes)
    if a.mlm_steps > 0: out['mlm'] = mlm_part(td, tr_rows, va_rows, MODES, modes, build_model, SampleSelector, sparse_step, mlm_per_sample, FlopCounterMode, out)
    return out

def mlm_part(td, tr_rows, va_rows, MODES, modes, build_model, SampleSelector, sparse_step, mlm_per_sample, FlopCounterMode, out) -> dict:
    "The tiny RNA transformer's MLM: full vs AST vs random, the held-out masked-token loss every --mlm-eval steps."
    from s2f_nb.models.transformer import IGNORE, bert_mask, tokens_from_codes
    toks = tokens_from_codes(np.asarray(td.codes[tr_rows]), ends='pad')
    vin, vlab = bert_mask(tokens_from_codes(np.asarray(td.codes[va_rows[:1000]]), ends='pad'), generator=torch.Generator().manual_seed(1))
    def mlm_model(seed):
        torch.manual_seed(seed); return build_model('rna_transformer', tiny=True, in_channels=4, n_outputs=1)
    with FlopCounterMode(display=False) as fc, torch.no_grad(): mlm_model(0).eval().forward_tokens(toks[:1], heads=('mlm',))
    MFWD = fc.get_total_flops()
    @torch.no_grad()
    def held_out(model) -> float:
        model.eval(); tot = n = 0
        for i in range(0, len(vin), 250):
            lg, y = model.forward_tokens(vin[i:i + 250], heads=('mlm',))['mlm'].float(), vlab[i:i + 250]
            tot += F.cross_entropy(lg.flatten(0, 1), y.flatten(), ignore_index=IGNORE, reduction='sum').item(); n += (y != IGNORE).sum().item()
        model.train(); return tot / n
    class MLMRun:
        "pretrain_mlm's inner loop (AdamW 1e-3 constant, clip 1, batch 64, 15 % masking), with `sparse_step` for AST / random."
        def __init__(self, mode, seed):
            self.model = mlm_model(seed); self.opt = torch.optim.AdamW(self.model.parameters(), lr=1e-3, weight_decay=0.01)
            self.gen = torch.Generator().manual_seed(seed + 2); self.order, self.i = torch.randperm(len(toks), generator=self.gen), 0
            self.sel = SampleSelector(MODES[mode], seed=seed) if MODES[mode] else None
            self.model.train()
        def chunk(self, steps: int) -> dict:
            t0, c0, fl = time.time(), time.process_time(), 0
            for _ in range(steps):
                if self.i + 64 > len(self.order): self.order, self.i = torch.randperm(len(toks), generator=self.gen), 0
                inp, lab = bert_mask(toks[self.order[self.i:self.i + 64]], generator=self.gen); self.i += 64
                if self.sel is None:  # pretrain_mlm's loss: the token mean
                    loss = F.cross_entropy(self.model.forward_tokens(inp, heads=('mlm',))['mlm'].float().flatten(0, 1), lab.flatten(), ignore_index=IGNORE)
                    fl += 3 * MFWD * len(inp)
                else:
                    def losses_of(rows):
                        x, y = (inp, lab) if rows is None else (inp[rows], lab[rows])
                        return mlm_per_sample(self.model.forward_tokens(x, heads=('mlm',))['mlm'], y), None
                    c = dict(self.sel.counts)
                    loss, _ = sparse_step(self.sel, self.model, losses_of, len(inp))
                    fl += MFWD * ((self.sel.counts['fwd_nograd'] - c['fwd_nograd']) + 3 * (self.sel.counts['fwd_bwd'] - c['fwd_bwd']))
                self.opt.zero_grad(set_to_none=True); loss.backward(); nn.utils.clip_grad_norm_(self.model.parameters(), 1.0); self.opt.step()
            return dict(wall=time.time() - t0, cpu=time.process_time() - c0, flops=fl, val=held_out(self.model))
    mm = [m for m in ('full', 'ast', 'random') if m in modes]
    try:  # can the package drive a token-level model? (its bookkeeping takes one class label per sample)
        from adaptive_sparse_training import AdaptiveSparseTrainer, ASTConfig
        class MLMLogits(nn.Module):
            def __init__(self, m): super().__init__(); self.m = m
            def forward(self, x): return self.m.forward_tokens(x, heads=('mlm',))['mlm']
        inp, lab = bert_mask(toks[:64], generator=torch.Generator().manual_seed(0))
        AdaptiveSparseTrainer(MLMLogits(mlm_model(0)), [(inp, lab)], None, ASTConfig(use_amp=False, device='cpu'), criterion=mlm_per_sample).train_epoch(0)
        out['notes'].append('MLM: the package ran one epoch on the MLM (not timed)')
    except ImportError: pass
    except Exception as ex: out['notes'].append(f'MLM: the package cannot drive the MLM: {type(ex).__name__}: {str(ex)[:120]}')
    if out['notes']: print(out['notes'][-1])
    res, t0 = {m: [] for m in mm}, time.time()
    for seed in range(min(a.seeds, 2)):
        runs, ch = {m: MLMRun(m, seed) for m in mm}, {m: [] for m in mm}
        for k in range(a.mlm_steps // a.mlm_eval):
            for m in mm[k % len(mm):] + mm[:k % len(mm)]: ch[m].append(runs[m].chunk(a.mlm_eval))
        vals = {m: ' '.join('%.3f' % c['val'] for c in ch[m]) for m in mm}
        print(f'MLM seed {seed}: ' + ' | '.join(f'{m} held-out loss {vals[m]}' for m in mm), flush=True)
        for m in mm: res[m].append(ch[m])
    return dict(fwd_flops=MFWD, modes=res, seconds=time.time() - t0)

def step_costs(reps: int):
    "Milliseconds per training step (batch 128, yeast promoters) of four models in each mode, through `sparse_step`."
    from s2f_nb.data.load import load_task
    from s2f_nb.models.core import build_model, flops_per_seq
    from s2f_nb.models.training import SeqData
    from s2f_nb.models.sparse import SparseConfig, SampleSelector, sparse_step, mse_per_sample
    td = load_task('yeast_dream2022_test'); d = SeqData.from_task(td, np.arange(4096), 'cpu')
    C, L, B = td.task.channels, td.task.length, a.batch
    print(f'\n### One training step, batch {B}: median ms (ratio to full) of {reps} interleaved steps each; {cpu_name()}\n')
    print('| model | MFLOP/seq | full | ast (subset) | ast_mask | random |'); print('|---|---|---|---|---|---|')
    for arch, kw in [('cnn', {}), ('deepstarr', {}), ('dream_rnn', dict(conv_channels=64, lstm_hidden=32)),
                     ('rna_transformer', dict(d_model=64, n_layers=2, n_heads=4, dim_ff=128))]:
        torch.manual_seed(0); m = build_model(arch, in_channels=C, n_outputs=1, length=L, **kw)
        opt = torch.optim.AdamW(m.parameters(), 1e-3, fused=True)
        g = torch.Generator().manual_seed(0)
        def step(sel):
            idx = torch.randperm(len(d), generator=g)[:B]; x, y = d.batch(idx), d.y[idx]
            m.train()
            if sel is None: loss = F.mse_loss(m(x), y)
            else: loss, _ = sparse_step(sel, m, lambda rows: (mse_per_sample(m(x if rows is None else x[rows]), y if rows is None else y[rows]), None), B)
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
        sels = dict(full=None, ast=SampleSelector(SparseConfig(warmup=0)), ast_mask=SampleSelector(SparseConfig(warmup=0, scoring='mask')),
                    random=SampleSelector(SparseConfig(warmup=0, mode='random')))
        for sel in sels.values(): step(sel); step(sel)
        ts = {k: [] for k in sels}
        for _ in range(reps):  # interleaved, the median per mode: robust to other processes' bursts
            for k, sel in sels.items():
                t0 = time.perf_counter(); step(sel); ts[k].append(time.perf_counter() - t0)
        t = {k: float(np.median(v)) * 1e3 for k, v in ts.items()}
        print(f"| {arch} {kw or ''} | {flops_per_seq(m, C, L) / 1e6:.1f} | " + ' | '.join(f'{t[k]:.1f} ({t[k] / t["full"]:.2f})' for k in t) + ' |', flush=True)

# ---------------- report ----------------
ms = lambda v, fmt='{:.2f}': (fmt.format(np.mean(v)) + (f' ± {fmt.format(np.std(v, ddof=1))}' if len(v) > 1 else '')) if len(v) else 'n/a'

def to_target(chunks: list, target: float, key: str, better) -> dict | None:
    "Chunks (epochs or eval chunks), wall s, CPU s and FLOPs until `key` first reaches `target` (None: never)."
    w = c = f = 0.0
    for i, r in enumerate(chunks):
        w += r['wall']; c += r['cpu']; f += r['flops']
        if better(r[key], target): return dict(n=i + 1, wall=w, cpu=c, flops=f)
    return None

def report(out: dict):
    res, args = out['cnn'], out['args']
    modes, seeds = list(res), len(next(iter(res.values())))
    print(f"\n### {args['arch']} on {out['n'][0]} yeast promoters ({out['n'][1]} val, {out['n'][2]} test), {out['steps']} steps per epoch, {seeds} seeds")
    cmd = ' '.join(f"--{k.replace('_', '-')} {v}" for k, v in args.items() if k not in ('out', 'from_json'))
    print(f"{out['cpu']}; CNN part {out['cnn_seconds']:.0f} s; `bench/sparse_training.py {cmd}`\n")
    print('| mode | epochs | activation | s/epoch (wall) | s/epoch (CPU) | GFLOP/epoch | training s (wall) | best val r | test r |')
    print('|---|---|---|---|---|---|---|---|---|')
    for m in modes:
        eps = [r['epochs'] for r in res[m]]
        print(f"| {m} | {len(eps[0])} | {ms([np.mean([x['act'] for x in e[1:]]) for e in eps])} | {ms([np.mean([x['wall'] for x in e]) for e in eps])} | "
              f"{ms([np.mean([x['cpu'] for x in e]) for e in eps])} | {ms([np.mean([x['flops'] for x in e]) / 1e9 for e in eps], '{:.0f}')} | "
              f"{ms([sum(x['wall'] for x in e) for e in eps], '{:.1f}')} | {ms([max(x['val_r'] for x in e) for e in eps], '{:.3f}')} | {ms([r['test_r'] for r in res[m]], '{:.3f}')} |")
    print('\n(activation: mean over the epochs after the first, which holds the 50 warm-up steps; seconds: training only; '
          'test r: the best validation epoch)\n')
    if 'full' in res:  # equal wall time: the best validation Pearson each mode reached within full training's time for k epochs
        ks = [k for k in (2, 4, 8, 16) if k <= len(res['full'][0]['epochs'])]
        budgets = [np.mean([sum(x['wall'] for x in r['epochs'][:k]) for r in res['full']]) for k in ks]
        def within(es, b):
            w, best = 0.0, float('nan')
            for x in es:
                w += x['wall']
                if w > b: break
                best = x['val_r'] if best != best else max(best, x['val_r'])
            return best
        print('| mode | ' + ' | '.join(f'best val r within {b:.1f} s (full: {k} epochs)' for k, b in zip(ks, budgets)) + ' |')
        print('|---|' + '---|' * len(ks))
        for m in modes:
            print(f'| {m} | ' + ' | '.join(ms([within(r['epochs'], b) for r in res[m]], '{:.3f}') for b in budgets) + ' |')
        print()
    tt = {}
    if 'full' in res:
        print('| target (x best val r of full) | mode | reached | epochs | wall s | CPU s | TFLOP |')
        print('|---|---|---|---|---|---|---|')
        for t in TARGETS:
            tg = [t * max(r['val_r'] for r in res['full'][s]['epochs']) for s in range(seeds)]
            for m in modes:
                tt[t, m] = [to_target(res[m][s]['epochs'], tg[s], 'val_r', float.__ge__) for s in range(seeds)]
                got = [x for x in tt[t, m] if x]
                print(f"| {t} (r {ms(tg, '{:.3f}')}) | {m} | {len(got)}/{seeds} | {ms([x['n'] for x in got], '{:.1f}')} | {ms([x['wall'] for x in got], '{:.1f}')} | "
                      f"{ms([x['cpu'] for x in got], '{:.1f}')} | {ms([x['flops'] / 1e12 for x in got], '{:.2f}')} |")
    if 'mlm' in out:
        mr, n_eval = out['mlm']['modes'], args['mlm_eval']
        ns = len(next(iter(mr.values())))
        print(f"\n### MLM: tiny RNA transformer ({out['mlm']['fwd_flops'] / 1e6:.1f} MFLOP/seq forward), {args['mlm_steps']} steps of 64 promoters, {ns} seeds; "
              f"MLM part {out['mlm']['seconds']:.0f} s\n")
        mt = [1.02 * min(c['val'] for c in mr['full'][s]) for s in range(ns)] if 'full' in mr else None
        print(f"| mode | s/step (wall) | s/step (CPU) | best held-out loss | reached 1.02 x full's best ({ms(mt, '{:.3f}') if mt else 'n/a'}) | steps | wall s | TFLOP |")
        print('|---|---|---|---|---|---|---|---|')
        for m, runs in mr.items():
            got = [x for x in (to_target(runs[s], mt[s], 'val', float.__le__) for s in range(ns)) if x] if mt else []
            print(f"| {m} | {ms([sum(c['wall'] for c in r) / args['mlm_steps'] for r in runs], '{:.3f}')} | {ms([sum(c['cpu'] for c in r) / args['mlm_steps'] for r in runs], '{:.3f}')} | "
                  f"{ms([min(c['val'] for c in r) for r in runs], '{:.3f}')} | {len(got)}/{ns} | {ms([x['n'] * n_eval for x in got], '{:.0f}')} | "
                  f"{ms([x['wall'] for x in got], '{:.1f}')} | {ms([x['flops'] / 1e12 for x in got], '{:.3f}')} |")
    print()
    for n in out['notes']: print(n)
    for t in TARGETS[::-1]:  # the first target last
        pairs = [(f['wall'], s['wall']) for f, s in zip(tt.get((t, 'full'), []), tt.get((t, 'ast'), [])) if f and s]
        if pairs: print(f"wall-clock ratio full / AST to reach val Pearson >= {t} x full's best ({args['arch']}, yeast DREAM): "
                        f"{np.mean([f / s for f, s in pairs]):.2f}x (mean over the {len(pairs)} seeds where both reached it) on {out['cpu']}")
        else: print(f"wall-clock ratio full / AST to reach val Pearson >= {t} x full's best: n/a (not reached by both) on {out['cpu']}")

if a.step_costs: step_costs(a.step_costs)
if a.step_costs and a.seeds == 0: raise SystemExit
if a.from_json: out = json.loads(Path(a.from_json).read_text())
else:
    out = train_all()
    Path(a.out).parent.mkdir(parents=True, exist_ok=True); Path(a.out).write_text(json.dumps(out))
report(out)
