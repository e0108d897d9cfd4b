/* shards_xapian.cc - opening, following and losing the shards of a trawl_db
 * (shards_xapian.h). */
#include "shards_xapian.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

extern "C" {
#include "glass_tables.h"
#include "schema.h"
#include "stub.h"
}
#include "db_xapian.h"
#include "errors.h"
#include "errors_xapian.h"
#include "kept_answers_xapian.h"
#include "languages_xapian.h"

/* Stub files may list stub files; a loop among them ends here. */
static const int MAX_STUB_DEPTH = 8;

/* Checks the index folder's stub the way the writer does (common/stub.h): a
 * damaged one must not open as an empty index that finds nothing.  A legacy
 * index (glass files in the folder itself) has no stub.  Sets *VERSION to the
 * glass version file of the generation it names ("" when there is none).
 * Returns TRAWL_OK, or TRAWL_ECORRUPT (TRAWL_EIO: a generation this user may
 * not read) with the reason in ERR. */
static trawl_status check_stub(const std::string &dir, std::string *version, char *err,
                               size_t errlen)
{
    version->clear();
    int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return TRAWL_OK;        /* Xapian says what is wrong with the folder */
    struct stat st;
    tw_stub_state state = TW_STUB_OK;
    if (fstatat(fd, "iamglass", &st, 0) == 0) {
        *version = dir + "/iamglass";
    } else {
        unsigned gen;
        /* A writer switching generations renames the stub before it removes the
         * old one: a stub read just before then names a folder that is gone, and
         * the second read names the new one. */
        for (int attempt = 0; attempt < 2; attempt++) {
            state = tw_stub_check(fd, dir.c_str(), &gen, err, errlen);
            if (state != TW_STUB_DAMAGED)
                break;
        }
        if (state == TW_STUB_OK)
            *version = dir + "/gen-" + std::to_string(gen) + "/iamglass";
    }
    close(fd);
    return state == TW_STUB_DAMAGED      ? TRAWL_ECORRUPT
           : state == TW_STUB_UNREADABLE ? TRAWL_EIO
                                         : TRAWL_OK;
}

