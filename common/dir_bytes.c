/* dir_bytes.c - the sizes of a folder's files (dir_bytes.h). */
#include "dir_bytes.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

uint64_t tw_dir_bytes(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    uint64_t total = 0;
    struct dirent *e;
    struct stat st;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            total += (uint64_t)st.st_size;
        } else if (S_ISDIR(st.st_mode)) {
            char *inner;
            if (asprintf(&inner, "%s/%s", path, e->d_name) < 0)
                continue;
            total += tw_dir_bytes(inner);
            free(inner);
        }
    }
    closedir(d);
    return total;
}
