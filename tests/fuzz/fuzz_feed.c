/* fuzz_feed.c - the news feed reader (RSS 2.0, RSS 1.0, Atom: libxml2's XML
 * parser, our walk of items, their HTML) and the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_feed, "fuzz/feed.rss", data, size);
    return 0;
}