/* Whether A and B, two stats of a file, saw the same file as it was. */
static bool same_state(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
           a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
           a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

/* Whether local shard S's generation may have a commit its handle has not
 * seen: its version file changed since last looked at (then looked at
 * again), or TW_LOCAL_REOPEN_MS went by.  Xapian's reopen reads the version
 * file (an open, reads and a close); a stat costs one call. */
static bool local_moved(tw_shard &s, std::chrono::steady_clock::time_point now)
{
    struct stat v = {};
    if (!s.version_path.empty() && stat(s.version_path.c_str(), &v) == 0 &&
        same_state(v, s.version) && now < s.reopened + std::chrono::milliseconds(
                                                           TW_LOCAL_REOPEN_MS))
        return false;
    s.version = v;
    return true;
}

/* Adds to DB's watch, if it has one, the folder of the generation the local
 * shard S was opened at, whose version file a commit replaces. */
static void watch_generation(trawl_db *db, const tw_shard &s)
{
    if (db->watch && !s.version_path.empty())
        tw_watch_add(db->watch.get(),
                     s.version_path.substr(0, s.version_path.rfind('/')).c_str());
}

/* Opens the local shard S at its current generation.  The generation named
 * may be gone by the time it is opened if a newer one replaced it: the stub
 * is read again.  Throws what Xapian throws, tw_error for a damaged stub. */
static void open_local(trawl_db *db, tw_shard &s)
{
    /* Watched first: a writer's change after this is news to the next
     * search, one before it is read below. */
    if (db->watch)
        tw_watch_add(db->watch.get(), s.dir.c_str());
    trawl_status stub = check_stub(s.dir, &s.version_path, db->errmsg, sizeof db->errmsg);
    if (stub != TRAWL_OK)
        throw tw_error{ stub, db->errmsg };
    /* Damage is reported as Xapian's own is, with the generation to check.
     * Found while no commit changed the generation's files (glass_tables.h)
     * and the stub still names it, it is reported at once; a writer that
     * made another generation current, and removes this one's files, is
     * waited out as Xapian's torn reads are (tw_db_retry), 4 s in all. */
    char why[256];
    trawl_status st = s.version_path.empty()
                          ? TRAWL_OK
                          : tw_glass_tables_check(s.version_path.c_str(), why, sizeof why);
    if (st == TRAWL_ECORRUPT) {
        std::string current;
        char ignored[8];
        if (check_stub(s.dir, &current, ignored, sizeof ignored) != TRAWL_OK ||
            current != s.version_path)
            throw Xapian::DatabaseCorruptError(why);
        st = tw_damaged(db->errmsg, sizeof db->errmsg, s.spec.c_str(), why);
        throw tw_error{ st, db->errmsg };
    }
    if (st != TRAWL_OK) {
        const char *advice = tw_unreadable_file_advice(errno);
        std::snprintf(db->errmsg, sizeof db->errmsg, "index %s cannot be read (%s): %s",
                      s.spec.c_str(), why, advice);
        throw tw_error{ st, db->errmsg };
    }
    watch_generation(db, s);
    for (int attempt = 1;; attempt++) {
        try {
            stat(s.stub_path.c_str(), &s.stub);
            s.reopened = std::chrono::steady_clock::now();
            local_moved(s, s.reopened);
            s.db = Xapian::Database(s.dir);
            s.up = true;
            return;
        } catch (const Xapian::DatabaseOpeningError &) {
            if (attempt == 3)
                throw;
        }
    }
}

/* Marks S down for the network failure E, with DB's time-out. */
static void lose(const trawl_db *db, tw_shard &s, const Xapian::NetworkError &e)
{
    s.up = false;
    s.db = Xapian::Database();
    if (std::strcmp(e.get_type(), "NetworkTimeoutError") == 0) {
        s.why = TW_SHARD_TIMED_OUT + std::to_string(db->timeout_ms) + " ms";
        return;
    }
    s.why = e.get_msg();
    const char *sys = e.get_error_string();
    if (sys && *sys)
        s.why += std::string(" (") + sys + ")";
}

/* Connects the remote shard S with DB's time-out; on failure S stays down
 * with the reason. */
static void connect_remote(const trawl_db *db, tw_shard &s)
{
    try {
        s.db = Xapian::Remote::open(s.host, s.port, db->timeout_ms, db->timeout_ms);
        s.reopened = std::chrono::steady_clock::now();
        s.up = true;
        s.why.clear();
    } catch (const Xapian::NetworkError &e) {
        lose(db, s, e);
    }
}

/* HOST:PORT into S, from a tcp:// spec or a stub's remote line; false when
 * it is not that. */
static bool parse_host_port(const std::string &hp, tw_shard &s)
{
    size_t colon = hp.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == hp.size())
        return false;
    char *end;
    errno = 0;
    unsigned long port = std::strtoul(hp.c_str() + colon + 1, &end, 10);
    if (*end || errno || port == 0 || port > 65535 || hp[colon + 1] < '0' || hp[colon + 1] > '9')
        return false;
    s.host = hp.substr(0, colon);
    s.port = (unsigned)port;
    return true;
}

static trawl_status add(trawl_db *db, const std::string &spec, int depth);

/* Cuts a comment off a stub file's LINE: a '#' that starts the line or
 * follows a space or a tab starts one ("remote host3:6431  # 2019"). */
static void cut_comment(std::string &line)
{
    size_t hash = line.find('#');
    while (hash != std::string::npos && hash && line[hash - 1] != ' ' && line[hash - 1] != '\t')
        hash = line.find('#', hash + 1);
    if (hash != std::string::npos)
        line.erase(hash);
}

/* Whether KIND starts a line of Xapian 1.4's stub files: those trawl reads
 * and those it refuses ("inmemory", "remote PROGRAM ARGS"), which make a
 * file a stub all the same. */
static bool xapian_stub_kind(const std::string &kind)
{
    return kind == "auto" || kind == "glass" || kind == "chert" || kind == "remote" ||
           kind == "inmemory";
}

/* Adds the databases a Xapian stub file lists, one a line: "auto PATH" (also
 * "glass PATH", "chert PATH"; PATH relative to the file's folder) and
 * "remote HOST:PORT", with comments (cut_comment).  The other kinds (a
 * program to run, an in-memory database) are refused by name: a shard must
 * be something trawl can name and time out. */
