/* strcpy declared by hand, as a C programmer would after the compiler
 * named strlcpy: the link says it again */
char strcpy(char d[], const char s[]);
int main(void) { char b[4]; strcpy(b, "x"); return 0; }
