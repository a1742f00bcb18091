/* tld-sha256.c -- tld/sha256.c against the FIPS 180-4 example vectors. */
#include "config.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "tld.h"

static void expect(const void *data, size_t len, const char *hex)
{
    unsigned char d[32];
    char got[65];
    tld_sha256(data, len, d);
    tld_hex(d, 32, got);
    ck_assert_str_eq(got, hex);
}

START_TEST(fips_vectors)
{
    expect("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

START_TEST(million_a_in_pieces)
{
    struct tld_sha256 c;
    unsigned char d[32], buf[997];
    char got[65];
    memset(buf, 'a', sizeof buf);
    tld_sha256_init(&c);
    for (size_t left = 1000000; left;) {
        size_t k = left < sizeof buf ? left : sizeof buf;
        tld_sha256_update(&c, buf, k);
        left -= k;
    }
    tld_sha256_final(&c, d);
    tld_hex(d, 32, got);
    ck_assert_str_eq(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

START_TEST(hex_round_trip)
{
    unsigned char b[4];
    ck_assert_int_eq(tld_unhex("00ff10ab", b, 4), 0);
    ck_assert_int_eq(b[1], 0xff);
    ck_assert_int_eq(tld_unhex("00FF10ab", b, 4), -1);
    ck_assert_int_eq(tld_unhex("00ff10a", b, 4), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tld-sha256");
    TCase *tc = tcase_create("sha256");
    tcase_add_test(tc, fips_vectors);
    tcase_add_test(tc, million_a_in_pieces);
    tcase_add_test(tc, hex_round_trip);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
