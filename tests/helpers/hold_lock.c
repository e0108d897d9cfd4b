/* hold_lock.c - test helper: holds the write lock of an index until its standard
 * input closes, so a test can try a second writer and readers meanwhile.
 * Usage: hold_lock DIR   (prints "locked" once the lock is held) */
#include <stdio.h>
#include <unistd.h>

#include "trawl.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: hold_lock DIR\n");
        return 2;
    }
    trawl_indexer *ix;
    if (trawl_indexer_open(argv[1], NULL, &ix) != TRAWL_OK) {
        fprintf(stderr, "hold_lock: %s\n", trawl_indexer_errmsg(ix));
        trawl_indexer_close(ix);
        return 1;
    }
    trawl_article a = { .id = "held/1", .title = "Written while locked",
                        .body = "A pending article the reader must not see yet." };
    trawl_indexer_add_article(ix, &a);
    printf("locked\n");
    fflush(stdout);
    char c;
    while (read(0, &c, 1) > 0)
        ;
    return trawl_indexer_close(ix) == TRAWL_OK ? 0 : 1;
}
