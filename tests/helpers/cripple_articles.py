#!/usr/bin/env python3
"""cripple_articles.py - articles from an extractor gone wrong, to show that the
web-eval gate (tests/e2e/65-web-eval.sh) fails when extraction does.

  cripple_articles.py empty < ARTICLES.jsonl
      the same articles with their title and body emptied: an extractor that
      finds nothing (recall falls to 0);
  cripple_articles.py whole-page PAGES_DIR
      one article per page holding all the text of the page, tags and scripts
      dropped: an extractor that keeps the menus, teasers and footers too
      (precision falls).
"""

import gzip
import html
import json
import os
import re
import sys

SCRIPTS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.S | re.I)
TAGS = re.compile(r"<[^>]*>")


def empty():
    for line in sys.stdin:
        a = json.loads(line)
        a["title"] = a["body"] = None
        print(json.dumps(a))


def whole_page(pages):
    for name in sorted(os.listdir(pages)):
        with gzip.open(os.path.join(pages, name)) as f:
            markup = f.read().decode("utf-8", "replace")
        text = html.unescape(TAGS.sub(" ", SCRIPTS.sub(" ", markup)))
        print(json.dumps({"id": os.path.join(pages, name), "title": None, "body": text}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["empty"]:
        empty()
    elif sys.argv[1:2] == ["whole-page"] and len(sys.argv) == 3:
        whole_page(sys.argv[2])
    else:
        sys.exit(__doc__)
