/* §1: K&R-style definitions are an error. */
int add(a, b)
    int a;
    int b;
{
    return a + b;
}
