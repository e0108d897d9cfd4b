/* read.h - read one input file into memory, inflating gzip, within byte limits. */
#ifndef TW_READ_H
#define TW_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

typedef struct tw_read_limits {
    uint64_t max_file_bytes;      /* bytes read from disk */
    uint64_t max_inflated_bytes;  /* bytes produced by gunzip */
} tw_read_limits;

typedef struct tw_read_info {
    uint64_t raw_bytes;           /* bytes read from disk */
    bool gzip;                    /* the file was gzip, OUT holds it inflated */
    bool truncated;               /* a limit was hit: OUT holds the first part */
    uint64_t hash;                /* FNV-1a 64 of the bytes read from disk */
} tw_read_info;

/* Reads PATH (a regular file; FIFOs and devices are refused without blocking) into
 * OUT, replacing its contents.  Gzip data is recognised by its magic bytes and
 * inflated, including concatenated members.  Returns 0, or -1 with a one-line
 * reason in err[errlen] (e.g. "truncated gzip data"). */
int tw_read_file(const char *path, const tw_read_limits *limits, tw_buf *out,
                 tw_read_info *info, char *err, size_t errlen);

/* Inflates gzip DATA into OUT (appending) up to MAX bytes; sets *truncated when
 * the limit stopped it.  Returns 0 or -1 with a reason.  Exposed for tests. */
int tw_gunzip(const unsigned char *data, size_t len, uint64_t max, tw_buf *out,
              bool *truncated, char *err, size_t errlen);

#endif
