/* Unit tests through the library: several indexes searched as one
 * (trawl_db_add_shard, stub files), and a remote shard that does not answer
 * (TRAWL_ESHARD, or opts.partial and trawl_results_missing_shards). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "trawl.h"

#include "scratch.h"

static const char *const titles[] = {
    "Herons nest on the island", "Avocets feed at dawn on the mudflats",
    "Herons and egrets share the marsh", "Curlews call over the moor",
    "Heron numbers double in the estuary", "Kestrels hover over the dunes",
};
#define N_ARTICLES (sizeof titles / sizeof titles[0])

/* Writes the articles whose number I has I % SHARDS == K into index NAME
 * (all of them with SHARDS 0), stemmed by STEMMER. */
static void build(const char *name, unsigned k, unsigned shards, const char *stemmer)
{
    char path[256], id[16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.stemmer = stemmer;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    for (unsigned i = 0; i < N_ARTICLES; i++) {
        if (shards && i % shards != k)
            continue;
        snprintf(id, sizeof id, "a%u", i);
        trawl_article a = { .id = id, .title = titles[i],
                            .body = "Birds were counted on the coast this spring.",
                            .date = "2021-06-17" };
        assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    }
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

static int setup(void **state)
{
    (void)state;
    if (scratch_make() < 0)
        return -1;
    build("all", 0, 0, NULL);
    build("s0", 0, 2, NULL);
    build("s1", 1, 2, NULL);
    build("unstemmed", 1, 2, "none");
    char path[256];
    snprintf(path, sizeof path, "%s/both.stub", dir);
    scratch_write(path, "# the two halves\nauto s0\n\nauto s1\n");
    /* As Windows' Notepad saves it: a UTF-8 byte-order mark, CRLF lines. */
    snprintf(path, sizeof path, "%s/notepad.stub", dir);
    scratch_write(path, "\xEF\xBB\xBF" "auto s0\r\nauto s1\r\n");
    /* Comments after a line's words, as README.md's archive stub has them. */
    snprintf(path, sizeof path, "%s/noted.stub", dir);
    scratch_write(path, "auto s0   # the first half\n  # the second:\nauto s1\t# the rest\r\n");
    return 0;
}

static trawl_db *open_at(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    trawl_db *db;
    trawl_status st = trawl_db_open(path, &db);
    if (st != TRAWL_OK)
        fail_msg("%s: %s", path, trawl_db_errmsg(db));
    return db;
}

static void add(trawl_db *db, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    trawl_status st = trawl_db_add_shard(db, path);
    if (st != TRAWL_OK)
        fail_msg("%s: %s", path, trawl_db_errmsg(db));
}

/* "id score" of each hit, one a line. */
static char *hits_of(trawl_db *db, const char *query, const trawl_search_opts *o)
{
    trawl_results *res;
    trawl_status st = trawl_search(db, query, o, &res);
    if (st != TRAWL_OK)
        fail_msg("%s: %s", query, trawl_db_errmsg(db));
    char *out = calloc(1, 4096);
    for (size_t i = 0; i < trawl_results_count(res); i++) {
        const trawl_hit *h = trawl_results_hit(res, i);
        snprintf(out + strlen(out), 4096 - strlen(out), "%s %.6f\n", h->id, h->score);
    }
    trawl_results_free(res);
    return out;
}

/* Asserts that DB answers QUERY with the hits WANT (as hits_of gives them). */
static void assert_hits(trawl_db *db, const char *query, const trawl_search_opts *o,
                        const char *want)
{
    char *got = hits_of(db, query, o);
    assert_string_equal(got, want);
    free(got);
}

/* Skips a test of remote shards on a machine without xapian-tcpsrv
 * (xapian-tools: scripts/install-deps installs it). */
static void need_tcpsrv(void)
{
    if (system("command -v xapian-tcpsrv > /dev/null") != 0)
        skip();
}

static void same_as_one_index(trawl_db *db)
{
    trawl_db *all = open_at("all");
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    const char *queries[] = { "heron", "\"on the\"", "title:heron OR curlews", "birds" };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        char *want = hits_of(all, queries[i], &o);
        assert_true(strlen(want) > 0);
        assert_hits(db, queries[i], &o, want);
        free(want);
    }
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, N_ARTICLES);
    trawl_db_close(all);
}

