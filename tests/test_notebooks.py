"Run each notebook under nbs/ as one pytest test through nbdev's own runner (honouring tst_flags)."
import os, warnings
from pathlib import Path
import pytest
import torch
import nbdev.test as nbt
from nbdev.config import get_config

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb):
    cfg = get_config(ROOT)
    skip = cfg.tst_flags.split() if isinstance(cfg.tst_flags, str) else list(cfg.tst_flags)
    force = os.environ.get('S2F_TEST_FLAGS', '').split()
    os.chdir(nb.parent)
    # warnings raised by classes a notebook defines (module '__main__') cannot be sent between xdist workers: print them
    threads = torch.get_num_threads()  # notebooks run in this worker process: one's torch.set_num_threads must not reach the next
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('default')
            ok, secs = nbt.test_nb(nb, skip_flags=[f for f in skip if f not in force], force_flags=force, basepath=str(ROOT))
    finally: torch.set_num_threads(threads)
    for w in caught: print(f'{nb.name}: {w.category.__name__}: {w.message}')
    assert ok, f'{nb.name} failed (see the traceback above)'
