/* A #line number at the top of the int range: counting the lines after it
 * must not overflow (this used to be undefined behaviour in the lexer). */
#line 2147483647
int x;
int y = ;
