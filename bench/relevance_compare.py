#!/usr/bin/env python3
"""relevance_compare.py - two runs of bench/relevance_eval.py, query by query.

A change of ranking moves a few queries up and a few down; the mean alone
does not say whether the difference is more than those few.  For each row
both runs kept (relevance_eval.py --scores), and each fold (even / odd, as
relevance_eval.py splits them), this prints the mean difference (B - A) and
how many queries B ranks better and worse: a gain that stands on a handful
of queries more up than down, or on one fold, is noise.

Usage: bench/relevance_compare.py A B   (A, B: the --scores folders)
"""
import json
import os
import sys


def compare(a, b):
    """(mean difference, queries up, queries down) of B over A, the same
    queries in the same order."""
    if [q for q, _ in a] != [q for q, _ in b]:
        sys.exit("relevance_compare: the two runs asked other queries (--known, --seed?)")
    diffs = [y - x for (_, x), (_, y) in zip(a, b)]
    return (sum(diffs) / len(diffs) if diffs else 0.0,
            sum(d > 1e-9 for d in diffs), sum(d < -1e-9 for d in diffs))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    first, second = sys.argv[1:]
    print("%-40s %-22s %s" % ("row (set-system-kind)", "fold even", "fold odd"))
    for name in sorted(os.listdir(first)):
        if not name.endswith(".json") or not os.path.exists(os.path.join(second, name)):
            continue
        with open(os.path.join(first, name)) as f:
            a = json.load(f)
        with open(os.path.join(second, name)) as f:
            b = json.load(f)
        cells = ["%+.4f (+%d -%d)" % compare(a[fold::2], b[fold::2]) for fold in (0, 1)]
        print("%-40s %-22s %s" % (name[:-len(".json")], cells[0], cells[1]))


if __name__ == "__main__":
    main()
