/* fuzz_warc.c - the web archive reader (extract_warc.c): WARC records, HTTP
 * headers, chunked and compressed payloads, charsets, and the HTML and text
 * readers behind it; then the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_warc, "fuzz/crawl.warc", data, size);
    return 0;
}
