#!/bin/bash
# End to end: a Ctrl-C that comes as trawl-index ends, after the index was
# closed, touches nothing freed.  The handler marked the handle it was
# given to stop even after trawl_indexer_close had freed it: a write to
# freed memory, which only AddressSanitizer sees, in a window a debugger
# holds open (gdb stops the run as the close returns and sends SIGINT).
. "$(dirname "$0")/../lib.sh"
if [ "${SANITIZE:-0}" != 1 ] || ! command -v gdb > /dev/null; then
    skip "a signal after the index is closed touches no freed handle" \
        "needs AddressSanitizer and gdb: SANITIZE=1 BUILD=build/san with gdb installed"
    exit 0
fi
{ gdb_stop_at trawl_indexer_close; echo finish; } > "$TMP/gdb.cmds"
cat >> "$TMP/gdb.cmds" <<GDB
signal SIGINT
continue
GDB
gdb -q -batch -x "$TMP/gdb.cmds" --args "$BIN/trawl-index" -q -d "$TMP/db" "$TOP/corpus" \
    > "$TMP/gdb.out" 2>&1
has "gdb held the run where the close returned" "$(cat "$TMP/gdb.out")" "Value returned is"
lacks "a SIGINT after the close: no use of the freed handle" "$(cat "$TMP/gdb.out")" \
    "AddressSanitizer"
has "...and the run ends" "$(cat "$TMP/gdb.out")" "exited normally"
