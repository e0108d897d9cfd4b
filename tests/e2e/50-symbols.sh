#!/bin/bash
# The shared library exports exactly the API declared in include/trawl.h: no
# internal helper, no C++ symbol, nothing missing.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
SO=$BIN/libtrawl.so.0

# The version node (TRAWL_0) is listed as an absolute symbol; it is not a function.
exported=$(nm -D --defined-only "$SO" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort)
declared=$(grep -oE '\btrawl_[a-z_]+\(' include/trawl.h | tr -d '(' | sort -u)
is "every exported symbol starts with trawl_" "$(echo "$exported" | grep -vc '^trawl_')" 0
is "the exports are exactly the functions declared in trawl.h" "$exported" "$declared"
is "the exports carry the version node TRAWL_0" \
    "$(objdump -T "$SO" | awk '/ TRAWL_0 / && $NF ~ /^trawl_/' | wc -l)" "$(echo "$declared" | wc -l)"