static void add_shard_is_one_index(void **state)
{
    (void)state;
    trawl_db *db = open_at("s0");
    add(db, "s1");
    same_as_one_index(db);
    trawl_db_close(db);
}

static void stub_file_is_one_index(void **state)
{
    (void)state;
    trawl_db *db = open_at("both.stub");
    same_as_one_index(db);
    trawl_db_close(db);
    db = open_at("notepad.stub");
    same_as_one_index(db);
    trawl_db_close(db);
    db = open_at("noted.stub");
    same_as_one_index(db);
    trawl_db_close(db);
}

static void bad_shards(void **state)
{
    (void)state;
    trawl_db *db = open_at("s0");
    assert_int_equal(trawl_db_add_shard(db, "tcp://nohost"), TRAWL_EINVAL);
    assert_non_null(strstr(trawl_db_errmsg(db), "write tcp://HOST:PORT"));
    assert_int_equal(trawl_db_add_shard(db, "/nonexistent/index"), TRAWL_ENOINDEX);
    assert_int_equal(trawl_db_add_shard(NULL, "x"), TRAWL_EINVAL);
    /* A shard's address mistyped is no missing folder to build an index in. */
    const char *mistyped[] = { "tcp:/127.0.0.1:6431", "tcp//127.0.0.1:6431",
                               "TCP://127.0.0.1:6431", "tcp:127.0.0.1:6431" };
    for (size_t i = 0; i < sizeof mistyped / sizeof *mistyped; i++) {
        assert_int_equal(trawl_db_add_shard(db, mistyped[i]), TRAWL_EINVAL);
        assert_non_null(strstr(trawl_db_errmsg(db), "is not a shard address: write "
                                                    "tcp://HOST:PORT"));
    }
    /* A stub's remote line in -d's form, or without its port: named by the
     * line, with the form a stub takes (it was "shard tcp://tcp://... did
     * not answer", and -d's form for the port). */
    const char *lines[] = { "remote tcp://127.0.0.1:6431\n", "auto s1\nremote 127.0.0.1\n" };
    const char *said[] = { "line 1: 'tcp://127.0.0.1:6431' is not a shard address: "
                           "write 'remote HOST:PORT'",
                           "line 2: '127.0.0.1' is not a shard address: write 'remote "
                           "HOST:PORT'" };
    char path[256];
    snprintf(path, sizeof path, "%s/typo.stub", dir);
    for (size_t i = 0; i < 2; i++) {
        scratch_write(path, lines[i]);
        assert_int_equal(trawl_db_add_shard(db, path), TRAWL_EINVAL);
        assert_non_null(strstr(trawl_db_errmsg(db), "typo.stub"));
        assert_non_null(strstr(trawl_db_errmsg(db), said[i]));
    }
    trawl_db_close(db);
    /* The same index twice would count its articles twice. */
    db = open_at("s0");
    char again[256];
    snprintf(again, sizeof again, "%s/s0/", dir);
    assert_int_equal(trawl_db_add_shard(db, again), TRAWL_EINVAL);
    assert_non_null(strstr(trawl_db_errmsg(db), "each index may be searched once"));
    assert_non_null(strstr(trawl_db_errmsg(db), "s0/ is "));
    assert_int_equal(trawl_db_add_shard(db, "tcp://127.0.0.1:7"), TRAWL_OK);
    assert_int_equal(trawl_db_add_shard(db, "tcp://127.0.0.1:7"), TRAWL_EINVAL);
    /* Spelt the same, it is said so, not "X is X again". */
    assert_string_equal(trawl_db_errmsg(db), "tcp://127.0.0.1:7 is given twice: each index "
                        "may be searched once");
    trawl_db_close(db);
    /* One query is parsed for all: the stemmers must agree. */
    db = open_at("s0");
    snprintf(path, sizeof path, "%s/unstemmed", dir);
    assert_int_equal(trawl_db_add_shard(db, path), TRAWL_ESCHEMA);
    assert_non_null(strstr(trawl_db_errmsg(db), "cannot be searched as one"));
    trawl_db_close(db);
}

/* A refused index leaves the handle as it was: not searched, not named in
 * its path (trawl_db_info, messages), and the handle goes on working. */
