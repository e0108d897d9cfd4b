/* group_scope.cc - excluded and required words and filters made to hold
 * for their whole group (group_scope.h). */
#include "group_scope.h"

#include <cstring>
#include <vector>

namespace {

/* The fields whose values filter the articles rather than match words
 * (fields_xapian.cc adds them as boolean prefixes). */
bool is_filter(const std::string &part)
{
    static const char *const filters[] = { "site:", "path:", "url:", "date:", "lang:" };
    for (const char *f : filters)
        if (part.compare(0, std::strlen(f), f) == 0 && part.size() > std::strlen(f))
            return true;
    return false;
}

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether PART joins the parts beside it: AND, OR, XOR, NOT (a boolean
 * operator, *BOOLEAN set), or NEAR and ADJ with or without their window. */
bool is_operator(const std::string &part, bool *boolean = nullptr)
{
    bool b = part == "AND" || part == "OR" || part == "XOR" || part == "NOT";
    if (boolean)
        *boolean = b;
    return b || part == "NEAR" || part == "ADJ" || part.compare(0, 5, "NEAR/") == 0 ||
           part.compare(0, 4, "ADJ/") == 0;
}

/* Whether PART holds for its whole group: excluded, required or a filter. */
bool is_scoped(const std::string &part)
{
    if (part.size() > 1 && (part[0] == '-' || part[0] == '+'))
        return true;
    return is_filter(part);
}

class Scoper {
  public:
    explicit Scoper(const std::string &t) : text(t) {}

    /* The group from AT to its closing parenthesis (INNER) or the end,
     * rewritten; false when its quotes or parentheses do not pair up. */
    bool group(bool inner, std::string *out)
    {
        std::vector<std::string> parts;
        for (;;) {
            while (at < text.size() && is_space(text[at]))
                at++;
            if (at == text.size()) {
                if (inner)
                    return false;
                break;
            }
            if (text[at] == ')') {
                if (!inner)
                    return false;
                at++;
                break;
            }
            std::string part;
            if (!next_part(&part))
                return false;
            parts.push_back(part);
        }
        *out = scoped(parts);
        return true;
    }

  private:
    const std::string &text;
    size_t at = 0;

    /* The part at AT: a word, a phrase or a field with its value (quoted or
     * not), or a group in parentheses, each perhaps after a sign. */
    bool next_part(std::string *part)
    {
        size_t start = at;
        if ((text[at] == '-' || text[at] == '+') && at + 1 < text.size() && text[at + 1] == '(')
            at++;
        if (text[at] == '(') {
            at++;
            std::string inside;
            if (!group(true, &inside))
                return false;
            /* The sign and the parenthesis, then the group as rewritten. */
            *part = text.substr(start, text[start] == '(' ? 1 : 2) + inside + ")";
            return true;
        }
        bool quoted = false;
        while (at < text.size() && (quoted || (!is_space(text[at]) && text[at] != ')' &&
                                               text[at] != '('))) {
            if (text[at] == '"')
                quoted = !quoted;
            at++;
        }
        if (quoted)
            return false;
        *part = text.substr(start, at - start);
        /* A field and the group its colon holds are one part:
         * "title:(storm OR flood)", the words in titles, which the parser
         * reads so; parted, "title:" was a field with nothing after it. */
        if (at < text.size() && text[at] == '(' && at > start && text[at - 1] == ':') {
            at++;
            std::string inside;
            if (!group(true, &inside))
                return false;
            *part += "(" + inside + ")";
        }
        return !part->empty();
    }

    /* PARTS joined, those that hold for the group moved after the others
     * when an operator joins the others. */
    static std::string scoped(const std::vector<std::string> &parts)
    {
        std::vector<std::string> all, joined, moved;
        bool operators = false;
        for (size_t i = 0; i < parts.size(); i++) {
            bool before = false, after = false, boolean;
            bool beside = (i > 0 && is_operator(parts[i - 1], &before)) |
                          (i + 1 < parts.size() && is_operator(parts[i + 1], &after));
            is_operator(parts[i], &boolean);
            operators |= boolean;
            all.push_back(before || after ? operand(parts[i]) : parts[i]);
            (is_scoped(parts[i]) && !beside ? moved : joined).push_back(all.back());
        }
        if (!operators || moved.empty())
            return join(all);
        return "(" + join(joined) + ") " + join(moved);
    }

    /* PART as the operand of a boolean operator: "-word" the articles
     * without it, as "-word" typed alone and "NOT word" find them, where
     * the parser failed on "storm OR -flood" and read "-storm OR flood" as
     * the words "or" and "flood" without "storm"; "+word" the word. */
    static std::string operand(const std::string &part)
    {
        if (part.size() > 1 && part[0] == '-')
            return "(NOT " + part.substr(1) + ")";
        if (part.size() > 1 && part[0] == '+')
            return part.substr(1);
        return part;
    }

    static std::string join(const std::vector<std::string> &parts)
    {
        std::string s;
        for (const std::string &p : parts)
            s += (s.empty() ? "" : " ") + p;
        return s;
    }
};

} // namespace

/* Whether TEXT is words and phrases with one space between them and
 * nothing to scope: no sign, field, parenthesis, or space but those
 * single ones, which the rewrite would part and join again as they are. */
static bool nothing_to_scope(const std::string &text)
{
    return text.find_first_of("()+-:\t\n\r") == std::string::npos &&
           text.find("  ") == std::string::npos &&
           (text.empty() || (text.front() != ' ' && text.back() != ' '));
}

std::string tw_group_scope(const std::string &text)
{
    /* Most queries: parting and joining them again was 2% of a search's
     * instructions (BM25 alone, linux-doc's bench queries). */
    if (nothing_to_scope(text))
        return text;
    Scoper s(text);
    std::string out;
    return s.group(false, &out) ? out : text;
}
