#!/usr/bin/env python3
"""cjk_titles.py - known-item search by the title runs of Chinese, Japanese
and Korean pages, as typed and, for Chinese, in the other spelling.

Each page's title (or its first heading, when the title has no such
character) is split into runs of Chinese, Japanese or Korean
characters; each run of three or more is a query, typed without quotes as a
reader types it, and the page must come back among the first ten hits:
MRR@10, pages in the first ten, pages at rank 1, by language (the folder
zh_CN, zh_TW, ja_JP or ko_KR when the path names one, as linux-doc's
translations do, else by the script: kana is Japanese, Hangul Korean).  A Chinese run is typed in
the other spelling too, what a reader of the other script types: in
simplified characters when it has traditional ones, else in traditional
ones (ICU's uconv -x Hant-Hans, Hans-Hant); runs that read the same in both
are left out of that row.  linux-doc translates many pages into both
zh_CN and zh_TW: the rows "or twin" count the page's translation in the
other folder as found too.

Usage:
  bench/cjk_titles.py [--bin DIR] [--work DIR] [--body N] PATH...
  (linux-doc: /usr/share/doc/linux-doc-6.1/Documentation/translations/{zh_CN,zh_TW,ja_JP,ko_KR})
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess

RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]{3,}")
# A heading of reStructuredText: a line over a line of "=", "-", "~"...
HEADING = re.compile(r"^([^\n]*\S[^\n]*)\n([=\-~^*#])\2{2,}$", re.M)
FOLDERS = ("zh_CN", "zh_TW", "ja_JP", "ko_KR")


def uconv(lines, transform):
    """LINES rewritten by ICU's transliterator TRANSFORM, one for one."""
    out = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", transform],
                         input="\n".join(lines) + "\n", capture_output=True, text=True,
                         check=True).stdout.split("\n")
    return out[:len(lines)]


def group_of(art, title):
    """The folder that names ART's language, else its script: kana is
    Japanese, Hangul Korean, other ideographs Chinese."""
    for f in FOLDERS:
        if "/" + f + "/" in art["path"]:
            return f
    text = title + (art.get("body") or "")[:2000]
    if re.search(r"[\u3040-\u30ff]", text):
        return "ja"
    return "ko" if re.search(r"[\uac00-\ud7af]", text) else "zh"


def twin(article):
    """ARTICLE's page in the other Chinese folder: linux-doc translates
    many pages into both."""
    for a, b in (("/zh_CN/", "/zh_TW/"), ("/zh_TW/", "/zh_CN/")):
        if a in article:
            return article.replace(a, b)
    return article


def ranks_of(bin_dir, index, query, article):
    """The rank of ARTICLE, and of it or its twin, in the first ten hits
    of QUERY (0 for none)."""
    res = subprocess.run([os.path.join(bin_dir, "trawl-query"), "-d", index, "--format", "json",
                          "-n", "10", "--", query], capture_output=True, text=True)
    hits = [json.loads(h) for h in res.stdout.splitlines() if h.startswith('{"rank"')]
    found = [0, 0]
    for i, h in enumerate(hits, 1):
        ids = [h["id"]] + list(h.get("duplicates") or ())
        if not found[0] and article in ids:
            found[0] = i
        if not found[1] and (article in ids or twin(article) in ids):
            found[1] = i
    return found


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(here, "..", "build"))
    ap.add_argument("--work", default="/tmp/trawl-cjk-titles")
    ap.add_argument("--body", type=int, default=0,
                    help="also N runs of the body per page (their first 6 characters), "
                         "spread over it: for pages whose titles have few")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    index = os.path.join(a.work, "index")
    shutil.rmtree(index, ignore_errors=True)
    subprocess.run([os.path.join(a.bin, "trawl-index"), "-q", "-d", index] + a.paths,
                   check=True)
    run = subprocess.run([os.path.join(a.bin, "trawl-index"), "--extract", "-q"] + a.paths,
                         stdout=subprocess.PIPE, text=True, check=True)
    queries = []     # (group, run, article id)
    for line in run.stdout.splitlines():
        art = json.loads(line)
        title = art.get("title") or ""
        # linux-doc's pages start with a field (":Original: ..."), which
        # trawl takes for the title: the page's is its first heading.
        heading = HEADING.search(art.get("body") or "")
        if not RUN.search(title) and heading:
            title = heading.group(1)
        group = group_of(art, title)
        for r in RUN.findall(title):
            queries.append((group, r, art["id"]))
        body = [r[:6] for r in RUN.findall(art.get("body") or "") if len(r) >= 4]
        for k in range(min(a.body, len(body))):
            queries.append((group + " body", body[k * len(body) // a.body], art["id"]))
    runs = [q[1] for q in queries]
    simplified, traditional = uconv(runs, "Hant-Hans"), uconv(runs, "Hans-Hant")
    rows = collections.defaultdict(list)
    for (group, r, article), s, t in zip(queries, simplified, traditional):
        page, either = ranks_of(a.bin, index, r, article)
        rows[(group, "as typed")].append(page)
        rows[(group, "as typed, or twin")].append(either)
        other = s if s != r else t
        if group.startswith("zh") and other != r:
            page, either = ranks_of(a.bin, index, other, article)
            rows[(group, "other spelling")].append(page)
            rows[(group, "other, or twin")].append(either)
    print("%-8s %-18s %7s %8s %6s %5s" % ("pages", "typed", "queries", "MRR@10", "top10", "at 1"))
    for (group, typed), ranks in sorted(rows.items()):
        mrr = sum(1 / r for r in ranks if r) / len(ranks)
        print("%-8s %-18s %7d %8.3f %6d %5d" % (group, typed, len(ranks), mrr,
                                                sum(1 for r in ranks if r),
                                                sum(1 for r in ranks if r == 1)))


if __name__ == "__main__":
    main()
