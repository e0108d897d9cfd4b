/* fuzz_text.c - the plain-text reader (header lines, title, body) and the article
 * path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_text, "fuzz/article.txt", data, size);
    return 0;
}
