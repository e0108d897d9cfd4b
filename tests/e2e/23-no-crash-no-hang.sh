#!/bin/bash
# End to end: what a fuzzing and fault-injection pass found (issue 13), each as
# it was reported: a crash on an empty Reuters field, a deadlock between two
# workers parsing their first HTML pages.
. "$(dirname "$0")/../lib.sh"

# --- An empty Reuters field crashed the SGML reader (a NULL buffer trimmed).
IN=$TMP/sgml
mkdir -p "$IN"
printf '<REUTERS NEWID="1"><TITLE></TITLE><BODY>cocoa</BODY></REUTERS>\n' > "$IN/a.sgm"
printf '<REUTERS NEWID="2"><DATE></DATE><TITLE>Empty body</TITLE><BODY></BODY></REUTERS>\n' > "$IN/b.sgm"
printf '<DOC><DOCNO></DOCNO><TEXT>sorghum</TEXT></DOC>\n<DOC><DOCNO>X1</DOCNO><HEADLINE></HEADLINE><TEXT>millet</TEXT></DOC>\n' > "$IN/c.trec"
run index -d "$TMP/sgml.db" "$IN"
is "empty SGML fields: no crash, exit 0" "$RC" 0
is "empty TITLE: the body is indexed" "$(query -d "$TMP/sgml.db" --count cocoa)" 1
is "empty BODY: the title is indexed" "$(query -d "$TMP/sgml.db" --count empty body)" 1
is "empty TREC HEADLINE: the text is indexed" "$(query -d "$TMP/sgml.db" --format tsv millet | cut -f3)" \
    "$IN/c.trec#X1"

# --- Two workers starting on HTML at once deadlocked inside libxml2 (its
# global state set up lazily, not thread-safely).  A hang shows as a kill.
IN=$TMP/html2
mkdir -p "$IN"
printf '<html><body><p>First page about plovers.</p></body></html>' > "$IN/1.html"
printf '<html><body><p>Second page about dunlins.</p></body></html>' > "$IN/2.html"
hung=0 failed=0
for i in $(seq 60); do
    rm -rf "$TMP/html2.db"
    timeout -s KILL 10 "$BIN/trawl-index" -q -j 2 -d "$TMP/html2.db" "$IN"
    rc=$?
    [ "$rc" -eq 137 ] && hung=$((hung + 1))
    [ "$rc" -ne 0 ] && [ "$rc" -ne 137 ] && failed=$((failed + 1))
done
is "60 fresh two-worker HTML builds: none hangs" "$hung" 0
is "60 fresh two-worker HTML builds: all exit 0" "$failed" 0
is "two-worker HTML build: both pages indexed" \
    "$(query -d "$TMP/html2.db" --count plovers OR dunlins)" 2

# --- A damaged XAPIANDB stub was taken for "no index yet": the next run swept
# every generation away and left an index of one article.  Now both tools refuse
# it, name the file, and nothing is deleted.
DB=$TMP/stub.db
index -q -d "$DB" "$TOP/corpus"
docs() { index_stat "$1" documents; }
before=$(docs "$DB")
gen=$(sed -n 's/^glass //p' "$DB/XAPIANDB")
cp "$DB/XAPIANDB" "$TMP/stub.good"
mkdir -p "$TMP/other"
printf 'Stray note\n\nA lone article about lapwings.\n' > "$TMP/other/note.txt"
damage() {      # damage WHAT CONTENT...: writes CONTENT into the stub, checks both tools
    local what=$1; shift
    if [ "$#" -eq 0 ]; then rm -f "$DB/XAPIANDB"; else printf '%s' "$1" > "$DB/XAPIANDB"; fi
    run index -d "$DB" "$TMP/other"
    is "stub $what: trawl-index exits 2" "$RC" 2
    has "stub $what: trawl-index says the index is damaged" "$ERR" "index $DB is damaged"
    has "stub $what: ...and how to restore it" "$ERR" "write 'glass $gen' into $DB/XAPIANDB"
    run query -d "$DB" --stats
    is "stub $what: trawl-query --stats exits 2" "$RC" 2
    has "stub $what: trawl-query says so" "$ERR" "index $DB is damaged"
    [ -d "$DB/$gen" ] && ok "stub $what: $gen is still there" || not_ok "stub $what: $gen is still there"
    cp "$TMP/stub.good" "$DB/XAPIANDB"
    is "stub $what: restored, the index holds what it held" "$(docs "$DB")" "$before"
}
damage "emptied" ""
damage "misspelt (glbss)" "glbss $gen"
damage "with a bad number (${gen}x)" "glass ${gen}x"
damage "naming a generation that is not there" "glass gen-999"
damage "removed"
[ "$before" -gt 40 ] && ok "the index held the corpus ($before articles)" || not_ok "the index held the corpus" "$before"
: > "$DB/XAPIANDB"
run index -d "$DB" --full "$TMP/other"
is "damaged stub: --full rebuilds from the articles given" "$RC:$(docs "$DB")" "0:1"

