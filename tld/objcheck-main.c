/* objcheck-main.c -- cuckoo-objcheck, the auditor.
 *
 * Objects and archive members get the object audit (block, rule 2, rule 3,
 * code discipline); linked programs get the program audit (the linked
 * block, section digests, inputs, the code of every Cuckoo function, types
 * across blocks).  Findings are one line each, then a summary; --json
 * prints the same as one JSON object.  Exit 1 if anything failed.
 */
#include "config.h"
#include <elf.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

static void usage(FILE *to, int status)
{
    fprintf(to,
            "Usage: cuckoo-objcheck [OPTION]... FILE...\n"
            "Audit Cuckoo objects, archives and linked programs: is every piece cuckoo-cc\n"
            "output, do the types agree, does the machine code keep the Cuckoo discipline.\n"
            "\n"
            "  --strict     inputs linked with --trust are errors, not warnings\n"
            "  --json       print the findings as JSON\n"

            "  --verbose    say what is being checked\n"
            "  --help       print this help and exit\n"
            "  --version    print the version and exit\n"
            "\n"
            "Exit status: 0 all passed, 1 an audit failed, 2 bad usage or system failure.\n"
            "Report bugs to <%s>.\n", PACKAGE_BUGREPORT);
    exit(status);
}

static void audit_object(struct tld_obj *o)
{
    tld_vlog("%s: object audit", o->name);
    if (!o->has_types) {
        tld_error(o->name, "not produced by cuckoo-cc (no .cuckoo.types section)");
        return;
    }
    if (tld_obj_blocks(o, 0))
        return;
    for (unsigned bit = 1; bit < TLD_CHECK_ALL; bit <<= 1)
        if (!(o->blocks[0].checks & bit))
            tld_error(o->name, "compiled without the %s check", tld_check_name(bit));
    tld_check_structure(o);
    tld_check_symbols(o);
    tld_audit_object(o);
}

static void audit_program(struct tld_file *f, int strict)
{
    struct tld_obj *o = f->objs[0];
    tld_vlog("%s: program audit", o->name);
    if (!o->has_types) {
        tld_error(o->name, "no .cuckoo.types section: not linked by cuckoo-ld");
        return;
    }
    if (tld_obj_blocks(o, 1))
        return;
    const struct tld_block *lb = NULL;
    size_t nlinked = 0;
    for (size_t i = 0; i < o->nblocks; i++)
        if (o->blocks[i].linked) {
            lb = &o->blocks[i];
            nlinked++;
        }
    if (nlinked != 1 || !o->blocks[o->nblocks - 1].linked) {
        tld_error(o->name, nlinked ? "more than one cuckoo-linked block, or not the last one"
                                   : "no cuckoo-linked block: not linked by cuckoo-ld");
        return;
    }
    if (strcmp(lb->producer, "cuckoo-ld"))
        tld_error(o->name, "the cuckoo-linked block was made by '%s'", lb->producer);
    for (size_t i = 0; i < o->nblocks; i++) {
        const struct tld_block *b = &o->blocks[i];
        if (b->linked || strcmp(b->producer, "cuckoo-cc"))
            continue;
        for (unsigned bit = 1; bit < TLD_CHECK_ALL; bit <<= 1)
            if (!(b->checks & bit))
                tld_error(o->name, "block %zu (%s) was compiled without the %s check", i + 1,
                          b->source ? b->source : "?", tld_check_name(bit));
    }
    tld_check_manifest(o->name, o->bytes, o->len, &o->elf, lb);
    tld_audit_program_link(o, lb, strict);
    tld_resolve_blocks(o->name, o->blocks, o->nblocks, lb);
}

