/* declares the runtime's atoi with the wrong type, without cuckoo.ckh */
int atoi(const char *s);
int main(void) { char c = '7'; return atoi(&c); }
