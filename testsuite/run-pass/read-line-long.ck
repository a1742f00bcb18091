/* read_line never writes past its array, and its result shows a line
 * that was cut short: the line's whole length, >= lengthof(b). */
#include <cuckoo.ckh>
int main(void) {
    char b[8];
    int n;
    while ((n = read_line(b)) != -1)
        printf("%d [%s]%s\n", n, b, n >= (int)lengthof(b) ? " cut short" : "");
    return 0;
}
