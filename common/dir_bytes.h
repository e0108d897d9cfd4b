/* dir_bytes.h - the room an index's files take on the disk, as the sizes of
 * the files in a folder and the folders in it. */
#ifndef TW_DIR_BYTES_H
#define TW_DIR_BYTES_H

#include <stdint.h>

/* Bytes in the regular files of the folder PATH and of its folders, hidden
 * entries and symbolic links passed over; 0 when it cannot be read. */
uint64_t tw_dir_bytes(const char *path);

#endif
