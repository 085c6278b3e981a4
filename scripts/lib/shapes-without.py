#!/usr/bin/env python3
"""Compares two scripts/shapes.sh outputs, leaving out what one indicator added (issue 14: an
indicator added the new way must change nothing else).
  scripts/lib/shapes-without.py OLD NEW INDICATOR
Prints each file that still differs; exit 1 when any does."""
import json, os, sys

old, new, key = sys.argv[1:4]

def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [strip(v) for v in value
                if not (isinstance(v, dict) and (v.get('id') == key or v.get('key') == key))]
    return value

def load(path):
    text = open(path, encoding='utf-8').read()
    start = min([i for i in (text.find('{'), text.find('[')) if i >= 0], default=-1)
    if path.endswith(('.json', '.txt')) and start >= 0:
        try:
            return text[:start], strip(json.loads(text[start:]))
        except json.JSONDecodeError:
            pass
    return '', [line for line in text.splitlines() if key not in line]

differ = 0
for root, _, files in os.walk(old):
    for name in sorted(files):
        a = os.path.join(root, name)
        b = os.path.join(new, os.path.relpath(a, old))
        if not os.path.exists(b) or load(a) != load(b):
            print('differs:', os.path.relpath(a, old))
            differ += 1
print(f'{differ} file(s) differ once {key} is left out')
sys.exit(1 if differ else 0)