static void refused_shard_leaves_db_as_it_was(void **state)
{
    (void)state;
    trawl_db *db = open_at("s0");
    trawl_db_info info;
    assert_int_equal(trawl_db_info_get(db, &info, sizeof info), TRAWL_OK);
    char *before = strdup(info.path);
    char again[256], unstemmed[256];
    snprintf(again, sizeof again, "%s/s0/", dir);
    snprintf(unstemmed, sizeof unstemmed, "%s/unstemmed", dir);
    assert_int_equal(trawl_db_add_shard(db, NULL), TRAWL_EINVAL);
    assert_int_equal(trawl_db_add_shard(db, "/nonexistent/index"), TRAWL_ENOINDEX);
    assert_int_equal(trawl_db_add_shard(db, again), TRAWL_EINVAL);
    assert_int_equal(trawl_db_add_shard(db, unstemmed), TRAWL_ESCHEMA);
    /* The refusal is what the caller reads, not what putting DB back did. */
    assert_non_null(strstr(trawl_db_errmsg(db), "cannot be searched as one"));
    assert_int_equal(trawl_db_info_get(db, &info, sizeof info), TRAWL_OK);
    assert_string_equal(info.path, before);
    assert_string_equal(info.stemmer, "auto");
    /* Only s0's three articles, searched with its own stemmer. */
    trawl_db *s0 = open_at("s0");
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    char *want = hits_of(s0, "birds", &o);
    assert_hits(db, "birds", &o, want);
    free(want);
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_OK);
    assert_int_equal(n, N_ARTICLES / 2);
    /* And an index that fits is still taken. */
    add(db, "s1");
    same_as_one_index(db);
    trawl_db_close(s0);
    trawl_db_close(db);
    free(before);
}

/* A port on 127.0.0.1 that nothing listens on: bound, then let go. */
static unsigned closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

static void shard_down(void **state)
{
    (void)state;
    char spec[64];
    snprintf(spec, sizeof spec, "tcp://127.0.0.1:%u", closed_port());
    trawl_db *db = open_at("s0");
    assert_int_equal(trawl_db_set_shard_timeout(db, 2000), TRAWL_OK);
    /* Remote shards connect at the first call that reads. */
    assert_int_equal(trawl_db_add_shard(db, spec), TRAWL_OK);
    trawl_results *res;
    assert_int_equal(trawl_search(db, "heron", NULL, &res), TRAWL_ESHARD);
    assert_null(res);
    assert_non_null(strstr(trawl_db_errmsg(db), spec));
    uint64_t n;
    assert_int_equal(trawl_db_doc_count(db, &n), TRAWL_ESHARD);

    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.partial = 1;
    assert_int_equal(trawl_search(db, "heron", &o, &res), TRAWL_OK);
    assert_true(trawl_results_count(res) > 0);
    for (size_t i = 0; i < trawl_results_count(res); i++)
        assert_int_equal(atoi(trawl_results_hit(res, i)->id + 1) % 2, 0);    /* s0's */
    size_t missing;
    const char *const *names = trawl_results_missing_shards(res, &missing);
    assert_int_equal(missing, 1);
    assert_string_equal(names[0], spec);
    trawl_results_free(res);

    /* A caller built before partial existed (its size ends at bm25_only)
     * gets the failure, not a partial answer. */
    o.size = offsetof(trawl_search_opts, partial);
    assert_int_equal(trawl_search(db, "heron", &o, &res), TRAWL_ESHARD);
    trawl_db_close(db);

    /* Nothing answers: even a partial search fails. */
    assert_int_equal(trawl_db_open(spec, &db), TRAWL_OK);
    o.size = sizeof o;
    assert_int_equal(trawl_search(db, "heron", &o, &res), TRAWL_ESHARD);
    assert_non_null(strstr(trawl_db_errmsg(db), "no shard answered"));
    trawl_db_close(db);
    assert_null(trawl_results_missing_shards(NULL, &missing));
    assert_int_equal(missing, 0);
}

/* A free port on 127.0.0.1 below the kernel's ephemeral ones, which no
 * connection's own end can take before the server binds it. */
