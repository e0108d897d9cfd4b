/* pathset.c - open-addressing hash set of strings. */
#include "pathset.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"

static size_t find_slot(char *const *slots, size_t cap, const char *path)
{
    size_t i = (size_t)tw_hash64(path, strlen(path)) & (cap - 1);
    while (slots[i] && strcmp(slots[i], path) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

static int grow(tw_pathset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 256;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i])
            slots[find_slot(slots, cap, set->slots[i])] = set->slots[i];
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return 0;
}

int tw_pathset_add(tw_pathset *set, const char *path)
{
    if ((set->count + 1) * 2 > set->cap && grow(set) < 0)
        return -1;
    size_t i = find_slot(set->slots, set->cap, path);
    if (set->slots[i])
        return 0;
    if (!(set->slots[i] = strdup(path)))
        return -1;
    set->count++;
    return 0;
}

bool tw_pathset_has(const tw_pathset *set, const char *path)
{
    return set->cap && set->slots[find_slot(set->slots, set->cap, path)] != NULL;
}

void tw_pathset_clear(tw_pathset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
    set->slots = NULL;
    set->cap = set->count = 0;
}
