/* §10: an object larger than 2^31 - 1 bytes is a compile error. */
char huge[3000000000];
