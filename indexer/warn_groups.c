/* warn_groups.c - trawl-index's warnings, each message told a few times. */
#include "warn_groups.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

bool tw_warn_groups_show(tw_warn_groups *g, const char *message)
{
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->kinds[i].message, message) == 0)
            return ++g->kinds[i].count <= TW_WARN_SHOWN;
    if (g->n == TW_WARN_KINDS)
        return true;
    char *copy = strdup(message);
    if (!copy)
        return true;
    g->kinds[g->n].message = copy;
    g->kinds[g->n].count = 1;
    g->n++;
    return true;
}

void tw_warn_groups_finish(tw_warn_groups *g, FILE *out)
{
    for (size_t i = 0; i < g->n; i++) {
        if (g->kinds[i].count > TW_WARN_SHOWN)
            fprintf(out, "trawl-index: and %" PRIu64 " more: %s (-v names them)\n",
                    g->kinds[i].count - TW_WARN_SHOWN, g->kinds[i].message);
        free(g->kinds[i].message);
    }
    g->n = 0;
}
