/* fuzz_csv.c - the CSV and TSV reader (the name ends in .csv: its header is
 * looked for, its separator sniffed) and the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_csv, "fuzz/news.csv", data, size);
    return 0;
}
