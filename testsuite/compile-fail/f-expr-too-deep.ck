/* An expression nested thousands of levels deep is rejected before the
 * later passes, which recurse over it, can overflow the stack. */
#define X1 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1
#define X2 X1 + X1 + X1 + X1 + X1 + X1 + X1 + X1 + X1 + X1
#define X3 X2 + X2 + X2 + X2 + X2 + X2 + X2 + X2 + X2 + X2
#define X4 X3 + X3 + X3 + X3 + X3 + X3 + X3 + X3 + X3 + X3

int f(void) {
    return X4;
}
