"""Bad assay files are rejected whole, with a named error (`AssayError` naming file, line, column and problem), and change nothing.

One small protein campaign (40 single mutants of a 10-residue parent, ridge student) is built once per module: round 0
proposes 8 variants, a good file measures the first 4 of them. Every test works on its own copy of that folder, takes a
snapshot of the store (SHA-256 of `store.duckdb`, row counts of every table, the folder listing), imports a file and
checks the error and that the snapshot is unchanged. The positive tests at the end check what a good file does.
"""
from __future__ import annotations
import gzip, hashlib, io, re, shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import numpy as np
import pandas as pd
import pytest
from filelock import FileLock

from s2f_nb.lab.core import LabCampaign, assay_file, init_campaign, mutant_library
from s2f_nb.lab.store import AssayError

PARENT = 'MKTAYIAKQR'
TABLES = ('settings', 'variants', 'rounds', 'proposals', 'imports', 'assays', 'students')


# ----------------------------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope='module')
def base(tmp_path_factory) -> SimpleNamespace:
    "A campaign with round 0 proposed (8 variants) and the first 4 measured; names of variants in each state."
    d = tmp_path_factory.mktemp('assays')
    seqs = mutant_library(PARENT)[:40]  # the parent and its mutants at positions 1 and 2 (and one at 3)
    pd.DataFrame(dict(sequence=seqs)).to_csv(d / 'candidates.csv', index=False)
    c = init_campaign(d / 'camp', task=str(d / 'candidates.csv'), parent=PARENT, head='ridge', seed=1)
    b = c.propose(8)
    good = assay_file(b.iloc[:4], [1.0, 2.0, 3.0, 4.0], d / 'good.csv', plate='P1')
    r = c.import_assays(good, partial=True)  # 4 of the round's 8
    assert r['imported'] == 4 and not r['already']
    other = init_campaign(d / 'other', task=str(d / 'candidates.csv'), parent=PARENT, head='ridge', seed=2)
    other_file = assay_file(other.propose(8), np.arange(8.0), d / 'other_round0.csv')  # the other campaign's id on every line
    v = c.store.query('SELECT name, sequence FROM variants ORDER BY variant_id')
    seq = dict(zip(v['name'], v['sequence']))
    proposed = b['variant'].tolist()
    new = PARENT[:-1] + 'W'  # a valid protein sequence of the right length that is not a candidate
    assert new not in seq.values()
    return SimpleNamespace(dir=d / 'camp', id=c.id, M=proposed[:4], W=proposed[4:], U=[n for n in seq if n not in proposed],
                           seq=seq, new=new, good=good, other_file=other_file)


@pytest.fixture
def camp(base, tmp_path) -> tuple[LabCampaign, SimpleNamespace]:
    "A fresh copy of the base campaign (so a test that writes, or a bug that does, cannot touch another test)."
    d = tmp_path / 'camp'
    shutil.copytree(base.dir, d)
    return LabCampaign(d), base


def snapshot(c: LabCampaign) -> dict:
    "Everything an import could change: the store's bytes, each table's row count, the files of the campaign folder."
    with c.store.read() as con:
        counts = {t: con.execute(f'SELECT count(*) FROM {t}').fetchone()[0] for t in TABLES}
    files = sorted(str(p.relative_to(c.dir)) for p in c.dir.rglob('*'))
    return dict(sha=hashlib.sha256(c.store.path.read_bytes()).hexdigest(), counts=counts, files=files)


def write(tmp: Path, name: str, content: str | bytes) -> Path:
    p = tmp / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode('utf-8'))
    return p


