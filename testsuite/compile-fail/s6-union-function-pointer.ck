/* §6: a function pointer member is not plain. */
union u {
    int i;
    void (*f)(int);
};
