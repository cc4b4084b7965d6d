"The main-job command works as installed (console script), not only inside notebooks."
import os, subprocess, sys
from pathlib import Path

def test_s2f_summary_cli(tmp_path):
    exe = Path(sys.executable).parent / 's2f-summary'
    out = tmp_path / 'summary.csv'
    r = subprocess.run([str(exe), '--out', str(out)], capture_output=True, text=True, timeout=600,
                       env={**os.environ, 'S2F_CACHE': str(tmp_path / 'cache')})
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'yeast_dream2022_test' in r.stdout and '71103' in r.stdout
    assert out.exists() and out.stat().st_size > 0
