/* Operands and arguments are evaluated left to right (§2). */
#include <cuckoo.ckh>

char trace_buf[64];
int trace_len;

int t(int v)
{
    trace_buf[trace_len++] = '0' + v;
    return v;
}

int three(int a, int b, int c) { return a * 100 + b * 10 + c; }

void flush_trace(const char label[])
{
    trace_buf[trace_len] = '\0';
    printf("%s: %s\n", label, trace_buf);
    trace_len = 0;
}

int main(void)
{
    int r = three(t(1), t(2), t(3));
    flush_trace("args");
    printf("r %d\n", r);
    r = t(4) + t(5) * t(6);
    flush_trace("binary");
    r = t(1) - t(2) - t(3);
    flush_trace("sub");
    printf("r %d\n", r);
    int arr[10];
    arr[t(7)] = t(8);
    flush_trace("assign");
    r = (t(1), t(2));
    flush_trace("comma");
    r = t(0) && t(1);
    r = t(1) || t(2);
    r = t(1) ? t(3) : t(4);
    flush_trace("shortcut");
    long long big = (long long)t(9) * t(8);
    flush_trace("cast");
    printf("big %lld\n", big);
    double d = t(1) / 2.0 + t(3);
    flush_trace("double");
    printf("d %g %d\n", d, arr[7]);
    return 0;
}
