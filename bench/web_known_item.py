#!/usr/bin/env python3
"""web_known_item.py - known-item search on real web pages, with the query's
words drawn from the article as the evaluation set gives it.

web-eval's segments.json holds, for each page, passages that its article
must yield ("with"), written by people, not by trawl's extraction.  Three to
five words are drawn from them per page (seeded; words of three letters or
more, drawn as bench/relevance_eval.py draws them: draw_words), and the
page must come back among the first ten hits of an index of all the pages:
MRR@10.  Where trawl's extraction of a page lost a passage, or its words are
tokenised otherwise, the article lacks a word of its own query, as it does
for a reader who remembers a story from its page: the table counts those
queries apart.

Usage:
  bench/web_known_item.py [--bin DIR] [--corpus DIR] [--work DIR] [--trawl NAME=ARGS]...
(--bin: trawl-index and trawl-query; --trawl: extra trawl-query arguments,
repeatable; default "trawl" with none and "trawl-all" with --all)
"""

import argparse
import collections
import json
import os
import random
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from relevance_eval import draw_words  # noqa: E402
from web_eval import default_corpus  # noqa: E402

WORD = re.compile(r"[^\W\d_]{3,}")


def draw(texts, seed):
    """(query, page file) pairs: texts maps a page file to its passages."""
    tokens = {f: WORD.findall(t.lower()) for f, t in texts.items()}
    df = collections.Counter()
    for toks in tokens.values():
        df.update(set(toks))
    n = len(texts)
    rng = random.Random(seed)
    out = []
    for f in sorted(texts):
        if len(tokens[f]) < 12:
            continue
        chosen = draw_words(rng, collections.Counter(tokens[f]), df, n)
        if len(chosen) >= 3:
            out.append((" ".join(chosen), f))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(here, "..", "build"))
    ap.add_argument("--corpus", default=default_corpus())
    ap.add_argument("--work", default="/tmp/trawl-web-known-item")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--trawl", action="append", default=[])
    a = ap.parse_args()
    configs = [c.split("=", 1) for c in a.trawl] or [["trawl", ""], ["trawl-all", "--all"]]
    pages = os.path.join(a.corpus, "pages")
    with open(os.path.join(a.corpus, "segments.json"), encoding="utf-8") as f:
        segments = json.load(f)
    texts = {e["file"]: "\n".join(e["with"]) for e in segments.values() if e["with"]}
    queries = draw(texts, a.seed)

    index = os.path.join(a.work, "index")
    if not os.path.exists(index):
        subprocess.run([os.path.join(a.bin, "trawl-index"), "-q", "-d", index, pages],
                       check=True)
    # The words of each page as trawl stored its article, to tell apart the
    # queries whose article lacks one of them.
    run = subprocess.run([os.path.join(a.bin, "trawl-index"), "--extract", "-q", pages],
                         stdout=subprocess.PIPE, text=True, check=True)
    stored = {}
    for line in run.stdout.splitlines():
        art = json.loads(line)
        name = os.path.basename(art["path"])
        name = name[:-3] if name.endswith(".gz") else name
        text = (art.get("title") or "") + "\n" + (art.get("body") or "")
        stored[name] = set(WORD.findall(text.lower()))
    lacking = [any(w not in stored.get(f, ()) for w in q.split()) for q, f in queries]

    print("%-12s %-24s %s" % ("system", "queries", "MRR@10 all / article lacks a word / "
                                                   "article has them all"))
    for label, extra in configs:
        rr = []
        for q, f in queries:
            cmd = [os.path.join(a.bin, "trawl-query"), "-d", index, "--format", "json",
                   "-n", "10"] + shlex.split(extra) + ["--", q]
            res = subprocess.run(cmd, capture_output=True, text=True)
            rank = 0
            hits = [json.loads(h) for h in res.stdout.splitlines() if h.startswith('{"rank"')]
            for i, h in enumerate(hits, 1):
                ids = [h["path"]] + list(h.get("duplicates") or ())
                if any(os.path.basename(p).startswith(f) for p in ids):
                    rank = i
                    break
            rr.append(1 / rank if rank else 0.0)
        mean = lambda v: sum(v) / len(v) if v else 0.0
        lost = [r for r, x in zip(rr, lacking) if x]
        kept = [r for r, x in zip(rr, lacking) if not x]
        print("%-12s %-24s %.3f / %.3f (%d) / %.3f (%d)" %
              (label, "web-eval known %d" % len(queries), mean(rr), mean(lost), len(lost),
               mean(kept), len(kept)))


if __name__ == "__main__":
    main()
