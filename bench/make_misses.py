#!/usr/bin/env python3
"""make_misses.py - misspelt words for timing searches that match nothing (issue
15's "misses"): words of six letters or more that occur in at least three of
the files below the folders, each given one typing error -- a letter changed,
one added, one dropped, two swapped, or the first letter changed, the kinds in
turn -- and kept only when the result is no word of the files, so that the
search finds nothing and trawl's spelling correction has to answer it.  Drawn
with a fixed seed, so that two runs over the same files write the same list.

Usage: bench/make_misses.py [-n COUNT] [--seed SEED] DIR... > misses.txt"""
import argparse
import os
import random
import re
import string

WORD = re.compile(rb"[a-z]+")


def files(folders):
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                if os.path.isfile(path):        # not a link to nothing
                    yield path


def vocabulary(folders):
    """Every lower-cased word of the files, with the number of files it is in."""
    seen = {}
    for path in files(folders):
        with open(path, "rb") as f:
            for w in set(WORD.findall(f.read().lower())):
                seen[w] = seen.get(w, 0) + 1
    return seen


def typo(word, kind, rng):
    i = rng.randrange(len(word))
    other = rng.choice([c for c in string.ascii_lowercase if c != word[i]])
    if kind == 0:
        return word[:i] + other + word[i + 1:]
    if kind == 1:
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1:]
    if kind == 3:
        i = rng.randrange(len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return rng.choice([c for c in string.ascii_lowercase if c != word[0]]) + word[1:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    seen = vocabulary(args.dirs)
    common = sorted(w.decode() for w, n in seen.items() if n >= 3 and len(w) >= 6)
    rng = random.Random(args.seed)
    out = []
    while len(out) < args.n:
        bad = typo(rng.choice(common), len(out) % 5, rng)
        if bad.encode() not in seen and bad not in out:
            out.append(bad)
    print("\n".join(out))


if __name__ == "__main__":
    main()
