#!/bin/bash
# End to end: every option each tool takes is named in its --help, its man page
# and the README, and every variable it reads in its man page's ENVIRONMENT
# (--colour, taken since the colours came, was in none but the man page).
. "$(dirname "$0")/../lib.sh"
cd "$TOP"

# The long options of SOURCE's getopt table, one a line: NAME SHORT (SHORT is
# the option's letter, or "-" when it has none).
long_options() {
    sed -n 's/^ *{ *"\([a-z0-9-]*\)", *[a-z_]*argument, *NULL, *\(.*\) },*$/\1 \2/p' "$1" |
        sed "s/ '\\(.\\)'\$/ \\1/; s/ OPT_[A-Z0-9_]*\$/ -/"
}

# The man page's text with roff's escaped hyphens as hyphens.
man_text() { sed 's/\\-/-/g; s/\\f[BIRP]//g' "$1"; }

for tool in index query; do
    case $tool in
        index) src=indexer/index_cli.c; vars="TRAWL_DB XDG_DATA_HOME HOME COLUMNS" ;;
        query) src=query/query_cli.c; vars="TRAWL_DB XDG_DATA_HOME HOME NO_COLOR TERM COLUMNS" ;;
    esac
    help=$("$BIN/trawl-$tool" --help)
    man=$(man_text "docs/trawl-$tool.1")
    opts=$(long_options "$src")
    is "trawl-$tool: the getopt table is read" "$([ "$(printf '%s\n' "$opts" | wc -l)" -gt 15 ] && echo yes)" yes
    missing=
    while read -r name short; do
        printf '%s\n' "$help" | grep -q -e "--$name\\b" || missing="$missing help:--$name"
        printf '%s\n' "$man" | grep -q -e "--$name\\b" || missing="$missing man:--$name"
        # The README names an option by its long name, or by its letter in
        # a synopsis ("[-j N]").
        grep -q -e "--$name\\b" README.md ||
            { [ "$short" != - ] && grep -q -e "\\[-$short\\b" README.md; } ||
            missing="$missing README:--$name"
    done <<<"$opts"
    is "trawl-$tool: each option in --help, the man page and the README" "$missing" ""
    env=$(printf '%s\n' "$man" | sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p')
    missing=
    for v in $vars; do
        printf '%s\n' "$env" | grep -q -x "\\.B $v" || missing="$missing $v"
    done
    is "trawl-$tool: each variable it reads in the man page's ENVIRONMENT" "$missing" ""
done
