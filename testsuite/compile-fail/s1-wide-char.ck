/* §1: wide characters are an error. */
int c = L'x';
