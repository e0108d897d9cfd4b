/* xml_records.h - at which depth an XML document's articles are, when they
 * are not the root's children: wrapped in an element or two, as an API's
 * answer (<response><status/><articles><article>...) or mysqldump --xml
 * (<mysqldump><database><table_data><row>...) hold them. */
#ifndef TW_XML_RECORDS_H
#define TW_XML_RECORDS_H

#include <stddef.h>

/* The bytes of a document read to tell: enough for a few articles. */
#define TW_XML_RECORDS_SCAN (1024u * 1024)

/* What an element's name names: a title, a text, or neither. */
typedef enum tw_xml_named { TW_XML_OTHER, TW_XML_TITLE, TW_XML_TEXT } tw_xml_named;

/* Reads the start of an XML document, DATA[0..LEN) (as UTF-8; its first
 * TW_XML_RECORDS_SCAN bytes are read), with NAMED telling what an element named NAME (with
 * the value of its name attribute, or NULL) names.  Returns the depth of
 * its articles (the root's is 1): the shallowest at which two elements of
 * one name follow each other, each holding elements named for a title and
 * a text, when every element so named outside them is inside them or
 * deeper, with their name in NAME[SIZE]; else 2, the root's children
 * (NAME empty).  Never fails: 2 when in doubt. */
int tw_xml_record_depth(const char *data, size_t len,
                        tw_xml_named (*named)(const char *name, const char *name_attribute),
                        char *name, size_t size);

#endif
