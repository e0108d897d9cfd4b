#!/usr/bin/env python3
"""lang_known_item.py - known-item search per language on web-eval.

For each page of web-eval that declares a language (bench/lang_eval.py's
judge) and yields an article, two queries, all of whose words must match:

  - "as written": the three words of its article that the fewest other
    articles use (words of 5 letters or more, lower-cased, as a reader types
    them; ties broken by a fixed seed);
  - "other forms": the same for the article's words that another article
    has in another form with the same stem in the page's language (Xapian's
    Snowball stemmer for it, bench/stem_words), each replaced by the most
    common such form that the article itself does not hold -- a reader who
    types "Regierung" for an article that says "Regierungen".  Pages in a
    language Xapian cannot stem, or with no such word, have none.
  A query succeeds when the article is the first hit for the words as
typed (exit status 0: not the hits of a spelling correction).  Run on two
indexes of the same pages -- one stemmed in English for every article (trawl
before languages: --stem english), one stemmed in each article's own
language (the default) -- it prints the share of rank-1 hits per language.

Usage:
  bench/lang_known_item.py [--bin DIR] [--corpus DIR] [--work DIR]
(--bin: trawl-index, trawl-query and bench/stem_words, as `make bench` builds them)
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
from web_eval import default_corpus  # noqa: E402

WORD = re.compile(r"[^\W\d_]{5,}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(here, "..", "build"))
    ap.add_argument("--corpus", default=default_corpus())
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
    written, forms = {}, {}
    for i, (name, _) in sorted(articles.items()):
        if name not in langs or len(words[i]) < 3:
            continue
        pool = sorted(words[i])
        rng.shuffle(pool)
        written[i] = (langs[name], " ".join(sorted(pool, key=lambda w: df[w])[:3]))
    stem = stems_by_language(os.path.join(args.bin, "bench", "stem_words"),
                             sorted(set(l for l, _ in written.values())), sorted(df))
    for i, (lang, _) in written.items():
        if lang not in stem:
            continue
        by_stem = stem[lang]["groups"]
        pool = sorted(words[i])
        rng.shuffle(pool)
        picked = []
        for w in sorted(pool, key=lambda w: df[w]):
            others = [v for v in by_stem[stem[lang]["of"][w]] if v not in words[i]]
            if others:
                picked.append(max(others, key=lambda v: (df[v], v)))
            if len(picked) == 3:
                break
        if picked:
            forms[i] = (lang, " ".join(picked))
    for kind, queries in (("as written", written), ("other forms", forms)):
        report(kind, queries, index, query, pages, args.work)
    return 0


def stems_by_language(stem_words, langs, vocabulary):
    """{lang: {"of": {word: stem}, "groups": {stem: [words]}}} for the
    languages Xapian can stem."""
    out = {}
    for lang in langs:
        lines = "".join(f"{lang}\t{w}\n" for w in vocabulary)
        got = subprocess.run([stem_words], input=lines, stdout=subprocess.PIPE, text=True,
                             check=True).stdout.split("\n")
        if not any(got):
            continue
        of = dict(zip(vocabulary, got))
        groups = collections.defaultdict(list)
        for w, s in of.items():
            groups[s].append(w)
        out[lang] = {"of": of, "groups": groups}
    return out


def report(kind, queries, index, query, pages, work):
    """Runs QUERIES on both indexes (built by the first call) and prints the
    share of rank-1 hits, in all and per language."""

    dbs = {"english": ["--stem", "english"], "own language": []}
    found = {}
    for label, opts in dbs.items():
        db = os.path.join(work, label.replace(" ", "-"))
        if kind == "as written":
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
    print(f"known-item, {kind}: {len(queries)} articles; rank-1 share ({', '.join(dbs)})")
    for label in dbs:
        n = sum(found[label].values())
        print(f"  all, {label}: {n}/{len(queries)} = {n / len(queries):.3f}")
    for lang in sorted(by_lang, key=lambda l: (-len(by_lang[l]), l)):
        ids = by_lang[lang]
        cells = [f"{sum(found[label][i] for i in ids)}/{len(ids)}" for label in dbs]
        print(f"  {lang}: " + "  ".join(cells))


if __name__ == "__main__":
    sys.exit(main())
