"""RNA transformer throughput: `scaled_dot_product_attention` vs plain attention (explicit softmax(QK^T/sqrt(d))V).

One model (the `small` size of `s2f_nb.models.transformer.TRANSFORMER_SIZES` unless --size says otherwise), the same
weights, switched between the two attention paths with `use_attention`. Inputs: real 5' UTR sequences of the
`utr5_mrl_sample2019` task (50 nt -> 52 tokens) unless --length pads them to more tokens. Training = forward (MLM
head on BERT-masked tokens) + backward + AdamW step; inference = forward of the sequence head under no_grad.
Prints tokens/s per path and mode, then, as the LAST line, the training SDPA/plain ratio with the hardware name.
Usage: .venv/bin/python bench/transformer_throughput.py [--size small] [--batch 32] [--steps 20] [--threads 2] [--device cpu]
"""
import argparse, platform, time
import numpy as np, torch, torch.nn.functional as F
from s2f_nb.data.load import load_task
from s2f_nb.models.core import build_model
from s2f_nb.models.transformer import TRANSFORMER_SIZES, IGNORE, tokens_from_codes, bert_mask, PAD_ID

p = argparse.ArgumentParser()
p.add_argument('--size', default='small', choices=sorted(TRANSFORMER_SIZES))
p.add_argument('--batch', type=int, default=32); p.add_argument('--steps', type=int, default=20)
p.add_argument('--length', type=int, default=0)  # > 52: right-pad the token rows with [PAD] to this many tokens
p.add_argument('--threads', type=int, default=2)
p.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
args = p.parse_args()
torch.set_num_threads(args.threads)
dev = torch.device(args.device)

def hardware() -> str:
    if dev.type == 'cuda': return torch.cuda.get_device_name()
    name = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor() or platform.machine())
    return f'{name}, {args.threads} threads'

td = load_task('utr5_mrl_sample2019')
rows = np.random.default_rng(0).permutation(len(td))[:args.batch * args.steps]
toks = tokens_from_codes(np.asarray(td.codes[rows]))
if args.length > toks.shape[1]: toks = F.pad(toks, (0, args.length - toks.shape[1]), value=PAD_ID)
T = toks.shape[1]
torch.manual_seed(0)
model = build_model('rna_transformer', **TRANSFORMER_SIZES[args.size]).to(dev)
state = {k: v.clone() for k, v in model.state_dict().items()}
amp = torch.autocast('cuda', dtype=torch.bfloat16) if dev.type == 'cuda' else torch.autocast('cpu', enabled=False)
sync = torch.cuda.synchronize if dev.type == 'cuda' else (lambda: None)

def train_rate(kind: str) -> float:
    model.load_state_dict(state); model.use_attention(kind).train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    g = torch.Generator().manual_seed(0)
    batches = [bert_mask(toks[i * args.batch:(i + 1) * args.batch], generator=g) for i in range(args.steps)]
    def step(inp, lab):
        inp, lab = inp.to(dev), lab.to(dev)
        with amp: lg = model.forward_tokens(inp, heads=('mlm',))['mlm']
        loss = F.cross_entropy(lg.float().flatten(0, 1), lab.flatten(), ignore_index=IGNORE)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    for b in batches[:2]: step(*b)  # warm-up
    sync(); t0 = time.perf_counter()
    for b in batches: step(*b)
    sync(); return args.steps * args.batch * T / (time.perf_counter() - t0)

@torch.no_grad()
def infer_rate(kind: str) -> float:
    model.load_state_dict(state); model.use_attention(kind).eval()
    xs = [toks[i * args.batch:(i + 1) * args.batch].to(dev) for i in range(args.steps)]
    for x in xs[:2]:
        with amp: model.forward_tokens(x, heads=('seq',))
    sync(); t0 = time.perf_counter()
    for x in xs:
        with amp: model.forward_tokens(x, heads=('seq',))
    sync(); return args.steps * args.batch * T / (time.perf_counter() - t0)

cfg = TRANSFORMER_SIZES[args.size]
print(f"hardware: {hardware()}; torch {torch.__version__}; size {args.size} ({sum(p.numel() for p in model.parameters()) / 1e6:.1f} M params, "
      f"d {cfg['d_model']}, {cfg['n_layers']} layers); batch {args.batch} x {T} tokens, {args.steps} timed steps")
res = {(k, m): f(k) for k in ('sdpa', 'plain') for m, f in (('train', train_rate), ('infer', infer_rate))}
print(f"{'attention':10s} {'train tok/s':>12s} {'infer tok/s':>12s}")
for k in ('sdpa', 'plain'): print(f"{k:10s} {res[k, 'train']:12.0f} {res[k, 'infer']:12.0f}")
print(f"inference SDPA/plain: {res['sdpa', 'infer'] / res['plain', 'infer']:.2f}x")
print(f"training SDPA/plain: {res['sdpa', 'train'] / res['plain', 'train']:.2f}x on {hardware()}")
