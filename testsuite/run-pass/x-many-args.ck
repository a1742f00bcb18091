/* Calls with more arguments than the register allocator once tracked. */
#include <cuckoo.ckh>

long long big(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9, int a10, int a11, int a12, int a13, int a14, int a15, int a16, int a17, int a18, int a19, int a20, int a21, int a22, int a23, int a24, int a25, int a26, int a27, int a28, int a29, int a30, int a31, int a32, int a33, int a34, int a35, int a36, int a37, int a38, int a39, int a40, int a41, int a42, int a43, int a44, int a45, int a46, int a47, int a48, int a49, int a50, int a51, int a52, int a53, int a54, int a55, int a56, int a57, int a58, int a59, int a60, int a61, int a62, int a63, int a64, int a65, int a66, int a67, int a68, int a69, int a70, int a71)
{
    long long s = 0;
    s = s * 3 + a0;
    s = s * 3 + a1;
    s = s * 3 + a2;
    s = s * 3 + a3;
    s = s * 3 + a4;
    s = s * 3 + a5;
    s = s * 3 + a6;
    s = s * 3 + a7;
    s = s * 3 + a8;
    s = s * 3 + a9;
    s = s * 3 + a10;
    s = s * 3 + a11;
    s = s * 3 + a12;
    s = s * 3 + a13;
    s = s * 3 + a14;
    s = s * 3 + a15;
    s = s * 3 + a16;
    s = s * 3 + a17;
    s = s * 3 + a18;
    s = s * 3 + a19;
    s = s * 3 + a20;
    s = s * 3 + a21;
    s = s * 3 + a22;
    s = s * 3 + a23;
    s = s * 3 + a24;
    s = s * 3 + a25;
    s = s * 3 + a26;
    s = s * 3 + a27;
    s = s * 3 + a28;
    s = s * 3 + a29;
    s = s * 3 + a30;
    s = s * 3 + a31;
    s = s * 3 + a32;
    s = s * 3 + a33;
    s = s * 3 + a34;
    s = s * 3 + a35;
    s = s * 3 + a36;
    s = s * 3 + a37;
    s = s * 3 + a38;
    s = s * 3 + a39;
    s = s * 3 + a40;
    s = s * 3 + a41;
    s = s * 3 + a42;
    s = s * 3 + a43;
    s = s * 3 + a44;
    s = s * 3 + a45;
    s = s * 3 + a46;
    s = s * 3 + a47;
    s = s * 3 + a48;
    s = s * 3 + a49;
    s = s * 3 + a50;
    s = s * 3 + a51;
    s = s * 3 + a52;
    s = s * 3 + a53;
    s = s * 3 + a54;
    s = s * 3 + a55;
    s = s * 3 + a56;
    s = s * 3 + a57;
    s = s * 3 + a58;
    s = s * 3 + a59;
    s = s * 3 + a60;
    s = s * 3 + a61;
    s = s * 3 + a62;
    s = s * 3 + a63;
    s = s * 3 + a64;
    s = s * 3 + a65;
    s = s * 3 + a66;
    s = s * 3 + a67;
    s = s * 3 + a68;
    s = s * 3 + a69;
    s = s * 3 + a70;
    s = s * 3 + a71;
    return s;
}

double bigd(double d0, double d1, double d2, double d3, double d4, double d5, double d6, double d7, double d8, double d9, double d10, double d11, double d12, double d13, double d14, double d15, double d16, double d17, double d18, double d19, double d20, double d21, double d22, double d23, double d24, double d25, double d26, double d27, double d28, double d29, double d30, double d31, double d32, double d33, double d34, double d35, double d36, double d37, double d38, double d39, double d40, double d41, double d42, double d43, double d44, double d45, double d46, double d47, double d48, double d49, double d50, double d51, double d52, double d53, double d54, double d55, double d56, double d57, double d58, double d59, double d60, double d61, double d62, double d63, double d64, double d65, double d66, double d67, double d68, double d69, double d70, double d71)
{
    return d0 * 1 + d1 * 2 + d2 * 3 + d3 * 4 + d4 * 5 + d5 * 6 + d6 * 7 + d7 * 8 + d8 * 9 + d9 * 10 + d10 * 11 + d11 * 12 + d12 * 13 + d13 * 14 + d14 * 15 + d15 * 16 + d16 * 17 + d17 * 18 + d18 * 19 + d19 * 20 + d20 * 21 + d21 * 22 + d22 * 23 + d23 * 24 + d24 * 25 + d25 * 26 + d26 * 27 + d27 * 28 + d28 * 29 + d29 * 30 + d30 * 31 + d31 * 32 + d32 * 33 + d33 * 34 + d34 * 35 + d35 * 36 + d36 * 37 + d37 * 38 + d38 * 39 + d39 * 40 + d40 * 41 + d41 * 42 + d42 * 43 + d43 * 44 + d44 * 45 + d45 * 46 + d46 * 47 + d47 * 48 + d48 * 49 + d49 * 50 + d50 * 51 + d51 * 52 + d52 * 53 + d53 * 54 + d54 * 55 + d55 * 56 + d56 * 57 + d57 * 58 + d58 * 59 + d59 * 60 + d60 * 61 + d61 * 62 + d62 * 63 + d63 * 64 + d64 * 65 + d65 * 66 + d66 * 67 + d67 * 68 + d68 * 69 + d69 * 70 + d70 * 71 + d71 * 72;
}

