/* bfdfile.c -- reading files as the tools name them: libbfd identifies
 * each (an elf32-i386 object, an archive of them, or a program) and finds
 * an archive's members; objfile.c parses their ELF tables.  Apart so that
 * cuckoo-prove, which reads only the objects cuckoo-cc makes, need not
 * load libbfd. */
#include "config.h"
#include <bfd.h>
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "tld.h"

static int in_file(size_t len, uint64_t off, uint64_t size) { return off <= len && size <= len - off; }

int tld_bfd_init(void)
{
    if (bfd_init() != BFD_INIT_MAGIC)
        return -1;
    /* the first machine's format, for archives; identify() takes any */
    return bfd_set_default_target(ck_machines[0]->bfd_target) ? 0 : -1;
}

static int identify(bfd *abfd, const char *name, int allow_exec)
{
    char **matching = NULL;
    if (!bfd_check_format_matches(abfd, bfd_object, &matching)) {
        if (bfd_get_error() == bfd_error_file_ambiguously_recognized)
            free(matching);
        tld_error(name, "not an i386 ELF object: %s", bfd_errmsg(bfd_get_error()));
        return -1;
    }
    int known = 0;
    for (int i = 0; ck_machines[i]; i++)
        if (!strcmp(bfd_get_target(abfd), ck_machines[i]->bfd_target))
            known = 1;
    if (!known) {
        tld_error(name, "is %s, not elf32-i386", bfd_get_target(abfd));
        return -1;
    }
    if ((bfd_get_file_flags(abfd) & EXEC_P) && !allow_exec) {
        tld_error(name, "is a linked program, not a relocatable object");
        return -1;
    }
    if (bfd_get_file_flags(abfd) & DYNAMIC) {
        tld_error(name, "shared objects are not supported");
        return -1;
    }
    return 0;
}

/* Member bytes are addressed through bfd's origin: the offset of the
 * member's data inside the archive file that we hold in memory. */
struct tld_file *tld_file_open(const char *path, enum tld_class cls, int allow_exec)
{
    struct tld_file *f = xcalloc(1, sizeof *f);
    int e = tld_read_file(path, &f->bytes, &f->len);
    if (e)
        tld_fatal("cannot read %s: %s", path, strerror(e));
    f->path = xstrdup(path);
    f->cls = cls;
    tld_sha256(f->bytes, f->len, f->sha);

    bfd *abfd = bfd_openr(path, ck_machines[0]->bfd_target);
    if (!abfd)
        tld_fatal("%s: %s", path, bfd_errmsg(bfd_get_error()));
    if (bfd_check_format(abfd, bfd_archive)) {
        f->is_archive = 1;
        if (bfd_is_thin_archive(abfd)) {
            tld_error(path, "thin archives are not supported: their members are other files");
            bfd_close(abfd);
            return NULL;
        }
        size_t cap = 0;
        bfd *last = NULL;
        for (bfd *m = bfd_openr_next_archived_file(abfd, NULL); m;
             m = bfd_openr_next_archived_file(abfd, m)) {
            struct stat st;
            const char *mname = bfd_get_filename(m);
            char *display = xasprintf("%s(%s)", path, mname);
            if (bfd_stat_arch_elt(m, &st) || st.st_size < 0 ||
                !in_file(f->len, (uint64_t)m->origin, (uint64_t)st.st_size)) {
                tld_error(display, "bad archive member: %s", bfd_errmsg(bfd_get_error()));
                free(display);
                bfd_close(abfd);
                return NULL;
            }
            if (identify(m, display, 0)) {
                free(display);
                bfd_close(abfd);
                return NULL;
            }
            struct tld_obj *o = tld_obj_make(display, path, mname, cls, f->bytes + m->origin, (size_t)st.st_size);
            free(display);
            if (!o) {
                bfd_close(abfd);
                return NULL;
            }
            TLD_GROW(f->objs, f->nobjs, cap);
            f->objs[f->nobjs++] = o;
            last = m;
        }
        (void)last;
        if (bfd_get_error() != bfd_error_no_more_archived_files) {
            tld_error(path, "%s", bfd_errmsg(bfd_get_error()));
            bfd_close(abfd);
            return NULL;
        }
        bfd_close(abfd);
        return f;
    }
    if (identify(abfd, path, allow_exec)) {
        bfd_close(abfd);
        return NULL;
    }
    bfd_close(abfd);
    struct tld_obj *o = tld_obj_make(path, path, NULL, cls, f->bytes, f->len);
    if (!o)
        return NULL;
    f->objs = xmalloc(sizeof *f->objs);
    f->objs[0] = o;
    f->nobjs = 1;
    return f;
}

