/* §1: bit-fields are an error. */
struct flags {
    unsigned ready : 1;
};
