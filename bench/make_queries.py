#!/usr/bin/env python3
"""make_queries.py - the fixed query set of the benchmarks: 500 queries of one to
three words, drawn with a fixed seed from words that occur in 10 to 2,000 of the
Reuters-21578 articles (so every query is neither empty nor everything).

Usage: bench/make_queries.py REUTERS_DIR > bench/queries.txt"""
import collections
import gzip
import os
import random
import re
import sys

df = collections.Counter()
for name in sorted(os.listdir(sys.argv[1])):
    data = gzip.open(os.path.join(sys.argv[1], name)).read().decode("utf-8", "replace")
    for body in re.findall(r"<BODY>(.*?)</BODY>", data, re.S):
        df.update(set(re.findall(r"[a-z]{4,}", body.lower())))
words = sorted(w for w, n in df.items() if 10 <= n <= 2000)
rng = random.Random(20261125)
for _ in range(500):
    print(" ".join(rng.sample(words, rng.choice((1, 1, 2, 2, 3)))))
