/* A local array larger than the whole stack: the frame check fails at entry. */
#include <cuckoo.ckh>

int huge(int i)
{
    char buf[16000000];
    buf[i] = 1;
    return buf[i] + buf[lengthof(buf) - 1];
}

int main(void)
{
    printf("calling\n");
    return huge(3);
}
