/* needs unused_thing, so arch-bad.o is pulled in, with its wrong sum */
int unused_thing(void);
int main(void) { return unused_thing(); }
