/* link.c -- the passes of a link after the inputs are read, shared by
 * cuckoo-ld and the program audit of cuckoo-objcheck.
 *
 * The audit links a program's embedded objects again with these same
 * passes and compares the result with the program, so "what cuckoo-ld
 * produces" has exactly one definition: this function, the command line
 * that runld.c gives the GNU linker, and the linker's block of manifest.c.
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tld.h"

char *tld_link_files(struct tld_link *l, const char *output, const char *map, int (*stop)(const char *pass))
{
    /* which archive members the link pulls in */
    tld_select_members(l);
    if (stop("select archive members"))
        return NULL;

    /* every Cuckoo input must be cuckoo-cc output that passes the object
     * audit (rules 1-3 and the proof); the runtime's blocks are only parsed */
    for (size_t i = 0; i < l->nfiles; i++)
        for (size_t k = 0; k < l->files[i]->nobjs; k++) {
            struct tld_obj *o = l->files[i]->objs[k];
            if (!o->loaded)
                continue;
            if (o->cls == TLD_CUCKOO)
                tld_check_cuckoo_input(o);
            else if (o->cls == TLD_RUNTIME && o->has_types)
                tld_obj_blocks(o, 0);
        }
    if (stop("audit inputs"))
        return NULL;

    /* every ref meets one def of an equal type (rule 4) */
    tld_resolve(l);
    tld_check_reserved(l);
    tld_check_data_offsets(l);
    if (stop("resolve symbols"))
        return NULL;

    if (tld_run_ld(l, output, map) && stop("GNU linker"))
        return NULL;

    unsigned char *out;
    size_t outlen;
    struct tld_elf oe;
    char *err = NULL;
    int e = tld_read_file(output, &out, &outlen);
    if (e)
        tld_fatal("cannot read %s: %s", output, strerror(e));
    if (tld_elf_parse(out, outlen, &oe, &err))
        tld_fatal("the GNU linker's output: %s", err);
    tld_check_exports(l, &oe);
    /* the section is the linker's own (manifest.c); a trusted input that
     * brings one would make the program's objects ambiguous */
    if (tld_elf_section(&oe, TLD_OBJECTS_SECTION))
        tld_error(NULL, "an input brings a %s section, which only cuckoo-ld writes", TLD_OBJECTS_SECTION);
    char *manifest = NULL;
    if (!stop("check exports"))
        manifest = tld_make_manifest(l, out, outlen, &oe);
    free(out);
    tld_elf_free(&oe);
    return manifest;
}
