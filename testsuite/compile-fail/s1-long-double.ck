/* §1: long double is not in Cuckoo. */
long double x;
