/* field_list.h - the query language's fields, for a tool's messages. */
#ifndef TW_FIELD_LIST_H
#define TW_FIELD_LIST_H

#ifdef __cplusplus
extern "C" {
#endif

/* Their names, each with its colon, separated by ", " ("site:, path:,
 * ..."): the names fields_xapian.cc gives the parser, so that a message
 * listing them cannot miss one.  Static. */
const char *tw_field_list(void);

#ifdef __cplusplus
}
#endif

#endif
