/* query_cli.h - trawl-query's command line, parsed into a struct (testable). */
#ifndef TW_QUERY_CLI_H
#define TW_QUERY_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"

typedef enum { TW_FORMAT_TEXT, TW_FORMAT_JSON, TW_FORMAT_TSV } tw_format;

/* The columns --fields may ask of TSV, by name (tw_field_names). */
typedef enum { TW_FIELD_RANK, TW_FIELD_SCORE, TW_FIELD_ID, TW_FIELD_PATH, TW_FIELD_TITLE,
               TW_FIELD_DATE, TW_FIELD_URL, TW_FIELD_SITE, TW_FIELD_AUTHOR, TW_FIELD_LANG,
               TW_FIELD_WORDS, TW_N_FIELDS } tw_field;
extern const char *const tw_field_names[TW_N_FIELDS];
#define TW_MAX_COLUMNS 32

/* The facets by name, in the order they are printed. */
#define TW_N_FACETS 4
extern const struct tw_facet_name {
    const char *name;       /* as --facet and the output spell it */
    unsigned bit;           /* TRAWL_FACET_* */
} tw_facet_names[TW_N_FACETS];

typedef struct tw_query_args {
    const char **dbs;       /* each -d SPEC, in order (malloc'd array of argv's strings) */
    size_t n_dbs;
    bool partial;           /* --partial */
    uint64_t shard_timeout; /* --shard-timeout MS (0: Xapian's default) */
    uint64_t limit;         /* -n N (default 10) */
    uint64_t offset;        /* --offset N */
    bool any;               /* --any */
    bool sort_date;         /* --sort date */
    bool no_collapse;       /* --no-collapse */
    bool all;               /* --all: no any-word fallback */
    unsigned facets;        /* --facet F...: TRAWL_FACET_* bits */
    double bm25_k1, bm25_b; /* --bm25 K1,B (0: defaults) */
    bool bm25_only;         /* --bm25-only */
    tw_format format;       /* --format */
    tw_field columns[TW_MAX_COLUMNS];   /* --fields (default rank,score,id,title) */
    size_t n_columns;
    bool fields;            /* --fields was given */
    uint64_t facet_limit;   /* --facet-limit N: values shown per facet (0: all; default 10) */
    const char *color;      /* --color auto|always|never */
    bool count;             /* --count */
    bool stats;             /* --stats */
    const char *show;       /* --show ID, or NULL */
    const char *like;       /* --like ID, or NULL */
    char *query;            /* the QUERY words joined by spaces (malloc'd) */
    const char **words;     /* the QUERY words as given, for --stats (malloc'd array
                               of argv's strings) */
    size_t n_words;
    bool help, version;
} tw_query_args;

/* The indexes SPECS (a list separated by ':', as $TRAWL_DB holds it, where
 * tcp://HOST:PORT keeps its colons) into a NULL-terminated array of strings
 * in one malloc'd block, or NULL when memory ran out. */
char **tw_query_split_specs(const char *specs);

/* Parses ARGV.  Returns 0, or -1 with a one-line reason in err[errlen].
 * Free with tw_query_args_free whatever the result. */
TW_MUST_CHECK
int tw_query_args_parse(int argc, char **argv, tw_query_args *args,
                        char *err, size_t errlen);
void tw_query_args_free(tw_query_args *args);

extern const char tw_query_usage[];

#endif
