/* fuzz_json.c - the JSON reader on a whole document (an object or an array of objects)
 * and the article path; a file that does not parse falls back to JSON Lines. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_json, "fuzz/dump.json", data, size);
    return 0;
}
