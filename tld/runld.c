/* runld.c -- running the GNU linker.
 *
 * cuckoo-ld writes ld's whole command line itself: -m elf_i386, the C
 * start files and the C library found by gcc -m32 -print-file-name at
 * build time (tld-paths.h), the runtime, and the Cuckoo and trusted
 * objects.  No option of the user's reaches ld.  Every object and every
 * selected archive member is written from the bytes that were audited into
 * a private directory (mkdtemp, mode 0700) and ld reads those copies:
 * a file changed on disk after the audit cannot slip in, and ld cannot
 * choose archive members we did not check.  The runtime archive goes to ld
 * whole (its copy, digest-verified), since its members are trusted C.
 *
 * ld writes a map (-Map) that we read to learn where each input's code
 * sections landed: that is how the func records of static functions get
 * their addresses, symbols of the same name in two objects included.
 */
#include "config.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tld.h"
#include "tld-paths.h"

static char *tmpdir;
static char **copies;
static size_t ncopies, capcopies;

struct placed {
    const struct tld_obj *obj;
    char *sec;
    uint32_t addr;
};
static struct placed *placed;
static size_t nplaced, capplaced;

void tld_cleanup_copies(void)
{
    for (size_t i = 0; i < ncopies; i++) {
        unlink(copies[i]);
        free(copies[i]);
    }
    ncopies = 0;
    if (tmpdir) {
        rmdir(tmpdir);
        free(tmpdir);
        tmpdir = NULL;
    }
}

static char *write_copy(const char *base, const unsigned char *b, size_t len)
{
    char *p = xasprintf("%s/%zu-%s", tmpdir, ncopies, base);
    int e = tld_write_file(p, b, len);
    if (e)
        tld_fatal("cannot write %s: %s", p, strerror(e));
    TLD_GROW(copies, ncopies, capcopies);
    copies[ncopies++] = p;
    return p;
}

