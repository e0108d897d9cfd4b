/* fuzz_html.c - the HTML reader (libxml2's parser, our tree walk, meta tags, JSON-LD)
 * and the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_html, "fuzz/page.html", data, size);
    return 0;
}
