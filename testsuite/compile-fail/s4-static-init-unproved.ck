/* §4: a static initializer has no run time at which to trap, so an
 * address constant must be proved in range at compile time: indexing an
 * array whose length is not in its type is an error there, even at 0,
 * and so is a cast that would check a length at run time. */
extern int ea[];
struct T { int n; };
extern struct T et[];
int ga[4];
int *gp = &ea[5];
int *gz = &ea[0];
int *gt = &et[1].n;
int (*gr)[] = &ea;
int (*gs)[] = ea;
int *gok = &ga[3];
int (*gcl)[2] = (int (*)[2]) (int (*)[]) ga;
int *gbad = &ga[4];
int main(void) { return 0; }
