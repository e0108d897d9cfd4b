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
