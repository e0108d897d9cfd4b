#!/bin/bash
# The shared library exports exactly the API declared in include/trawl.h: no
# internal helper, no C++ symbol, nothing missing; and each export carries the
# version node trawl.map lists it under.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
SO=$BIN/libtrawl.so.0

# The version nodes (TRAWL_0, ...) are listed as absolute symbols; they are not functions.
exported=$(nm -D --defined-only "$SO" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort)
declared=$(grep -oE '\btrawl_[a-z_]+\(' include/trawl.h | tr -d '(' | sort -u)
# trawl.map: "NODE {" opens a node; "name;" lines inside it are its symbols.
listed=$(awk '/^[A-Za-z_0-9.]+ *\{/ { node = $1 }
              /^ *trawl_[a-z_0-9]+; *$/ { gsub(/[ ;]/, ""); print $0 " " node }' trawl.map | sort)
is "every exported symbol starts with trawl_" "$(echo "$exported" | grep -vc '^trawl_')" 0
is "the exports are exactly the functions declared in trawl.h" "$exported" "$declared"
is "trawl.map lists exactly the functions declared in trawl.h" \
    "$(echo "$listed" | cut -d' ' -f1)" "$declared"
is "each export carries the version node trawl.map lists it under" \
    "$(objdump -T "$SO" | awk '$NF ~ /^trawl_/ { print $NF " " $(NF-1) }' | sort)" "$listed"
for f in trawl_db_get_article trawl_article_free; do
    is "$f is exported" "$(echo "$exported" | grep -cx "$f")" 1
done
