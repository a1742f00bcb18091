/* main's argv is not stack-bound because only the runtime calls main,
   once (doc/lifetime.md): a call from Cuckoo code, or its address, would
   let a dead frame's array pass for argv. */
#include <cuckoo.ckh>

int main(int argc, string *argv[]);

int helper(void)
{
    string *arr[2];
    return main(0, &arr);
}

int (*pm)(int, string *[]) = main;

int main(int argc, string *argv[])
{
    (void)argv;
    if (argc > 5)
        return helper();
    return 0;
}
