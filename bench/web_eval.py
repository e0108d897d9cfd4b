#!/usr/bin/env python3
"""web_eval.py - how well trawl-index finds the article in real web pages.

Scores the articles `trawl-index --extract` prints for the pages of web-eval
(../shared/corpora/web-eval: 884 saved pages and, in segments.json, for each
page the text segments that belong to its article, "with", and boilerplate
segments that must be left out, "without") the way trafilatura's
tests/evaluate.py scores extractors, so that the figures stand beside the ones
it publishes:

  - the text of a page and each segment have their runs of white space folded
    to one space and are trimmed;
  - both lose the characters that are never seen, only hint at layout: the
    soft hyphen (U+00AD), the zero-width space, the word joiner and a byte
    order mark.  trafilatura's evaluate.py keeps them; trawl takes them out
    of every article (a search for "Italiens" must find "Ita&shy;li&shy;ens"),
    so a segment a page hyphenated this way (9 of the set's, on 3 pages)
    could never be found, though the text is the same to a reader;
  - a "with" segment found in the text (a substring match) is a true positive,
    one missing a false negative; a "without" segment found is a false
    positive, one missing a true negative;
  - precision, recall, F1 and accuracy are computed over all the segments of
    all the pages together (not averaged per page);
  - a page with no article, or none printed, counts as an empty text.

The text scored is the article's title, a line break, then its body: both are
what trawl indexes and searches (a hit on a word of the title is a hit on the
article), so a title on the page belongs to the article.  trafilatura's own
scoring sees its plain-text output, which is the body alone; --body-only scores
that way.  On the extractor of 2026-12 the two differ by two segments each
way, and not in the third decimal of any figure.

Pages are matched to segments by file name: an article's path is that of its
page, NAME.html.gz, and a segment entry's "file" is NAME.html.

Most entries also name the page's title (823 of the 884), date (706) and
author (518), as a reader finds them on the page: --meta scores those too,
each over the pages that name it.  A title or an author is right when it is
the same text once white space is folded and case ignored (authors given as
a list are joined by ", "); a date when it is the same day (the first ten
characters of trawl's ISO 8601 date, which is on the page's own clock where
the page gives it, against the entry's, which is the page's own day: a story
published at 01:00 in Berlin and dated in UTC by its markup alone stays on the
day before).  --meta-misses FIELD lists
the pages that FIELD is wrong for.

--fold even|odd scores half of the pages: those whose file name's CRC-32
(zlib's, the same on every machine and run) is even, or odd.  A change to the
extractor is studied on one fold and checked on the other, which holds other
sites (the 884 pages come from 871), so that a rule that only fits the pages
it was made on shows as such.

Usage:
  bench/web_eval.py [--trawl-index BIN] [--jsonl FILE] [--corpus DIR]
                    [--worst N] [--min-f1 F] [--body-only]
                    [--meta] [--meta-misses title|date|author] [--fold even|odd]
Without --jsonl it runs BIN --extract -q on the corpus's pages itself.
With --min-f1 it exits 1 when F1 is below F (the gate of make check).
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import zlib

SPACES = re.compile(r"\s+")
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def default_corpus():
    """web-eval among the shared corpora: $TRAWL_SHARED's, else those of
    ../shared beside the repository."""
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("TRAWL_SHARED", os.path.join(here, "..", "..", "shared"))
    return os.path.join(shared, "corpora", "web-eval")


def fold(text):
    """Runs of white space to one space, trimmed, as evaluate.py's norm(),
    without the characters no reader sees (see above)."""
    return SPACES.sub(" ", INVISIBLE.sub("", text)).strip()


def page_name(article_id):
    """segments.json's "file" for the page an article came from."""
    name = os.path.basename(article_id)
    return name[:-3] if name.endswith(".gz") else name


def parse_articles(lines):
    """The articles of JSON Lines of trawl-index --extract, with the page
    name each came from."""
    articles = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            a = json.loads(line)
        except ValueError as e:
            sys.exit(f"web_eval: line {n} of the articles is not JSON: {e}")
        # The path, not the id: an id may add "#MEMBER", a file name hold '#'.
        articles.append((page_name(a.get("path") or a["id"]), a))
    return articles


def read_articles(articles, body_only):
    """{page name: text scored} from the parsed articles."""
    texts = {}
    for name, a in articles:
        parts = [a.get("body") or ""]
        if not body_only:
            parts.insert(0, a.get("title") or "")
        # One page is one article; should a page ever give two, both count.
        texts[name] = texts.get(name, "") + "\n" + "\n".join(parts)
    return texts


