#!/bin/bash
# End to end: archives built to hurt -- a zip bomb, member names that climb out
# with "../" or start at "/", a symbolic link member, 100,000 members, a zip
# nested 20 deep.  Each gets a warning, within bounded memory and time, and the
# good members and files beside them are indexed.
. "$(dirname "$0")/../lib.sh"
DB=$TMP/db
IN=$TMP/in
mkdir -p "$IN"
printf 'Good neighbour\n\nThe allotment society meets on Tuesdays.\n' > "$IN/good.txt"

python3 - "$IN" <<'PY'
import io, sys, tarfile, zipfile
d = sys.argv[1]
# A zip bomb: one member of 1 GiB of words, deflated to about 1.5 MB, then a
# small member the bomb's limit leaves unread.
with zipfile.ZipFile(d + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("big.txt", "w", force_zip64=True) as f:
        chunk = b"kiwi " * 200000
        for _ in range(1024):
            f.write(chunk)
    z.writestr("after.txt", "After the bomb\n\nThe kea is never reached.\n")
# Names that leave the archive, a link out of it, and one good member.
with tarfile.open(d + "/escape.tar", "w") as t:
    def add(name, data=b"", kind=tarfile.REGTYPE, link=""):
        ti = tarfile.TarInfo(name)
        ti.type, ti.linkname, ti.size = kind, link, len(data)
        t.addfile(ti, io.BytesIO(data))
    add("../../evil.txt", b"Climber\n\nThe marmot climbs out.\n")
    add("/etc/evil.txt", b"Absolute\n\nThe ibex is absolute.\n")
    add("link.txt", kind=tarfile.SYMTYPE, link="/etc/passwd")
    add("good/inside.txt", b"Inside\n\nThe chamois stays inside.\n")
# 100,000 members.
with zipfile.ZipFile(d + "/many.zip", "w", zipfile.ZIP_STORED) as z:
    for i in range(100000):
        z.writestr("m/%06d.txt" % i, "Member %d\n\nwren number %d\n" % (i, i))
# A zip in a zip, 20 deep, with an article at the bottom.
data, name = b"Deep\n\nThe deepest lark.\n", "deep.txt"
for i in range(20):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(name, data)
    data, name = b.getvalue(), "n%02d.zip" % i
open(d + "/nested.zip", "wb").write(data)
PY

start=$(date +%s)
peak "$BIN/trawl-index" -d "$DB" "$IN"
secs=$(( $(date +%s) - start ))
is "hostile archives: the run ends with exit 0 (all reported, none failed)" "$RC" 0
has "zip bomb: stopped at --max-inflated" "$ERR" \
    "$IN/bomb.zip: its members unpack to more than 268435456 bytes (limit: --max-inflated, or 100 times the archive's size when more): the rest is not read"
has "zip bomb: its text cut at --max-text" "$ERR" \
    "$IN/bomb.zip#big.txt: article text cut at 16777216 bytes (limit: --max-text)"
is "zip bomb: indexed up to the limit" "$(query -d "$DB" --count kiwi)" 1
is "zip bomb: nothing after the limit" "$(query -d "$DB" --count kea)" 0
has "../ name: reported" "$ERR" \
    "$IN/escape.tar: ../../evil.txt: member name is absolute or climbs out of the archive"
has "absolute name: reported" "$ERR" \
    "$IN/escape.tar: /etc/evil.txt: member name is absolute or climbs out of the archive"
has "symbolic link member: reported, not followed" "$ERR" \
    "$IN/escape.tar: link.txt: symbolic link to /etc/passwd: not followed"
is "../ and absolute members: not indexed" "$(query -d "$DB" --count marmot OR ibex)" 0
is "the good member beside them is" "$(query -d "$DB" --format tsv --fields id chamois)" \
    "$IN/escape.tar#good/inside.txt"
has "100,000 members: stopped at --max-members" "$ERR" \
    "$IN/many.zip: more than 10000 members (limit: --max-members): the rest is not read"
is "100,000 members: the first 10,000 are indexed" "$(query -d "$DB" --count wren)" 10000
has "nested 20 deep: reported at the fifth archive" "$ERR" \
    "$IN/nested.zip#n18.zip#n17.zip#n16.zip#n15.zip: archive inside 4 others: not read (nesting limit)"
is "nested 20 deep: nothing of the bottom indexed" "$(query -d "$DB" --count lark)" 0
is "the good file beside them is indexed" "$(query -d "$DB" --count allotment)" 1
has "summary" "$OUT" "5 files: 4 indexed, 0 unchanged, 1 skipped, 0 failed"
[ "$secs" -lt 300 ] && ok "no hang: the run took ${secs}s" || not_ok "no hang" "took ${secs}s"
under_256 "hostile archives"

# --max-members is an option: raised, all 100,000 are read.
run index -d "$TMP/db2" --max-members 200000 "$IN/many.zip"
lacks "--max-members 200000: no warning" "$ERR" "limit: --max-members"
is "--max-members 200000: all 100,000 members" "$(query -d "$TMP/db2" --count wren)" 100000
run index --max-members 0 "$IN/many.zip"
is "--max-members 0 is refused" "$RC" 2
has "...saying what it wants" "$ERR" "--max-members wants a number of archive entries"
