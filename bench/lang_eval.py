#!/usr/bin/env python3
"""lang_eval.py - how well a language detector names the language of real articles.

For each page of web-eval (../shared/corpora/web-eval/pages) the judge is the
language the page declares: <html lang> (or xml:lang; not in a comment), else og:locale, else a
content-language meta tag, cut to its ISO 639-1 code ("de-DE" -> "de").  The
text judged is the article trawl finds in the page (`trawl-index --extract`:
title, a line break, body), so the figures are for the texts trawl indexes.

A detector is a program that reads texts separated by NUL bytes on stdin and
prints one line per text, one or more tab-separated columns of ISO 639-1 codes
("-" when it gives no answer): bench/lang_detectors.cc prints CLD2's and
libexttextcat's answers, tests/helpers/detect_lang.c trawl's own.

For each column: accuracy (right answers over pages that declare a language
and yield an article), how many got no answer, precision over the answers
given, and the same per declared language.

Usage:
  bench/lang_eval.py --detector 'CMD ...' --columns cld2,textcat
                     [--trawl-index BIN] [--jsonl FILE] [--corpus DIR]
                     [--max-chars N] [--min-accuracy F --column NAME]
--max-chars cuts each text to its first N characters (short news texts).
--min-accuracy exits 1 when the accuracy of --column is below F (make check).
"""

import argparse
import gzip
import json
import os
import re
import shlex
import subprocess
import sys

from web_eval import default_corpus

HTML_LANG = re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
META = re.compile(r"<meta\b[^>]*>", re.I)
# Comments go first: pages written for old browsers hold <html lang="en">
# tags of their template in <!--[if IE 8]> comments before the real one.
COMMENT = re.compile(r"<!--.*?-->", re.S)
ATTR = re.compile(r"([a-z:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


def declared(html):
    """The page's own ISO 639-1 code, or None."""
    html = COMMENT.sub("", html)
    m = HTML_LANG.search(html)
    if m:
        return m.group(1).lower()
    for tag in META.findall(html):
        attrs = {k.lower(): (a or b or c) for k, a, b, c in ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("http-equiv") or "").lower()
        if key in ("og:locale", "content-language") and attrs.get("content"):
            code = re.split(r"[-_,; ]", attrs["content"].strip())[0].lower()
            if code.isalpha() and len(code) in (2, 3):
                return code
    return None


def page_langs(pages):
    langs = {}
    for name in sorted(os.listdir(pages)):
        with gzip.open(os.path.join(pages, name), "rb") as f:
            html = f.read(200000).decode("utf-8", "replace")
        lang = declared(html)
        if lang:
            langs[name] = lang
    return langs


def articles(lines):
    """{page file name: title + body} from JSON Lines of trawl-index --extract."""
    texts = {}
    for line in lines:
        if line.strip():
            a = json.loads(line)
            name = os.path.basename(a.get("path") or a["id"])
            texts[name] = (a.get("title") or "") + "\n" + (a.get("body") or "")
    return texts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--detector", required=True, help="command line of the detector")
    ap.add_argument("--columns", required=True, help="names of its output columns, comma-separated")
    ap.add_argument("--trawl-index", default=os.path.join(here, "..", "build", "trawl-index"))
    ap.add_argument("--jsonl", help="the articles of trawl-index --extract, instead of running it")
    ap.add_argument("--corpus", default=default_corpus())
    ap.add_argument("--max-chars", type=int, default=0)
    ap.add_argument("--min-accuracy", type=float)
    ap.add_argument("--column")
    args = ap.parse_args()

    pages = os.path.join(args.corpus, "pages")
    langs = page_langs(pages)
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = subprocess.run([args.trawl_index, "--extract", "-q", pages],
                               stdout=subprocess.PIPE, text=True).stdout.splitlines()
    texts = articles(lines)
    names = [n for n in sorted(langs) if n in texts]
    batch = [texts[n][:args.max_chars] if args.max_chars else texts[n] for n in names]
    run = subprocess.run(shlex.split(args.detector), input="\0".join(batch).encode(),
                         stdout=subprocess.PIPE, check=True)
    answers = [l.split("\t") for l in run.stdout.decode().splitlines()]
    columns = args.columns.split(",")
    if len(answers) != len(names) or any(len(a) != len(columns) for a in answers):
        sys.exit(f"lang_eval: the detector gave {len(answers)} lines for {len(names)} texts")

    by_lang = {}
    for n in names:
        by_lang.setdefault(langs[n], []).append(n)
    print(f"lang-eval: {len(names)} pages declare a language and yield an article"
          + (f" (texts cut to {args.max_chars} characters)" if args.max_chars else ""))
    result = {}
    for c, col in enumerate(columns):
        right = sum(1 for i, n in enumerate(names) if answers[i][c] == langs[n])
        none = sum(1 for a in answers if a[c] == "-")
        answered = len(names) - none
        acc = right / len(names) if names else 0.0
        result[col] = acc
        print(f"lang-eval: {col}: accuracy {acc:.3f} ({right}/{len(names)}), "
              f"no answer {none}, precision {right / answered if answered else 0:.3f}")
    print("lang-eval: per language (pages: " + ", ".join(columns) + " right)")
    for lang in sorted(by_lang, key=lambda l: (-len(by_lang[l]), l)):
        idx = [names.index(n) for n in by_lang[lang]]
        rights = [sum(1 for i in idx if answers[i][c] == lang) for c in range(len(columns))]
        print(f"  {lang}: {len(idx)}: " + ", ".join(str(r) for r in rights))
    if args.min_accuracy is not None:
        acc = result[args.column]
        if acc < args.min_accuracy:
            print(f"lang-eval: FAIL: {args.column} accuracy {acc:.4f} is below the floor {args.min_accuracy:.4f}")
            return 1
        print(f"lang-eval: {args.column} accuracy {acc:.4f} is at or above the floor {args.min_accuracy:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