static trawl_status add_stub_file(trawl_db *db, const std::string &file, int depth)
{
    if (depth > MAX_STUB_DEPTH)
        return tw_db_fail(db, TRAWL_EINVAL, "stub file %s: stub files list each other more "
                          "than %d deep (a loop?)", file.c_str(), MAX_STUB_DEPTH);
    std::ifstream in(file);
    if (!in)
        return tw_db_fail(db, TRAWL_ENOINDEX, "cannot read %s (%s)", file.c_str(),
                          std::strerror(errno));
    std::string dir = file.find('/') == std::string::npos ? "."
                                                           : file.substr(0, file.rfind('/'));
    std::string line;
    unsigned n = 0, listed = 0;
    while (std::getline(in, line)) {
        /* A UTF-8 byte-order mark, as some editors save a file, is no word. */
        if (++n == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
            line.erase(0, 3);
        cut_comment(line);
        size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos)
            continue;
        size_t sp = line.find_first_of(" \t", start);
        std::string kind = line.substr(start, sp == std::string::npos ? sp : sp - start);
        size_t arg = sp == std::string::npos ? sp : line.find_first_not_of(" \t", sp);
        size_t arg_end = line.find_last_not_of(" \t\r");
        std::string what = arg == std::string::npos ? "" : line.substr(arg, arg_end + 1 - arg);
        trawl_status st;
        if ((kind == "auto" || kind == "glass" || kind == "chert") && !what.empty()) {
            st = add(db, what[0] == '/' ? what : dir + "/" + what, depth + 1);
        } else if (kind == "remote" && what[0] != ':' && what.find(' ') == std::string::npos) {
            /* Named by the file's line: "tcp://HOST:PORT", the form -d
             * takes, would have been "shard tcp://tcp://HOST:PORT did not
             * answer", and a port left out the -d form's advice. */
            tw_shard probe;
            if (!parse_host_port(what, probe) || what.find('/') != std::string::npos)
                return tw_db_fail(db, TRAWL_EINVAL, "stub file %s, line %u: '%s' is not a "
                                  "shard address: write 'remote HOST:PORT'", file.c_str(), n,
                                  what.c_str());
            st = add(db, "tcp://" + what, depth + 1);
        } else if (!listed && !xapian_stub_kind(kind)) {
            /* No line of a stub before it, nor a kind of line Xapian's stubs
             * hold: an article or another file given as the index by
             * mistake, more likely than a stub's typo. */
            return tw_db_fail(db, TRAWL_EINVAL, "%s is neither an index nor a stub file (its "
                              "line %u is no 'auto PATH' or 'remote HOST:PORT' line): name "
                              "the folder of an index", file.c_str(), n);
        } else {
            return tw_db_fail(db, TRAWL_EINVAL, "stub file %s, line %u: trawl reads only "
                              "'auto PATH' and 'remote HOST:PORT' lines (serve a shard with "
                              "xapian-tcpsrv)", file.c_str(), n);
        }
        if (st != TRAWL_OK)
            return st;
        listed++;
    }
    if (!listed)
        return tw_db_fail(db, TRAWL_ENOINDEX, "stub file %s lists no index", file.c_str());
    return TRAWL_OK;
}

/* Whether DB has shard S already (the same folder, or the same server), which
 * would count its articles twice. */
static const tw_shard *twin(const trawl_db *db, const tw_shard &s)
{
    for (const tw_shard &o : db->shards)
        if (s.port ? o.port == s.port && o.host == s.host
                   : !o.port && o.dev == s.dev && o.ino == s.ino)
            return &o;
    return nullptr;
}

/* SPEC, a local folder, in full: from the working folder when relative. */
static std::string in_full(const std::string &spec)
{
    if (spec[0] == '/')
        return spec;
    char *cwd = getcwd(nullptr, 0);
    if (!cwd)
        return spec;    /* the working folder is gone: SPEC names nothing else */
    std::string full = std::string(cwd) + "/" + spec;
    std::free(cwd);
    return full;
}

