/* dir_bytes.h - the room an index's files take on the disk, as the sizes of
 * the files in a folder and the folders in it. */
#ifndef TW_DIR_BYTES_H
#define TW_DIR_BYTES_H

#include <stdint.h>

/* Sets *BYTES to the bytes in the regular files of the folder PATH and of
 * its folders, hidden entries and symbolic links passed over.  0, or -1
 * with errno when a folder cannot be read (*BYTES then counts those read
 * before): out of file descriptors, an index's size had read as 0. */
int tw_dir_bytes(const char *path, uint64_t *bytes);

#endif
