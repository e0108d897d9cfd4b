# lib.sh - the harness the shell tests source.  Each check prints "ok - WHAT" or
# "not ok - WHAT" plus what differed; tests/run-all.sh counts those lines.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$TOP/${BUILD:-build}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/trawl-test.XXXXXX")
cleanup() {
    # A test that stopped half-way may leave its scratch file system mounted.
    awk -v t="$TMP" 'index($2, t) == 1 { print $2 }' /proc/mounts 2>/dev/null |
        while read -r m; do umount "$m" 2>/dev/null; done
    chmod -R u+rwx "$TMP" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
export NO_COLOR=1
# date:today is today on the machine's clock: the tests' is UTC's, whatever
# the machine running them keeps (a check may set its own).
export TZ=UTC
unset TRAWL_DB XDG_DATA_HOME

ok()     { echo "ok - $1"; }
# skip WHAT WHY: a check that cannot run here (tests/run-all.sh counts it apart)
skip()   { echo "skip - $1 ($2)"; }
# The shared corpora (Reuters-21578, the seed, web-eval), or where they should be.
SHARED=${TRAWL_SHARED:-$TOP/../shared}/corpora
not_ok() { echo "not ok - $1"; shift; for line in "$@"; do printf '#   %s\n' "$line"; done; }

# is WHAT GOT WANT
is() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}

# has WHAT TEXT NEEDLE: TEXT contains the fixed string NEEDLE
has() {
    case "$2" in
        *"$3"*) ok "$1" ;;
        *) not_ok "$1" "missing: $3" "in: $(printf '%s' "$2" | head -c 2000)" ;;
    esac
}

# lacks WHAT TEXT NEEDLE
lacks() {
    case "$2" in
        *"$3"*) not_ok "$1" "unexpected: $3" "in: $(printf '%s' "$2" | head -c 2000)" ;;
        *) ok "$1" ;;
    esac
}

# run CMD...: runs it, keeping stdout in $OUT, stderr in $ERR, exit status in $RC
run() {
    "$@" >"$TMP/.out" 2>"$TMP/.err"
    RC=$?
    OUT=$(cat "$TMP/.out")
    ERR=$(cat "$TMP/.err")
}

# peak CMD...: runs CMD like `run`, and sets PEAK to its peak resident memory
# in MiB (getrusage of the children: the command and what it waited for).
peak() {
    run python3 - "$@" <<'PY'
import resource, subprocess, sys
rc = subprocess.call(sys.argv[1:])
sys.stderr.write("peak-rss-mib %d\n" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
sys.exit(rc)
PY
    PEAK=$(printf '%s\n' "$ERR" | sed -n 's/^peak-rss-mib //p')
}
# peak_under MIB WHAT: PEAK is below MIB (not checked under AddressSanitizer,
# whose shadow memory counts too).
peak_under() {
    if [ "${SANITIZE:-}" = 1 ]; then
        ok "# $2: peak memory not checked under AddressSanitizer (${PEAK} MiB)"
    elif [ -n "$PEAK" ] && [ "$PEAK" -lt "$1" ]; then
        ok "$2: peak memory under $1 MiB (${PEAK} MiB)"
    else
        not_ok "$2: peak memory under $1 MiB" "peak: ${PEAK:-unknown} MiB"
    fi
}
# under_256 WHAT: PEAK is below the target, 256 MB (244 MiB).
under_256() { peak_under 244 "$1"; }

# delve DB: the index's revision (one a commit) and its words (the sum of
# its articles' lengths), from Xapian's own report.
delve() { xapian-delve "$1" | awk -F' = ' '/^number of documents/ { n = $2 }
    /^average document length/ { a = $2 } /^revision/ { r = $2 } END { printf "%d %d\n", r, n * a + 0.5 }'; }

# typed_ids DB QUERY...: the ids of the hits for the words as typed (their
# last path part), sorted on one line; "exit N" when trawl-query did not
# exit 0 (a spelling correction's hits, exit 1, do not count).
typed_ids() {
    local db=$1 out rc
    shift
    out=$("$BIN/trawl-query" -d "$db" --format tsv --fields id -n 20 "$@" 2>/dev/null)
    rc=$?
    [ "$rc" -eq 0 ] || { echo "exit $rc"; return; }
    printf '%s\n' "$out" | sed 's|.*/||' | sort | tr '\n' ' '
}
# CHECK_ASAN: ASAN_OPTIONS for a run whose --check calls Xapian's
# Database::check, which frees an object of 440 bytes as one of 432 inside
# libxapian (a four-line program that only calls it gets the same
# new-delete-type-mismatch report): that check alone is off for such runs,
# on everywhere else.  And Xapian's check meeting what it cannot read (a
# read past its buffer, a SIGSEGV) must end its child by a signal, as it
# does outside the sanitizer, not by AddressSanitizer's report and exit
# status 1, which the parent takes for a check that could not run:
# abort_on_error.
CHECK_ASAN=${ASAN_OPTIONS:+$ASAN_OPTIONS:}new_delete_type_mismatch=0:abort_on_error=1
index() { "$BIN/trawl-index" "$@"; }
query() { "$BIN/trawl-query" "$@"; }

# unknown_words N SEED: N made-up words of consonants only, one a line, the same
# on every machine (a MINSTD generator: awk's rand() differs between awks).
unknown_words() {
    awk -v n="$1" -v x="$2" 'BEGIN {
        c = "bcdfghjklmnpqrstvwxz"
        for (i = 0; i < n; i++) {
            x = (x * 48271) % 2147483647; len = 6 + x % 5; w = ""
            for (j = 0; j < len; j++) { x = (x * 48271) % 2147483647; w = w substr(c, 1 + x % 20, 1) }
            print w
        } }'
}

# gdb_stop_at FUNC: the start of a gdb command file that runs the program
# to FUNC's first call and forgets the breakpoint, for a test to send a
# signal there: SIGINT goes to the program, and LeakSanitizer, which cannot
# run under a debugger, is off (leaks are other tests' job).
gdb_stop_at() {
    cat <<GDB
set pagination off
set environment ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
set breakpoint pending on
handle SIGINT nostop noprint pass
break $1
run
delete
GDB
}

# index_stat DB KEY: the value of KEY ("documents", "schema", "stemmer"...) in
# trawl-query --stats --format json of DB.
index_stat() { query -d "$1" --stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"; }

# serve DIR...: starts a xapian-tcpsrv on 127.0.0.1 for each DIR
# (scripts/serve-shard: a free port, a process group of its own); returns
# once all accept connections.  SERVERS gets their process ids, SHARDS their
# -d arguments; the EXIT trap stops them (a stopped one is woken first).  The
# servers' output goes to $TMP/srvN.log.
SERVERS=() SHARDS=()
serve() {
    local dir pid port n=${#SERVERS[@]}
    for dir in "$@"; do
        n=$((n + 1))
        read -r pid port < <("$TOP/scripts/serve-shard" "$dir" "$TMP/srv$n.log")
        SERVERS+=("$pid")
        SHARDS+=(-d "tcp://127.0.0.1:$port")
    done
    trap stop_servers EXIT
}
# stop_server PID PORT: stops the shard PID that serve started on PORT, and
# returns once the port refuses connections (the server is not this shell's
# child, to wait for).
stop_server() {
    kill -- "-$1" 2>/dev/null
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null || return 0
        sleep 0.05
    done
}
stop_servers() {
    local p
    for p in "${SERVERS[@]}"; do kill -CONT -- "-$p" 2>/dev/null; kill -- "-$p" 2>/dev/null; done
    cleanup
}
