/* Issue 10, item 5: type errors and lifetime errors (§9) count towards
 * the same limit (diag.c: 20): the 20th error, whatever its kind, stops
 * the run with "too many errors". */
int *keep;
int ill_typed(void) { return missing; }
void f1(void) { int x; keep = &x; }
void f2(void) { int x; keep = &x; }
void f3(void) { int x; keep = &x; }
void f4(void) { int x; keep = &x; }
void f5(void) { int x; keep = &x; }
void f6(void) { int x; keep = &x; }
void f7(void) { int x; keep = &x; }
void f8(void) { int x; keep = &x; }
void f9(void) { int x; keep = &x; }
void f10(void) { int x; keep = &x; }
void f11(void) { int x; keep = &x; }
void f12(void) { int x; keep = &x; }
void f13(void) { int x; keep = &x; }
void f14(void) { int x; keep = &x; }
void f15(void) { int x; keep = &x; }
void f16(void) { int x; keep = &x; }
void f17(void) { int x; keep = &x; }
void f18(void) { int x; keep = &x; }
void f19(void) { int x; keep = &x; }
void f20(void) { int x; keep = &x; }
void f21(void) { int x; keep = &x; }
void f22(void) { int x; keep = &x; }
void f23(void) { int x; keep = &x; }
void f24(void) { int x; keep = &x; }
int main(void) { return 0; }
