/* §7: a function pointer is obtained only from a function designator. */
void (*handler)(int) = 0x1234;
