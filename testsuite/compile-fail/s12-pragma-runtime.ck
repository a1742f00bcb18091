/* §12: only the runtime's own headers may declare runtime internals: a
 * user file's #pragma cuckoo runtime (even after a #line that names the
 * runtime's header) is an error, so __cuckoo_stack_limit cannot be
 * declared and written. */
#pragma cuckoo runtime
extern unsigned __cuckoo_stack_limit;
#pragma cuckoo end
#line 1 "cuckoo.ckh"
#pragma cuckoo runtime
#pragma cuckoo end
int main(void) { return 0; }
