/* prove-main.c -- cuckoo-prove, the proof writer that cuckoo-cc runs.
 *
 * cuckoo-prove IN.o OUT.txt: reads a Cuckoo object assembled with its local
 * labels (as -L), infers with the checker's own rules the types and facts
 * at every branch target of every function, and writes the object's
 * .cuckoo.proof text with those states in it (doc/verify.md, "States at
 * branch targets").  cuckoo-cc puts the text into the object (objcopy
 * --update-section) or into its -S output.  Nothing here is trusted: the
 * linker checks every state at every edge.  A function the checker
 * refuses gets no states; cuckoo-ld then says why.
 */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "tld.h"

int main(int argc, char **argv)
{
    tld_progname = "cuckoo-prove";
    if (argc == 2 && !strcmp(argv[1], "--version")) {
        printf("cuckoo-prove (Cuckoo) %s\n", PACKAGE_VERSION);
        return 0;
    }
    if (argc != 3 || argv[1][0] == '-') {
        fprintf(argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr,
                "Usage: cuckoo-prove IN.o OUT.txt\n"
                "Write IN.o's .cuckoo.proof, with the states at its branch targets, to OUT.txt.\n"
                "cuckoo-cc runs it; see doc/verify.md.\n");
        return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
    }
    if (tld_bfd_init())
        tld_fatal("libbfd: version mismatch or no elf32-i386 support");
    /* an object that is not well-formed Cuckoo output is not ours to
     * prove: exit 3, silently, and cuckoo-cc keeps it as it is (cuckoo-ld
     * reports what is wrong with it) */
    FILE *devnull = fopen("/dev/null", "w");
    FILE *diag = tld_diag_out;
    if (devnull)
        tld_diag_out = devnull;
    struct tld_file *f = tld_file_open(argv[1], TLD_CUCKOO, 0);
    if (!f || f->is_archive || f->nobjs != 1)
        return 3;
    struct tld_obj *o = f->objs[0];
    if (!o->has_types || tld_obj_blocks(o, 0))
        return 3;
    char *text = tld_prove_states(o);
    if (!text)
        return 3;
    tld_diag_out = diag;
    int e = tld_write_file(argv[2], text, strlen(text));
    if (e) {
        tld_error(argv[2], "cannot write: %s", strerror(e));
        return 1;
    }
    free(text);
    return 0;
}

const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
