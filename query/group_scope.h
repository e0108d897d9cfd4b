/* group_scope.h - a query's excluded and required words and its filters
 * made to hold for the whole group they are typed in.
 *
 * Xapian's parser binds "-word", "+word" and a filter to the words next to
 * them, inside the operand of an OR, XOR or NOT: "storm OR flood
 * site:ledger.example" was "storm OR (flood site:ledger.example)", which
 * listed every site's storms, and "oil OR gas -gulf" kept the articles
 * with oil and the gulf.  trawl-query(1) says a filter, an excluded word and
 * a required one hold for every hit, as they do in web search engines and
 * Lucene. */
#ifndef TW_GROUP_SCOPE_H
#define TW_GROUP_SCOPE_H

#include <string>

/* TEXT (quotes straightened: tw_typed_plain) with each group -- the whole
 * query, or what a pair of parentheses holds -- whose words an operator
 * (AND, OR, XOR, NOT) joins rewritten as its other words in parentheses
 * followed by its excluded (-word, -"phrase", -(group)) and required
 * (+word) parts and its filters (site:, path:, url:, date:, lang:, negated
 * or not): "storm OR flood site:x" is "(storm OR flood) site:x".  A part
 * typed right beside an operator is that operator's operand and stays
 * ("storm OR -flood"); so does everything in a text whose quotes or
 * parentheses do not pair up. */
std::string tw_group_scope(const std::string &text);

#endif
