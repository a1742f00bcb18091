/* PARSE-BYTES (C version): parsing bytes.  Writes LINES lines of
   comma-separated decimal integers (some negative, some quoted words among
   them) into a byte buffer, then parses the buffer REPEAT times with a
   byte-at-a-time state machine: fields, lines, the sum of the numbers and a
   hash of the words.  Must print the same line as parse-bytes.ck. */
#include <stdio.h>

#ifndef LINES
#define LINES 20000
#endif
#ifndef REPEAT
#define REPEAT 150
#endif
#define CAPACITY (LINES * 80)

static char text[CAPACITY];
static int length;

static void put(char c)
{
    text[length] = c;
    length++;
}

static void put_number(int v)
{
    char digits[12];
    int n = 0;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    if (v < 0)
        put('-');
    do {
        digits[n] = (char)('0' + u % 10);
        n++;
        u /= 10;
    } while (u != 0);
    while (n > 0) {
        n--;
        put(digits[n]);
    }
}

static void generate(void)
{
    unsigned x = 2024;
    for (int l = 0; l < LINES; l++) {
        int fields = 3 + l % 7;
        for (int f = 0; f < fields; f++) {
            if (f > 0)
                put(',');
            x = x * 1103515245u + 12345u;
            if ((x >> 28) == 0) {
                put('"');
                for (int k = 0; k < 2 + (int)((x >> 8) & 7); k++)
                    put((char)('a' + (x >> (k + 9)) % 26));
                put('"');
            } else {
                put_number((int)(x >> 4) % 200000 - 100000);
            }
        }
        put('\n');
    }
}

struct totals {
    int lines;
    int fields;
    int words;
    long long sum;
    unsigned word_hash;
};

static void parse(struct totals *t)
{
    int value = 0;
    int negative = 0;
    int in_word = 0;
    for (int i = 0; i < length; i++) {
        char c = text[i];
        if (in_word) {
            if (c == '"')
                in_word = 0;
            else
                t->word_hash = (t->word_hash ^ (unsigned char)c) * 16777619u;
        } else if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
        } else if (c == '-') {
            negative = 1;
        } else if (c == '"') {
            in_word = 1;
            t->words++;
        } else if (c == ',' || c == '\n') {
            t->sum += negative ? -value : value;
            value = 0;
            negative = 0;
            t->fields++;
            if (c == '\n')
                t->lines++;
        }
    }
}

int main(void)
{
    generate();
    struct totals t = {0, 0, 0, 0, 2166136261u};
    for (int r = 0; r < REPEAT; r++)
        parse(&t);
    printf("parse-bytes: %d bytes, %d lines, %d fields, %d words, sum %lld, hash %u\n",
           length, t.lines, t.fields, t.words, t.sum, t.word_hash);
    return 0;
}