def assert_rejected(c: LabCampaign, path: Path, expect: list[tuple[int, str | None, str]], allow_unproposed: bool = False,
                    exact: bool = True) -> AssayError:
    "`import_assays` raises AssayError with exactly the `expect`ed (line, column, problem regex) and leaves the campaign as it was."
    before = snapshot(c)
    with pytest.raises(AssayError) as ei:
        c.import_assays(path, allow_unproposed=allow_unproposed)
    e = ei.value
    msg = str(e)
    head = msg.splitlines()[0]
    assert path.name in head and 'nothing was imported' in head, msg
    assert all(Path(p['file']).name == path.name for p in e.problems), e.problems
    got = [(p['line'], p['column'], p['problem']) for p in e.problems]
    shown = got[:20]  # the message lists the first 20 problems
    for line, col, pat in expect:
        assert any(l == line and cc == col and re.search(pat, t) for l, cc, t in got), \
            f'no problem at line {line}, column {col!r} matching {pat!r}; got {got}'
        if not any(l == line and cc == col for l, cc, t in shown): continue
        where = f'  line {line}' + (f', column {col!r}' if col else '') + ': '
        assert any(m.startswith(where) and re.search(pat, m) for m in msg.splitlines()), f'{where!r} / {pat!r} not in message:\n{msg}'
    assert not exact or len(got) == len(expect), f'expected {len(expect)} problem(s), got {got}'
    assert snapshot(c) == before, 'a rejected file changed the campaign'
    lock = FileLock(str(c.dir / '.writer.lock'))  # the writer lock was released
    lock.acquire(timeout=0); lock.release()
    return e


# ------------------------------------------------------------------------------------------------------ the bad files
@dataclass
class Case:
    id: str
    content: Callable[[SimpleNamespace], str | bytes] | None  # the file's content, from the fixture's names (None: no file)
    expect: list  # (line, column, problem regex) of every problem
    name: str = 'assays.csv'
    allow: bool = False  # import with allow_unproposed
    bug: str | None = None  # a known bug of s2f_nb: xfail(strict) until fixed
    exact: bool = True  # False: other problems may be reported too

    def param(self):
        return pytest.param(self, id=self.id, marks=[pytest.mark.xfail(strict=True, reason=self.bug)] if self.bug else [])


def _npy() -> bytes:
    f = io.BytesIO(); np.save(f, np.arange(3.0), allow_pickle=False); return f.getvalue()

EMPTY = r'the file is empty'
NO_VALUE, NO_VARIANT = r'missing column "value"', r'needs a "variant" or a "sequence" column'
NOT_UTF8 = r'not UTF-8 text \(byte 0x{}\)'
REPLICATE = r'not a whole number of 1 or more'
NO_REP_COL = r'several measurements of a variant need a replicate column'
BUG_LINE = ('_table records rd.line_num (the LAST physical line of a record); a record that spans lines (an unclosed quote '
            'swallows the rest of the file) is reported at its end, not where it starts')
BUG_COL = '_resolve/_replicates name column "variant" for rows identified by sequence (a file without a variant column)'

