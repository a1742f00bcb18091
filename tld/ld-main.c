/* ld-main.c -- cuckoo-ld, the trusted linker.
 *
 * main is the list of passes (mold style).  Each pass reports every
 * problem it finds, and the run stops at the checkpoint that ends the pass
 * in which anything failed: a type mismatch is reported with all the
 * others, but nothing is linked after it.
 *
 * Exit status: 0 linked, 1 refused (or the GNU linker failed), 2 bad
 * usage or a system failure.  Nothing is left behind on failure: ld writes
 * a temporary file in the output's directory, which is stamped and then
 * renamed over the output.
 */
#include "config.h"
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tld.h"

static char *tmp_output, *tmp_map, *tmp_usermap;

static void cleanup(void)
{
    if (tmp_output)
        unlink(tmp_output);
    if (tmp_map)
        unlink(tmp_map);
    if (tmp_usermap)
        unlink(tmp_usermap);
    tld_cleanup_copies();
}

static int checkpoint(const char *pass)
{
    if (tld_nerrors) {
        tld_vlog("stopping after the pass '%s': %d error%s", pass, tld_nerrors, tld_nerrors == 1 ? "" : "s");
        cleanup();
        exit(1);
    }
    return 0;
}

static void usage(FILE *to, int status)
{
    fprintf(to,
            "Usage: cuckoo-ld [OPTION]... FILE...\n"
            "Link Cuckoo objects and archives into an i386 program, after checking that every\n"
            "input is cuckoo-cc output that passes the audit and that all types agree.\n"
            "\n"
            "  -o FILE          write the program to FILE (default a.out)\n"
            "  -L DIR           search DIR for -l archives\n"
            "  -l NAME          link the archive of Cuckoo objects libNAME.a\n"
            "  --trust FILE     link FILE (object or archive) unchecked, with a warning\n"
            "  -Map FILE        write the GNU linker's map to FILE\n"
            "  --verbose        print every decision\n"
            "  --help           print this help and exit\n"
            "  --version        print the version and exit\n"
            "\n"
            "Any other option is refused: the linker's checks cannot be switched off.\n"
            "Exit status: 0 linked, 1 refused, 2 bad usage or system failure.\n"
            "Report bugs to <%s>.\n", PACKAGE_BUGREPORT);
    exit(status);
}

static void bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "cuckoo-ld: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'cuckoo-ld --help' for more information.\n");
    exit(2);
}

/* PATH with its directory made absolute and free of symbolic links (the
 * last component is kept as it is), or a copy of PATH when the directory
 * cannot be resolved. */
static char *canonical(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path + (slash == path))) : xstrdup(".");
    char *real = realpath(dir, NULL);
    char *r = real ? xasprintf("%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : path) : xstrdup(path);
    free(real);
    free(dir);
    return r;
}

/* Are A and B one file: the same inode when both exist, else the same
 * canonical name. */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char *ca = canonical(a), *cb = canonical(b);
    int same = !strcmp(ca, cb);
    free(ca);
    free(cb);
    return same;
}

/* Nothing is ever written over an input: the output and the map may be
 * neither an input nor each other (bad usage, before anything is written). */
static void no_clobber(const char *input, const char *output, const char *mapfile)
{
    if (same_file(input, output))
        bad_usage("the output %s is also an input; refusing to write over it", output);
    if (mapfile && same_file(input, mapfile))
        bad_usage("the map %s is also an input; refusing to write over it", mapfile);
}

/* One input named on the command line, in order. */
struct arg {
    const char *name; /* as given, or the path -l found */
    enum tld_class cls;
    const char *lib;  /* -lNAME: NAME */
};

/* An output that is not a regular file or a directory -- /dev/null, a
 * FIFO, a terminal -- is written in place: renaming a temporary file onto
 * it would replace the device with a regular file. */
