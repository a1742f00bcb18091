/* §3: void * is not in Cuckoo. */
void *p;
