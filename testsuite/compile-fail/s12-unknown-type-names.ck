/* A C type name that Cuckoo declares in a header says which one, at file
 * scope as in a block. */
size_t n;
int main(void) {
    int32_t k;
    return 0;
}
