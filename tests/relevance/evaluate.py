#!/usr/bin/env python3
"""evaluate.py - ranking quality of trawl over corpus/: runs every query of
judgments.tsv through trawl-query (any-word matching, as a reader's loose query
ranks, copies not folded, so that each judged article can be seen) and prints
MAP, nDCG@10 and the queries whose best article is not first.

Usage: tests/relevance/evaluate.py TRAWL_QUERY INDEX [--min-map X] [--min-ndcg Y]
                                   [--bm25 K1,B]
Exit 1 when MAP or nDCG@10 falls below the minimum given."""
import math
import subprocess
import sys
from collections import OrderedDict

here = sys.argv[0].rsplit("/", 1)[0]
trawl_query, index = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
options = {args[i]: args[i + 1] for i in range(0, len(args), 2)}
bm25 = ["--bm25", options.pop("--bm25")] if "--bm25" in options else []
minimum = {k: float(v) for k, v in options.items()}

judged = OrderedDict()
for line in open(here + "/judgments.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    query, article, grade = line.rstrip("\n").split("\t")
    judged.setdefault(query, {})["corpus/" + article] = int(grade)


def ranked(query):
    out = subprocess.run([trawl_query, "-d", index, "--any", "--no-collapse", "--format",
                          "tsv", "-n", "100"] + bm25 + [query],
                         capture_output=True, text=True).stdout
    return [row.split("\t")[2] for row in out.splitlines() if row and row[0].isdigit()]


def average_precision(ranking, grades):
    found, total = 0, 0.0
    for i, doc in enumerate(ranking, 1):
        if doc in grades:
            found += 1
            total += found / i
    return total / len(grades)


def ndcg(ranking, grades, k=10):
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 1)
              for i, d in enumerate(ranking[:k], 1))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, 1))
    return dcg / idcg


aps, ndcgs = [], []
for query, grades in judged.items():
    ranking = ranked(query)
    aps.append(average_precision(ranking, grades))
    ndcgs.append(ndcg(ranking, grades))
    best = max(grades.values())
    if not ranking or grades.get(ranking[0], 0) < best:
        print("first hit not a best article: %r -> %s" % (query, ranking[:1]))
score = {"--min-map": sum(aps) / len(aps), "--min-ndcg": sum(ndcgs) / len(ndcgs)}
print("%d queries: MAP %.3f, nDCG@10 %.3f" % (len(judged), score["--min-map"],
                                              score["--min-ndcg"]))
sys.exit(1 if any(score[k] < v for k, v in minimum.items()) else 0)
