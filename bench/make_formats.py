#!/usr/bin/env python3
"""make_formats.py - write the Reuters-21578 articles out again in each input
format trawl reads, so each extractor's throughput can be measured on the same
text: one .txt file per article, one .html page per article (with the usual page
furniture), one JSON Lines dump, one CSV table (as Python's csv module writes
one: fields quoted where they hold a comma, a quote or a line break), and TREC
files.

Usage: bench/make_formats.py REUTERS_DIR OUT_DIR"""
import csv
import gzip
import html
import json
import os
import re
import sys

src, out = sys.argv[1], sys.argv[2]
record = re.compile(rb'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)


def field(name, text):
    m = re.search(rb'<%s>(.*?)</%s>' % (name, name), text, re.S)
    if not m:
        return ""
    raw = m.group(1).decode("utf-8", "replace")
    return html.unescape(re.sub(r"<[^>]*>", " ", raw)).strip()


articles = []
for name in sorted(os.listdir(src)):
    data = gzip.open(os.path.join(src, name)).read()
    for m in record.finditer(data):
        body = field(b"BODY", m.group(2))
        if body:
            articles.append((m.group(1).decode(), field(b"TITLE", m.group(2)) or "Untitled",
                             field(b"DATE", m.group(2)).split(" ")[0], body))

for d in ("txt", "html", "jsonl", "csv", "trec"):
    os.makedirs(os.path.join(out, d), exist_ok=True)

for newid, title, date, body in articles:
    sub = os.path.join(out, "txt", newid[-2:])
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, newid + ".txt"), "w") as f:
        f.write("Date: %s\n\n%s\n\n%s\n" % (date, title, body))
    sub = os.path.join(out, "html", newid[-2:])
    os.makedirs(sub, exist_ok=True)
    paragraphs = "".join("<p>%s</p>\n" % html.escape(p) for p in body.split("\n     "))
    with open(os.path.join(sub, newid + ".html"), "w") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s | Wire</title>'
                '<meta property="article:published_time" content="%s">'
                '<script>var a = 1;</script><style>p { margin: 0 }</style></head><body>'
                '<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>'
                '<article><h1>%s</h1>\n%s</article><aside>Most read</aside>'
                '<footer>Contact us</footer></body></html>\n'
                % (html.escape(title), date, html.escape(title), paragraphs))

with open(os.path.join(out, "jsonl", "reuters.jsonl"), "w") as f:
    for newid, title, date, body in articles:
        f.write(json.dumps({"id": newid, "title": title, "date": date, "body": body}) + "\n")

with open(os.path.join(out, "csv", "reuters.csv"), "w", newline="") as f:
    table = csv.writer(f)
    table.writerow(["id", "title", "date", "body"])
    table.writerows(articles)

for i in range(0, len(articles), 1000):
    with open(os.path.join(out, "trec", "la%03d" % (i // 1000)), "w") as f:
        for newid, title, date, body in articles[i:i + 1000]:
            f.write("<DOC>\n<DOCNO> R-%s </DOCNO>\n<DATE>%s</DATE>\n<HEADLINE>%s</HEADLINE>\n"
                    "<TEXT>\n%s\n</TEXT>\n</DOC>\n"
                    % (newid, date, html.escape(title), html.escape(body)))

print("%d articles written in each format" % len(articles))