static unsigned server_port(void)
{
    static int seeded;
    if (!seeded++)      /* once: the next call must not draw the same ports again */
        srand((unsigned)getpid());
    for (;;) {
        unsigned port = 10000 + (unsigned)rand() % 22000;
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int free_port = bind(fd, (struct sockaddr *)&a, sizeof a) == 0;
        close(fd);
        if (free_port)
            return port;
    }
}

/* Whether something listens on 127.0.0.1:PORT. */
static int listening(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
    close(fd);
    return ok;
}

static void pause_ms(long ms)
{
    struct timespec t = { ms / 1000, ms % 1000 * 1000000 };
    nanosleep(&t, NULL);
}

/* The servers started and not stopped yet: a test that fails returns before
 * it stops its own, which the group's teardown then stops (they would
 * outlive the run, on ports others may want). */
static pid_t servers[8];
static size_t n_servers;

/* Starts xapian-tcpsrv on index NAME at PORT, in a process group of its own
 * (with the children it forks per connection), closing connections idle for
 * IDLE_MS (0: its default, 60 s); returns its pid once it listens. */
static pid_t serve_idle(const char *name, unsigned port, unsigned idle_ms)
{
    assert_true(n_servers < sizeof servers / sizeof servers[0]);
    /* A server stopped just now on PORT may hold it a while longer, through
     * a child forked for a connection that has not exited yet. */
    for (int i = 0; i < 200 && listening(port); i++)
        pause_ms(25);
    char path[256], p[16], idle[16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(p, sizeof p, "%u", port);
    snprintf(idle, sizeof idle, "%u", idle_ms ? idle_ms : 60000);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setsid();
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p,
               "--idle-timeout", idle, path, (char *)NULL);
        _exit(127);
    }
    servers[n_servers++] = pid;
    for (int i = 0; i < 200 && !listening(port); i++)
        pause_ms(25);
    return pid;
}

static pid_t serve(const char *name, unsigned port)
{
    return serve_idle(name, port, 0);
}

/* A handle on index s0 here and s1 served by xapian-tcpsrv on a port of
 * its own, closing connections idle for IDLE_MS (0: its default): the
 * port in *PORT, the shard's spec in SPEC, the server's pid in *SERVER. */
static trawl_db *half_served(unsigned idle_ms, unsigned *port, char spec[64], pid_t *server)
{
    *port = server_port();
    snprintf(spec, 64, "tcp://127.0.0.1:%u", *port);
    *server = serve_idle("s1", *port, idle_ms);
    trawl_db *db = open_at("s0");
    assert_int_equal(trawl_db_add_shard(db, spec), TRAWL_OK);
    return db;
}

/* Stops server PID, stopped by SIGSTOP or not. */
static void stop(pid_t pid)
{
    kill(-pid, SIGTERM);
    kill(-pid, SIGCONT);
    waitpid(pid, NULL, 0);
    for (size_t i = 0; i < n_servers; i++)
        if (servers[i] == pid)
            servers[i] = servers[--n_servers];
}

static int teardown(void **state)
{
    while (n_servers)
        stop(servers[0]);
    return scratch_remove(state);
}

/* A half-served handle (half_served) and the hits of "heron" that one
 * index of everything gives, which the handle's searches must match. */
typedef struct heron_case {
    trawl_db *db, *all;
    unsigned port;
    char spec[64];
    pid_t server;
    trawl_search_opts o;
    char *want;
} heron_case;

/* Opens H with its server closing connections idle for IDLE_MS (0: its
 * default), and checks the first search. */
static void heron_open(heron_case *h, unsigned idle_ms)
{
    h->db = half_served(idle_ms, &h->port, h->spec, &h->server);
    h->o = (trawl_search_opts)TRAWL_SEARCH_OPTS_INIT;
    h->o.no_collapse = 1;
    h->all = open_at("all");
    h->want = hits_of(h->all, "heron", &h->o);
    assert_hits(h->db, "heron", &h->o, h->want);
}

static void heron_close(heron_case *h)
{
    free(h->want);
    stop(h->server);
    trawl_db_close(h->db);
    trawl_db_close(h->all);
}

/* A long-lived handle whose remote shard stops in the middle of its life:
 * the next search fails naming it (or, partial, answers without it), and
 * once the server is back the handle uses it again. */
