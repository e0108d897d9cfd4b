/* fuzz_jsonl.c - the JSON reader in JSON Lines mode (the name ends in .jsonl) and the
 * article path. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_extract(&tw_extractor_json, "fuzz/dump.jsonl", data, size);
    return 0;
}