static trawl_status add(trawl_db *db, const std::string &spec, int depth)
{
    tw_shard s;
    s.spec = spec;
    struct stat st;
    /* "tcp:/host:6431", "TCP://host:6431", that no folder answers to, are
     * a shard's address mistyped, where "no index" would advise building
     * one there. */
    bool remote = spec.compare(0, 6, "tcp://") == 0;
    bool missing = !remote && stat(spec.c_str(), &st) < 0;
    bool mistyped = missing && strncasecmp(spec.c_str(), "tcp", 3) == 0 &&
                    (spec[3] == ':' || spec[3] == '/');
    if (mistyped || (remote && !parse_host_port(spec.substr(6), s)))
        return tw_db_fail(db, TRAWL_EINVAL, "%s is not a shard address: write "
                          "tcp://HOST:PORT", spec.c_str());
    if (!remote) {
        if (missing)
            return tw_db_fail(db, TRAWL_ENOINDEX, "no index at %s", spec.c_str());
        if (S_ISREG(st.st_mode))
            return add_stub_file(db, spec, depth);
        if (!S_ISDIR(st.st_mode))
            return tw_db_fail(db, TRAWL_ENOINDEX, "no index at %s", spec.c_str());
        s.dev = st.st_dev;
        s.ino = st.st_ino;
        s.dir = in_full(spec);
    }
    /* Spelt as before (-d news -d news): "news is news again" said nothing. */
    if (const tw_shard *o = twin(db, s))
        return o->spec == spec
                   ? tw_db_fail(db, TRAWL_EINVAL, "%s is given twice: each index may be "
                                "searched once", spec.c_str())
                   : tw_db_fail(db, TRAWL_EINVAL, "%s is %s again: each index may be "
                                "searched once", spec.c_str(), o->spec.c_str());
    if (s.port) {
        db->shards.push_back(s);
        return TRAWL_OK;
    }
    s.stub_path = s.dir + "/" TW_STUB_FILE;
    /* Opening reads the metadata, and may meet a writer's commits, as a
     * search may. */
    return tw_db_retry(db, [&]() -> trawl_status {
        try {
            open_local(db, s);
        } catch (const Xapian::DatabaseVersionError &) {
            throw;
        } catch (const Xapian::DatabaseOpeningError &e) {
            if (tw_out_of_files(e))
                throw;
            return tw_db_fail(db, TRAWL_ENOINDEX, "%s is not an index", spec.c_str());
        }
        db->shards.push_back(s);
        return TRAWL_OK;
    });
}

trawl_status tw_shards_add(trawl_db *db, const char *spec)
{
    if (!spec || !*spec)
        return tw_db_fail(db, TRAWL_EINVAL, "no index path given");
    size_t before = db->shards.size();
    trawl_status st = add(db, spec, 0);
    if (st != TRAWL_OK)
        db->shards.resize(before);     /* a stub file is added whole or not at all */
    else
        db->stale = true;
    return st;
}

/* Throws when two shards that are up are one index (the same UUID): a
 * server and the folder it serves, one server under two names ("localhost"
 * and "127.0.0.1"), or a copy of a folder.  Its articles would count twice.
 * The add-time check (twin) cannot tell these apart before connecting. */
static void twin_check(const trawl_db *db)
{
    for (size_t i = 0; i < db->shards.size(); i++)
        for (size_t j = 0; j < i && db->shards[i].up; j++) {
            const tw_shard &a = db->shards[j], &b = db->shards[i];
            if (b.up && a.up && !a.db.get_uuid().empty() && a.db.get_uuid() == b.db.get_uuid())
                throw tw_error{ TRAWL_EINVAL, b.spec + " is " + a.spec + " again (the same "
                                              "index): each index may be searched once" };
        }
}

/* Opens local shard S anew when its handle reads articles but no schema:
 * a Xapian database that is not a trawl index, or a read a writer's commit
 * tore.  Xapian reads a block in one pread, which the kernel does not make
 * whole against the writer's pwrite of it: a handle two commits behind, as
 * one opening under load can be, may read a block the writer is reusing
 * half old and half new, which passes Xapian's revision check and lacks
 * the key, and the handle keeps that block until a commit moves it on.
 * (The same race makes Xapian's "Expected block N to be level 1" and "EOF
 * reading block" errors, which tw_db_retry reads again.)  Opened anew, the
 * shard reads its latest commit; an index that is not ours still has no
 * schema. */
static void reopen_if_torn(trawl_db *db, tw_shard &s)
{
    for (int attempt = 1; attempt <= 2; attempt++) {
        if (s.port || !s.db.get_metadata(TW_META_SCHEMA).empty() || s.db.get_doccount() == 0)
            return;
        tw_db_pause(attempt);
        open_local(db, s);
    }
}

/* Makes the union of the shards that are up, and reads their identity. */
static void rebuild(trawl_db *db)
{
    /* Until it is made and its identity read whole: a union refused, or
     * whose reading a commit overtook (tw_db_retry), is made again. */
    db->stale = true;
    twin_check(db);
    db->db = Xapian::Database();
    db->live.clear();
    for (size_t i = 0; i < db->shards.size(); i++)
        if (db->shards[i].up) {
            reopen_if_torn(db, db->shards[i]);
            db->db.add_database(db->shards[i].db);
            db->live.push_back(i);
        }
    tw_db_forget(db);
    /* A new generation may be a rebuild with another stemmer: the parser and
     * the stemmer follow it. */
    if (tw_db_identity(db) != TRAWL_OK)
        throw tw_error{ TRAWL_ESCHEMA, db->errmsg };
    db->stale = false;
}

