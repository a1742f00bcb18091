/* §4: arrays cannot be returned by value. */
typedef int triple[3];
triple f(void);
