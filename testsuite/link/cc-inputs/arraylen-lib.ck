int sum(const int v[10]) {
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}
