/* §12: names beginning with __cuckoo are reserved. */
int __cuckoo_counter;
