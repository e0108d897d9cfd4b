/* stem_name_xapian.cc - see stem_name_xapian.h. */
#include "stem_name_xapian.h"

#include <xapian.h>

#include "stem_snowball_xapian.h"

std::string tw_stem_name(const std::string &name)
{
    if (name.empty() || name == "none")
        return name;
    std::string said;
    try {
        said = tw_stem_of(name).get_description();
    } catch (const Xapian::InvalidArgumentError &) {
        return name;
    }
    /* Xapian 1.4 describes a stemmer as "Xapian::Stem(english)". */
    static const std::string open = "Xapian::Stem(";
    if (said.size() <= open.size() + 1 || said.compare(0, open.size(), open) != 0 ||
        said.back() != ')')
        return name;
    return said.substr(open.size(), said.size() - open.size() - 1);
}
