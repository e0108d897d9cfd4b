#!/bin/bash
# The tools in scripts and pipelines: output whose reader stops early or that
# cannot be written, and what a shell's pipes and signals do to a run.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
DB=$TMP/db
index -q -d "$DB" corpus

# closed_pipe [--ignore] CMD...: runs CMD with stdout, and stderr too when
# ERR2OUT=1, on a pipe whose reader has already gone, as `| head -1` leaves
# it once head has its line (made certain: the read end is closed before CMD
# starts).  --ignore starts CMD with SIGPIPE ignored, as some shells, CI
# runners and daemons leave it.  RC is CMD's exit status (128+N when killed
# by signal N), ERR its stderr.
closed_pipe() {
    run python3 - "$@" <<'PY'
import os, signal, subprocess, sys
args = sys.argv[1:]
ignore = args[0] == "--ignore"
if ignore:
    args = args[1:]
r, w = os.pipe()
os.close(r)
both = os.environ.get("ERR2OUT") == "1"
p = subprocess.run(args, stdout=w, stderr=w if both else subprocess.PIPE,
                   preexec_fn=(lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignore else None)
if not both:
    sys.stderr.write(p.stderr.decode(errors="replace"))
sys.exit(128 - p.returncode if p.returncode < 0 else p.returncode)
PY
}

# --- a reader that stops early ---------------------------------------------
# Killed by SIGPIPE, the exit status was 141 or 0 by how far head had read
# (a `set -o pipefail` script failed now and then); with SIGPIPE ignored it
# was 2 and "cannot write the results".  Now: the search's status, quietly.
for how in "" --ignore; do
    closed_pipe $how "$BIN/trawl-query" -d "$DB" -n 40 the
    is "query | head${how:+ (SIGPIPE $how)}: the search's exit status" "$RC" 0
    is "query | head${how:+ (SIGPIPE $how)}: nothing on stderr" "$ERR" ""
    # A misspelling: the corrected query's hits, exit 1.
    closed_pipe $how "$BIN/trawl-query" -d "$DB" -n 40 floood
    is "query | head${how:+ (SIGPIPE $how)}, a correction's hits: exit 1" "$RC" 1
    closed_pipe $how "$BIN/trawl-index" --extract -q corpus
    is "--extract | head${how:+ (SIGPIPE $how)}: exit 0" "$RC" 0
    is "--extract | head${how:+ (SIGPIPE $how)}: nothing on stderr" "$ERR" ""
    closed_pipe $how "$BIN/trawl-query" --help
    is "--help | head${how:+ (SIGPIPE $how)}: exit 0, quietly" "$RC:$ERR" "0:"
done

# trawl-index 2>&1 | head -2: the third warning killed the run, and a first
# build lost every article it had read.  The run goes on and finishes.
mkdir -p "$TMP/mix"
cp -r corpus "$TMP/mix/"
for i in 1 2 3 4 5; do printf 'MZ\0\0\1\2\3%s\0' "$i" > "$TMP/mix/bin$i.dat"; done
ERR2OUT=1 closed_pipe "$BIN/trawl-index" -d "$TMP/mixdb" "$TMP/mix"
is "index 2>&1 | head: the run ends as it would (exit 0)" "$RC" 0
is "...and the index holds every article" "$(index_stat "$TMP/mixdb" documents)" \
    "$(index_stat "$DB" documents)"

# Several runs appending to one file (xargs -P): stdio wrote 4 KiB at a time,
# ending in mid-line, and their lines came out cut into each other (46 of
# 1,600 JSON lines, 2 of 240 articles, broken).  Each line is one write now.
broken() {
    python3 -c '
import json, sys
lines = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
bad = 0
for l in lines:
    try:
        json.loads(l)
    except ValueError:
        bad += 1
print(len(lines), bad)' "$1"
}
for i in $(seq 1 40); do echo the; done |
    xargs -P 4 -n 1 "$BIN/trawl-query" -d "$DB" --format json -n 40 >> "$TMP/par.jsonl"
is "4 trawl-query --format json at once into one file: no line cut (lines, broken)" \
    "$(broken "$TMP/par.jsonl")" "1600 0"
for _ in 1 2 3 4 5; do
    printf '%s\n' corpus/* | xargs -P 4 -n 1 "$BIN/trawl-index" --extract -q >> "$TMP/ex.jsonl"
done
is "4 trawl-index --extract at once into one file: no line cut (lines, broken)" \
    "$(broken "$TMP/ex.jsonl")" "240 0"

# --- output that cannot be written ---------------------------------------
if [ -w /dev/full ]; then
    # Past stdio's buffer the hits failed in silence (exit 2, no word why).
    for fmt in text json tsv; do
        "$BIN/trawl-query" -d "$DB" -n 40 --format $fmt the > /dev/full 2> "$TMP/full.err"
        is "query --format $fmt to a full disk: exit 2" "$?" 2
        is "...saying why" "$(cat "$TMP/full.err")" \
            "trawl-query: cannot write to standard output: No space left on device"
    done
    "$BIN/trawl-query" -d "$DB" --show corpus/crime/operation-united-front.txt \
        --format json > /dev/full 2> "$TMP/full.err"
    is "--show --format json to a full disk: exit 2, saying why" "$?:$(cat "$TMP/full.err")" \
        "2:trawl-query: cannot write to standard output: No space left on device"
    # trawl-index's summary was lost with exit 0.
    "$BIN/trawl-index" -d "$DB" corpus > /dev/full 2> "$TMP/full.err"
    is "index, its summary to a full disk: exit 2, saying why" "$?:$(cat "$TMP/full.err")" \
        "2:trawl-index: cannot write to standard output: No space left on device"
else
    skip "output to a full disk" "no writable /dev/full"
fi
"$BIN/trawl-index" -d "$DB" corpus >&- 2> "$TMP/closed.err"
is "index with stdout closed: exit 2, saying why" "$?:$(cat "$TMP/closed.err")" \
    "2:trawl-index: cannot write to standard output: Bad file descriptor"
"$BIN/trawl-query" -d "$DB" --count the >&- 2> "$TMP/closed.err"
is "query --count with stdout closed: exit 2, saying why" "$?:$(cat "$TMP/closed.err")" \
    "2:trawl-query: cannot write to standard output: Bad file descriptor"

# --- arguments -------------------------------------------------------------
# A relative and an absolute path to one folder (a typed "corpus" beside a
# script's "$PWD/corpus"): both were walked, each article indexed twice.
run index -d "$TMP/twice" corpus "$TOP/corpus"
is "corpus and \$PWD/corpus: one walk" "$RC:$(index_stat "$TMP/twice" documents)" "0:48"
ln -s "$TOP/corpus" "$TMP/link"
run index -d "$TMP/linked" "$TMP/link/weather" corpus
is "a link into corpus beside corpus: one walk" "$(index_stat "$TMP/linked" documents)" 48

# A folder's '*' gives "-draft.txt" first: read as -d raft.txt, it built a
# new index there, left the file out and the index given alone (exit 0).
mkdir -p "$TMP/glob"
printf 'Draft zebra\n\nzebra draft\n' > "$TMP/glob/-draft.txt"
printf 'Final zebra\n\nzebra final\n' > "$TMP/glob/final.txt"
(cd "$TMP/glob" && "$BIN/trawl-index" -d "$TMP/globdb" * > /dev/null 2> "$TMP/glob.err")
is "index -d DB * beside -draft.txt: refused, exit 2" "$?" 2
has "...saying how to give it" "$(cat "$TMP/glob.err")" \
    "'-draft.txt' names a file or folder here, but would be read as options: put '--' before the PATHs"
is "...no index made from its name" "$(ls "$TMP/glob")" "$(printf '%s\n' -draft.txt final.txt)"
(cd "$TMP/glob" && "$BIN/trawl-index" -q -d "$TMP/globdb" -- *)
is "index -d DB -- *: both files" "$(index_stat "$TMP/globdb" documents)" 2

# A file named in Latin-1, or with a tab: text output shows its id escaped
# (caf\351.txt), and --show refused that id, which its message said to give.
mkdir -p "$TMP/names"
printf 'Latin zebra\n\nzebra latin\n' > "$TMP/names/$(printf 'caf\351.txt')"
printf 'Tab zebra\n\nzebra tab\n' > "$TMP/names/$(printf 'a\tb.txt')"
index -q -d "$TMP/namesdb" "$TMP/names"
for title in Latin Tab; do
    id=$(query -d "$TMP/namesdb" -n 5 zebra | grep -A1 "$title zebra" | tail -1 | awk '{ print $NF }')
    run query -d "$TMP/namesdb" --show "$id"
    is "--show of an id as text output showed it ($title): found" "$RC:$(head -1 <<< "$OUT")" \
        "0:title   $title zebra"
done
run query -d "$TMP/namesdb" --show "$TMP/names/"'caf\\351.txt'
is "--show of an id with an escaped backslash: no such article, exit 1" "$RC" 1

# -d "$IDX" with IDX unset: trawl-index wrote the default index (exit 0).
run env HOME="$TMP/home" "$BIN/trawl-index" -d "" corpus/weather
is "index -d '': refused, exit 2" "$RC:$ERR" \
    "2:trawl-index: -d wants an index folder, not an empty name
Try 'trawl-index --help' for more."
is "...and no default index written" "$(ls -A "$TMP/home" 2>/dev/null)" ""

# TRAWL_DB="$A:$B" with both empty lists no index: it was "no index
# location: ... or set TRAWL_DB", which was set.
run env TRAWL_DB=: "$BIN/trawl-query" flood
is "TRAWL_DB=':': exit 2, naming it" "$RC:$ERR" \
    "2:trawl-query: TRAWL_DB is ':', which names no index: give -d DIR, or set TRAWL_DB to index folders separated by ':'"
run env TRAWL_DB="$DB:" "$BIN/trawl-query" --count flood
is "TRAWL_DB='DB:': the empty member passed over" "$RC:$OUT" "0:3"

# --- signals ---------------------------------------------------------------
# 30 files of 2,000 lines of made-up words (4 MB): a run of seconds.
mkdir -p "$TMP/gen"
awk -v dir="$TMP/gen" 'BEGIN {
    x = 7
    for (f = 0; f < 30; f++) {
        file = sprintf("%s/g%02d.txt", dir, f); print "Report " f > file
        for (l = 0; l < 2000; l++) {
            line = ""
            for (w = 0; w < 10; w++) { x = (x * 48271) % 2147483647; line = line " w" x % 40000 }
            print line > file
        }
        close(file)
    } }'
# signal_when_busy SIG DB [trap]: starts trawl-index on $TMP/gen into DB
# (with SIG ignored as it starts, given "trap"), sends it SIG once it has
# indexed some articles, and sets RC and ERR when it has ended.
signal_when_busy() {
    # The last call's log goes first: read before the new run had opened
    # it, its "N articles" sent the signal before the run had set SIGHUP
    # ignored (exit 129 under a loaded make check).
    rm -f "$TMP/sig.err"
    if [ "${3:-}" = trap ]; then
        (trap '' "$1"; exec "$BIN/trawl-index" --progress always -d "$2" "$TMP/gen") \
            > /dev/null 2> "$TMP/sig.err" &
    else
        # Its default action, whatever this script was started with: a
        # suite run under nohup would otherwise hand SIGHUP down ignored,
        # which the tool rightly keeps so.
        env --default-signal="$1" "$BIN/trawl-index" --progress always -d "$2" "$TMP/gen" \
            > /dev/null 2> "$TMP/sig.err" &
    fi
    local pid=$!
    for _ in $(seq 1 200); do
        grep -qs ' [1-9][0-9]* articles' "$TMP/sig.err" && break
        sleep 0.05
    done
    kill -"$1" "$pid"
    wait "$pid"
    RC=$?
    ERR=$(cat "$TMP/sig.err")
}
# The terminal that ran it closed: SIGHUP killed the run at once, and a first
# build kept nothing of what it had read (exit 129, 0 documents).
signal_when_busy HUP "$TMP/hup"
is "SIGHUP (the terminal closed): stopped as by Ctrl-C, exit 130" "$RC" 130
has "...saying what to do" "$ERR" "interrupted: what was indexed is kept; run the same command again to finish"
n=$(index_stat "$TMP/hup" documents)
[ "$n" -gt 0 ] && [ "$n" -lt 30 ] && ok "SIGHUP: the articles done so far are committed ($n)" \
    || not_ok "SIGHUP: the articles done so far are committed" "documents: $n"
run index -q -d "$TMP/hup" "$TMP/gen"
is "SIGHUP: a re-run finishes the index" "$RC:$(index_stat "$TMP/hup" documents)" "0:30"
# nohup's SIGHUP, ignored as the run starts, stays ignored.
signal_when_busy HUP "$TMP/nohup" trap
is "SIGHUP ignored at the start (nohup): the run goes on to its end" \
    "$RC:$(index_stat "$TMP/nohup" documents)" "0:30"

# --- terminals -------------------------------------------------------------
# on_tty COLS FD CMD...: runs CMD with its fd FD (1 or 2) on a terminal COLS
# columns wide (a pseudo-terminal); OUT is what it wrote there, with each
# "\r" and "\r\n" turned into a line break.
on_tty() {
    run python3 - "$@" <<'PY'
import fcntl, os, pty, select, struct, subprocess, sys, termios
cols, fd, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
m, s = pty.openpty()
fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
p = subprocess.Popen(cmd, stdout=s if fd == 1 else subprocess.DEVNULL,
                     stderr=s if fd == 2 else subprocess.DEVNULL)
os.close(s)
out = b""
while True:
    ready, _, _ = select.select([m], [], [], 0.2)
    try:
        data = os.read(m, 65536) if ready else None
    except OSError:          # the other end closed
        break
    if data == b"" or (data is None and p.poll() is not None):
        break
    out += data or b""
p.wait()
sys.stdout.write(out.replace(b"\r\n", b"\n").replace(b"\r", b"\n").decode(errors="replace"))
PY
}
# fits WHAT TEXT COLS: no line of TEXT ("\r" ends one too) is longer than COLS
fits() {
    local n
    n=$(printf '%s\n' "$2" | tr '\r' '\n' | awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }')
    if [ "$n" -le "$3" ]; then ok "$1"; else not_ok "$1" "a line of $n columns"; fi
}

# A progress line wider than the terminal wrapped, and "\r" went back over
# its last row only: on 20 columns each redraw left two rows of junk.  And
# "\033[K" is junk on a dumb terminal.
rm -rf "$TMP/tty"
TERM=dumb on_tty 20 2 "$BIN/trawl-index" -j 1 -d "$TMP/tty" "$TMP/gen"
has "progress on a terminal 20 columns wide: drawn" "$OUT" "/30 files"
fits "...each line cut to fit in 19 columns" "$OUT" 19
lacks "...and no escape sequence on TERM=dumb" "$OUT" $'\033'
# Cut from the right, a narrow line showed "finishing the index (0:00 so"
# and never the step's name (nor, under 62 columns, the time left): the
# parts that matter least give way first (tests/unit/test_progress_line.c).
has "...a step after the files shown by its name" "$OUT" "compacting: post"
COLUMNS=20 run index --progress always -d "$TMP/tty" --full "$TMP/gen"
fits "--progress always to a file with COLUMNS=20: lines cut to 19 columns" "$ERR" 19
run index --progress always -d "$TMP/tty" --full "$TMP/gen"
has "--progress always to a file, no COLUMNS: the lines whole" "$ERR" " MB/s"

# Colour on a terminal (auto), but not on a dumb one, which shows escapes as junk.
TERM=xterm on_tty 80 1 env -u NO_COLOR "$BIN/trawl-query" -d "$DB" -n 1 flood
has "colour on a terminal" "$OUT" $'\033[1;31m'
TERM=dumb on_tty 80 1 env -u NO_COLOR "$BIN/trawl-query" -d "$DB" -n 1 flood
lacks "no colour on TERM=dumb" "$OUT" $'\033'
has "...the hit all the same" "$OUT" "corpus/weather/river-flood.txt"
