#!/usr/bin/python3
"""Fails when files under src/ include each other in a circle (a.cpp includes b.h while
b.cpp includes a.h counts: a file and its header are one module). Prints each circle."""
import collections
import glob
import os
import re
import sys

root = sys.argv[1]
uses = collections.defaultdict(set)
for path in glob.glob(os.path.join(root, "src", "**", "*.*"), recursive=True):
    if not path.endswith((".h", ".cpp")):
        continue
    module = os.path.relpath(os.path.splitext(path)[0], os.path.join(root, "src"))
    with open(path, encoding="utf-8") as f:
        for included in re.findall(r'#include "([a-z_/]+)\.h"', f.read()):
            if included != module:
                uses[module].add(included)

# Tarjan's strongly connected components: every component of more than one module is a circle.
sys.setrecursionlimit(100000)
index, low, stack, on_stack, circles = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in uses.get(v, ()):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            circles.append(sorted(component))


for module in list(uses):
    if module not in index:
        visit(module)
for c in circles:
    print(" <-> ".join(c))
sys.exit(1 if circles else 0)
