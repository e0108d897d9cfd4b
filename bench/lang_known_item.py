#!/usr/bin/env python3
"""lang_known_item.py - known-item search per language on web-eval.

For each page of web-eval that declares a language (bench/lang_eval.py's
judge) and yields an article, the query is the three words of its article
that the fewest other articles use (words of 5 letters or more, lower-cased,
as a reader types them; ties broken by a fixed seed), all of which must
match.  A query succeeds when the article is the first hit for the words as
typed (exit status 0: not the hits of a spelling correction).  Run on two
indexes of the same pages -- one stemmed in English for every article (trawl
before languages: --stem english), one stemmed in each article's own
language (the default) -- it prints the share of rank-1 hits per language.

Usage:
  bench/lang_known_item.py [--bin DIR] [--corpus DIR] [--work DIR]
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lang_eval import page_langs  # noqa: E402

WORD = re.compile(r"[^\W\d_]{5,}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("TRAWL_SHARED", os.path.join(here, "..", "..", "shared"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(here, "..", "build"))
    ap.add_argument("--corpus", default=os.path.join(shared, "corpora", "web-eval"))
    ap.add_argument("--work", default="/tmp/trawl-lang-known-item")
    args = ap.parse_args()
    pages = os.path.join(args.corpus, "pages")
    index, query = os.path.join(args.bin, "trawl-index"), os.path.join(args.bin, "trawl-query")

    langs = page_langs(pages)
    run = subprocess.run([index, "--extract", "-q", pages], stdout=subprocess.PIPE, text=True)
    articles = {}
    for line in run.stdout.splitlines():
        a = json.loads(line)
        text = (a.get("title") or "") + "\n" + (a.get("body") or "")
        articles[a["id"]] = (os.path.basename(a["path"]), text)
    words = {i: set(w.lower() for w in WORD.findall(t)) for i, (_, t) in articles.items()}
    df = collections.Counter(w for ws in words.values() for w in ws)
    rng = random.Random(18)
    queries = {}
    for i, (name, _) in sorted(articles.items()):
        if name not in langs or len(words[i]) < 3:
            continue
        pool = sorted(words[i])
        rng.shuffle(pool)
        queries[i] = (langs[name], " ".join(sorted(pool, key=lambda w: df[w])[:3]))

    dbs = {"english": ["--stem", "english"], "own language": []}
    found = {}
    for label, opts in dbs.items():
        db = os.path.join(args.work, label.replace(" ", "-"))
        subprocess.run([index, "-q", "--full", "-d", db] + opts + [pages], check=False)
        found[label] = {}
        for i, (_, q) in queries.items():
            r = subprocess.run([query, "-d", db, "--all", "--format", "tsv", "--fields", "id",
                                "-n", "1", "--", q], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
            # Exit 0: hits for the words as typed, not a spelling correction's.
            found[label][i] = r.returncode == 0 and r.stdout.strip() == i
    by_lang = collections.defaultdict(list)
    for i, (lang, _) in queries.items():
        by_lang[lang].append(i)
    print(f"known-item: {len(queries)} articles, three rarest words each; rank-1 share "
          f"({', '.join(dbs)})")
    for label in dbs:
        n = sum(found[label].values())
        print(f"  all, {label}: {n}/{len(queries)} = {n / len(queries):.3f}")
    for lang in sorted(by_lang, key=lambda l: (-len(by_lang[l]), l)):
        ids = by_lang[lang]
        cells = [f"{sum(found[label][i] for i in ids)}/{len(ids)}" for label in dbs]
        print(f"  {lang}: " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