static void shard_lost_and_back(void **state)
{
    (void)state;
    need_tcpsrv();
    heron_case h;
    heron_open(&h, 0);

    stop(h.server);
    trawl_results *res;
    assert_int_equal(trawl_search(h.db, "heron", &h.o, &res), TRAWL_ESHARD);
    assert_non_null(strstr(trawl_db_errmsg(h.db), h.spec));
    h.o.partial = 1;
    assert_int_equal(trawl_search(h.db, "heron", &h.o, &res), TRAWL_OK);
    size_t missing;
    assert_string_equal(trawl_results_missing_shards(res, &missing)[0], h.spec);
    trawl_results_free(res);

    h.server = serve("s1", h.port);
    assert_hits(h.db, "heron", &h.o, h.want);
    heron_close(&h);
}

/* A long-lived handle left idle longer than its servers keep a connection
 * (xapian-tcpsrv closes it after --idle-timeout): the next search connects
 * again and answers, with no shard said to be down. */
static void idle_connections_closed(void **state)
{
    (void)state;
    need_tcpsrv();
    heron_case h;
    heron_open(&h, 200);
    pause_ms(1300);     /* past the server's idle time-out and TW_REMOTE_REOPEN_MS */
    assert_hits(h.db, "heron", &h.o, h.want);
    heron_close(&h);
}

/* Two remote shards, one of which hangs in the middle of a handle's life:
 * a partial search gives up on it after the time-out and answers with the
 * other, whose connection the cut-short match left in the middle of an
 * exchange; once the hung server is back, both answer again. */
static void shard_hangs_mid_search(void **state)
{
    (void)state;
    need_tcpsrv();
    unsigned port0 = server_port(), port1;
    while ((port1 = server_port()) == port0)
        continue;
    char spec0[64], spec1[64];
    snprintf(spec0, sizeof spec0, "tcp://127.0.0.1:%u", port0);
    snprintf(spec1, sizeof spec1, "tcp://127.0.0.1:%u", port1);
    pid_t server0 = serve("s0", port0), server1 = serve("s1", port1);
    trawl_db *db;
    assert_int_equal(trawl_db_open(spec0, &db), TRAWL_OK);
    assert_int_equal(trawl_db_set_shard_timeout(db, 300), TRAWL_OK);
    assert_int_equal(trawl_db_add_shard(db, spec1), TRAWL_OK);
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    o.partial = 1;
    trawl_db *all = open_at("all");
    char *want = hits_of(all, "heron", &o);
    assert_hits(db, "heron", &o, want);

    kill(-server1, SIGSTOP);
    trawl_results *res;
    trawl_status st = trawl_search(db, "heron", &o, &res);
    if (st != TRAWL_OK)
        fail_msg("a partial search with a shard that hangs: %s", trawl_db_errmsg(db));
    size_t missing;
    const char *const *names = trawl_results_missing_shards(res, &missing);
    assert_int_equal(missing, 1);
    assert_string_equal(names[0], spec1);
    assert_true(trawl_results_count(res) > 0);
    for (size_t i = 0; i < trawl_results_count(res); i++)
        assert_int_equal(atoi(trawl_results_hit(res, i)->id + 1) % 2, 0);    /* s0's */
    trawl_results_free(res);

    kill(-server1, SIGCONT);
    assert_hits(db, "heron", &o, want);
    free(want);
    stop(server0);
    stop(server1);
    trawl_db_close(db);
    trawl_db_close(all);
}

/* A server restarted between two calls of a long-lived handle, less than
 * TW_REMOTE_REOPEN_MS apart (a search, then reading one of its hits): the
 * read meets the old connection closed, connects again and answers. */