/* Throws when the folder of local shard S is gone: a handle kept open (a
 * server's) outlived its index, moved or deleted.  Xapian would say only
 * that a generation's file is missing; this names the index, of the
 * several a handle may search. */
static void gone_check(const tw_shard &s)
{
    struct stat st;
    if (stat(s.dir.c_str(), &st) < 0 && (errno == ENOENT || errno == ENOTDIR))
        throw tw_error{ TRAWL_ENOINDEX, "no index at " + s.spec +
                                            " any more (moved or deleted): open it where "
                                            "it is now" };
}

/* Brings remote shard S up to date; true when it has a new commit.  Its
 * server keeps for the connection the generation it opened: a --full
 * rebuild replaces that by a new one and removes it, and then reopening
 * fails ("no index there").  S is then connected anew, which opens the
 * current generation, and *RENEWED set: the union holds the old connection. */
static bool reopen_remote(const trawl_db *db, tw_shard &s, bool *renewed)
{
    try {
        return s.db.reopen();
    } catch (const Xapian::DatabaseOpeningError &) {
        connect_remote(db, s);
        *renewed = true;
        return true;
    }
}

/* Catches up as tw_db_refresh does; the local shards' files are looked at
 * only with LOOK. */
static bool refresh(trawl_db *db, bool reconnect, bool look,
                    std::chrono::steady_clock::time_point now)
{
    bool changed = db->stale;
    for (tw_shard &s : db->shards) {
        if (s.port) {
            if (!s.up && reconnect) {
                connect_remote(db, s);
                changed |= s.up;
            }
            continue;
        }
        if (!look && !db->open_anew)
            continue;
        struct stat st = {};
        stat(s.stub_path.c_str(), &st);
        /* A bulk build replaced the whole shard by a new generation
         * (indexer/store.h), or a read is tried again (tw_db_retry): open
         * it again. */
        if (db->open_anew || st.st_ino != s.stub.st_ino ||
            st.st_mtim.tv_sec != s.stub.st_mtim.tv_sec ||
            st.st_mtim.tv_nsec != s.stub.st_mtim.tv_nsec) {
            gone_check(s);
            open_local(db, s);
            changed = true;
        }
    }
    db->open_anew = false;
    if (!changed) {
        /* Each shard apart: a remote one costs a round trip, so it is
         * asked at most every TW_REMOTE_REOPEN_MS. */
        bool moved = false, renewed = false;
        try {
            for (tw_shard &s : db->shards) {
                if (!s.up || (s.port && now < s.reopened + std::chrono::milliseconds(
                                                               TW_REMOTE_REOPEN_MS)))
                    continue;
                if (!s.port && (!look || !local_moved(s, now)))
                    continue;
                s.reopened = now;
                if (s.port ? reopen_remote(db, s, &renewed) : s.db.reopen()) {
                    moved = true;
                    /* A writer from before seals may have made the commit
                     * read now. */
                    s.seals = tw_seals_of(s.db);
                }
            }
        } catch (const Xapian::NetworkError &e) {
            if (!tw_shards_lost(db, e))
                throw;
            return true;
        }
        if (renewed) {
            rebuild(db);
            return true;
        }
        if (moved) {
            tw_db_forget(db);
            /* A commit may have brought articles in a new language.  A
             * commit that overtakes this reading leaves the languages half
             * read: the union is made again at the next try.  One to an
             * index of the schema before TW_SCHEMA_HANS may have marked it
             * with that one, its new articles' Chinese in simplified
             * characters (schema.h): the handle's whole identity is read
             * again then, or a query in traditional ones missed them. */
            db->stale = true;
            if (!db->simplified) {
                if (tw_db_identity(db) != TRAWL_OK)
                    throw tw_error{ TRAWL_ESCHEMA, db->errmsg };
            } else {
                tw_db_languages(db);
            }
            db->stale = false;
        }
        return moved;
    }
    rebuild(db);
    return true;
}

/* Whether the local shards of DB may have moved since it last looked at
 * their files: the watch on their folders says so, or TW_LOCAL_REOPEN_MS
 * went by, which covers what the watch cannot see, or the last look failed
 * (and would fail again: a folder gone, a damaged stub). */
