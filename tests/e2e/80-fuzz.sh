#!/bin/bash
# End to end: the fuzz targets of tests/fuzz/ (one per format reader, one for
# the query language, one for the glass tables' look), three ways:
#  - every input kept in tests/fuzz/regressions/TARGET/ (what fuzzing found
#    once) is replayed through its target built with the normal compiler
#    ($BIN/tests/fuzz/replay_TARGET), so a fixed crash stays fixed;
#  - each target's seeds (tests/fuzz/seeds: corpus/ in every format, and the
#    awkward cases) are replayed the same way, so the targets' checks hold on
#    ordinary input in every build, sanitized or not;
#  - when clang's libFuzzer is here, each target is fuzzed for
#    FUZZ_CHECK_SECONDS (default 3) with scripts/fuzz: a short `make fuzz`.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1
# Under SANITIZE=1 the replays check for leaks: the known ones of other
# libraries are suppressed, as in scripts/fuzz.
export LSAN_OPTIONS="suppressions=$TOP/tests/fuzz/lsan.supp:print_suppressions=0"
targets=$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_\(.*\)\.c|\1|')

# replay WHAT TARGET FILE...: one ok line if the target takes every file.
replay() {
    local what=$1 t=$2
    shift 2
    run timeout -s KILL 120 "$BIN/tests/fuzz/replay_$t" "$@"
    if [ "$RC" -eq 0 ] && [ "$(printf '%s\n' "$OUT" | grep -c '^replayed ')" -eq $# ]; then
        ok "$what"
    else
        not_ok "$what" "exit status $RC" "$(printf '%s' "$ERR" | head -30)"
    fi
}

for t in $targets; do
    for f in tests/fuzz/regressions/"$t"/*; do
        [ -f "$f" ] && replay "fuzz regression $t/$(basename "$f") replays cleanly" "$t" "$f"
    done
done

for t in $targets; do
    if ! tests/fuzz/seeds "$t" "$TMP/seeds/$t" 2>"$TMP/seeds.err"; then
        not_ok "fuzz target $t: seeds made" "$(cat "$TMP/seeds.err")"
        continue
    fi
    n=$(ls "$TMP/seeds/$t" | wc -l)
    if [ "$n" -lt 5 ]; then
        not_ok "fuzz target $t: at least 5 seeds" "got $n"
        continue
    fi
    replay "fuzz target $t: its $n seeds pass its checks" "$t" "$TMP/seeds/$t"/*
done

# libFuzzer comes with clang (Debian: clang, and libclang-rt-dev for its runtime).
probe='int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }'
if ! printf '%s\n' "$probe" | ${FUZZ_CC:-clang} -fsanitize=fuzzer,address -x c - \
        -o "$TMP/probe" >/dev/null 2>&1; then
    skip "fuzz each target briefly" "no clang with libFuzzer: scripts/install-deps installs clang and libclang-rt-dev"
    exit 0
fi
# Called from make's recipe: the outer make's job server is not ours.
run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j"$(nproc)" fuzz-build
if [ "$RC" -ne 0 ]; then
    not_ok "the fuzz targets build with clang and libFuzzer" "$(printf '%s' "$ERR" | tail -20)"
    exit 0
fi
ok "the fuzz targets build with clang and libFuzzer"
# shellcheck disable=SC2086  # one word per target
TMPDIR=$TMP scripts/fuzz --tap -s "${FUZZ_CHECK_SECONDS:-3}" -b build/fuzz $targets
