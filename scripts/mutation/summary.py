#!/usr/bin/env python3
"""Summarises Stryker.NET mutation-report.json files: the score, and per file the killed, survived, timed-out, uncovered
and not-compiling mutants, as a Markdown table; with --survivors, every surviving and uncovered mutant (file, line,
mutator, replacement) to read one by one.

Given several reports of one source (src/Shared is compiled into the generator and into SpecGen.Runtime, and each
compilation is mutated in its own run), a mutant is the same where file, place, mutator and replacement are: it counts
once, with its best outcome (killed in either compilation is killed), since a wrong line in the source is wrong in both
assemblies at once."""
import json, os, sys, collections
paths = [a for a in sys.argv[1:] if not a.startswith('--')]
survivors = '--survivors' in sys.argv
# Best outcome first.
rank = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored']
def short_name(name):
    name = os.path.normpath(name)
    return name[name.find('/src/') + 1:] if '/src/' in name else name
mutants = {}
for path in paths:
    report = json.load(open(path))
    for name, f in report['files'].items():
        short = short_name(name)
        for m in f['mutants']:
            loc = m['location']
            key = (short, loc['start']['line'], loc['start']['column'], loc['end']['line'], loc['end']['column'], m['mutatorName'], m.get('replacement', ''))
            status = m['status'] if m['status'] in rank else 'Ignored'
            if key not in mutants or rank.index(status) < rank.index(mutants[key]):
                mutants[key] = status
byfile = collections.defaultdict(collections.Counter)
listed = []
for key in sorted(mutants, key=lambda k: (k[0], k[1], k[2], k[5], k[6])):
    status = mutants[key]
    byfile[key[0]][status] += 1
    if status in ('Survived', 'NoCoverage'):
        listed.append(f"{key[0]}:{key[1]} {status} {key[5]}: {key[6].strip()[:100]}")
rows = []
totals = collections.Counter()
for short in sorted(byfile):
    c = byfile[short]
    if c['Killed'] + c['Timeout'] + c['Survived'] + c['NoCoverage'] == 0:
        continue
    totals.update(c)
    rows.append((short, c))
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
