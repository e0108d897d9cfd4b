#!/usr/bin/env python3
"""relevance_eval.py - ranking quality of trawl beside raw Xapian and SQLite
FTS5, on two kinds of queries, all three searching the same files:

- known-item: 3-5 distinctive words drawn from one article (a reader who
  remembers a story and types what stuck); the article is the one answer.
  Typed in lower case ("known"), and again as the article writes each word
  most often ("cased": "Keefe", "OPEC"), which query parsers take for names
  and do not stem.
  Words are drawn with a fixed seed, each with a chance in proportion to its
  count in the article times its idf, from the words of at least three letters
  in no more than 5% of the articles (whole words: not "pte" of "pte_t").  A hit counts when it is the article or,
  folded, lists it among its copies.  MRR@10.
- topical (Reuters only): a topic's name as a reader would type it ("topic",
  1-3 words), and again in several words ("long", 3-6 words, most articles of
  the topic using only some of them); the articles Reuters' editors filed
  under the topic are the relevant ones.  MAP@100 and nDCG@10.

Queries are split into two folds (even and odd), so that a setting tuned on
one can be checked on the other: the table gives both and the whole.

Usage: bench/relevance_eval.py BUILD WORK [options]
  BUILD   a build folder holding trawl-query and bench/baseline_xapian
  WORK    where indexes are kept between runs (made when missing)
  --reuters TXT SGML   Reuters as one text file per article (bench/make_formats.py
                       writes TXT/NN/NEWID.txt) and the SGML folder, for topics
  --linuxdoc DIR       plain text files (linux-doc, inflated)
  --known N            known-item queries per collection (default 300)
  --seed S             (default 15)
  --trawl NAME=ARGS    a trawl configuration: extra trawl-query arguments
                       (repeatable; default: "trawl" with none, and
                       "trawl-nofold" with --no-collapse)
  --peers / --no-peers raw Xapian and FTS5 rows (default on)
  --scores DIR         also write each row's score per query to
                       DIR/SET-SYSTEM-KIND.json ([query, score] in the
                       table's order), for bench/relevance_compare.py
"""
import argparse
import collections
import json
import math
import os
import random
import re
import shlex
import sqlite3
import subprocess
import sys

# Words as the indexers see them (an underscore joins, as in Xapian), of
# which those of three letters or more are drawn.
TOKEN = re.compile(r"\w+")
WORD = re.compile(r"[a-z]{3,}")
# Words a reader would not type to find an article.
STOP = set("""the and for that with from this have was were are but not you your
been has had his her its their they them than then there these those which who
whom what when where while will would shall should can could may might must
about after also all any because before being between both each few more most
other over same some such only own into out said says very just our ours off
too per via yes how why""".split())

# Reuters topic -> the words a reader would type for it (as in
# bench/relevance_reuters.py).
TOPICS = {
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
    "reserves": "foreign reserves", "ipi": "industrial production",
    "bop": "balance of payments",
}

# The same topics typed as a reader who writes several words would (3-6),
# none of them chosen from the articles: most articles of a topic use only
# some of them, as with the topical queries of TREC-like sets.
TOPICS_LONG = {
    "coffee": "coffee export quotas", "gold": "gold mining production ounces",
    "sugar": "sugar prices world market", "cocoa": "cocoa buffer stock",
    "copper": "copper mine production", "cotton": "cotton crop exports",
    "rubber": "natural rubber agreement prices", "tin": "tin council prices",
    "zinc": "zinc smelter output", "silver": "silver prices ounces",
    "wheat": "wheat export subsidies", "corn": "corn crop harvest",
    "crude": "crude oil prices opec", "nat-gas": "natural gas pipeline reserves",
    "interest": "interest rates cut central bank",
    "money-fx": "dollar currency exchange rates intervention",
    "money-supply": "money supply growth", "trade": "trade deficit imports exports",
    "ship": "shipping ports vessels strike", "gnp": "gross national product growth forecast",
    "jobs": "unemployment rate jobless", "livestock": "cattle hog slaughter",
    "housing": "housing starts home building", "retail": "retail sales department stores",
    "cpi": "consumer prices inflation rise", "soybean": "soybeans crop export",
    "veg-oil": "vegetable oil palm exports", "oilseed": "oilseeds rapeseed crop",
    "acq": "acquisition merger takeover bid", "earn": "quarterly earnings net profit",
    "iron-steel": "steel production mills", "alum": "aluminium smelter prices",
    "reserves": "foreign exchange reserves central bank",
    "ipi": "industrial production output index",
    "bop": "balance of payments current account deficit",
}


def read_files(root):
    docs = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                docs[p] = f.read().decode("utf-8", "replace")
    return docs


