#!/usr/bin/env python3
"""make_big.py - write a corpus of about SIZE bytes of text files for the scaling
and memory benchmark, from the files under the given folders: copy 0 is the
files as they are; in copy k every fifth word (a different fifth each copy) gets
a suffix naming k, so the vocabulary grows with the corpus the way it does in
real collections, instead of the same words repeating.

Usage: bench/make_big.py SIZE_BYTES OUT_DIR SOURCE_DIR..."""
import os
import re
import sys

size, out, sources = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
files = []
for src in sources:
    for root, _, names in os.walk(src):
        for name in sorted(names):
            files.append(os.path.join(root, name))
files.sort()
word = re.compile(rb"[A-Za-z]{3,}")


def suffix(k):
    letters = b""
    while k:
        k, r = divmod(k, 26)
        letters += bytes([ord("a") + r])
    return b"q" + letters


written, copy = 0, 0
while written < size:
    tag = suffix(copy)
    for i, path in enumerate(files):
        data = open(path, "rb").read()
        if copy:
            count = [0]

            def mark(m):
                count[0] += 1
                return m.group(0) + tag if (count[0] + copy) % 5 == 0 else m.group(0)
            data = word.sub(mark, data)
        target = os.path.join(out, "%03d" % copy, "%05d.txt" % i)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
        written += len(data)
        if written >= size:
            break
    copy += 1
print("%d bytes in %d copies of %d files" % (written, copy, len(files)))
