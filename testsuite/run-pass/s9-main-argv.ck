/* §9: main's argv is built on the heap by the runtime, so unlike other
 * pointer parameters it is not stack-bound and may be kept in a global. */
#include <cuckoo.ckh>

string *(*saved_args)[];

void show(void) {
  printf("args: %u\n", lengthof(saved_args));
  printf("name: %s\n", strlen((*saved_args)[0]) > 0 ? "present" : "missing");
}

int main(int argc, string *argv[]) {
  saved_args = argv;
  if (argc == (int)lengthof(argv))
    show();
  return 0;
}
