#!/usr/bin/env python3
"""make_queries.py - the fixed query sets of the benchmarks: 500 queries of one to
three words, drawn with a fixed seed from words that occur in 10 to 2,000 of the
articles (so every query is neither empty nor everything): of Reuters-21578's
bodies, or of the text files below a folder (--files, for linux-doc).

Usage: bench/make_queries.py REUTERS_DIR > bench/queries.txt
       bench/make_queries.py --files DIR > bench/queries-linuxdoc.txt"""
import collections
import gzip
import os
import random
import re
import sys

def reuters_bodies(folder):
    for name in sorted(os.listdir(folder)):
        data = gzip.open(os.path.join(folder, name)).read().decode("utf-8", "replace")
        yield from re.findall(r"<BODY>(.*?)</BODY>", data, re.S)


def files(folder):
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            with open(os.path.join(root, name), "rb") as f:
                yield f.read().decode("utf-8", "replace")


texts = files(sys.argv[2]) if sys.argv[1] == "--files" else reuters_bodies(sys.argv[1])
df = collections.Counter()
for body in texts:
    df.update(set(re.findall(r"[a-z]{4,}", body.lower())))
words = sorted(w for w, n in df.items() if 10 <= n <= 2000)
rng = random.Random(20261125)
for _ in range(500):
    print(" ".join(rng.sample(words, rng.choice((1, 1, 2, 2, 3)))))
