/* prove-main.c -- cuckoo-prove, the proof writer by hand.
 *
 *   cuckoo-prove IN.o OUT.o         IN.o with the states in its proof
 *   cuckoo-prove --text IN.o OUT    the proof's text alone
 *
 * What cuckoo-cc does to every object it assembles (tld/provefile.c);
 * doc/verify.md, "States at branch targets".  Exit 3, with nothing
 * written, when IN.o is no well-formed Cuckoo object with a proof.
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
    int text_only = argc == 4 && !strcmp(argv[1], "--text");
    if (argc != 3 + text_only || (!text_only && argv[1][0] == '-')) {
        int help = argc == 2 && !strcmp(argv[1], "--help");
        fprintf(help ? stdout : stderr,
                "Usage: cuckoo-prove IN.o OUT.o\n"
                "       cuckoo-prove --text IN.o OUT.txt\n"
                "Write IN.o with the states at its branch targets in its .cuckoo.proof (or the\n"
                "proof's text alone), as cuckoo-cc does; see doc/verify.md.\n");
        return help ? 0 : 2;
    }
    return tld_prove_file(argv[1 + text_only], argv[2 + text_only], text_only);
}

const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
