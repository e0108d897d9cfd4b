/* marks_xapian.cc - the marks an index keeps of itself, each naming the
 * commit it was true at (marks_xapian.h). */
#include "marks_xapian.h"

extern "C" {
#include "schema.h"
}

/* "REVISION UUID". */
static std::string naming(Xapian::rev revision, const std::string &uuid)
{
    return std::to_string(revision) + " " + uuid;
}

std::string tw_mark_next(const Xapian::WritableDatabase &db)
{
    return naming(db.get_revision() + 1, db.get_uuid());
}

bool tw_mark_now(const Xapian::Database &db, const std::string &mark)
{
    if (mark.empty())
        return false;
    try {
        Xapian::rev revision = db.get_revision();   /* first: it throws where it cannot tell */
        return mark == naming(revision, db.get_uuid());
    } catch (const Xapian::InvalidOperationError &) {
        return false;   /* a remote shard: Xapian 1.4 tells no revision there */
    } catch (const Xapian::UnimplementedError &) {
        return false;
    }
}

tw_seals tw_seals_of(const Xapian::Database &db)
{
    std::string mark = db.get_metadata(TW_META_SEALED);
    return mark.empty() ? TW_SEALS_NONE : tw_mark_now(db, mark) ? TW_SEALS_ALL : TW_SEALS_SOME;
}
