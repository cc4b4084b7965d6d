"Nothing in the package unpickles user files or hands strings to a shell (greps the exported modules, so a new violation fails CI)."
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / 's2f_nb'
RULES = [  # (pattern, what must hold, allowed when the line also matches)
    (r'torch\.load\(', 'torch.load must pass weights_only=True', r'weights_only=True'),
    (r'np\.load\(|numpy\.load\(', 'np.load must not allow pickle', None),
    (r'allow_pickle\s*=\s*True', 'allow_pickle=True unpickles user files', None),
    (r'\bpickle\.loads?\(|\bjoblib\.load\(|\bdill\.load', 'no pickle / joblib / dill loads', None),
    (r'shell\s*=\s*True', 'no shell=True: run subprocesses with argument lists', None),
    (r'\bos\.system\(|\bos\.popen\(', 'no os.system / os.popen', None),
]

def _calls(text: str, start: int) -> str:
    "The text of the call that opens at `start` (up to its closing parenthesis)."
    depth, i = 0, text.index('(', start)
    for j in range(i, len(text)):
        depth += {'(': 1, ')': -1}.get(text[j], 0)
        if depth == 0: return text[start:j + 1]
    return text[start:]

def test_no_unsafe_loads_or_shells():
    bad = []
    for f in sorted(PKG.glob('*.py')):
        text = f.read_text()
        for pat, why, ok in RULES:
            for m in re.finditer(pat, text):
                call = _calls(text, m.start()) if pat.endswith(r'\(') or '(' in pat else text[m.start():m.end()]
                line = text.count('\n', 0, m.start()) + 1
                if pat.startswith(r'np\.load'):
                    if 'allow_pickle=True' in call: bad.append(f'{f.name}:{line}: {why}')
                elif ok is None or not re.search(ok, call): bad.append(f'{f.name}:{line}: {why}: {call[:80]!r}')
    assert not bad, 'unsafe calls:\n' + '\n'.join(bad)

def test_rules_catch_violations(tmp_path):
    "The rules themselves work: each catches a planted violation."
    planted = {'torch.load(p)': 'weights_only', 'np.load(p, allow_pickle=True)': 'pickle',
               'subprocess.run(cmd, shell=True)': 'shell', 'pickle.load(f)': 'pickle'}
    for code, word in planted.items():
        hits = [why for pat, why, ok in RULES if re.search(pat, code) and (ok is None or not re.search(ok, code))]
        assert any(word in h for h in hits), (code, hits)