static const char *base_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Where the map's line LINE has its address, size and file -- `0x08049000
 * 0x5c /tmp/cuckoo-ld.X/3-my prog.o` -- after the section name, if any:
 * the file is the rest of the line, spaces and all (an object's name may
 * have them).  0 for a line of another shape. */
static int placement(const char *line, unsigned long *addr, unsigned long *size, const char **file)
{
    int n = 0;
    if (sscanf(line, " 0x%lx 0x%lx %n", addr, size, &n) != 2 || !n || !line[n])
        return 0;
    *file = line + n;
    return 1;
}

/* ` .text  0x08049000  0x5c /tmp/cuckoo-ld.X/3-main.o`, or with the
 * section name alone on its line when it is long.  Names are read whole,
 * however long: a name cut short would be no section of the object. */
static void parse_map(const char *mapfile, struct tld_link *l)
{
    unsigned char *b;
    size_t len;
    if (tld_read_file(mapfile, &b, &len))
        tld_fatal("cannot read the GNU linker's map %s", mapfile);
    char *text = xstrndup((char *)b, len);
    free(b);
    char *pending = NULL;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] != ' ') {
            free(pending);
            pending = NULL;
            continue;
        }
        /* the line's own section name, if it starts with one */
        const char *p = line + strspn(line, " ");
        char *sec = NULL;
        if (*p == '.') {
            size_t n = strcspn(p, " \t");
            sec = xstrndup(p, n);
            p += n;
        }
        unsigned long addr, size;
        const char *file;
        char *end;
        if (sec && !p[strspn(p, " \t")]) {
            free(pending);
            pending = sec;      /* alone on its line: the placement follows */
            continue;
        }
        if (!sec && pending && placement(p, &addr, &size, &file)) {
            sec = pending;
            pending = NULL;
        } else if (!sec || !placement(p, &addr, &size, &file)) {
            free(sec);
            free(pending);
            pending = NULL;
            continue;
        }
        free(pending);
        pending = NULL;
        /* trailing blanks are not the file's */
        char *f = xstrdup(file);
        for (end = f + strlen(f); end > f && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'); end--)
            end[-1] = 0;
        for (size_t i = 0; i < l->nfiles; i++)
            for (size_t k = 0; k < l->files[i]->nobjs; k++) {
                const struct tld_obj *o = l->files[i]->objs[k];
                if (o->copy && !strcmp(o->copy, f)) {
                    TLD_GROW(placed, nplaced, capplaced);
                    placed[nplaced].obj = o;
                    placed[nplaced].sec = xstrdup(sec);
                    placed[nplaced++].addr = (uint32_t)addr;
                }
            }
        free(f);
        free(sec);
    }
    free(pending);
    free(text);
}

uint32_t tld_input_section_addr(const struct tld_obj *o, const char *secname)
{
    for (size_t i = 0; i < nplaced; i++)
        if (placed[i].obj == o && !strcmp(placed[i].sec, secname))
            return placed[i].addr;
    return 0;
}

int tld_run_ld(struct tld_link *l, const char *tmpout, const char *mapfile)
{
    const char *t = getenv("TMPDIR");
    tmpdir = xasprintf("%s/cuckoo-ld.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpdir))
        tld_fatal("cannot create a temporary directory %s: %s", tmpdir, strerror(errno));

    const char **argv = NULL;
    size_t n = 0, cap = 0;
#define ARG(s) do { TLD_GROW(argv, n, cap); argv[n++] = (s); } while (0)
    ARG(CUCKOO_GNU_LD);
    ARG("-m");
    ARG("elf_i386");
    ARG("-dynamic-linker");
    ARG(TLD_DYNAMIC_LINKER);
    ARG("--hash-style=gnu");
    ARG("-z");
    ARG("noexecstack");
    /* crt1 calls the runtime's start code, __wrap_main (rt/start.c): no
     * symbol `main` but the user's debugging name for __cuckoo_main */
    ARG("--wrap=main");
    /* The program's static storage, [__executable_start, _end): what a
     * store inside a protection domain must not reach (LANGUAGE.md §13.3,
     * doc/domains.md "Isolation").  Compiled code compares with these two
     * names; no object may define them (tld_check_reserved). */
    ARG("--defsym=" CK_STATIC_START_SYM "=__executable_start");
    ARG("--defsym=" CK_STATIC_END_SYM "=_end");
    ARG("-o");
    ARG(tmpout);
    ARG("-Map");
    ARG(mapfile);
    ARG(TLD_CRT1);
    ARG(TLD_CRTI);
    ARG(TLD_CRTBEGIN);
    const char *rt_archive = NULL;
    for (size_t i = 0; i < l->nfiles; i++) {
        struct tld_file *f = l->files[i];
        if (f->cls == TLD_RUNTIME && f->is_archive) {
            rt_archive = write_copy(base_of(f->path), f->bytes, f->len);
            continue;
        }
        for (size_t k = 0; k < f->nobjs; k++) {
            struct tld_obj *o = f->objs[k];
            if (!o->loaded)
                continue;
            o->copy = write_copy(o->member ? base_of(o->member) : base_of(o->path), o->bytes, o->len);
            ARG(o->copy);
        }
    }
    if (!rt_archive)
        tld_die("no runtime archive");
    ARG(rt_archive);
    ARG(TLD_LIBGCC);
    ARG(TLD_LIBGCC_EH);
    ARG(TLD_LIBPTHREAD);
    ARG(TLD_LIBM);
    ARG(TLD_LIBC);
    ARG(TLD_LIBGCC);
    ARG(TLD_LIBGCC_EH);
    ARG(TLD_CRTEND);
    ARG(TLD_CRTN);
    ARG(NULL);
#undef ARG
    if (tld_verbose) {
        fprintf(stderr, "%s: running", tld_progname);
        for (size_t i = 0; argv[i]; i++)
            fprintf(stderr, " %s", argv[i]);
        fputc('\n', stderr);
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        tld_fatal("fork: %s", strerror(errno));
    if (pid == 0) {
        execv(argv[0], (char *const *)argv);
        fprintf(stderr, "%s: error: cannot run %s: %s\n", tld_progname, argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            tld_fatal("waitpid: %s", strerror(errno));
    free(argv);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            tld_fatal("the GNU linker %s could not be run", CUCKOO_GNU_LD);
        tld_error(NULL, "the GNU linker failed (%s %d)", WIFEXITED(status) ? "exit status" : "signal",
                  WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        return -1;
    }
    parse_map(mapfile, l);
    return 0;
}
