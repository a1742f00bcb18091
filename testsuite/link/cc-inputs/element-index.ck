/* Indexes the proof checker once refused though cuckoo-cc wrote them
 * right; objcheck/cc-element-index.sh proves them and forges their checks.
 *  - Arrays whose elements are large (80,004 and 65,536 bytes): the index
 *    is scaled by an imull with a factor above 64 KB.
 *  - An array inside element 0 of another (`hs[0].a[i]`, in a frame slot
 *    and through a pointer): the offset is inside both arrays, and the
 *    checker took the outer one, whose elements are not 4 bytes. */
struct big { int a[20000]; };
struct pow2 { char b[65532]; };	/* with its length word, 2^16 bytes */
struct big g[3];
struct pow2 h[4];
struct pair { int n; int a[10]; };

int get(int i, int j) { return g[i].a[j]; }
int geth(int i, int j) { return h[i].b[j]; }

int first(int i)
{
	struct pair hs[2];
	hs[0].a[i] = 3;
	hs[1].a[i] = 4;
	return hs[0].a[i] + hs[1].a[i];
}

int first_ptr(struct pair (*hp)[2], int i) { return (*hp)[0].a[i]; }

struct pair gp[2];

int main(void)
{
	g[2].a[5] = 7;
	h[3].b[65531] = 9;
	gp[0].a[9] = 5;
	return get(2, 5) + geth(3, 65531) + first(9) + first_ptr(&gp, 9) - 28;
}
