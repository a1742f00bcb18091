/* §6: a union may contain only plain members. */
union u {
    int i;
    int *p;
};