static bool local_look(trawl_db *db, std::chrono::steady_clock::time_point now)
{
    /* A handle read a second time is one that lives on: it watches its
     * local shards from now, and looks this once more, as it did without.
     * One read once (trawl-query) makes no watch: closing an inotify
     * instance waits for the kernel's grace period, 10-25 ms on this
     * machine, longer than the search, where the watch would have saved it
     * two stats a shard. */
    if (!db->watch && db->reads > 1 &&
        std::any_of(db->shards.begin(), db->shards.end(),
                    [](const tw_shard &s) { return !s.port; })) {
        db->watch.reset(tw_watch_new());
        for (const tw_shard &s : db->shards)
            if (!s.port && db->watch) {
                tw_watch_add(db->watch.get(), s.dir.c_str());
                watch_generation(db, s);
            }
        db->look_due = true;
    }
    if (tw_watch_stirred(db->watch.get()) || db->look_due ||
        now >= db->looked + std::chrono::milliseconds(TW_LOCAL_REOPEN_MS))
        db->look_due = true;
    return db->look_due;
}

bool tw_db_refresh(trawl_db *db, bool reconnect)
{
    auto now = std::chrono::steady_clock::now();
    bool look = local_look(db, now);
    bool moved = refresh(db, reconnect, look, now);
    if (look) {
        db->look_due = false;
        db->looked = now;
    }
    return moved;
}

/* Whether E is DB's own wait for a reply running out: the server hangs, and
 * connecting to it again would wait as long again.  (A time-out the server
 * reports, "REMOTE:...", is its own: it closed a connection idle too long.) */
static bool hangs(const Xapian::NetworkError &e)
{
    return std::strcmp(e.get_type(), "NetworkTimeoutError") == 0 &&
           e.get_msg().compare(0, 7, "REMOTE:") != 0;
}

bool tw_shards_lost(trawl_db *db, const Xapian::NetworkError &e)
{
    /* Xapian names a remote database in the error's context,
     * "remote:tcp(HOST:PORT)", but not always ("Connection closed
     * unexpectedly", with no context, when a server stops in the middle of
     * a search).  A call on the union that one server cut short leaves the
     * others' connections in the middle of an exchange (Xapian 1.4 sends a
     * match to each, then reads their replies in turn: what was not read
     * would be read by the next call), and a server closes a connection
     * idle too long (xapian-tcpsrv's --idle-timeout, 60 s by default): so
     * every remote shard is connected anew, and those that do not answer
     * go down, but the one that hangs, which goes down at once. */
    const std::string &where = e.get_context();
    bool any = false;
    for (tw_shard &s : db->shards) {
        if (!s.port || !s.up)
            continue;
        any = true;
        if (hangs(e) && where == "remote:tcp(" + s.host + ":" + std::to_string(s.port) + ")")
            lose(db, s, e);
        else
            connect_remote(db, s);
    }
    if (any)
        rebuild(db);
    return any;
}

void tw_shards_require(const trawl_db *db, bool partial)
{
    /* The handle a failed open leaves, kept for its message, has no index:
     * a read says so, rather than answer as an empty index would (or, for
     * a search, with what Xapian says of a database it never opened). */
    if (db->shards.empty())
        throw tw_error{ TRAWL_EINVAL, "this handle has no index open (its open failed): "
                                      "close it, or add an index with trawl_db_add_shard" };
    for (const tw_shard &s : db->shards)
        if (!s.up && (!partial || db->live.empty()))
            throw tw_error{ TRAWL_ESHARD, (partial ? "no shard answered: shard " : "shard ") +
                                              s.spec + " did not answer: " + s.why };
}

bool tw_shards_remote(const trawl_db *db)
{
    for (size_t i : db->live)
        if (db->shards[i].port)
            return true;
    return false;
}

/* The shard that holds document DID of DB's union; NULL when there is no
 * telling (a shard of several members) or none. */
static const tw_shard *doc_shard(const trawl_db *db, Xapian::docid did)
{
    size_t n = db->live.size();
    if (n != db->db.size() || !n || !did)
        return nullptr;
    return &db->shards[db->live[tw_union_member(did, n)]];
}

bool tw_shards_doc_remote(const trawl_db *db, Xapian::docid did)
{
    const tw_shard *s = doc_shard(db, did);
    return s ? s->port != 0 : db->live.size() != db->db.size() && tw_shards_remote(db);
}

tw_seals tw_shards_doc_seals(const trawl_db *db, Xapian::docid did)
{
    const tw_shard *s = doc_shard(db, did);
    return s ? s->seals : TW_SEALS_NONE;
}
