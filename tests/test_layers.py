"""The package is a stack of layers, one subpackage each: core < data < models < learners < selection < loop < lab.
A module imports only from its own layer or below, and no chain of imports comes back to where it started."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / 's2f_nb'
LAYERS = ['core', 'data', 'models', 'learners', 'selection', 'loop', 'lab']  # bottom to top

def _modules() -> dict:
    "dotted module name (without `s2f_nb.`) -> path, for every module but the generated `_modidx`."
    out = {}
    for f in PKG.rglob('*.py'):
        if f.name == '_modidx.py': continue
        parts = f.relative_to(PKG).with_suffix('').parts
        out['.'.join(parts[:-1] if parts[-1] == '__init__' else parts) or '__init__'] = f
    return out

def _imports(name: str, path: Path, mods: dict) -> set:
    "Modules of s2f_nb that `name` imports anywhere in its file (module level or inside functions)."
    pkg = name.split('.')[:-1] if path.name != '__init__.py' else name.split('.')
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = pkg[:len(pkg) - node.level + 1] if node.level else []
            mod = node.module or ''
            if not node.level:
                if not mod.startswith('s2f_nb'): continue
                full = mod.split('.')[1:]
            else: full = base + (mod.split('.') if mod else [])
            cands = ['.'.join(full + [a.name]) for a in node.names] + ['.'.join(full)]
            out |= {c for c in cands if c in mods}
        elif isinstance(node, ast.Import):
            out |= {a.name[len('s2f_nb.'):] for a in node.names if a.name.startswith('s2f_nb.') and a.name[len('s2f_nb.'):] in mods}
    return out - {name, '__init__', ''}

def _layer(mod: str) -> int: return LAYERS.index(mod.split('.')[0])

def test_layout():
    entries = sorted(p.name for p in PKG.iterdir() if not p.name.startswith(('_', '.')))
    assert len(entries) <= 8, f'{len(entries)} entries in s2f_nb/: {entries}'
    assert set(entries) == {'core.py', *LAYERS[1:]}, entries

def test_imports_go_down_the_layers():
    mods, bad = _modules(), []
    assert len(mods) >= 40, sorted(mods)
    for m, p in mods.items():
        if m == '__init__': continue
        for dep in _imports(m, p, mods):
            if _layer(dep) > _layer(m): bad.append(f'{m} (layer {LAYERS[_layer(m)]}) imports {dep} (layer {LAYERS[_layer(dep)]})')
    assert not bad, '\n'.join(bad)

def _cycles(graph: dict) -> list:
    "Strongly connected components with more than one module (Tarjan)."
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
        for w in graph[v]:
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(sorted(comp))
    for v in graph:
        if v not in index: visit(v)
    return out

def test_no_import_circles():
    mods = _modules()
    graph = {m: _imports(m, p, mods) for m, p in mods.items()}
    test = {'a': {'b'}, 'b': {'c'}, 'c': {'a'}, 'd': {'a'}}
    assert _cycles(test) == [['a', 'b', 'c']]  # the detector finds a circle when there is one
    assert not _cycles(graph), _cycles(graph)