static void server_restarted_between_calls(void **state)
{
    (void)state;
    need_tcpsrv();
    unsigned port;
    char spec[64];
    pid_t server;
    trawl_db *db = half_served(0, &port, spec, &server);
    trawl_results *res;
    assert_int_equal(trawl_search(db, "heron", NULL, &res), TRAWL_OK);
    trawl_results_free(res);
    stop(server);
    server = serve("s1", port);
    trawl_article *a;
    trawl_status st = trawl_db_get_article(db, "a1", &a);     /* s1's */
    if (st != TRAWL_OK)
        fail_msg("a1 after the restart: %s", trawl_db_errmsg(db));
    assert_string_equal(a->title, titles[1]);
    trawl_article_free(a);
    stop(server);
    server = serve("s1", port);
    trawl_db_info info;
    st = trawl_db_info_get(db, &info, sizeof info);
    if (st != TRAWL_OK)
        fail_msg("info after the restart: %s", trawl_db_errmsg(db));
    assert_int_equal(info.documents, N_ARTICLES);
    stop(server);
    server = serve("s1", port);
    trawl_ids *ids;
    const char *id;
    assert_int_equal(trawl_db_ids(db, NULL, &ids), TRAWL_OK);
    st = trawl_ids_next(ids, &id);
    if (st != TRAWL_OK)
        fail_msg("ids after the restart: %s", trawl_db_errmsg(db));
    assert_string_equal(id, "a0");
    trawl_ids_free(ids);
    stop(server);
    trawl_db_close(db);
}

/* One index twice, under names the handle cannot tell apart before it
 * connects: a server and the folder it serves, one server as 127.0.0.1 and
 * as localhost.  A search would count its articles twice: it is refused,
 * naming both, at every try. */
static void served_index_twice(void **state)
{
    (void)state;
    need_tcpsrv();
    unsigned port = server_port();
    char spec[64], alias[64];
    snprintf(spec, sizeof spec, "tcp://127.0.0.1:%u", port);
    snprintf(alias, sizeof alias, "tcp://localhost:%u", port);
    char served[256];
    snprintf(served, sizeof served, "%s/s1", dir);
    pid_t server = serve("s1", port);
    const char *twins[][2] = { { served, spec }, { spec, alias } };
    for (size_t i = 0; i < 2; i++) {
        trawl_db *db = open_at("s0");
        assert_int_equal(trawl_db_add_shard(db, twins[i][0]), TRAWL_OK);
        assert_int_equal(trawl_db_add_shard(db, twins[i][1]), TRAWL_OK);
        for (int attempt = 0; attempt < 2; attempt++) {
            trawl_results *res;
            assert_int_equal(trawl_search(db, "heron", NULL, &res), TRAWL_EINVAL);
            assert_non_null(strstr(trawl_db_errmsg(db), "each index may be searched once"));
            assert_non_null(strstr(trawl_db_errmsg(db), twins[i][1]));
        }
        trawl_db_close(db);
    }
    stop(server);
}

/* Adds to index NAME (made if need be) article ID at host
 * moor.example, of site SITE (NULL: it gives only its url).  The writer
 * learns the host's name from an article that gives it. */
static void add_moor_article(const char *name, const char *id, const char *site)
{
    char path[256], url[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(url, sizeof url, "https://moor.example/%s", id);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    trawl_article a = { .id = id, .title = "Curlews on the moor",
                        .body = "Curlews were counted on the moor this spring.",
                        .date = "2021-06-17", .url = url, .site = site };
    assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);
}

/* The site facet of the articles about curlews: "VALUE COUNT" of its first. */
static void moor_site(trawl_db *db, char *out, size_t size)
{
    trawl_search_opts o = TRAWL_SEARCH_OPTS_INIT;
    o.no_collapse = 1;
    o.facets = TRAWL_FACET_SITE;
    trawl_results *res;
    if (trawl_search(db, "curlews moor", &o, &res) != TRAWL_OK)
        fail_msg("curlews moor: %s", trawl_db_errmsg(db));
    size_t n;
    const trawl_facet_value *v = trawl_results_facet(res, TRAWL_FACET_SITE, &n);
    assert_int_equal(n, 1);
    snprintf(out, size, "%s %llu", v[0].value, (unsigned long long)v[0].count);
    trawl_results_free(res);
}

/* What a handle keeps of its shards' answers (the names of sites, the
 * stems that exist, the tails of titles) holds until a shard has a new
 * revision: a long-lived handle over a local shard, and over a remote one
 * once that is brought up to date (TW_REMOTE_REOPEN_MS), counts a host's
 * articles under the site name it learnt after the handle first asked. */