def draw_words(rng, tf, df, total):
    """3-5 of the words TF counts in one article, drawn with RNG, each with a
    chance in proportion to its count times its idf (DF: the articles that
    have a word, of TOTAL), from those in no more than 5% of the articles;
    fewer when the article has fewer."""
    words = [w for w in sorted(tf) if df[w] <= total * 0.05]
    weights = [tf[w] * math.log(total / df[w]) for w in words]
    k = rng.choice((3, 4, 5))
    chosen = []
    while words and len(chosen) < k:
        i = rng.choices(range(len(words)), weights)[0]
        chosen.append(words.pop(i))
        weights.pop(i)
    return chosen


def known_items(docs, n, seed):
    """N (query, path) pairs, drawn with SEED."""
    df = collections.Counter()
    tokens = {}
    for p, text in docs.items():
        toks = [w for w in TOKEN.findall(text.lower()) if WORD.fullmatch(w) and w not in STOP]
        tokens[p] = toks
        df.update(set(toks))
    total = len(docs)
    rng = random.Random(seed)
    paths = sorted(p for p in docs if len(tokens[p]) >= 30)
    out = []
    for p in rng.sample(paths, min(n, len(paths))):
        chosen = draw_words(rng, collections.Counter(tokens[p]), df, total)
        if len(chosen) >= 3:
            out.append((" ".join(chosen), p))
    return out


def cased(docs, known):
    """KNOWN with each word typed as its article writes it most often,
    capitals and all: a reader who remembers a name types "Keefe", which a
    query parser takes for a name and does not stem."""
    out = []
    for q, p in known:
        forms = collections.Counter(t for t in TOKEN.findall(docs[p]) if t.lower() in q.split())
        best = {}
        for form, n in forms.most_common():
            best.setdefault(form.lower(), form)
        out.append((" ".join(best.get(w, w) for w in q.split()), p))
    return out


def reuters_topics(sgml, txt_paths, typed):
    """(query, relevant paths) for each topic of TYPED (topic -> query)."""
    import glob
    import gzip
    by_newid = {}
    for path in sorted(glob.glob(sgml + "/*.sgm.gz")):
        text = gzip.open(path).read().decode("latin-1")
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">.*?<TOPICS>(.*?)</TOPICS>', text, re.S):
            by_newid[m.group(1)] = set(re.findall(r"<D>(.*?)</D>", m.group(2)))
    rel = {t: set() for t in typed}
    for p in txt_paths:
        newid = os.path.basename(p)[:-4]
        for t in by_newid.get(newid, ()):
            if t in rel:
                rel[t].add(p)
    return [(typed[t], rel[t]) for t in typed]


def run_trawl(build, index, queries, args):
    """Each query's ranking: a list of sets (a hit and the copies folded into it)."""
    out = []
    for q in queries:
        cmd = [os.path.join(build, "trawl-query"), "-d", index, "--format", "json",
               "-n", "100"] + args + ["--", q]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode not in (0, 1):
            sys.exit("relevance_eval: %s: %s" % (" ".join(cmd), res.stderr.strip()))
        ranking = []
        for line in res.stdout.splitlines():
            hit = json.loads(line)
            if "rank" in hit:
                ranking.append({hit["id"]} | set(hit.get("duplicates") or ()))
        out.append(ranking)
    return out


def run_xapian(build, index, queries, op, work):
    qfile = os.path.join(work, "queries.tmp")
    with open(qfile, "w") as f:
        f.write("".join(q + "\n" for q in queries))
    res = subprocess.run([os.path.join(build, "bench", "baseline_xapian"), "rank", index, qfile,
                          "100", op], capture_output=True, text=True, check=True)
    return [[{p} for p in line.split("\t") if p] for line in res.stdout.split("\n")[:len(queries)]]


def fts5_index(path, docs):
    if os.path.exists(path):
        return
    db = sqlite3.connect(path + ".tmp")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(path UNINDEXED, body, "
               "tokenize='porter unicode61')")
    db.executemany("INSERT INTO t VALUES (?, ?)", sorted(docs.items()))
    db.commit()
    db.close()
    os.rename(path + ".tmp", path)


def run_fts5(path, queries):
    db = sqlite3.connect(path)
    out = []
    for q in queries:
        match = " ".join('"%s"' % w.replace('"', '""') for w in q.split())
        rows = db.execute("SELECT path FROM t WHERE t MATCH ? ORDER BY rank LIMIT 100",
                          (match,)).fetchall()
        out.append([{r[0]} for r in rows])
    return out


def reciprocal_rank(ranking, target):
    for i, hit in enumerate(ranking[:10], 1):
        if target in hit:
            return 1.0 / i
    return 0.0


def average_precision(ranking, rel):
    hits, total, seen = 0, 0.0, set()
    for i, hit in enumerate(ranking[:100], 1):
        if hit & rel and not hit & seen:
            hits += 1
            total += hits / i
        seen |= hit
    return total / min(len(rel), 100) if rel else 0.0


