/* debug-vars-prog.ck, compiled as debug-vars.ck by driver/debug-vars.sh:
 * what gdb must show of a -g program: locals, parameters, arrays (with
 * their length words), a T (*)[] seen through *p, structs, unions, enums,
 * typedefs, globals, and the line of a runtime error in a backtrace. */
#include <cuckoo.ckh>

typedef unsigned char byte;
enum state { IDLE, BUSY = 4 };
struct packet {
  int id;
  char name[8];
  byte bytes[3];
  enum state st;
  struct packet *next;
};
union word { int i; unsigned short h; };

int counter = 41;
int table[3][2] = {{1, 2}, {3, 4}, {5, 6}};
struct packet first = {7, "first", {1, 2, 3}, BUSY, NULL};

int checksum(const int (*p)[], int n) {       /* LINE-CHECKSUM */
  int sum = 0;
  for (int i = 0; i < n; i++)
    sum += (*p)[i] * (i + 1);
  return sum;
}

int twice(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += i;
  for (int i = 100; i < 100 + n; i++) {
    s++;
    int j = i - 100;
    s += i * j;                                 /* LINE-LOOP2 */
  }
  return s;
}

int pick(int (*p)[], int k) {
  static int calls = 40;
  calls++;
  return (*p)[k];                               /* LINE-TRAP */
}

int main(void) {                                /* LINE-MAIN */
  int arr[4] = {10, 20, 30, 40};
  struct packet pk = {3, "abc", {9, 8, 7}, IDLE, &first};
  union word w;
  w.i = 0x01020304;
  int (*heap)[] = new(int[5]);
  (*heap)[4] = 99;
  long long big = 1234567890123LL;
  double ratio = 0.5;
  int total = checksum(&arr, 4) + twice(3);
  counter += total;
  printf("%d %d %d %lld %d\n", total, counter, pk.id, big,   /* LINE-LOCALS */
         (*heap)[4] + (int)(ratio * 2));
  int k = lengthof(*heap) + 2;
  printf("%d\n", pick(heap, k));                /* LINE-CALL */
  delete(heap);
  return 0;
}