static void kept_answers_follow_new_commits(void **state)
{
    (void)state;
    char got[128];
    add_moor_article("grow", "g0", NULL);
    trawl_db *db = open_at("s0");
    add(db, "grow");
    moor_site(db, got, sizeof got);
    assert_string_equal(got, "moor.example 1");
    add_moor_article("grow", "g1", "Moor Chronicle");
    moor_site(db, got, sizeof got);
    assert_string_equal(got, "Moor Chronicle 2");
    trawl_db_close(db);

    need_tcpsrv();
    add_moor_article("grow_remote", "r0", NULL);
    unsigned port = server_port();
    char spec[64];
    snprintf(spec, sizeof spec, "tcp://127.0.0.1:%u", port);
    pid_t server = serve("grow_remote", port);
    db = open_at("s0");
    assert_int_equal(trawl_db_add_shard(db, spec), TRAWL_OK);
    moor_site(db, got, sizeof got);
    assert_string_equal(got, "moor.example 1");
    add_moor_article("grow_remote", "r1", "Moor Chronicle");
    pause_ms(1200);     /* past TW_REMOTE_REOPEN_MS */
    moor_site(db, got, sizeof got);
    assert_string_equal(got, "Moor Chronicle 2");
    stop(server);
    trawl_db_close(db);
}

/* The number of articles about curlews DB finds, or -1 with the message
 * in FAILED. */
static long curlews(trawl_db *db, char *failed, size_t size)
{
    trawl_results *res;
    trawl_status st = trawl_search(db, "curlews", NULL, &res);
    if (st != TRAWL_OK) {
        snprintf(failed, size, "%s", trawl_db_errmsg(db));
        return -1;
    }
    long n = (long)trawl_results_total(res);
    trawl_results_free(res);
    return n;
}

/* A shard rebuilt from scratch (--full: a new generation, the old one
 * removed) while its server serves it: a long-lived handle, whose server
 * process keeps the generation it opened for the connection, connects
 * again and searches the new one, rather than failing every second. */
static void remote_rebuild_followed(void **state)
{
    (void)state;
    need_tcpsrv();
    add_moor_article("rebuilt", "m0", NULL);
    unsigned port = server_port();
    char spec[64], failed[512] = "";
    snprintf(spec, sizeof spec, "tcp://127.0.0.1:%u", port);
    pid_t server = serve("rebuilt", port);
    trawl_db *db;
    assert_int_equal(trawl_db_open(spec, &db), TRAWL_OK);
    assert_int_equal(curlews(db, failed, sizeof failed), 1);

    char path[256];
    snprintf(path, sizeof path, "%s/rebuilt", dir);
    trawl_indexer_opts o = TRAWL_INDEXER_OPTS_INIT;
    o.overwrite = 1;
    trawl_indexer *ix;
    assert_int_equal(trawl_indexer_open(path, &o, &ix), TRAWL_OK);
    const char *ids[] = { "n0", "n1" };
    for (size_t i = 0; i < 2; i++) {
        trawl_article a = { .id = ids[i], .title = "Curlews on the moor",
                            .body = "Curlews were counted again." };
        assert_int_equal(trawl_indexer_add_article(ix, &a), TRAWL_OK);
    }
    assert_int_equal(trawl_indexer_close(ix), TRAWL_OK);

    long counts[3];
    for (int i = 0; i < 3; i++) {
        pause_ms(600);      /* past TW_REMOTE_REOPEN_MS, twice */
        counts[i] = curlews(db, failed, sizeof failed);
    }
    stop(server);
    trawl_db_close(db);
    if (counts[0] < 0 || counts[1] < 0 || counts[2] < 0)
        fail_msg("after the rebuild: %s", failed);
    assert_int_equal(counts[2], 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(add_shard_is_one_index),
        cmocka_unit_test(stub_file_is_one_index),
        cmocka_unit_test(bad_shards),
        cmocka_unit_test(refused_shard_leaves_db_as_it_was),
        cmocka_unit_test(shard_down),
        cmocka_unit_test(shard_lost_and_back),
        cmocka_unit_test(idle_connections_closed),
        cmocka_unit_test(shard_hangs_mid_search),
        cmocka_unit_test(served_index_twice),
        cmocka_unit_test(server_restarted_between_calls),
        cmocka_unit_test(kept_answers_follow_new_commits),
        cmocka_unit_test(remote_rebuild_followed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
