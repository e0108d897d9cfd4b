/* extract.c - the registry of input formats, most specific first. */
#include "extract.h"

static const tw_extractor *const extractors[] = {
    &tw_extractor_reuters,
    &tw_extractor_trec,
    &tw_extractor_text,     /* last: anything that is text */
};

const tw_extractor *tw_extractor_find(const tw_input *in)
{
    for (size_t i = 0; i < sizeof extractors / sizeof extractors[0]; i++)
        if (extractors[i]->claims(in))
            return extractors[i];
    return NULL;
}
