/* error.ck -- does not compile: the driver tests' compile error. */
#include <cuckoo.ckh>

int main(int argc, string *argv[]) {
  return undeclared_name;
}
