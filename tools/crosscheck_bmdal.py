"""Cross-check s2f_nb's batch-selection code against bmdal-reg (Holzmüller et al. 2023, the reference implementation of
"A Framework and Benchmark for Deep Batch Active Learning for Regression") on the same features.

bmdal-reg 3.0.2 is not a dependency: it uses `np.Inf` (removed in NumPy 2) and pins old packages, so it is installed
beside the environment and patched here. Needs the package registry once:
    .venv/bin/pip install --no-deps --target /tmp/bmdal bmdal-reg==3.0.2 dill
    .venv/bin/python tools/crosscheck_bmdal.py [/tmp/bmdal]
Expected: k-center = bmdal 'maxdist', LCMD = 'lcmd' (both TP-mode, linear kernel, a labelled set), and BatchBALD =
'maxdet' (P-mode, linear kernel on the centred posterior samples, sigma^2 = noise) and BAIT = forward 'bait' (posterior
of the labelled set with sigma = 1 = bait_sigma, i.e. lambda = 1, and the labelled rows in the Fisher: `fisher_labeled`)
pick identical batches. BAIT with our default Fisher (the candidates only) is printed for information.
"""
import sys
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else '/tmp/bmdal')
import numpy as np, torch
np.Inf = np.inf  # bmdal-reg 3.0.2 predates NumPy 2
from bmdal_reg.bmdal.algorithms import select_batch
from bmdal_reg.bmdal.feature_data import TensorFeatureData
from s2f_nb.selection.acquisition import k_center, lcmd, bait, batchbald

def report(name, a, b, exact=True):
    a, b = [int(i) for i in a], [int(i) for i in b]
    first = next((i for i, (p, q) in enumerate(zip(a, b)) if p != q), None)
    print(f'{name:24s} {"identical" if a == b else f"first difference at pick {first}, {len(set(a) & set(b))}/{len(a)} shared"}')
    return a == b or not exact

g = torch.Generator().manual_seed(0)
X, L = torch.randn(2000, 32, generator=g), torch.randn(50, 32, generator=g)
data, dummy = {'train': TensorFeatureData(L), 'pool': TensorFeatureData(X)}, [torch.nn.Linear(32, 1)]
pick = lambda k, d, m, method, **kw: select_batch(k, m, d, None, base_kernel='linear', selection_method=method, **kw)[0]
ok = report('k-center vs maxdist', pick(40, data, dummy, method='maxdist', kernel_transforms=[]), k_center(X, 40, labeled_emb=L))
ok &= report('LCMD vs lcmd', pick(40, data, dummy, method='lcmd', kernel_transforms=[]), lcmd(X, 40, labeled_emb=L))
s = torch.randn(30, 2000, generator=g) * (0.5 + torch.rand(2000, generator=g))
Z = ((s - s.mean(0)).T / 29 ** 0.5).contiguous(); noise = 1e-2 * float((Z * Z).sum(1).mean())
ok &= report('BatchBALD vs maxdet', pick(25, {'train': TensorFeatureData(Z[:1]), 'pool': TensorFeatureData(Z)}, [torch.nn.Linear(30, 1)],
                                         method='maxdet', kernel_transforms=[], sel_with_train=False, maxdet_sigma=noise ** 0.5,
                                         allow_float64=True), batchbald(s, 25, noise=noise))
ok &= report('BAIT vs bait', pick(40, data, dummy, method='bait', kernel_transforms=[('train', [1.0])], bait_sigma=1.0, verbosity=0),
             bait(X, 40, labeled_emb=L, fisher_labeled=True))
report('BAIT, candidate Fisher', pick(40, data, dummy, method='bait', kernel_transforms=[('train', [1.0])], bait_sigma=1.0, verbosity=0),
       bait(X, 40, labeled_emb=L), exact=False)  # our default: F over the candidates only
sys.exit(0 if ok else 1)
