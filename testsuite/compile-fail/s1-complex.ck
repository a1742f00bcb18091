/* §1: _Complex is not in Cuckoo. */
double _Complex z;
