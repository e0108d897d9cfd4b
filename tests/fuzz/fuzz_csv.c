/* fuzz_csv.c - the CSV and TSV reader (the name ends in .csv: its header is
 * looked for, its separator sniffed) and the article path; and whether the
 * registry takes the bytes for a table under that name (csv_claims, and
 * tw_csv_refused, which the plain-text reader asks), which reads the header
 * on its own: a header row ended by a lone CR, with rows after it in the
 * same line, crashed it. */
#include <stdlib.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = fz_nul_copy(data, size);
    tw_input named = { .path = "fuzz/news.csv", .data = copy, .len = size };
    char why[256];
    bool table = tw_extractor_csv.claims(&named);
    FZ_CHECK(table != tw_csv_refused(&named, why, sizeof why),
             "claimed and refused at once, or neither");
    free(copy);
    fz_extract(&tw_extractor_csv, "fuzz/news.csv", data, size);
    return 0;
}
