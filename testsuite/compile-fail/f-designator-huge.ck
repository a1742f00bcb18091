/* A designator far past any array cuckoo-cc can initialize (this used to
 * overflow an int in the checker). */
char big[] = { [2147483647] = 1 };
