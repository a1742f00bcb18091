/* An owned parameter passed on: forged into a plain one by link/cc-forged-own-stack.sh */
int *own kept;
void keep(int *own p) { kept = p; }
void fwd(int *own p) { keep(p); }
int main(void) { fwd(new(int)); return 0; }
