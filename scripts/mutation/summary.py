#!/usr/bin/env python3
"""Summarises a Stryker.NET mutation-report.json: the score, and per file the killed, survived, timed-out, uncovered
and not-compiling mutants, as a Markdown table; with --survivors, every surviving and uncovered mutant (file, line,
mutator, replacement) to read one by one."""
import json, sys, collections
path = sys.argv[1]
survivors = '--survivors' in sys.argv
report = json.load(open(path))
rows = []
totals = collections.Counter()
listed = []
for name, f in sorted(report['files'].items()):
    c = collections.Counter(m['status'] for m in f['mutants'])
    if c['Killed'] + c['Timeout'] + c['Survived'] + c['NoCoverage'] == 0:
        continue
    totals.update(c)
    short = name[name.find('/src/') + 1:] if '/src/' in name else name
    rows.append((short, c))
    for m in f['mutants']:
        if m['status'] in ('Survived', 'NoCoverage'):
            listed.append(f"{short}:{m['location']['start']['line']} {m['status']} {m['mutatorName']}: {m.get('replacement', '').strip()[:100]}")
def score(c):
    detected = c['Killed'] + c['Timeout']
    valid = detected + c['Survived'] + c['NoCoverage']
    return 100.0 * detected / valid if valid else 100.0
print(f"score {score(totals):.1f}% ({totals['Killed']} killed, {totals['Timeout']} timed out, {totals['Survived']} survived, {totals['NoCoverage']} no coverage, {totals['CompileError']} compile errors, {totals['Ignored']} ignored)")
print()
print('| file | score | killed | timeout | survived | no coverage |')
print('| --- | --- | --- | --- | --- | --- |')
for short, c in rows:
    print(f"| {short} | {score(c):.1f}% | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} |")
if survivors:
    print()
    for line in listed:
        print('- ' + line)
