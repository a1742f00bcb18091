/* assert(e) is a runtime error of kind assert with the expression's text,
 * on the assert's line (LANGUAGE.md §11a, §12.1). */
#include <cuckoo.ckh>
#include <assert.h>

int main(void)
{
    int n = 3;
    assert(n == 3);
    printf("first assert held\n");
    assert(n * 2 == 7 && "doubling");
    printf("not reached\n");
    return 0;
}
