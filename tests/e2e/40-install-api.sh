#!/bin/bash
# End to end: `make install` into a staging folder, then build a program against
# that copy with pkg-config only, as another project would, and run it.
# Then `make uninstall` removes every file it installed.
. "$(dirname "$0")/../lib.sh"
STAGE=$TMP/stage
# Not the PREFIX `make` built with (/usr/local): trawl.pc must name the one
# installed to, though the build made it for the other.
PREFIX=/opt/trawl
cd "$TOP"

run make -s install BUILD="${BUILD:-build}" DESTDIR="$STAGE" PREFIX=$PREFIX
is "make install into DESTDIR exits 0" "$RC" 0
is "trawl.pc names the PREFIX installed to" \
    "$(grep -E '^(prefix|libdir|includedir)=' "$STAGE$PREFIX/lib/pkgconfig/trawl.pc")" \
    "prefix=$PREFIX
libdir=$PREFIX/lib
includedir=$PREFIX/include"
for f in bin/trawl-index bin/trawl-query include/trawl.h lib/libtrawl.a lib/libtrawl.so \
         lib/libtrawl.so.0 lib/pkgconfig/trawl.pc share/man/man1/trawl-index.1 \
         share/man/man1/trawl-query.1 share/man/man3/libtrawl.3; do
    [ -e "$STAGE$PREFIX/$f" ] && ok "installed $f" || not_ok "installed $f"
done
is "the shared library's soname" \
    "$(objdump -p "$STAGE$PREFIX/lib/libtrawl.so.0" | awk '$1 == "SONAME" {print $2}')" libtrawl.so.0

# pkgconf's sysroot prefixes the .pc file's paths with the staging folder.
export PKG_CONFIG_PATH=$STAGE$PREFIX/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$STAGE
is "pkg-config knows trawl, at the version trawl.h says" "$(pkg-config --modversion trawl)" \
    "$(sed -n 's/^#define TRAWL_VERSION_\(MAJOR\|MINOR\|PATCH\) //p' include/trawl.h | paste -sd.)"
SAN=
[ "${SANITIZE:-}" = 1 ] && SAN="-fsanitize=address,undefined -fno-omit-frame-pointer"
run cc -std=c11 -Wall -Wextra -Werror $SAN tests/api/api_demo.c -o "$TMP/api_demo" \
    $(pkg-config --cflags --libs trawl)
is "a C program builds against the installed library with pkg-config" "$RC" 0
[ -n "$ERR" ] && printf '#   %s\n' "$ERR"
run env LD_LIBRARY_PATH="$STAGE$PREFIX/lib" "$TMP/api_demo" "$TMP/api-index"
is "the program indexes, searches and frees through libtrawl" "$RC" 0
has "...and all its checks pass" "$OUT" "api_demo: all checks passed"
[ "$RC" -ne 0 ] && printf '#   %s\n' "$ERR"
is "it linked the shared library" \
    "$(env LD_LIBRARY_PATH="$STAGE$PREFIX/lib" ldd "$TMP/api_demo" | grep -c 'libtrawl.so.0 => '"$STAGE")" 1

# The example of libtrawl(3), as installed, builds as the page says, and
# prints what the page shows (it showed the second date in UTC, which
# trawl_hit.date gives on the article's own clock since).  The program is
# the page's first .EX block; what it prints, the lines after "$ ./prog".
MAN=$STAGE$PREFIX/share/man/man3/libtrawl.3
unman() { sed 's/\\-/-/g; s/\\e/\\/g; s/\\&//g'; }
sed -n '/^\.SH EXAMPLES/,/^\.SH NOTES/p' "$MAN" | awk '/^\.EX/ { f = 1; next } /^\.EE/ { exit } f' |
    unman > "$TMP/prog.c"
shown=$(sed -n '/^\$ \.\/prog /,/^\.EE/p' "$MAN" | sed '1d;$d' | unman)
run cc -std=c11 -Wall -Wextra -Werror $SAN "$TMP/prog.c" -o "$TMP/prog" \
    $(pkg-config --cflags --libs trawl)
is "the example of libtrawl(3) builds with -Wall -Wextra -Werror" "$RC" 0
run env LD_LIBRARY_PATH="$STAGE$PREFIX/lib" "$TMP/prog" "$TMP/prog-index"
is "...and prints what the page shows" "$RC:$OUT" "0:$shown"

# The header in each language a program may be written in, with the
# warnings a careful project turns on: the option initialisers once failed
# C++ with -Wextra (a field left out) and C89 (designated initialisers),
# and C++ with -Wzero-as-null-pointer-constant (0 for a pointer).
for lang in c89 c99 c11 c++98 c++11 c++17; do
    case $lang in
        c++*) compiler="c++ -x c++ -Wzero-as-null-pointer-constant" ;;
        *) compiler=cc ;;
    esac
    run $compiler -std=$lang -Wall -Wextra -pedantic -Werror $SAN tests/api/opts_init.c \
        -o "$TMP/opts_init" $(pkg-config --cflags --libs trawl)
    is "trawl.h and its option initialisers build as $lang with -Wall -Wextra -pedantic -Werror" \
        "$RC" 0
    [ "$RC" -ne 0 ] && printf '#   %s\n' "$ERR" | head -5
    run env LD_LIBRARY_PATH="$STAGE$PREFIX/lib" "$TMP/opts_init" "$TMP/api-index"
    has "...and the $lang program searches with them" "$OUT" "opts_init: all checks passed"
done

# Static linking works too, from the same .pc file.
run cc -std=c11 $SAN tests/api/api_demo.c -o "$TMP/api_demo_static" \
    -I"$STAGE$PREFIX/include" "$STAGE$PREFIX/lib/libtrawl.a" \
    $(pkg-config --static --libs-only-other --libs-only-l trawl | sed 's/-ltrawl//')
is "a C program links the static library with pkg-config --static" "$RC" 0
run "$TMP/api_demo_static" "$TMP/api-index-static"
is "...and runs" "$RC" 0
# The installed archive keeps the library's internals to itself: a C++
# program whose own classes bear their names links it, and each side runs
# its own code (tests/api/own_names.cc).
run c++ -std=c++11 -Wall -Wextra $SAN tests/api/own_names.cc -o "$TMP/own_names" \
    -I"$STAGE$PREFIX/include" "$STAGE$PREFIX/lib/libtrawl.a" \
    $(pkg-config --static --libs-only-other --libs-only-l trawl | sed 's/-ltrawl//')
is "a C++ program with classes named as the library's own links the static library" "$RC" 0
[ "$RC" -ne 0 ] && printf '#   %s\n' "$ERR" | grep -m3 'multiple definition'
run "$TMP/own_names" "$TMP/own-names-index"
has "...and the program and the library each run their own code" "$OUT" \
    "own_names: all checks passed"
[ "$RC" -ne 0 ] && printf '#   %s\n' "$ERR"
is "the installed archive defines no strong symbol but the trawl_* API" \
    "$(nm -g --defined-only "$STAGE$PREFIX/lib/libtrawl.a" |
       awk 'NF == 3 && $2 ~ /^[TDBR]$/ && $3 !~ /^trawl_/' | wc -l)" 0

run make -s uninstall DESTDIR="$STAGE" PREFIX=$PREFIX
is "make uninstall exits 0" "$RC" 0
is "make uninstall leaves no file behind" "$(find "$STAGE" -type f -o -type l | wc -l)" 0
