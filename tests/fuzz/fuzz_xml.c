/* fuzz_xml.c - XML documents of articles (libxml2's SAX parser, our choice of
 * which elements are articles and fields) and the article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_xml, "fuzz/export.xml", data, size);
    return 0;
}
