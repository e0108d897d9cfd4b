/* fuzz_reuters.c - the Reuters-21578 SGML reader (sgml_scan.c, entities, dates) and
 * the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_reuters, "fuzz/reut2-000.sgm", data, size);
    return 0;
}
