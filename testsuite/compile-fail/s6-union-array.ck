/* §6: an array member would alias a length word. */
union u {
    int i;
    char bytes[4];
};
