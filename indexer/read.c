/* read.c - whole-file reads with limits, and gzip through zlib. */
#include "read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "hash.h"

enum { CHUNK = 256 * 1024 };

int tw_gunzip(const unsigned char *data, size_t len, uint64_t max, tw_buf *out,
              bool *truncated, char *err, size_t errlen)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    *truncated = false;
    if (inflateInit2(&zs, 15 + 16) != Z_OK) {
        snprintf(err, errlen, "cannot start gzip decoder");
        return -1;
    }
    zs.next_in = (unsigned char *)data;
    uint64_t produced = 0;
    int rc = Z_OK, result = 0;
    size_t remaining = len;
    for (;;) {
        /* zlib counts in uInt, so feed at most 1 GiB at a time. */
        if (zs.avail_in == 0 && remaining) {
            zs.avail_in = remaining > (1u << 30) ? (1u << 30) : (uInt)remaining;
            remaining -= zs.avail_in;
        }
        if (produced >= max) {
            *truncated = true;
            break;
        }
        uint64_t room = max - produced < CHUNK ? max - produced : CHUNK;
        if (tw_buf_reserve(out, (size_t)room) < 0) {
            snprintf(err, errlen, "out of memory inflating gzip data");
            result = -1;
            break;
        }
        zs.next_out = (unsigned char *)out->data + out->len;
        zs.avail_out = (uInt)room;
        rc = inflate(&zs, Z_NO_FLUSH);
        size_t got = (size_t)room - zs.avail_out;
        out->len += got;
        out->data[out->len] = '\0';
        produced += got;
        if (rc == Z_STREAM_END) {
            /* Another member may follow (cat a.gz b.gz); anything else is ignored. */
            if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
                inflateReset(&zs);
                continue;
            }
            break;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && remaining == 0) {
            snprintf(err, errlen, "truncated gzip data (ends after %llu bytes inflated)",
                     (unsigned long long)produced);
            result = -1;
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            snprintf(err, errlen, "corrupt gzip data: %s", zs.msg ? zs.msg : "inflate failed");
            result = -1;
            break;
        }
    }
    inflateEnd(&zs);
    return result;
}

/* Reads up to MAX bytes of FD into OUT; sets *truncated when more was there. */
static int read_fd(int fd, uint64_t max, tw_buf *out, bool *truncated)
{
    *truncated = false;
    for (;;) {
        if (out->len >= max) {
            char probe;
            ssize_t n = read(fd, &probe, 1);
            *truncated = n > 0;
            return n < 0 ? -1 : 0;
        }
        uint64_t room = max - out->len < CHUNK ? max - out->len : CHUNK;
        if (tw_buf_reserve(out, (size_t)room) < 0) {
            errno = ENOMEM;
            return -1;
        }
        ssize_t n = read(fd, out->data + out->len, (size_t)room);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            return 0;
        out->len += (size_t)n;
        out->data[out->len] = '\0';
    }
}

int tw_read_file(const char *path, const tw_read_limits *limits, tw_buf *out,
                 tw_read_info *info, char *err, size_t errlen)
{
    memset(info, 0, sizeof *info);
    tw_buf_clear(out);
    /* O_NONBLOCK so a FIFO cannot hang the run; it is refused just below. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "not a regular file");
        close(fd);
        return -1;
    }
    tw_buf raw = { 0 };
    bool cut = false;
    int rc = read_fd(fd, limits->max_file_bytes, &raw, &cut);
    int saved = errno;
    close(fd);
    if (rc < 0) {
        snprintf(err, errlen, "read error: %s", strerror(saved));
        tw_buf_free(&raw);
        return -1;
    }
    info->raw_bytes = raw.len;
    info->truncated = cut;
    info->hash = tw_hash64(raw.data ? raw.data : "", raw.len);
    if (raw.len >= 2 && (unsigned char)raw.data[0] == 0x1f &&
        (unsigned char)raw.data[1] == 0x8b) {
        info->gzip = true;
        bool inflated_cut = false;
        rc = tw_gunzip((unsigned char *)raw.data, raw.len, limits->max_inflated_bytes,
                       out, &inflated_cut, err, errlen);
        tw_buf_free(&raw);
        /* A gzip cut short by the read limit is reported as that, not as damage. */
        if (rc < 0 && cut)
            rc = 0;
        info->truncated = cut || inflated_cut;
        return rc;
    }
    tw_buf_free(out);
    *out = raw;
    return 0;
}