static void json_str(const char *s)
{
    putchar('"');
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            printf("\\n");
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    int strict = 0, json = 0;
    enum { OPT_STRICT = 256, OPT_JSON, OPT_VERBOSE, OPT_HELP, OPT_VERSION };
    static const struct option longopts[] = {
        {"strict", no_argument, NULL, OPT_STRICT}, {"json", no_argument, NULL, OPT_JSON},
        {"verbose", no_argument, NULL, OPT_VERBOSE}, {"help", no_argument, NULL, OPT_HELP},
        {"version", no_argument, NULL, OPT_VERSION}, {NULL, 0, NULL, 0},
    };
    tld_progname = "cuckoo-objcheck";
    tld_diag_out = stdout;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_STRICT: strict = 1; break;
        case OPT_JSON: json = 1; break;
        case OPT_VERBOSE: tld_verbose = 1; break;
        case OPT_HELP: usage(stdout, 0); break;
        case OPT_VERSION: printf("cuckoo-objcheck (Cuckoo) %s\nTarget: i386-linux (Cuckoo)\n", PACKAGE_VERSION); return 0;
        default:
            fprintf(stderr, "cuckoo-objcheck: error: unrecognized option '%s'\n"
                    "Try 'cuckoo-objcheck --help' for more information.\n", argv[optind - 1]);
            return 2;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "cuckoo-objcheck: error: no input files\n"
                "Try 'cuckoo-objcheck --help' for more information.\n");
        return 2;
    }
    tld_collect = json;
    if (tld_bfd_init())
        tld_fatal("libbfd: version mismatch or no elf32-i386 support");
    int failed_files = 0, nfiles = argc - optind;
    /* per input: its kind, counts and findings, for --json */
    struct input_summary {
        const char *kind;
        int errors, warnings;
        size_t first, end;          /* its findings: tld_findings[first, end) */
    } *sum = xcalloc((size_t)nfiles, sizeof *sum);
    for (int i = optind; i < argc; i++) {
        int before = tld_nerrors, wbefore = tld_nwarnings;
        struct input_summary *is = &sum[i - optind];
        is->first = tld_nfindings;
        struct tld_file *f = tld_file_open(argv[i], TLD_CUCKOO, 1);
        is->kind = !f ? "unreadable" : f->is_archive ? "archive"
                   : f->objs[0]->elf.etype == ET_EXEC ? "program" : "object";
        if (f && !f->is_archive && f->objs[0]->elf.etype == ET_EXEC)
            audit_program(f, strict);
        else if (f && !f->is_archive && f->objs[0]->elf.etype != ET_REL)
            tld_error(argv[i], "neither a relocatable object nor a non-PIE program");
        else if (f)
            for (size_t k = 0; k < f->nobjs; k++)
                audit_object(f->objs[k]);
        if (tld_nerrors != before)
            failed_files++;
        is->errors = tld_nerrors - before;
        is->warnings = tld_nwarnings - wbefore;
        is->end = tld_nfindings;
    }
    if (json) {
        static const char *const sev[] = {"error", "warning", "note"};
        printf("{\"findings\":[");
        for (size_t i = 0; i < tld_nfindings; i++) {
            printf("%s{\"severity\":\"%s\",\"where\":", i ? "," : "", sev[tld_findings[i].sev]);
            if (tld_findings[i].where)
                json_str(tld_findings[i].where);
            else
                printf("null");
            printf(",\"message\":");
            json_str(tld_findings[i].msg);
            printf("}");
        }
        printf("],\"inputs\":[");
        for (int k = 0; k < nfiles; k++) {
            printf("%s{\"file\":", k ? "," : "");
            json_str(argv[optind + k]);
            printf(",\"kind\":\"%s\",\"passed\":%s,\"errors\":%d,\"warnings\":%d,\"findings\":[",
                   sum[k].kind, sum[k].errors ? "false" : "true", sum[k].errors, sum[k].warnings);
            for (size_t j = sum[k].first; j < sum[k].end; j++)
                printf("%s%zu", j > sum[k].first ? "," : "", j);
            printf("]}");
        }
        printf("],\"files\":%d,\"failed\":%d,\"errors\":%d,\"warnings\":%d}\n", nfiles, failed_files,
               tld_nerrors, tld_nwarnings);
    } else {
        printf("cuckoo-objcheck: %d file%s checked, %d failed: %d error%s, %d warning%s\n", nfiles,
               nfiles == 1 ? "" : "s", failed_files, tld_nerrors, tld_nerrors == 1 ? "" : "s", tld_nwarnings,
               tld_nwarnings == 1 ? "" : "s");
    }
    return tld_nerrors ? 1 : 0;
}

/* The tool's memory lives until it exits, so LeakSanitizer would only
 * report that; the sanitizers' other checks stay on. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
