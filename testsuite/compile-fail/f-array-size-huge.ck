/* An array length whose byte size overflows 64 bits (this used to overflow
 * in the size computation). */
int table[0x7fffffffffffffff];
