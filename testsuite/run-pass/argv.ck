/* main's arguments: argv is a pointer to an array of char arrays. */
#include <cuckoo.ckh>

int main(int argc, string *argv[])
{
    printf("argc %d lengthof %u\n", argc, lengthof(argv));
    int sum = 0;
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] = [%s] strlen %u lengthof %u\n", i, argv[i], strlen(argv[i]), lengthof(argv[i]));
        sum += atoi(argv[i]);
    }
    printf("sum %d\n", sum);
    if (argc > 2) {
        char first = (*argv[2])[0];
        argv[2][0] = 'X';
        printf("changed %c -> %s\n", first, argv[2]);
    }
    printf("program name %s\n", strlen(argv[0]) > 0 ? "present" : "empty");
    return 0;
}