CASES = [
    # --- empty files
    Case('empty-0-bytes', lambda x: b'', [(0, None, EMPTY)]),
    Case('whitespace-only', lambda x: ' \n\t\n   \r\n', [(0, None, EMPTY)]),
    Case('commas-only-blank-sheet', lambda x: ',,\n,,\n,,\n', [(0, None, EMPTY)]),
    Case('header-only', lambda x: 'variant,value\n', [(1, None, r'no measurements after the header line')]),
    Case('header-and-blank-rows', lambda x: 'variant,value\n,\n\n , \n', [(1, None, r'no measurements after the header line')]),
    Case('no-such-file', None, [(0, None, r'no such file')]),
    # --- columns
    Case('missing-value-column', lambda x: f'variant,plate\n{x.W[0]},P1\n', [(1, 'value', NO_VALUE)]),
    Case('missing-variant-and-sequence', lambda x: f'name,value\n{x.W[0]},1.0\n', [(1, 'variant', NO_VARIANT)]),
    Case('no-known-column', lambda x: 'a,b\n1,2\n', [(1, 'value', NO_VALUE), (1, 'variant', NO_VARIANT)]),
    Case('duplicate-column', lambda x: f'variant,value,Value\n{x.W[0]},1.0,2.0\n', [(1, 'value', r"\['value'\] appear more than once")]),
    Case('tsv-named-csv', lambda x: f'variant\tvalue\n{x.W[0]}\t1.0\n', [(1, 'value', NO_VALUE), (1, 'variant', NO_VARIANT)]),
    Case('csv-named-tsv', lambda x: f'variant,value\n{x.W[0]},1.0\n', [(1, 'value', NO_VALUE), (1, 'variant', NO_VARIANT)], name='assays.tsv'),
    Case('comment-line-before-header', lambda x: f'# plate reader export\nvariant,value\n{x.W[0]},1.0\n',
         [(1, 'value', NO_VALUE), (1, 'variant', NO_VARIANT), (2, None, r'2 fields, the header has 1'), (3, None, r'2 fields, the header has 1')]),
    # --- encodings and binary files
    Case('latin1-line-3', lambda x: f'variant,value,plate\n{x.W[0]},1.0,P1\n{x.W[1]},2.0,Müller\n'.encode('latin-1'), [(3, None, NOT_UTF8.format('fc'))]),
    Case('utf16', lambda x: f'variant,value\n{x.W[0]},1.0\n'.encode('utf-16'), [(1, None, NOT_UTF8.format('ff'))]),
    Case('gzip', lambda x: gzip.compress(f'variant,value\n{x.W[0]},1.0\n'.encode(), mtime=0), [(1, None, NOT_UTF8.format('8b'))], name='assays.csv.gz'),
    Case('numpy-npy', lambda x: _npy(), [(1, None, NOT_UTF8.format('93'))], name='values.npy'),
    Case('nul-byte-in-name', lambda x: f'variant,value\n{x.W[0]}\x00,1.0\n', [(2, 'variant', r'is not a variant of campaign')]),
    # --- values
    Case('text-value', lambda x: f'variant,value\n{x.W[0]},high\n', [(2, 'value', r"not a number: 'high'")]),
    Case('value-with-unit', lambda x: f'variant,value\n{x.W[0]},1.5 mM\n', [(2, 'value', r"not a number: '1.5 mM'")]),
    Case('decimal-comma-tsv', lambda x: f'variant\tvalue\n{x.W[0]}\t1,5\n', [(2, 'value', r"not a number: '1,5'")], name='assays.tsv'),
    Case('empty-value', lambda x: f'variant,value\n{x.W[0]},1.0\n{x.W[1]}, \n', [(3, 'value', r'missing value')]),
    Case('nan-value', lambda x: f'variant,value\n{x.W[0]},NaN\n', [(2, 'value', r"not a finite number: 'NaN'")]),
    Case('na-value', lambda x: f'variant,value\n{x.W[0]},NA\n', [(2, 'value', r"not a finite number: 'NA'")]),
    Case('inf-value', lambda x: f'variant,value\n{x.W[0]},inf\n', [(2, 'value', r"not a finite number: 'inf'")]),
    Case('minus-infinity-value', lambda x: f'variant,value\n{x.W[0]},-Infinity\n', [(2, 'value', r"not a finite number: '-Infinity'")]),
    Case('overflowing-value', lambda x: f'variant,value\n{x.W[0]},1e999\n', [(2, 'value', r"not a finite number: '1e999'")]),
    # --- variants and sequences
    Case('unknown-variant', lambda x: f'variant,value\n{x.W[0]},1.0\nZ99Q,2.0\n', [(3, 'variant', r"'Z99Q' is not a variant of campaign 'camp-")]),
    Case('variant-name-wrong-case', lambda x: f'variant,value\n{x.W[0].lower()},1.0\n', [(2, 'variant', r'is not a variant of campaign')]),
    Case('letters-outside-alphabet', lambda x: 'sequence,value\nMKTAYIAKQB,1.0\n',
         [(2, 'sequence', r"letters \['B'\] outside the protein alphabet")], allow=True),
    Case('digits-in-sequence', lambda x: 'sequence,value\nMKTAYIAK12,1.0\n',
         [(2, 'sequence', r"letters \['1', '2'\] outside the protein alphabet")], allow=True),
    Case('sequence-too-short', lambda x: f'sequence,value\n{PARENT[:-1]},1.0\n', [(2, 'sequence', r"length 9, the campaign's is 10")], allow=True),
    Case('sequence-too-long', lambda x: f'sequence,value\n{PARENT}A,1.0\n', [(2, 'sequence', r"length 11, the campaign's is 10")], allow=True),
    Case('unknown-sequence-without-flag', lambda x: f'sequence,value\n{x.new},1.0\n',
         [(2, 'sequence', r'not a candidate of this campaign \(import with --allow-unproposed')]),
    Case('bad-letters-without-flag', lambda x: 'sequence,value\nMKTAYIAKQB,1.0\n', [(2, 'sequence', r"letters \['B'\] outside the protein alphabet")]),
    Case('variant-and-sequence-disagree', lambda x: f'variant,sequence,value\n{x.W[0]},{x.seq[x.W[1]]},1.0\n',
         [(2, 'sequence', r'the sequence is not that of variant')]),
    Case('variant-with-foreign-sequence', lambda x: f'variant,sequence,value\n{x.W[0]},{x.new},1.0\n',
         [(2, 'sequence', r'the sequence is not that of variant')]),
    Case('neither-variant-nor-sequence', lambda x: f'variant,sequence,value\n{x.W[0]},,1.0\n,,2.0\n',
         [(3, 'variant', r'neither a variant name nor a sequence')]),
    Case('empty-variant-name', lambda x: f'variant,value\n ,2.0\n', [(2, 'variant', r'neither a variant name nor a sequence')]),
    Case('never-proposed-variant', lambda x: f'variant,value\n{x.W[0]},1.0\n{x.U[0]},2.0\n', [(3, 'variant', r'was never proposed \(import with --allow-unproposed')]),
    Case('never-proposed-by-sequence', lambda x: f'sequence,value\n{x.seq[x.U[0]]},2.0\n', [(2, 'sequence', r'was never proposed')]),
    # --- duplicates and replicates
    Case('duplicate-conflicting-no-replicate', lambda x: f'variant,value\n{x.W[0]},1.0\n{x.W[1]},5.0\n{x.W[0]},2.0\n',
         [(4, 'variant', r'repeats line 2 with a conflicting value \(1.0 vs 2.0\); ' + NO_REP_COL)]),
    Case('duplicate-identical-no-replicate', lambda x: f'variant,value\n{x.W[0]},1.0\n{x.W[0]},1.0\n', [(3, 'variant', r'repeats line 2; ' + NO_REP_COL)]),
    Case('duplicate-name-and-sequence', lambda x: f'variant,sequence,value\n{x.W[0]},,1.0\n,{x.seq[x.W[0]].lower()},2.0\n',
         [(3, 'sequence', r'repeats line 2 with a conflicting value')]),
    Case('duplicate-new-sequence', lambda x: f'sequence,value\n{x.new},1.0\n{x.new},2.0\n', [(3, 'sequence', r'repeats line 2')], allow=True),
    Case('duplicate-variant-replicate', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,1\n{x.W[0]},2.0,2\n{x.W[0]},3.0,1\n',
         [(4, 'replicate', r'repeats line 2 with a conflicting value \(1.0 vs 3.0\)')]),
    Case('replicate-already-imported', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,1\n{x.M[1]},2.0,1.0\n',
         [(3, 'replicate', r'replicate 1 of this variant was already imported from good.csv \(line 3\)')]),
    Case('replicate-0', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,0\n', [(2, 'replicate', REPLICATE + r": '0'")]),
    Case('replicate-negative', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,-1\n', [(2, 'replicate', REPLICATE)]),
    Case('replicate-1.5', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,1.5\n', [(2, 'replicate', REPLICATE + r": '1.5'")]),
    Case('replicate-text', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,two\n', [(2, 'replicate', REPLICATE + r": 'two'")]),
    Case('replicate-empty', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,1\n{x.W[0]},2.0,\n', [(3, 'replicate', REPLICATE)]),
    Case('replicate-out-of-range', lambda x: f'variant,value,replicate\n{x.W[0]},1.0,3000000000\n', [(2, 'replicate', r'whole number|too large')]),
    # --- dates, campaigns, field counts
    Case('date-with-slashes', lambda x: f'variant,value,date\n{x.W[0]},1.0,2024/03/05\n', [(2, 'date', r"not a date YYYY-MM-DD: '2024/03/05'")]),
    Case('date-day-first', lambda x: f'variant,value,date\n{x.W[0]},1.0,05.03.2024\n', [(2, 'date', r'not a date YYYY-MM-DD')]),
    Case('date-impossible', lambda x: f'variant,value,date\n{x.W[0]},1.0,2024-02-30\n', [(2, 'date', r"not a date YYYY-MM-DD: '2024-02-30'")]),
    Case('another-campaign-column', lambda x: f'campaign,variant,value\n{x.id},{x.W[0]},1.0\nother-0123abcd,{x.W[1]},2.0\n',
         [(3, 'campaign', r"this line is for campaign 'other-0123abcd', not 'camp-")]),
    Case('proposal-file-of-another-campaign', lambda x: x.other_file.read_bytes(),
         [(i, 'campaign', r"this line is for campaign 'other-[0-9a-f]{8}', not 'camp-") for i in range(2, 10)], exact=False),
    Case('too-many-fields', lambda x: f'variant,value\n{x.W[0]},1.0\n{x.W[1]},2.0,extra\n', [(3, None, r'3 fields, the header has 2')]),
    Case('too-few-fields', lambda x: f'variant,value,plate\n{x.W[0]},1.0\n', [(2, None, r'2 fields, the header has 3')]),
    Case('unclosed-quote', lambda x: f'variant,value\n{x.W[0]},"1.0\n{x.W[1]},2.0\n{x.W[2]},3.0\n', [(2, 'value', r'not a number|quote')]),
    Case('line-over-csv-field-limit', lambda x: 'variant,value\n' + 'A' * 200_000 + ',1.0\n', [(2, None, r'field')]),
    Case('problems-of-both-stages-at-once', lambda x: f'variant,value\n{x.W[0]},high\nZ99Q,1.0\n',
         [(2, 'value', r"not a number: 'high'"), (3, 'variant', r"'Z99Q' is not a variant")]),
]
assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize('case', [c.param() for c in CASES])
def test_bad_file_rejected_whole(camp, tmp_path, case: Case):
    c, x = camp
    path = tmp_path / case.name if case.content is None else write(tmp_path, case.name, case.content(x))
    assert_rejected(c, path, case.expect, allow_unproposed=case.allow, exact=case.exact)


def test_many_problems_message_is_cut(camp, tmp_path):
    "All problems are in `.problems`; the message shows the first 20 and says how many more."
    c, x = camp
    p = write(tmp_path, 'many.csv', 'variant,replicate,value\n' + ''.join(f'{x.W[i % 4]},{i // 4 + 1},high\n' for i in range(25)))
    e = assert_rejected(c, p, [(i, 'value', r"not a number: 'high'") for i in range(2, 27)])
    assert len(e.problems) == 25 and '25 problem(s)' in str(e) and '... and 5 more' in str(e)
    assert str(e).count('\n  line ') == 20


def test_at_least_twenty_cases():
    assert len(CASES) >= 20


# --------------------------------------------------------------------------------------------------- good files
def assays_of(c: LabCampaign, name: str) -> pd.DataFrame:
    return c.store.query('SELECT a.line, a.value, a.replicate, a.plate, a.date, a.round, i.file FROM assays a JOIN variants v USING (variant_id) '
                         'JOIN imports i USING (import_id) WHERE v.name = ? ORDER BY a.replicate', [name])


def test_reimport_changes_nothing(camp, tmp_path):
    "The same bytes again, under its own name or another, are recognised by SHA-256 and change nothing."
    c, x = camp
    before = snapshot(c)
    for p in (x.good, write(tmp_path, 'renamed.csv', x.good.read_bytes())):
        r = c.import_assays(p)
        assert r['already'] is True and r['imported'] == 0 and 'good.csv' in r['note'], r
        assert snapshot(c) == before


def test_measured_again_gets_next_replicate(camp, tmp_path):
    "A variant measured before is refused (it may be a typo) unless the lab says these are new replicates."
    c, x = camp
    p = write(tmp_path, 'again.csv', f'variant,value\n{x.M[0]},5.0\n{x.W[0]},6.0\n')
    assert_rejected(c, p, [(2, 'variant', rf"'{x.M[0]}' was already measured \(1, good.csv line 2\): a typo for another variant\? "
                                          r'A new replicate: import with --new-replicates; a correction: import with --replace good.csv')])
    r = c.import_assays(p, new_replicates=True, partial=True)
    assert r['imported'] == 2 and not r['already'] and r['rounds'] == [0]
    a = assays_of(c, x.M[0])
    assert a['replicate'].tolist() == [1, 2] and a['value'].tolist() == [1.0, 5.0] and a['file'].tolist() == ['good.csv', 'again.csv']
    assert assays_of(c, x.W[0])['replicate'].tolist() == [1]
    m = c.measurements().set_index('name')
    assert m.loc[x.M[0], 'n'] == 2 and m.loc[x.M[0], 'value'] == 3.0


def test_unproposed_candidate_accepted_with_flag(camp, tmp_path):
    "A candidate never proposed is refused without the flag and stored with it (round NULL, counted as unproposed)."
    c, x = camp
    p = write(tmp_path, 'extra.csv', f'variant,value\n{x.U[0]},1.5\n{x.W[0]},3.5\n')
    assert_rejected(c, p, [(2, 'variant', 'was never proposed')])
    r = c.import_assays(p, allow_unproposed=True, partial=True)
    assert (r['imported'], r['new_sequences'], r['unproposed'], r['rounds']) == (2, 0, 1, [0]), r
    assert assays_of(c, x.U[0])['round'].isna().all() and assays_of(c, x.W[0])['round'].tolist() == [0]
    assert c.store.query('SELECT n_unproposed FROM imports WHERE file = ?', ['extra.csv'])['n_unproposed'].tolist() == [1]


def test_new_sequence_becomes_variant(camp, tmp_path):
    "With the flag, a valid sequence that is not a candidate becomes an external variant (not allowed for proposals) and is stored."
    c, x = camp
    p = write(tmp_path, 'extra.csv', f'variant,sequence,value\n{x.U[0]},,1.5\n,{x.new.lower()},2.5\n{x.W[0]},{x.seq[x.W[0]]},3.5\n')
    assert_rejected(c, p, [(2, 'variant', 'was never proposed'), (3, 'sequence', 'not a candidate of this campaign')])
    n_var = snapshot(c)['counts']['variants']
    r = c.import_assays(p, allow_unproposed=True, partial=True)
    assert (r['imported'], r['new_sequences'], r['unproposed'], r['rounds']) == (3, 1, 2, [0]), r
    v = c.store.query('SELECT variant_id, name, source, allowed FROM variants WHERE sequence = ?', [x.new])
    assert len(v) == 1 and v['source'][0] == 'external' and not v['allowed'][0] and v['variant_id'][0] == n_var
    assert snapshot(c)['counts']['variants'] == n_var + 1
    a = assays_of(c, v['name'][0])
    assert a['value'].tolist() == [2.5] and a['line'].tolist() == [3] and a['round'].isna().all()
    # the new sequence is now a variant: measured again by sequence (and said to be a replicate), it gets replicate 2
    c.import_assays(write(tmp_path, 'extra2.csv', f'sequence,value\n{x.new},4.5\n'), allow_unproposed=True, new_replicates=True)
    assert assays_of(c, v['name'][0])['replicate'].tolist() == [1, 2]
    assert c.status()['measured_variants'] == 7


def test_bom_crlf_header_case_and_spaces(camp, tmp_path):
    "UTF-8 with a byte-order mark, CRLF line ends, header names in other case and with spaces, all optional columns."
    c, x = camp
    text = (f'\ufeff Variant ,VALUE, Replicate ,Plate,  DATE,Campaign\r\n'
            f'{x.W[0]}, 1.25 ,1,P2,2024-03-05,{x.id}\r\n\r\n{x.W[0]},1.75,2,P2,2024-03-06,{x.id}\r\n {x.W[1]} ,-3e-1,1,P2,,\r\n')
    r = c.import_assays(write(tmp_path, 'excel.csv', text), partial=True)
    assert r['imported'] == 3 and r['ignored_columns'] == [] and r['unproposed'] == 0
    a = assays_of(c, x.W[0])
    assert a['line'].tolist() == [2, 4] and a['value'].tolist() == [1.25, 1.75] and a['replicate'].tolist() == [1, 2]
    assert a['plate'].tolist() == ['P2', 'P2'] and [str(d)[:10] for d in a['date']] == ['2024-03-05', '2024-03-06']
    b = assays_of(c, x.W[1])
    assert b['line'].tolist() == [5] and b['value'].tolist() == [-0.3] and b['date'].isna().all()


def test_tsv_and_sequence_columns(camp, tmp_path):
    "A TSV file naming variants by (lower-case, padded) sequence only."
    c, x = camp
    p = write(tmp_path, 'plate.tsv', f'sequence\tvalue\n {x.seq[x.W[2]].lower()} \t7\n{x.seq[x.W[3]]}\t8.5\n')
    r = c.import_assays(p, partial=True)
    assert r['imported'] == 2 and assays_of(c, x.W[2])['value'].tolist() == [7.0] and assays_of(c, x.W[3])['value'].tolist() == [8.5]


def test_extra_columns_reported_as_ignored(camp, tmp_path):
    c, x = camp
    r = c.import_assays(write(tmp_path, 'notes.csv', f'variant,value,Notes,OD600\n{x.W[0]},1.0,looks fine,0.4\n'), partial=True)
    assert r['imported'] == 1 and r['ignored_columns'] == ['notes', 'od600']


def test_trailing_empty_columns_are_ignored(camp, tmp_path):
    c, x = camp
    r = c.import_assays(write(tmp_path, 'sheet.csv', f'variant,value,,\n{x.W[0]},1.0,,\n{x.W[1]},2.0,,\n'), partial=True)
    assert r['imported'] == 2


# ---------------------------------------------------------------- issue 27 items 1-4: the lab's real mistakes, named
def test_resaved_plate_is_the_same_import(camp, tmp_path):
    "The same plate re-saved by a spreadsheet (BOM, CRLF, rows re-sorted, a trailing blank line) or naming variants by sequence changes nothing."
    c, x = camp
    before = snapshot(c)
    lines = x.good.read_bytes().splitlines()
    resaved = write(tmp_path, 'good (2).csv', b'\xef\xbb\xbf' + b'\r\n'.join([lines[0]] + lines[1:][::-1]) + b'\r\n\r\n')
    by_seq = write(tmp_path, 'by_sequence.csv', 'sequence,value,plate\n' + ''.join(f'{x.seq[n]},{v},P1\n' for n, v in zip(x.M, [1.0, 2.0, 3.0, 4.0])))
    for p in (resaved, by_seq):
        r = c.import_assays(p)
        assert r['already'] and 'good.csv' in r['note'], r
        assert snapshot(c) == before


def test_corrected_file_replaces_the_import(camp, tmp_path):
    "A corrected file under the same name is refused until it says what it replaces; the old rows are withdrawn, not deleted."
    c, x = camp
    fixed = write(tmp_path, 'good.csv', x.good.read_text().replace(',3.0,', ',0.3,'))
    assert_rejected(c, fixed, [(i, 'variant', r'was already measured .*--replace good.csv') for i in (2, 3, 4, 5)])
    r = c.import_assays(fixed, replace='good.csv', partial=True)
    assert (r['imported'], r['replaced']) == (4, 0), r
    m = c.measurements().set_index('name')
    assert m.loc[x.M, 'value'].tolist() == [1.0, 2.0, 0.3, 4.0] and m['n'].max() == 1
    log = c.store.query('SELECT import_id, retraction FROM assay_log ORDER BY import_id, line')
    assert len(log) == 8 and log['retraction'].notna().sum() == 4  # history kept
    rt = c.store.query('SELECT what, reason, n_rows, by_import FROM retractions')
    assert rt.values.tolist() == [['import 0 (good.csv)', 'replaced by good.csv', 4, 1]]
    assert c.store.query('SELECT replaces FROM imports WHERE import_id = 1')['replaces'][0] == 0
    with pytest.raises(Exception, match='no import 0 has measurements that count'):
        c.import_assays(x.good, replace=0)  # import 0 no longer counts


def test_retract_variant_replicate_and_import(camp, tmp_path):
    c, x = camp
    with pytest.raises(ValueError, match='needs a reason'): c.retract(variant=x.M[0], reason=' ')
    with pytest.raises(ValueError, match='either a file'): c.retract(reason='x')
    assert c.retract(variant=x.M[0], replicate=1, reason='bubble')['retracted'] == 1
    with pytest.raises(Exception, match='nothing to retract'): c.retract(variant=x.M[0], reason='again')
    assert c.retract(file='good.csv', reason='wrong plate')['retracted'] == 3
    assert len(c.measurements()) == 0 and len(c.store.query('SELECT * FROM assay_log')) == 4
    # the withdrawn variants can be measured again, as first measurements
    r = c.import_assays(write(tmp_path, 'redo.csv', f'variant,value\n' + ''.join(f'{n},{i}\n' for i, n in enumerate(x.M + x.W))))
    assert r['imported'] == 8 and c.measurements()['n'].max() == 1


def test_partial_file_needs_the_flag(camp, tmp_path):
    "A file that leaves its round incomplete is refused with the counts (and a cut last line named) unless --partial."
    c, x = camp
    cut = write(tmp_path, 'plate2.csv', f'variant,value\n{x.W[0]},0.6232\n{x.W[1]},0.6')
    assert_rejected(c, cut, [(3, None, r"round 0 proposed 8 variants; with this file 6 are measured, 2 not \(the file's last line has no line end")])
    assert c.import_assays(cut, partial=True)['imported'] == 2
    rest = write(tmp_path, 'plate2b.csv', f'variant,value\n{x.W[2]},1.5\n{x.W[3]},2.5\n')
    assert c.import_assays(rest)['imported'] == 2  # completes the round: no flag needed
    done = write(tmp_path, 'plate2_final.csv', f'variant,value\n{x.W[0]},0.6232\n{x.W[1]},0.6118\n')
    assert_rejected(c, done, [(2, 'variant', r'already measured \(0.6232, plate2.csv line 2\)'), (3, 'variant', r'already measured \(0.6, plate2.csv line 3\)')])
    c.import_assays(done, replace='plate2.csv')
    assert c.measurements().set_index('name').loc[x.W[1], 'value'] == 0.6118


def test_typo_names_the_measurement_it_would_join(camp, tmp_path):
    "A round-0 variant typed where a waiting variant belongs is refused, naming the earlier value; the intended variant is not left silently unmeasured."
    c, x = camp
    p = write(tmp_path, 'typo.csv', f'variant,value\n{x.W[0]},1\n{x.W[1]},2\n{x.W[2]},3\n{x.M[3]},4\n')
    assert_rejected(c, p, [(5, 'variant', rf"'{x.M[3]}' was already measured \(4, good.csv line 5\): a typo for another variant\?")])
