#!/bin/bash
# End to end: one input must not stall a run or take its memory, and a signal
# must end the run (issue 13, as reported).  Bounds are on peak resident memory
# (getrusage) and on time under a generous `timeout`, never on speed.
. "$(dirname "$0")/../lib.sh"

make_inputs() {     # the hostile files, written by python (zlib: gzip members)
    python3 - "$@" <<'PY'
import sys, zlib
def gz_member(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()
out = sys.argv[1]
# 100,000 attributes on one element (889 KB): two minutes in libxml2's
# duplicate-attribute check before the guard.
with open(out + "/attrs/attrs.html", "w") as f:
    f.write("<html><body><div " + " ".join("a%d=1" % i for i in range(100000)) +
            ">text about grebes</div></body></html>")
# 256 MiB of <p>spam eggs ham</p> as 16 gzip members of 16 MiB: 5.25 GB of
# libxml2 tree before the bounds.
spam = b"<p>spam eggs ham</p>" * (16 * 1024 * 1024 // 20)
with open(out + "/spam/spam.html.gz", "wb") as f:
    f.write(gz_member(b"<html><body><h1>Spam page</h1>" + spam))
    member = gz_member(spam)
    for _ in range(15):
        f.write(member)
# 3 GiB of text as 48 members of 64 MiB: 1.06 GB peak before.
words = b"tundra taiga steppe\n" * (64 * 1024 * 1024 // 20)
member = gz_member(words, 6)
with open(out + "/text/bomb.txt.gz", "wb") as f:
    f.write(gz_member(b"Tundra bomb\n\n" + words, 6))
    for _ in range(47):
        f.write(member)
PY
}
mkdir -p "$TMP/attrs" "$TMP/spam" "$TMP/text"
make_inputs "$TMP"
printf 'Good neighbour\n\nThe allotment society meets on Tuesdays.\n' > "$TMP/good.txt"
for d in attrs spam text; do cp "$TMP/good.txt" "$TMP/$d/"; done

# --- 100,000 attributes: parsed in bounded time; the text after them is there.
run timeout -s KILL 60 "$BIN/trawl-index" -d "$TMP/attrs.db" "$TMP/attrs"
is "100,000 attributes on one element: the run ends (no stall), exit 0" "$RC" 0
is "...the element's text is indexed" "$(query -d "$TMP/attrs.db" --count grebes)" 1
is "...and the file beside it" "$(query -d "$TMP/attrs.db" --count allotment)" 1

# --- 256 MiB of HTML from a 1 MB .html.gz: cut, bounded, reported.
peak timeout -s KILL 120 "$BIN/trawl-index" -d "$TMP/spam.db" "$TMP/spam"
is "HTML bomb: exit 1 (the page lost text, and says so)" "$RC" 1
has "HTML bomb: cut at --max-html" "$ERR" "$TMP/spam/spam.html.gz: HTML page cut at 16777216 bytes (limit: --max-html)"
has "HTML bomb: stopped at the node limit" "$ERR" \
    "$TMP/spam/spam.html.gz: HTML page with more than 100000 elements and attributes: the text after them is not indexed"
under_256 "HTML bomb"
is "HTML bomb: what was parsed is indexed" "$(query -d "$TMP/spam.db" --count spam page)" 1
is "HTML bomb: the file beside it is indexed" "$(query -d "$TMP/spam.db" --count allotment)" 1

# --- A feed of a million items from a small .rss.gz: bounded as a page is
# (its XML parse counts nodes as the HTML parse does), and reported.
mkdir -p "$TMP/feed"
python3 -c 'import gzip, sys
items = "".join("<item><title>Item %d</title><description>heron</description></item>" % i for i in range(1000000))
sys.stdout.buffer.write(gzip.compress(("<rss version=\"2.0\"><channel><title>Flood</title>" + items + "</channel></rss>").encode()))' \
    > "$TMP/feed/flood.rss.gz"
cp "$TMP/good.txt" "$TMP/feed/"
peak timeout -s KILL 120 "$BIN/trawl-index" -d "$TMP/feed.db" "$TMP/feed"
is "feed bomb: exit 1 (the feed lost items, and says so)" "$RC" 1
has "feed bomb: stopped at the node limit" "$ERR" \
    "$TMP/feed/flood.rss.gz: a feed nested more than 256 elements deep, or with more than 100000 elements and attributes: the items after that are not indexed"
under_256 "feed bomb"
n=$(query -d "$TMP/feed.db" --count --no-collapse heron)
[ "$n" -ge 10000 ] && ok "feed bomb: the items before the limit are indexed ($n)" \
    || not_ok "feed bomb: the items before the limit are indexed" "count: $n"
is "feed bomb: the file beside it is indexed" "$(query -d "$TMP/feed.db" --count allotment)" 1

# --- 3 GiB of text from a 6 MB .txt.gz: inflated only as far as --max-text.
peak timeout -s KILL 120 "$BIN/trawl-index" -d "$TMP/text.db" "$TMP/text"
is "text bomb: exit 0" "$RC" 0
has "text bomb: cut at --max-text" "$ERR" \
    "$TMP/text/bomb.txt.gz: article text cut at 16777216 bytes (limit: --max-text)"
under_256 "text bomb"
is "text bomb: indexed up to the limit" "$(query -d "$TMP/text.db" --count taiga)" 1

# --- Both bombs at once with two workers, and with eight.
mkdir -p "$TMP/both"
cp "$TMP/spam/spam.html.gz" "$TMP/text/bomb.txt.gz" "$TMP/attrs/attrs.html" "$TMP/good.txt" "$TMP/both/"
for j in 2 8; do
    peak timeout -s KILL 120 "$BIN/trawl-index" -j $j -d "$TMP/both$j.db" "$TMP/both"
    is "all the bombs with -j $j: exit 1, every file indexed" \
        "$RC:$(query -d "$TMP/both$j.db" --count grebes OR spam OR taiga OR allotment)" "1:4"
    under_256 "all the bombs with -j $j"
done

# --- 500,000 made-up words, each once, in 5 MB of text: Xapian holds each
# term of an article (postings, positions) in memory until the commit, and
# 1,000,000 such words took 924 MB.  The text is indexed until it gives
# 200,000 terms (a word and its stem are two), with a warning.
mkdir -p "$TMP/words"
python3 -c '
print("Made-up words\n\n" + " ".join("qx%06dz" % i for i in range(500000)))' > "$TMP/words/made-up.txt"
cp "$TMP/good.txt" "$TMP/words/"
peak timeout -s KILL 120 "$BIN/trawl-index" -d "$TMP/words.db" "$TMP/words"
is "500,000 distinct words: exit 0" "$RC" 0
has "500,000 distinct words: cut, named, with the bound" "$ERR" \
    "$TMP/words/made-up.txt: article with more than 200000 distinct terms (words and their stems): the text after them is not indexed"
under_256 "500,000 distinct words"
is "...its first words are indexed, its last are not, and the file beside it is" \
    "$(query -d "$TMP/words.db" --count qx000007z):$(query -d "$TMP/words.db" --count qx499999z):$(query -d "$TMP/words.db" --count allotment)" \
    "1:0:1"

# --- A file that takes too long is abandoned; the run goes on; nothing is lost.
mkdir -p "$TMP/slow"
python3 -c '
import json
with open("'"$TMP"'/slow/dump.jsonl", "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": "n%d" % i, "title": "Wire item %d" % i,
                            "body": "Harbour pilots report calm seas, item %d." % i}) + "\n")'
cp "$TMP/good.txt" "$TMP/slow/"
run "$BIN/trawl-index" --file-timeout 0.001 -j 1 -d "$TMP/slow.db" "$TMP/slow"
is "--file-timeout: a run with an abandoned file exits 1" "$RC" 1
has "--file-timeout: the file is named, with the limit" "$ERR" \
    "$TMP/slow/dump.jsonl: abandoned: it took more CPU time than --file-timeout allows (0.001 s"
is "--file-timeout: the other file is indexed" "$(query -d "$TMP/slow.db" --count allotment)" 1
n=$(query -d "$TMP/slow.db" --count harbour)
[ "$n" -lt 20000 ] && ok "--file-timeout: the dump was cut short ($n of 20000)" \
    || not_ok "--file-timeout: the dump was cut short" "count: $n"
run "$BIN/trawl-index" -d "$TMP/slow.db" "$TMP/slow"
is "--file-timeout: the next run without the limit finishes the dump" \
    "$RC:$(query -d "$TMP/slow.db" --count harbour)" "0:20000"

# --- Pages whose extraction took time growing with the square of their
# elements, a minute of CPU time for one of a megabyte (abandoned at the
# limit): each of 45,000 lines in italics after a story looked at all the
# lines after it (whether it was a note under the story), and each of
# 20,000 captions in one figure at the children of the figures beside it
# (whether it was a gallery's).  Each is read now within a tenth of the
# limit given here.
mkdir -p "$TMP/square"
python3 - "$TMP/square" <<'PY'
import sys
out = sys.argv[1]
story = ("<p>The harbour board met on Monday and agreed to dredge the channel "
         "before the storms, the chairman said.</p>") * 3
head = "<html><head><title>Dredging</title></head><body><article><h1>Dredging</h1>" + story
tail = "</article></body></html>"
with open(out + "/notes.html", "w") as f:
    f.write(head + "<p><i>x</i></p>" * 45000 + tail)
with open(out + "/gallery.html", "w") as f:
    f.write(head + "<div><figure>" + "<figcaption>c</figcaption>" * 20000 + "</figure>" +
            ("<figure>" + "<i></i>" * 9000 + "</figure>") * 8 + "</div>" + tail)
PY
for page in notes gallery; do
    run "$BIN/trawl-index" --file-timeout 10 -j 1 -d "$TMP/square-$page.db" "$TMP/square/$page.html"
    is "$page.html: read within --file-timeout 10, exit 0, its story indexed" \
        "$RC:$(query -d "$TMP/square-$page.db" --count dredge channel)" "0:1"
    lacks "...not abandoned" "$ERR" "abandoned"
done

# --- The time a file is given grows with the bytes unpacked from it, as it
# does with a gzip file's inflated bytes, not with the bytes of an xz or an
# archive on disk: a .jsonl.xz of 150 MB of text (51 MB) was abandoned
# half-way at the default limit.  Here a .tar.xz of 120 KB holding 768 MiB
# of zeros (passed over as binary, but unpacked to reach what follows) and
# an article: about 1.5 s of CPU time, within 0.3 s and as much again per
# 64 MiB unpacked (3.9 s), not within 0.3 s.
mkdir -p "$TMP/xzpad"
python3 - <<'PY' | xz -0 -T1 > "$TMP/xzpad/padded.tar.xz"
import io, sys, tarfile
class Zeros(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        b[:] = bytes(len(b))
        return len(b)
with tarfile.open(fileobj=sys.stdout.buffer, mode="w|") as t:
    ti = tarfile.TarInfo("zeros.bin")
    ti.size = 768 << 20
    t.addfile(ti, io.BufferedReader(Zeros(), 1 << 20))
    body = b"After the padding\n\nThe axolotl is reached after the zeros.\n"
    ti = tarfile.TarInfo("z-after.txt")
    ti.size = len(body)
    t.addfile(ti, io.BytesIO(body))
PY
run "$BIN/trawl-index" --file-timeout 0.3 --max-inflated 1G -j 1 -d "$TMP/xzpad.db" "$TMP/xzpad"
lacks "--file-timeout: a .tar.xz is given time for what it unpacks to" "$ERR" "abandoned"
is "--file-timeout: ...and its article after the padding is indexed" \
    "$RC:$(query -d "$TMP/xzpad.db" --count axolotl)" "0:1"

# --- The articles of a file gone are deleted within --memory.  A dump's went
# 1,000 at a time whatever their length, and the budget was charged 200
# bytes a word where Xapian holds 86-87: a commit every 2.3 times as often
# as the memory needed (each rewrites every posting list the deletions
# touched), and the first 1,000 held all their postings at once.
mkdir -p "$TMP/gone"
python3 -c '
import json, random
r = random.Random(11)
words = ["".join(r.choice("bcdfghklmnprstvz") + r.choice("aeiou") for _ in range(3)) for _ in range(6000)]
with open("'"$TMP"'/gone/dump.jsonl", "w") as f:
    for i in range(1500):
        f.write(json.dumps({"id": "g%d" % i, "title": "Harbour log %d" % i,
                            "body": " ".join(r.choice(words) for _ in range(400))}) + "\n")'
cp "$TMP/good.txt" "$TMP/gone/"
run "$BIN/trawl-index" -d "$TMP/gone.db" "$TMP/gone"
is "a dump of 1,500 articles of 400 words: indexed" "$RC:$(query -d "$TMP/gone.db" --count harbour)" "0:1500"
read -r rev0 words0 <<<"$(delve "$TMP/gone.db")"
rm "$TMP/gone/dump.jsonl"
peak "$BIN/trawl-index" --memory 1 -d "$TMP/gone.db" "$TMP/gone"
is "the dump gone, --memory 1: exit 0, its articles deleted, the file beside it kept" \
    "$RC:$(query -d "$TMP/gone.db" --count harbour):$(query -d "$TMP/gone.db" --count allotment)" "0:0:1"
read -r rev1 words1 <<<"$(delve "$TMP/gone.db")"
commits=$((rev1 - rev0)) deleted=$((words0 - words1))
least=$((deleted * 70 / 1048576)) most=$((deleted * 100 / 1048576 + 3))
[ "$commits" -ge "$least" ] && [ "$commits" -le "$most" ] \
    && ok "...in $commits commits of 1 MiB for $deleted words ($least to $most at 70-100 bytes a word)" \
    || not_ok "...in a commit a MiB of $deleted words' deletions" "commits: $commits, not $least to $most"
peak_under 48 "the dump's deletion in 1 MiB commits"

# --- SIGTERM ends a run within a few seconds, keeping what was committed.  The
# run would take a while: the attribute bomb (which stalled the old parser for
# two minutes, deaf to signals), then thousands of small articles.
mkdir -p "$TMP/long"
cp "$TMP/attrs/attrs.html" "$TMP/long/"
python3 -c '
import sys
for i in range(3000):
    with open("%s/a%05d.txt" % (sys.argv[1], i), "w") as f:
        f.write("Taiga report %d\n\n" % i + " ".join("taiga%d spruce%d stand%d." % (i, j, j % 97) for j in range(800)))' "$TMP/long"
stop_after() {      # stop_after SECONDS SIGNALS...: sets RC, ERR and SECS
    local pause=$1; shift
    # timeout passes the signals on, and kills a run that ignores them at 60 s.
    timeout -s KILL 60 "$BIN/trawl-index" -j 1 -d "$TMP/long.db" "$TMP/long" \
        > /dev/null 2> "$TMP/long.err" &
    local pid=$! start child
    sleep "$pause"
    start=$(date +%s%N)
    if [ "$#" -eq 1 ]; then
        kill -"$1" "$pid"
    else
        # Two signals must not merge into one: two kinds, sent while the run is
        # stopped, are both there when it goes on.
        child=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null || pgrep -P "$pid")
        kill -STOP "$child"
        for sig in "$@"; do kill -"$sig" "$child"; done
        kill -CONT "$child"
    fi
    wait "$pid"
    RC=$?
    SECS=$(( ($(date +%s%N) - start) / 1000000000 ))
    ERR=$(cat "$TMP/long.err")
}
stop_after 2 TERM
is "SIGTERM: exit 130" "$RC" 130
[ "$SECS" -le 10 ] && ok "SIGTERM: the run ended ${SECS}s after it" || not_ok "SIGTERM: the run ended within 10 s" "took ${SECS}s"
# (Through timeout(1), as reported: it sends SIGTERM twice, to the run and to
# its process group; that is one request, answered in order.)
has "SIGTERM: says what was kept and what to do" "$ERR" \
    "interrupted: what was indexed is kept; run the same command again to finish"
n=$(query -d "$TMP/long.db" --count taiga OR grebes)
[ "$n" -ge 1 ] && ok "SIGTERM: what was done is there ($n articles)" || not_ok "SIGTERM: what was done is there" "count: $n" "$ERR"
stop_after 1 INT TERM
is "Ctrl-C then SIGTERM: exit 130 at once" "$RC" 130
[ "$SECS" -le 3 ] && ok "Ctrl-C then SIGTERM: ended ${SECS}s after the first" \
    || not_ok "Ctrl-C then SIGTERM: ended at once" "took ${SECS}s"
has "Ctrl-C then SIGTERM: says the index holds its last commit" "$ERR" \
    "stopped before the work in progress was committed; the index holds its last commit"
run query -d "$TMP/long.db" --stats
is "after a second signal the index opens" "$RC" 0
