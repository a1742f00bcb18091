/* trust.c -- what cuckoo-ld trusts without auditing, and why.
 *
 * The runtime (the start object and the archive) is C and cannot pass the
 * audit; it is trusted because it is the runtime this linker was built
 * with: its SHA-256 digests are compiled in (tld-paths.h, generated from
 * the files in rt/ at build time), and a file that does not match is
 * refused wherever it was found -- $(pkglibdir), or CUCKOO_RUNTIME_DIR for
 * tests before installation.  Everything else is a Cuckoo input and must
 * pass rules 1-3 and the object audit, or be named with --trust.
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tld.h"
#include "tld-paths.h"

static const char *const basenames[2] = {"cuckoo-start.o", "libcuckoo-rt.a"};
static const char *const digests[2] = {TLD_RT_START_SHA256, TLD_RT_ARCHIVE_SHA256};

const char *tld_runtime_digest(int which) { return digests[which]; }
const char *tld_runtime_basename(int which) { return basenames[which]; }

struct tld_file *tld_runtime_open(int which)
{
    const char *dir = getenv("CUCKOO_RUNTIME_DIR");
    if (!dir || !*dir)
        dir = TLD_PKGLIBDIR;
    char *path = xasprintf("%s/%s", dir, basenames[which]);
    unsigned char *b;
    size_t len;
    unsigned char sha[32];
    char hex[65];
    int e = tld_read_file(path, &b, &len);
    if (e)
        tld_fatal("cannot find the Cuckoo runtime: %s: %s", path, strerror(e));
    tld_sha256(b, len, sha);
    free(b);
    tld_hex(sha, 32, hex);
    if (strcmp(hex, digests[which])) {
        tld_error(path, "does not match the Cuckoo runtime this linker was built with "
                  "(sha256 %s, expected %s); refusing to link", hex, digests[which]);
        free(path);
        return NULL;
    }
    tld_vlog("the Cuckoo runtime: %s (sha256 %s)", path, hex);
    /* read again through objfile.c: the bytes linked are the ones hashed
     * there, and they are compared once more below */
    struct tld_file *f = tld_file_open(path, TLD_RUNTIME, 0);
    free(path);
    if (f && memcmp(f->sha, sha, 32)) {
        tld_error(f->path, "changed while it was being read; refusing to link");
        return NULL;
    }
    return f;
}

int tld_check_cuckoo_input(struct tld_obj *o)
{
    int before = tld_nerrors;
    if (!o->has_types) {
        tld_error(o->name, "not produced by cuckoo-cc (no .cuckoo.types section); refusing to link");
        return 1;
    }
    if (tld_obj_blocks(o, 0))
        return 1;
    const struct tld_block *b = &o->blocks[0];
    if (strcmp(b->producer, "cuckoo-cc")) {
        tld_error(o->name, "the .cuckoo.types block was made by '%s', not cuckoo-cc; refusing to link",
                  b->producer);
        return 1;
    }
    for (unsigned bit = 1; bit < TLD_CHECK_ALL; bit <<= 1)
        if (!(b->checks & bit))
            tld_error(o->name, "compiled without the %s check", tld_check_name(bit));
    tld_check_structure(o);
    tld_check_symbols(o);
    tld_audit_object(o);
    if (tld_nerrors == before)
        tld_vlog("%s: Cuckoo object, audit passed", o->name);
    return tld_nerrors != before;
}
