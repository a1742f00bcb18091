/* §12: a runtime name declared with another type is an error. */
#include <cuckoo.ckh>
int puts(const char *s);
