/* harness.h - what the fuzz targets in tests/fuzz/ share.
 *
 * Each fuzz_TARGET.c defines LLVMFuzzerTestOneInput (and, if it needs set-up,
 * LLVMFuzzerInitialize).  Built with clang's -fsanitize=fuzzer it is a libFuzzer
 * binary (`make fuzz`); built with replay.c instead it runs the files it is given
 * once each, which is how `make check` replays tests/fuzz/regressions/TARGET/.
 *
 * A target fails by crashing, by a sanitizer report, or through FZ_CHECK: a
 * broken promise of the code under test (a cleaned field that is not UTF-8, a
 * highlight outside its snippet) is a finding as much as a crash is. */
#ifndef TW_FUZZ_HARNESS_H
#define TW_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "formats/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Reports a broken contract and aborts, which libFuzzer records as a crash. */
void fz_fail(const char *file, int line, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));

#define FZ_CHECK(cond, ...) \
    do { if (!(cond)) fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); } while (0)

/* DATA[0..SIZE) copied NUL-terminated, as the reader hands extractors their
 * bytes (tw_buf): a copy of exactly SIZE bytes lets ASan catch a read past
 * either end.  The caller frees it. */
char *fz_nul_copy(const uint8_t *data, size_t size);

/* Runs extractor EX over DATA[0..SIZE) as a file named PATH (the name matters:
 * ".jsonl" makes the JSON reader read lines), the way the indexer does: the
 * bytes are copied NUL-terminated, and each article emitted goes through the
 * indexer's cleaning, boilerplate, date, site, near-duplicate and document-data
 * steps (everything up to the Xapian writer), with their promises checked.
 * The registry (tw_extractor_find) sees the bytes first under a name without
 * an extension, so each format's content sniffing is fuzzed too. */
void fz_extract(const tw_extractor *ex, const char *path, const uint8_t *data, size_t size);

#endif
