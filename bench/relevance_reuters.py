#!/usr/bin/env python3
"""relevance_reuters.py - ranking quality on real news: Reuters-21578's editors
filed each article under topics ("coffee", "crude", "money-fx"); a query naming
a topic should rank that topic's articles first.  For each topic query below,
the articles filed under the topic are the relevant ones; prints MAP (average
precision over the first 100 hits, each query's divided by min(relevant, 100))
and nDCG@10, for each --bm25 setting given (default: trawl's own).

Usage: bench/relevance_reuters.py TRAWL_QUERY INDEX REUTERS_DIR [K1,B ...]
INDEX must be trawl-index's index of REUTERS_DIR (ids end in #NEWID)."""
import glob
import gzip
import math
import re
import subprocess
import sys

# topic -> the words a reader would type for it
QUERIES = {
    "coffee": "coffee", "gold": "gold", "sugar": "sugar", "cocoa": "cocoa",
    "copper": "copper", "cotton": "cotton", "rubber": "rubber", "tin": "tin",
    "zinc": "zinc", "silver": "silver", "wheat": "wheat", "corn": "corn",
    "crude": "crude oil", "nat-gas": "natural gas", "interest": "interest rates",
    "money-fx": "foreign exchange", "money-supply": "money supply",
    "trade": "trade deficit", "ship": "shipping", "gnp": "gross national product",
    "jobs": "unemployment", "livestock": "cattle", "housing": "housing starts",
    "retail": "retail sales", "cpi": "consumer prices", "soybean": "soybeans",
    "veg-oil": "vegetable oil", "oilseed": "oilseeds", "acq": "acquisition",
    "earn": "quarterly earnings", "iron-steel": "steel", "alum": "aluminium",
    "reserves": "foreign reserves", "ipi": "industrial production", "bop": "balance of payments",
}

trawl_query, index, reuters = sys.argv[1:4]
settings = sys.argv[4:] or [None]

topics = {}
for path in sorted(glob.glob(reuters + "/*.sgm.gz")):
    text = gzip.open(path).read().decode("latin-1")
    for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">.*?<TOPICS>(.*?)</TOPICS>', text, re.S):
        topics[m.group(1)] = set(re.findall(r"<D>(.*?)</D>", m.group(2)))
relevant = {t: {i for i, ts in topics.items() if t in ts} for t in QUERIES}


def ranking(query, bm25):
    cmd = [trawl_query, "-d", index, "--no-collapse", "--format", "tsv", "-n", "100"]
    if bm25:
        cmd += ["--bm25", bm25]
    out = subprocess.run(cmd + [query], capture_output=True, text=True).stdout
    return [row.split("\t")[2].rsplit("#", 1)[-1] for row in out.splitlines()
            if row and row[0].isdigit()]


for bm25 in settings:
    aps, ndcgs = [], []
    for topic, query in QUERIES.items():
        rel, ranked = relevant[topic], ranking(query, bm25)
        hits, total = 0, 0.0
        for i, doc in enumerate(ranked, 1):
            if doc in rel:
                hits += 1
                total += hits / i
        aps.append(total / min(len(rel), 100))
        dcg = sum(1 / math.log2(i + 1) for i, d in enumerate(ranked[:10], 1) if d in rel)
        ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(rel), 10) + 1))
        ndcgs.append(dcg / ideal)
    print("bm25 %-9s %d topic queries: MAP@100 %.3f, nDCG@10 %.3f"
          % (bm25 or "default", len(QUERIES), sum(aps) / len(aps), sum(ndcgs) / len(ndcgs)))
