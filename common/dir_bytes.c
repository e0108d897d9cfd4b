/* dir_bytes.c - the sizes of a folder's files (dir_bytes.h). */
#include "dir_bytes.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int tw_dir_bytes(const char *path, uint64_t *bytes)
{
    *bytes = 0;
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *e;
    struct stat st;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.' ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            *bytes += (uint64_t)st.st_size;
        } else if (S_ISDIR(st.st_mode)) {
            char *inner;
            uint64_t within;
            if (asprintf(&inner, "%s/%s", path, e->d_name) < 0) {
                errno = ENOMEM;
                rc = -1;
                break;
            }
            rc = tw_dir_bytes(inner, &within);
            *bytes += within;
            free(inner);
        }
    }
    int saved = errno;
    closedir(d);
    errno = saved;
    return rc;
}