def ndcg10(ranking, rel):
    dcg = sum(1 / math.log2(i + 1) for i, hit in enumerate(ranking[:10], 1) if hit & rel)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(rel), 10) + 1))
    return dcg / ideal if ideal else 0.0


def folds(values):
    mean = lambda v: sum(v) / len(v) if v else 0.0
    return mean(values[0::2]), mean(values[1::2]), mean(values)


def keep_scores(folder, name, system, kind, queries, scores):
    """Writes each query's score of one row to FOLDER, when given."""
    if folder:
        with open(os.path.join(folder, "%s-%s-%s.json" % (name, system, kind)), "w") as f:
            json.dump([[q, s] for q, s in zip(queries, scores)], f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("work")
    ap.add_argument("--reuters", nargs=2, metavar=("TXT", "SGML"))
    ap.add_argument("--linuxdoc")
    ap.add_argument("--known", type=int, default=300)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--trawl", action="append", default=[])
    ap.add_argument("--no-peers", dest="peers", action="store_false")
    ap.add_argument("--scores")
    a = ap.parse_args()
    # The peers' rows need raw Xapian's program, which `make all` does not
    # build: say so before the minutes of trawl's rows, not after them.
    baseline = os.path.join(a.build, "bench", "baseline_xapian")
    if a.peers and not os.access(baseline, os.X_OK):
        sys.exit("relevance_eval: no %s for raw Xapian's rows: build it with "
                 "'make BUILD=%s %s', or leave the peers out with --no-peers"
                 % (baseline, a.build, baseline))
    if a.scores:
        os.makedirs(a.scores, exist_ok=True)
    configs = [c.split("=", 1) for c in a.trawl] or [["trawl", ""],
                                                     ["trawl-nofold", "--no-collapse"]]
    os.makedirs(a.work, exist_ok=True)
    sets = []
    if a.reuters:
        sets.append(("reuters", a.reuters[0], a.reuters[1]))
    if a.linuxdoc:
        sets.append(("linuxdoc", a.linuxdoc, None))
    print("%-10s %-26s %-9s %s" % ("set", "system", "queries", "fold even / fold odd / all"))
    for name, root, sgml in sets:
        docs = read_files(root)
        index = os.path.join(a.work, "trawl-" + name)
        if not os.path.exists(index):
            subprocess.run([os.path.join(a.build, "trawl-index"), "-q", "-d", index, root],
                           check=True)
        runs = {}   # system -> function(queries) -> rankings
        for label, extra in configs:
            runs[label] = lambda qs, e=extra: run_trawl(a.build, index, qs, shlex.split(e))
        if a.peers:
            xdb = os.path.join(a.work, "xapian-" + name)
            if not os.path.exists(xdb):
                paths = "".join(p + "\n" for p in sorted(docs))
                subprocess.run([os.path.join(a.build, "bench", "baseline_xapian"), "index",
                                xdb, "-"], input=paths, text=True, check=True,
                               stdout=subprocess.DEVNULL)
            fdb = os.path.join(a.work, "fts5-" + name + ".db")
            fts5_index(fdb, docs)
            runs["xapian-or"] = lambda qs: run_xapian(a.build, xdb, qs, "or", a.work)
            runs["xapian-and"] = lambda qs: run_xapian(a.build, xdb, qs, "and", a.work)
            runs["fts5"] = lambda qs: run_fts5(fdb, qs)
        known = known_items(docs, a.known, a.seed)
        for kind, queries in (("known", known), ("cased", cased(docs, known))):
            for system, fn in runs.items():
                rr = [reciprocal_rank(r, t) for r, (q, t) in zip(fn([q for q, _ in queries]),
                                                                  queries)]
                keep_scores(a.scores, name, system, kind, [q for q, _ in queries], rr)
                print("%-10s %-26s %-9s MRR@10 %.3f / %.3f / %.3f" %
                      ((name, system, "%s %d" % (kind, len(queries))) + folds(rr)))
        for kind, typed in (("topic", TOPICS), ("long", TOPICS_LONG)) if sgml else ():
            topical = reuters_topics(sgml, docs, typed)
            for system, fn in runs.items():
                rankings = fn([q for q, _ in topical])
                aps = [average_precision(r, rel) for r, (q, rel) in zip(rankings, topical)]
                nd = [ndcg10(r, rel) for r, (q, rel) in zip(rankings, topical)]
                keep_scores(a.scores, name, system, kind, [q for q, _ in topical], aps)
                print("%-10s %-26s %-9s MAP@100 %.3f / %.3f / %.3f  nDCG@10 %.3f / %.3f / %.3f" %
                      ((name, system, "%s %d" % (kind, len(topical))) + folds(aps) + folds(nd)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