static int writes_in_place(const char *dest)
{
    struct stat st;
    return stat(dest, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* Where the temporary file for DEST goes: beside it (the same file system,
 * for the rename), or in $TMPDIR for an output written in place (never a
 * new file in /dev). */
static char *temp_dir_for(const char *dest)
{
    if (writes_in_place(dest)) {
        const char *t = getenv("TMPDIR");
        return xstrdup(t && *t ? t : "/tmp");
    }
    const char *slash = strrchr(dest, '/');
    return slash ? xstrndup(dest, (size_t)(slash - dest + (slash == dest))) : xstrdup(".");
}

/* Gives the finished temporary file TMP the mode MODE less the umask (as a
 * file created directly would have) and renames it onto DEST, or copies it
 * into an output written in place; -1 (errno set) on error. */
static int put_in_place(const char *tmp, const char *dest, mode_t mode)
{
    if (writes_in_place(dest)) {
        unsigned char *data;
        size_t len;
        int e = tld_read_file(tmp, &data, &len);
        if (!e)
            e = tld_write_file(dest, data, len);
        if (!e) {
            free(data);
            unlink(tmp);
            return 0;
        }
        errno = e;
        return -1;
    }
    mode_t um = umask(0);
    umask(um);
    chmod(tmp, mode & ~um);
    return rename(tmp, dest);
}

int main(int argc, char **argv)
{
    const char *output = "a.out", *mapfile = NULL;
    const char **libdirs = NULL;
    size_t nlibdirs = 0, caplibdirs = 0;
    struct arg *args = NULL;
    size_t nargs = 0, capargs = 0;

    tld_progname = "cuckoo-ld";
    tld_atfatal = cleanup;

    /* Pass 0: the command line.  Only the options below exist; in
     * particular none is handed to the GNU linker. */
    enum { OPT_TRUST = 256, OPT_MAP, OPT_VERBOSE, OPT_HELP, OPT_VERSION };
    static const struct option longopts[] = {
        {"trust", required_argument, NULL, OPT_TRUST},
        {"Map", required_argument, NULL, OPT_MAP},
        {"verbose", no_argument, NULL, OPT_VERBOSE},
        {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    int c;
    /* "-" first in optstring: files and options keep their order */
    while ((c = getopt_long_only(argc, argv, "-o:L:l:", longopts, NULL)) != -1) {
        switch (c) {
        case 1:
        case 'l':
        case OPT_TRUST:
            TLD_GROW(args, nargs, capargs);
            args[nargs].name = optarg;
            args[nargs].lib = c == 'l' ? optarg : NULL;
            args[nargs++].cls = c == OPT_TRUST ? TLD_TRUSTED : TLD_CUCKOO;
            if (c == 1 && !strcmp(optarg, "-"))
                bad_usage("standard input is not an input file", NULL);
            break;
        case 'o': output = optarg; break;
        case 'L':
            TLD_GROW(libdirs, nlibdirs, caplibdirs);
            libdirs[nlibdirs++] = optarg;
            break;
        case OPT_MAP: mapfile = optarg; break;
        case OPT_VERBOSE: tld_verbose = 1; break;
        case OPT_HELP: usage(stdout, 0); break;
        case OPT_VERSION:
            printf("cuckoo-ld (Cuckoo) %s\nTarget: i386-linux (Cuckoo)\n", PACKAGE_VERSION);
            return 0;
        case ':':
            bad_usage("option '%s' requires an argument", argv[optind - 1]);
            break;
        default:
            if (optind > 1 && !strcmp(argv[optind - 1], "-shared"))
                bad_usage("shared Cuckoo libraries are not supported (-shared)", NULL);
            bad_usage("unrecognized option '%s'", argv[optind - 1]);
        }
    }
    if (!nargs)
        bad_usage("no input files", NULL);
    for (const char *p = output; *p; p++)
        if (*p == '\n')
            bad_usage("file names with a newline are not supported", NULL);
    for (size_t i = 0; i < nargs; i++)
        if (strchr(args[i].name, '\n'))
            bad_usage("file names with a newline are not supported", NULL);
    if (mapfile && same_file(output, mapfile))
        bad_usage("the map %s is also the output", mapfile);
    for (size_t i = 0; i < nargs; i++)
        if (!args[i].lib)
            no_clobber(args[i].name, output, mapfile);

    if (tld_bfd_init())
        tld_fatal("libbfd: version mismatch or no elf32-i386 support");

    /* Pass 1: read every input once; find -l archives; identify the
     * runtime by its digests. */
    struct tld_link link = {0};
    size_t capfiles = 0;
    for (size_t i = 0; i < nargs; i++) {
        const char *path = args[i].name;
        char *found = NULL;
        if (args[i].lib) {
            for (size_t d = 0; d < nlibdirs && !found; d++) {
                char *p = xasprintf("%s/lib%s.a", libdirs[d], args[i].lib);
                if (access(p, R_OK) == 0)
                    found = p;
                else
                    free(p);
                tld_vlog("-l%s: %s%s", args[i].lib, found ? "found " : "not in ", found ? found : libdirs[d]);
            }
            if (!found) {
                tld_error(NULL, "cannot find -l%s (libraries are libNAME.a in a -L directory)", args[i].lib);
                continue;
            }
            path = found;
            no_clobber(path, output, mapfile);
        }
        if (args[i].cls == TLD_TRUSTED)
            tld_warning(path, "trusted by the user (--trust): linked without checks");
        struct tld_file *f = tld_file_open(path, args[i].cls, 0);
        if (f) {
            TLD_GROW(link.files, link.nfiles, capfiles);
            link.files[link.nfiles++] = f;
        }
    }
    for (int w = 0; w < 2; w++) {
        struct tld_file *f = tld_runtime_open(w);
        if (f)
            no_clobber(f->path, output, mapfile);
        if (f) {
            TLD_GROW(link.files, link.nfiles, capfiles);
            link.files[link.nfiles++] = f;
        }
    }
    checkpoint("read inputs");

    /* Passes 2-6 (link.c): archive members, the audit of every Cuckoo
     * input, rule 4, the GNU linker into a temporary file next to the
     * output, its exports. */
    char *dir = temp_dir_for(output);
    tmp_output = xasprintf("%s/.cuckoo-ld.XXXXXX", dir);
    int fd = mkstemp(tmp_output);
    if (fd < 0) {
        int e = errno;
        free(tmp_output);
        tmp_output = NULL;
        tld_fatal("cannot create a file in %s: %s", dir, strerror(e));
    }
    close(fd);
    tmp_map = xasprintf("%s.map", tmp_output);
    char *manifest = tld_link_files(&link, tmp_output, tmp_map, checkpoint);

    /* Pass 7: stamp the program with the linker's block and the objects
     * the program audit links again. */
    size_t objslen;
    unsigned char *objs = tld_embed_objects(&link, &objslen);
    tld_stamp_program(tmp_output, manifest, objs, objslen);
    free(objs);
    if (tld_verbose)
        fprintf(stderr, "cuckoo-ld: the linker's block:\n%s", manifest);
    checkpoint("stamp");

    /* Pass 8: put the program and the map in place. */
    if (mapfile) {
        /* written beside the map and renamed into place, like the output */
        unsigned char *m;
        size_t ml;
        char *mdir = temp_dir_for(mapfile);
        tmp_usermap = xasprintf("%s/.cuckoo-ld-map.XXXXXX", mdir);
        free(mdir);
        int e, mfd = mkstemp(tmp_usermap);
        if (mfd < 0) {
            e = errno;
            free(tmp_usermap);
            tmp_usermap = NULL;
            tld_fatal("cannot write the map %s: %s", mapfile, strerror(e));
        }
        close(mfd);
        if ((e = tld_read_file(tmp_map, &m, &ml)) || (e = tld_write_file(tmp_usermap, m, ml)))
            tld_fatal("cannot write the map %s: %s", mapfile, strerror(e));
        free(m);
        if (put_in_place(tmp_usermap, mapfile, 0666))
            tld_fatal("cannot write the map %s: %s", mapfile, strerror(errno));
        free(tmp_usermap);
        tmp_usermap = NULL;
    }
    if (put_in_place(tmp_output, output, 0777))
        tld_fatal("cannot create %s: %s", output, strerror(errno));
    free(tmp_output);
    tmp_output = NULL;
    cleanup();
    tld_vlog("wrote %s", output);
    free(manifest);
    free(dir);
    return 0;
}

/* The tool's memory lives until it exits, so LeakSanitizer would only
 * report that; the sanitizers' other checks stay on. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
