/* §1: flexible array members are an error. */
struct msg {
    int len;
    char data[];
};
