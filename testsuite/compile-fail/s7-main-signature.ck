/* §7: main is int main(void) or int main(int argc, string *argv[]). */
int main(int argc, char *argv) {
    return 0;
}
