#!/usr/bin/env python3
"""months.py - a news folder indexed again and again, for months, against one
fresh build of the folder it ends as.

A scraper's folder made of one-article text files (Reuters as text files,
say): DAYS daily batches under news/YYYY/MM/DD/; each day 3 headline
corrections of earlier articles, 2 takedowns, a re-scrape of an old article
into a new file 3 days in 10 and a touch of 20 files 3 days in 10; each
month, the month two back moved into news/archive/, then gzipped in place
(every other month) or put in a .tar.gz and its folder deleted.
`trawl-index -d db news` runs after each day, move, gzip and tar, and with
nothing changed every 10th day; runs.tsv gets day, kind, seconds, exit
status, index bytes and the summary line of each.  At the end the folder is
indexed fresh, and the two indexes compared: ids, --count of some words,
documents and terms of --stats, bytes on disk, and how many articles hold a
story key (near-copies; with tests/slot of a `make check` build).

Usage: months.py BUILD TEXTS WORK [DAYS [SEED]]
  BUILD  a build folder holding trawl-index and trawl-query (build/hb)
  TEXTS  a folder of one-article text files, searched recursively
  WORK   a folder to make (it is emptied first)
Session 27 ran it on /tmp/rel/txt (Reuters, 19,043 files) with 200 days,
seed 1 (bench/RESULTS.md).
"""
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import time

if len(sys.argv) < 4:
    sys.exit(__doc__)
BUILD = os.path.abspath(sys.argv[1])
TEXTS, WORK = os.path.abspath(sys.argv[2]), sys.argv[3]
DAYS = int(sys.argv[4]) if len(sys.argv) > 4 else 200
rnd = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)

sources = sorted(glob.glob(os.path.join(TEXTS, '**', '*.txt'), recursive=True))
rnd.shuffle(sources)
per_day = len(sources) // DAYS
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(os.path.join(WORK, 'news', 'archive'))
os.chdir(WORK)
log = open('runs.tsv', 'w')


def month_of(day):
    return day // 30


def month_dir(month, under='news'):
    return '%s/%04d/%02d' % (under, 2020 + month // 12, month % 12 + 1)


def index_bytes(db):
    return sum(os.path.getsize(f) for f in glob.glob(db + '/**', recursive=True)
               if os.path.isfile(f))


def index(day, kind, db='db'):
    start = time.time()
    p = subprocess.run([BUILD + '/trawl-index', '-d', db, 'news'], capture_output=True, text=True)
    log.write('%d\t%s\t%.3f\t%d\t%d\t%s\n' % (day, kind, time.time() - start, p.returncode,
                                              index_bytes(db), p.stdout.strip()))
    log.flush()
    if p.returncode != 0:
        print('day %d, %s: exit %d\n%s' % (day, kind, p.returncode, p.stderr[-2000:]),
              file=sys.stderr)


def correct_headline(path):
    with open(path) as f:
        lines = f.read().split('\n')
    for i, line in enumerate(lines):
        if line.strip() and not line.startswith('Date:'):
            lines[i] = line + ' (CORRECTED)'
            break
    with open(path, 'w') as f:
        f.write('\n'.join(lines))


live = []   # the loose text files under news/YYYY/MM/DD
for day in range(DAYS):
    folder = '%s/%02d' % (month_dir(month_of(day)), day % 30 + 1)
    os.makedirs(folder, exist_ok=True)
    for src in sources[day * per_day:(day + 1) * per_day]:
        dst = os.path.join(folder, os.path.basename(src))
        shutil.copy(src, dst)
        live.append(dst)
    for path in rnd.sample(live, min(3, len(live))):
        correct_headline(path)
    for path in rnd.sample(live, min(2, len(live))):
        os.remove(path)
        live.remove(path)
    if rnd.random() < 0.3:
        path = rnd.choice(live)
        dst = os.path.join(folder, 'rescrape-' + os.path.basename(path))
        shutil.copy(path, dst)
        live.append(dst)
    if rnd.random() < 0.3:
        for path in rnd.sample(live, min(20, len(live))):
            os.utime(path)
    index(day, 'day')
    if day % 30 == 29 and day >= 59:
        month = (day - 59) // 30
        old = month_dir(month)
        archived = 'news/archive/%04d-%02d' % (2020 + month // 12, month % 12 + 1)
        os.rename(old, archived)
        live = [p.replace(old + '/', archived + '/') for p in live]
        index(day, 'move')
        if month % 2 == 0:
            for path in glob.glob(archived + '/*/*.txt'):
                subprocess.run(['gzip', path], check=True)
            live = [p for p in live if not p.startswith(archived + '/')]
            index(day, 'gzip')
        else:
            with tarfile.open(archived + '.tar.gz', 'w:gz') as tar:
                tar.add(archived, arcname=os.path.basename(archived))
            shutil.rmtree(archived)
            live = [p for p in live if not p.startswith(archived + '/')]
            index(day, 'tar')
    if day % 10 == 9:
        index(day, 'nothing')

index(DAYS, 'fresh', 'fresh')


def query(db, *args):
    return subprocess.run([BUILD + '/trawl-query', '-d', db] + list(args), capture_output=True,
                          text=True).stdout


def ids(db):
    return sorted(line.split('\t')[2] for line in
                  query(db, '--no-collapse', '--format', 'tsv', '-n', '10000000',
                        'NOT xyzzyplugh').splitlines())


def keyed(db):
    with open(db + '/XAPIANDB') as f:
        gen = f.read().split()[1]
    p = subprocess.run([BUILD + '/tests/slot', '%s/%s' % (db, gen), '5'], capture_output=True,
                       text=True)
    return p.stdout.strip() or 'unknown (make the tests: %s)' % p.stderr.strip()


words = ['oil', 'bank', 'dollar', 'trade', 'wheat', '"crude oil"', 'opec', 'yen', 'tonnes',
         '"interest rates"', 'coffee']
for db in ('db', 'fresh'):
    stats = json.loads(query(db, '--stats', '--format', 'json'))
    print('%-6s %d articles, %d terms, %.1f MB; story keys on %s articles' %
          (db, stats['documents'], stats['terms'], index_bytes(db) / 1e6, keyed(db)))
    print('       counts: ' + ' '.join('%s=%s' % (w, query(db, '--count', w).strip())
                                       for w in words))
print('same ids' if ids('db') == ids('fresh') else 'the ids differ')
