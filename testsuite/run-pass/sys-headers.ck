/* The standard headers are thin wrappers of cuckoo.ckh (LANGUAGE.md
 * §12.1): familiar #include lines work without naming cuckoo.ckh, and
 * assert is off, its expression not evaluated, under NDEBUG. */
#define NDEBUG 1
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <limits.h>
#include <errno.h>
#include <assert.h>

int evaluated;

int touch(void)
{
    evaluated = evaluated + 1;
    return 0;
}

int main(void)
{
    int8_t a = INT8_MIN;
    uint8_t b = UINT8_MAX;
    int16_t c = INT16_MIN;
    uint16_t d = UINT16_MAX;
    int32_t e = INT32_MIN;
    uint32_t f = UINT32_MAX;
    int64_t g = INT64_MIN;
    uint64_t h = UINT64_MAX;
    size_t s = sizeof(int64_t);
    ssize_t t = -1;
    bool yes = true, no = false;
    printf("%d %d %d %d %d %u %lld %llu\n", a, b, c, d, e, f, g, h);
    printf("%u %d %d %d %d\n", s, t, yes, no, __bool_true_false_are_defined);
    printf("%d %d %lld %d\n", CHAR_BIT, INT_MAX, LLONG_MIN, SHRT_MIN);
    printf("%d %d %d %d %d\n", EINTR, EAGAIN, EWOULDBLOCK, ETIMEDOUT, ECONNRESET);
    assert(touch());
    printf("assert under NDEBUG evaluated its expression %d times\n", evaluated);
    return EXIT_SUCCESS;
}
