/* fuzz_trec.c - the TREC reader (<DOC><DOCNO>) and the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_trec, "fuzz/la010189", data, size);
    return 0;
}
