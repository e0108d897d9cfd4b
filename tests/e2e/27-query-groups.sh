#!/bin/bash
# A filter, an excluded word (-word) and a required one (+word) hold for
# every hit of the group they are typed in, as trawl-query(1) says, however
# an operator joins its other words: Xapian's parser bound them to the word
# beside them alone, so "storm OR flood site:ledger.example" listed every
# site's storms and "storm OR flood -harbour" the harbour's storms.  And an
# excluded word as an operator's operand is the articles without it, as
# "NOT word" is: "-storm OR flood" read "or" as a word, "storm OR -flood"
# was a syntax error.  The articles are made up for this test.
. "$(dirname "$0")/../lib.sh"
S=$TMP/src
mkdir -p "$S"
cat > "$S/news.jsonl" <<'TXT'
{"id":"l-storm","site":"The Ledger","url":"https://ledger.example/1","date":"2021-03-02","title":"Storm closes the harbour","body":"A storm closed the harbour on Tuesday."}
{"id":"l-flood","site":"The Ledger","url":"https://ledger.example/2","date":"2020-11-20","title":"Flood on the coast road","body":"A flood cut the coast road after the rain."}
{"id":"h-storm","site":"Coastal Herald","url":"https://herald.example/1","date":"2021-03-03","title":"Storm reaches the hills","body":"The storm reached the hills and the harbour."}
{"id":"h-flood","site":"Coastal Herald","url":"https://herald.example/2","date":"2021-05-01","title":"Flood warning lifted","body":"The flood warning was lifted in the valley."}
{"id":"h-rail","site":"Coastal Herald","url":"https://herald.example/3","date":"2021-06-01","title":"Rail line reopens","body":"The rail line reopened after repairs."}
TXT
index -q -d "$TMP/db" "$S"
is "indexed" "$?" 0
# The ids of the hits, sorted, or the exit status when there are none.
ids() {
    local out rc
    out=$(query -d "$TMP/db" --no-collapse --format tsv --fields id -n 20 -- "$@" 2>/dev/null)
    rc=$?
    [ "$rc" -eq 0 ] || { echo "exit $rc"; return; }
    printf '%s\n' "$out" | sed 's|.*#||' | sort | tr '\n' ' '
}
is "site: holds for both words an OR joins" "$(ids 'storm OR flood site:ledger.example')" \
    "l-flood l-storm "
is "...typed first too" "$(ids 'site:"Coastal Herald" storm OR flood')" "h-flood h-storm "
is "date: too" "$(ids 'storm OR flood date:2021')" "h-flood h-storm l-storm "
is "a negated filter too" "$(ids 'storm OR flood -site:ledger.example')" "h-flood h-storm "
is "an excluded word leaves out both words' articles" "$(ids 'storm OR flood -harbour')" \
    "h-flood l-flood "
is "...an excluded phrase too" "$(ids 'storm OR flood -"the harbour"')" "h-flood l-flood "
is "a required word is required of both" "$(ids 'storm OR flood +coast')" "l-flood "
is "...inside parentheses, for their group alone" \
    "$(ids '(storm OR flood -harbour) OR rail')" "h-flood h-rail l-flood "
is "NOT then an excluded word: both left out" "$(ids 'storm NOT hills -closed')" "exit 1"
is "an excluded word as an operand is the articles without it" \
    "$(ids '-storm AND harbour') / $(ids 'harbour AND -storm')" "exit 1 / exit 1"
is "...with OR, as NOT word" "$(ids '-flood OR storm')" "h-rail h-storm l-storm "
is "...written after the operator" "$(ids 'storm OR -flood')" "h-rail h-storm l-storm "
is "a required word as an operand is the word" "$(ids 'rail OR +flood')" "h-flood h-rail l-flood "
is "operators' own precedence is kept (AND before OR)" "$(ids 'rail OR storm AND hills')" \
    "h-rail h-storm "
run query -d "$TMP/db" --count 'storm OR flood site:ledger.example'
is "--count counts the same" "$OUT" 2
# A word field's group is the field's: title:(storm OR flood) is the words
# in titles, as Xapian's parser reads it; the rewrite above parted the field
# from its parentheses, and "title: has nothing after it" was the error.
is "title:(a OR b): either word in a title" "$(ids 'title:(storm OR flood)')" \
    "h-flood h-storm l-flood l-storm "
is "...title:(a b): both, a filter after it for the whole query" \
    "$(ids 'title:(storm harbour) site:ledger.example')" "l-storm "
# A key field takes one value: a group after it is an error that says how
# to write it (the parser took "(ledger.example" for the site).
run query -d "$TMP/db" -- 'site:(ledger.example OR herald.example) storm'
is "site:(a OR b): a bad query (exit 2)" "$RC" 2
has "...that says to give each its own site:" "$ERR" \
    "site: takes one value, not a group in parentheses: give each its own, as in site:a OR site:b"
run query -d "$TMP/db" -- 'storm url:https://ledger.example/site:(1)'
is "...a url: that holds 'site:(' is a url, no field: no match, no error" "$RC:$ERR" "1:"
run query -d "$TMP/db" -- 'title:() storm'
is "title:() is a field with nothing after it (exit 2)" "$RC" 2
has "...and says so" "$ERR" "title: has nothing after it"
