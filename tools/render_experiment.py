#!/usr/bin/env python
"""Put a real run's outputs into an experiment notebook, so the rendered docs show the real results.

    .venv/bin/python tools/render_experiment.py runs/exp1/exp1.ipynb nbs/60_exp1_strategy_benchmark.ipynb

Outputs are copied cell by cell, matched by cell id (papermill keeps the ids of the notebook it ran); the source
notebook keeps its own sources and markdown, so a code cell whose source changed since the run is an error (re-run
it). Streams are merged per cell, progress bars and tqdm's "IProgress not found" warning are dropped, and papermill's injected
parameters cell is not copied (the rendered notebook shows the defaults it ran with, plus `out_dir`). Then run
`nbdev-clean`.
"""
import json, re, sys
from pathlib import Path

def merged_outputs(outs: list) -> list:
    res = []
    for o in outs:
        if o.get('output_type') == 'stream':
            text = ''.join(o['text'])
            if 'TqdmWarning' in text or 'IProgress not found' in text or 'from .autonotebook import' in text: continue
            if o['name'] == 'stderr' and all(re.search(r'\d+%\|', l) for l in text.replace('\r', '\n').split('\n') if l.strip()): continue  # progress bars
            if not text.strip(): continue
            text = '\n'.join(l for l in text.split('\n') if l.strip() or not res) if o['name'] == 'stdout' else text
            if res and res[-1].get('output_type') == 'stream' and res[-1]['name'] == o['name']:
                res[-1]['text'] = ''.join(res[-1]['text']) + ('\n' if not ''.join(res[-1]['text']).endswith('\n') else '') + text
                continue
            o = {**o, 'text': text}
        res.append(o)
    for o in res:
        if o.get('output_type') == 'stream' and not o['text'].endswith('\n'): o['text'] += '\n'
    return res

def main(run_nb: str, src_nb: str):
    run, nb = json.loads(Path(run_nb).read_text()), json.loads(Path(src_nb).read_text())
    by_id = {c['id']: c for c in run['cells'] if 'injected-parameters' not in c.get('metadata', {}).get('tags', [])}
    for c in nb['cells']:
        if c['cell_type'] != 'code': continue
        r = by_id.get(c['id'])
        if r is None: sys.exit(f'{src_nb}: cell {c["id"]} is not in {run_nb}: the run was made from another version; re-run it')
        if ''.join(r['source']) != ''.join(c['source']): sys.exit(f'{src_nb}: cell {c["id"]} changed since the run; re-run it')
        c['outputs'], c['execution_count'] = merged_outputs(r.get('outputs', [])), r.get('execution_count')
    Path(src_nb).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    print(f'{src_nb}: outputs of {run_nb}')

if __name__ == '__main__': main(*sys.argv[1:3])