# --- 50 bit flips in position.glass made an incremental run abort inside
# libxapian's commit.  --check runs Xapian's check of the tables first: the
# damage is reported, nothing is written; --full rebuilds.
DB=$TMP/flip.db
index -q -d "$DB" "$TOP/corpus"
corpus_docs=$(docs "$DB")
gen=$(sed -n 's/^glass //p' "$DB/XAPIANDB")
python3 - "$DB/$gen/position.glass" <<'PY'
import random, sys
random.seed(1)
data = bytearray(open(sys.argv[1], "rb").read())
for _ in range(50):
    i = random.randrange(len(data))
    data[i] ^= 1 << random.randrange(8)
open(sys.argv[1], "wb").write(data)
PY
before=$(md5sum "$DB/$gen/"*.glass | md5sum)
# Under AddressSanitizer (make check SANITIZE=1), Xapian 1.4.22's own
# Xapian's check under the sanitizers: CHECK_ASAN (lib.sh).
ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$DB" "$TMP/other"
is "bit flips in position.glass: --check refuses the index, exit 2" "$RC" 2
has "...saying it is damaged, where, and how to rebuild" "$ERR" \
    "index $DB is damaged ($DB/$gen: Block"
has "...with the command to rebuild it" "$ERR" "trawl-index: to rebuild it from the articles: trawl-index --full -d $DB PATH..."
is "...and writes nothing" "$(md5sum "$DB/$gen/"*.glass | md5sum)" "$before"
ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$TMP/sgml.db" "$TMP/other"
is "--check passes an undamaged index" "$RC" 0
# A check that could not run is no finding: with few files open allowed,
# one limit lets trawl-index lock the index but leaves no pipe for the
# check's child, which was then reported as damage, to be rebuilt.
verdicts=
for n in $(seq 4 12); do
    ASAN_OPTIONS=$CHECK_ASAN run bash -c 'ulimit -n "$1"; shift; exec "$@"' - "$n" \
        "$BIN/trawl-index" --check -q -d "$TMP/sgml.db" "$TMP/other"
    case $ERR in
        *"is damaged (cannot check"*) verdicts="$verdicts damaged:$n" ;;
        *"could not be checked (cannot check the index: Too many open files)"*) verdicts="$verdicts unchecked" ;;
    esac
done
is "--check that cannot run says so, not that the index is damaged" "$verdicts" " unchecked"
run index --full -d "$DB" "$TOP/corpus"
is "--full rebuilds over the damaged generation" "$RC:$(docs "$DB")" "0:$corpus_docs"

# Xapian's check trusts the tables too: 50 flipped bits in termlist.glass
# made it (and xapian-check) die of SIGSEGV in most trials, and --check with
# it.  It runs in a child process now, whose crash is the damage found.
for seed in 1 2 3 4 5; do
    rm -rf "$TMP/tl.db"
    cp -a "$DB" "$TMP/tl.db"
    python3 - "$TMP/tl.db/$(sed -n 's/^glass //p' "$DB/XAPIANDB")/termlist.glass" "$seed" <<'PY'
import random, sys
random.seed(int(sys.argv[2]))
data = bytearray(open(sys.argv[1], "rb").read())
for _ in range(50):
    i = random.randrange(len(data))
    data[i] ^= 1 << random.randrange(8)
open(sys.argv[1], "wb").write(data)
PY
    before=$(cat "$TMP"/tl.db/gen-*/* | cksum)
    ASAN_OPTIONS=$CHECK_ASAN run index --check -d "$TMP/tl.db" "$TMP/other"
    is "bit flips in termlist.glass (seed $seed): --check exits 2, whatever Xapian's check did" \
        "$RC:$(echo "$ERR" | grep -c "^trawl-index: $TMP/tl.db: index $TMP/tl.db is damaged (")" 2:1
    is "...and writes nothing" "$(cat "$TMP"/tl.db/gen-*/* | cksum)" "$before"
done