def extract(trawl_index, pages):
    """Runs trawl-index --extract on PAGES; returns its output lines."""
    run = subprocess.run([trawl_index, "--extract", "-q", pages],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # 1 means some page failed: it is scored as an empty text, not an error.
    if run.returncode not in (0, 1):
        sys.exit(f"web_eval: {trawl_index} --extract failed ({run.returncode}): "
                 f"{run.stderr.strip()}")
    return run.stdout.splitlines()


def score(segments, texts):
    """Totals and, per page, what it got wrong."""
    tp = fp = fn = tn = 0
    pages = []
    for entry in segments.values():
        text = fold(texts.get(entry["file"], ""))
        missed = [s for s in entry["with"] if fold(s) not in text]
        kept = [s for s in entry["without"] if fold(s) in text]
        tp += len(entry["with"]) - len(missed)
        fn += len(missed)
        fp += len(kept)
        tn += len(entry["without"]) - len(kept)
        pages.append((len(missed) + len(kept), entry["file"], missed, kept))
    return (tp, fp, fn, tn), pages


META_FIELDS = ("title", "date", "author")


def meta_value(field, value):
    """A title, date or author as compared: folded, without case; a date as
    its day; a list of names joined."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    value = fold(str(value or "")).casefold()
    return value[:10] if field == "date" else value


def score_meta(segments, articles):
    """For each field, (right, named, [(page, truth, found)...wrong])."""
    found = {}
    for name, a in articles:
        found.setdefault(name, a)
    result = {}
    for field in META_FIELDS:
        right, named, wrong = 0, 0, []
        for entry in segments.values():
            truth = entry.get(field)
            if not truth:
                continue
            named += 1
            got = found.get(entry["file"], {}).get(field)
            if meta_value(field, got) == meta_value(field, truth):
                right += 1
            else:
                wrong.append((entry["file"], truth, got))
        result[field] = (right, named, wrong)
    return result


def in_fold(name, which):
    """Whether the page NAME is in the fold WHICH ("even", "odd"; None: all)."""
    return which is None or zlib.crc32(name.encode("utf-8")) % 2 == (which == "odd")


def figures(tp, fp, fn, tn):
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    accuracy = (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0
    return precision, recall, f1, accuracy


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trawl-index", default=os.path.join(here, "..", "build", "trawl-index"))
    ap.add_argument("--jsonl", help="score these articles ('-': stdin) instead of extracting")
    ap.add_argument("--corpus", default=default_corpus())
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="list the N pages with the most segments wrong")
    ap.add_argument("--min-f1", type=float, metavar="F", help="exit 1 when F1 is below F")
    ap.add_argument("--body-only", action="store_true", help="score the body without the title")
    ap.add_argument("--meta", action="store_true",
                    help="score the title, date and author of the pages that name them")
    ap.add_argument("--meta-misses", choices=META_FIELDS, metavar="FIELD",
                    help="list the pages whose FIELD (title, date, author) is wrong")
    ap.add_argument("--fold", choices=("even", "odd"),
                    help="score only the pages whose file name's CRC-32 is even, or odd")
    args = ap.parse_args()

    with open(os.path.join(args.corpus, "segments.json"), encoding="utf-8") as f:
        segments = {key: entry for key, entry in json.load(f).items()
                    if in_fold(entry["file"], args.fold)}
    if args.jsonl == "-":
        lines = sys.stdin.read().splitlines()
    elif args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = extract(args.trawl_index, os.path.join(args.corpus, "pages"))
    articles = parse_articles(lines)
    texts = read_articles(articles, args.body_only)

    counts, pages = score(segments, texts)
    precision, recall, f1, accuracy = figures(*counts)
    tp, fp, fn, tn = counts
    files = {entry["file"] for entry in segments.values()}
    print(f"web-eval: {len(segments)} pages ({len(files & texts.keys())} with an article), "
          f"{tp + fn} with-segments, {fp + tn} without-segments")
    print(f"web-eval: tp {tp} fp {fp} fn {fn} tn {tn}")
    print(f"web-eval: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} "
          f"accuracy {accuracy:.3f}")
    if args.worst:
        pages.sort(key=lambda p: (-p[0], p[1]))
        for wrong, name, missed, kept in pages[:args.worst]:
            if not wrong:
                break
            print(f"\n{name}: {len(missed)} missed, {len(kept)} boilerplate kept")
            for s in missed:
                print(f"  missed: {fold(s)[:160]}")
            for s in kept:
                print(f"  kept:   {fold(s)[:160]}")
    if args.meta or args.meta_misses:
        meta = score_meta(segments, articles)
        for field in META_FIELDS:
            right, named, _ = meta[field]
            share = right / named if named else 0.0
            print(f"web-eval meta: {field} {right} of {named} right ({share:.3f})")
        if args.meta_misses:
            for name, truth, got in meta[args.meta_misses][2]:
                print(f"  {name}: want {fold(str(truth))[:100]!r}, got {fold(str(got or ''))[:100]!r}")
    if args.min_f1 is not None:
        if f1 < args.min_f1:
            print(f"web-eval: FAIL: F1 {f1:.4f} is below the floor {args.min_f1:.4f}")
            return 1
        print(f"web-eval: F1 {f1:.4f} is at or above the floor {args.min_f1:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
