#!/usr/bin/env python3
"""How alike are the articles `trawl-query --like` lists?  Reuters-21578
files each article under topics (earn, crude, grain...); of N articles,
seeded, that have exactly one, the share of the first 10 articles like each
that share its topic ("topic agreement at 10"), beside the article's own
title searched as an any-word query (the reader's first try without
--like).

    python3 bench/like_eval.py BUILD/trawl-query INDEX REUTERS_DIR [-n 300] [--seed 7]

INDEX is an index of REUTERS_DIR's .sgm.gz files as given to trawl-index
(ids are PATH#NEWID, the paths as the index has them).
"""
import argparse
import glob
import gzip
import random
import re
import subprocess


def read_reuters(folder):
    """Each article's topics and title, by id (PATH#NEWID)."""
    topics, titles = {}, {}
    for path in sorted(glob.glob(folder.rstrip('/') + '/*.sgm.gz')):
        text = gzip.open(path).read().decode('latin-1')
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', text, re.S):
            body = m.group(2)
            listed = re.search(r'<TOPICS>(.*?)</TOPICS>', body, re.S)
            title = re.search(r'<TITLE>(.*?)</TITLE>', body, re.S)
            key = path + '#' + m.group(1)
            topics[key] = set(re.findall(r'<D>(.*?)</D>', listed.group(1))) if listed else set()
            titles[key] = title.group(1) if title else ''
    return topics, titles


def hits(tool, index, args):
    out = subprocess.run([tool, '-d', index, '--format', 'tsv', '--fields', 'id'] + args,
                         capture_output=True, text=True)
    return out.stdout.split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('tool')
    ap.add_argument('index')
    ap.add_argument('reuters')
    ap.add_argument('-n', type=int, default=300)
    ap.add_argument('--seed', type=int, default=7)
    a = ap.parse_args()
    topics, titles = read_reuters(a.reuters)
    pool = sorted(k for k, v in topics.items() if len(v) == 1 and titles[k])
    random.seed(a.seed)
    picked = random.sample(pool, a.n)

    def agree(ids, want):
        return sum(1 for i in ids[:10] if want & topics.get(i, set())) / 10.0

    like = title = 0.0
    for k in picked:
        like += agree(hits(a.tool, a.index, ['--like', k]), topics[k])
        words = re.sub(r'[^A-Za-z0-9 ]', ' ', titles[k]).split()
        found = [i for i in hits(a.tool, a.index, ['--any', '--'] + words) if i != k]
        title += agree(found, topics[k])
    print('articles like one, topic agreement at 10, %d Reuters articles (seed %d):'
          % (a.n, a.seed))
    print('  --like ID              %.3f' % (like / a.n))
    print('  its title, any word    %.3f' % (title / a.n))


if __name__ == '__main__':
    main()