int main(void)
{
    int i;
    for (i = 1; i < 4; i++) {
        printf("%lld\n", big(i * 1 + 0, i * 2 + 1, i * 3 + 2, i * 4 + 3, i * 5 + 4, i * 6 + 5, i * 7 + 6, i * 8 + 7, i * 9 + 8, i * 10 + 9, i * 11 + 10, i * 12 + 11, i * 13 + 12, i * 14 + 13, i * 15 + 14, i * 16 + 15, i * 17 + 16, i * 18 + 17, i * 19 + 18, i * 20 + 19, i * 21 + 20, i * 22 + 21, i * 23 + 22, i * 24 + 23, i * 25 + 24, i * 26 + 25, i * 27 + 26, i * 28 + 27, i * 29 + 28, i * 30 + 29, i * 31 + 30, i * 32 + 31, i * 33 + 32, i * 34 + 33, i * 35 + 34, i * 36 + 35, i * 37 + 36, i * 38 + 37, i * 39 + 38, i * 40 + 39, i * 41 + 40, i * 42 + 41, i * 43 + 42, i * 44 + 43, i * 45 + 44, i * 46 + 45, i * 47 + 46, i * 48 + 47, i * 49 + 48, i * 50 + 49, i * 51 + 50, i * 52 + 51, i * 53 + 52, i * 54 + 53, i * 55 + 54, i * 56 + 55, i * 57 + 56, i * 58 + 57, i * 59 + 58, i * 60 + 59, i * 61 + 60, i * 62 + 61, i * 63 + 62, i * 64 + 63, i * 65 + 64, i * 66 + 65, i * 67 + 66, i * 68 + 67, i * 69 + 68, i * 70 + 69, i * 71 + 70, i * 72 + 71));
        printf("%g\n", bigd(i * 1.5, i * 2.5, i * 3.5, i * 4.5, i * 5.5, i * 6.5, i * 7.5, i * 8.5, i * 9.5, i * 10.5, i * 11.5, i * 12.5, i * 13.5, i * 14.5, i * 15.5, i * 16.5, i * 17.5, i * 18.5, i * 19.5, i * 20.5, i * 21.5, i * 22.5, i * 23.5, i * 24.5, i * 25.5, i * 26.5, i * 27.5, i * 28.5, i * 29.5, i * 30.5, i * 31.5, i * 32.5, i * 33.5, i * 34.5, i * 35.5, i * 36.5, i * 37.5, i * 38.5, i * 39.5, i * 40.5, i * 41.5, i * 42.5, i * 43.5, i * 44.5, i * 45.5, i * 46.5, i * 47.5, i * 48.5, i * 49.5, i * 50.5, i * 51.5, i * 52.5, i * 53.5, i * 54.5, i * 55.5, i * 56.5, i * 57.5, i * 58.5, i * 59.5, i * 60.5, i * 61.5, i * 62.5, i * 63.5, i * 64.5, i * 65.5, i * 66.5, i * 67.5, i * 68.5, i * 69.5, i * 70.5, i * 71.5, i * 72.5));
        printf("%d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", i * 2 - 0, i * 3 - 1, i * 4 - 2, i * 5 - 3, i * 6 - 4, i * 7 - 5, i * 8 - 6, i * 9 - 7, i * 10 - 8, i * 11 - 9, i * 12 - 10, i * 13 - 11, i * 14 - 12, i * 15 - 13, i * 16 - 14, i * 17 - 15, i * 18 - 16, i * 19 - 17, i * 20 - 18, i * 21 - 19, i * 22 - 20, i * 23 - 21, i * 24 - 22, i * 25 - 23, i * 26 - 24, i * 27 - 25, i * 28 - 26, i * 29 - 27, i * 30 - 28, i * 31 - 29, i * 32 - 30, i * 33 - 31, i * 34 - 32, i * 35 - 33, i * 36 - 34, i * 37 - 35, i * 38 - 36, i * 39 - 37, i * 40 - 38, i * 41 - 39, i * 42 - 40, i * 43 - 41, i * 44 - 42, i * 45 - 43, i * 46 - 44, i * 47 - 45, i * 48 - 46, i * 49 - 47, i * 50 - 48, i * 51 - 49, i * 52 - 50, i * 53 - 51, i * 54 - 52, i * 55 - 53, i * 56 - 54, i * 57 - 55, i * 58 - 56, i * 59 - 57, i * 60 - 58, i * 61 - 59, i * 62 - 60, i * 63 - 61, i * 64 - 62, i * 65 - 63, i * 66 - 64, i * 67 - 65, i * 68 - 66, i * 69 - 67, i * 70 - 68, i * 71 - 69, i * 72 - 70, i * 73 - 71);
    }
    return 0;
}
