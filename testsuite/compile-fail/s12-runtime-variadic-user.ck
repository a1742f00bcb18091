/* §7: variadic declarations are the runtime's only. */
int log_msg(const char fmt[], ...);
