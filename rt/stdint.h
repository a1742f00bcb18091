/* <stdint.h> for Cuckoo: a thin wrapper of cuckoo.ckh (LANGUAGE.md §12.1),
 * which declares int8_t ... uint64_t. */
#include <cuckoo.ckh>
#ifndef CUCKOO_STDINT_H
#define CUCKOO_STDINT_H
#define INT8_MIN (-128)
#define INT8_MAX 127
#define UINT8_MAX 255
#define INT16_MIN (-32768)
#define INT16_MAX 32767
#define UINT16_MAX 65535
#define INT32_MIN (-2147483647 - 1)
#define INT32_MAX 2147483647
#define UINT32_MAX 4294967295U
#define INT64_MIN (-9223372036854775807LL - 1LL)
#define INT64_MAX 9223372036854775807LL
#define UINT64_MAX 18446744073709551615ULL
#define SIZE_MAX 4294967295U
#endif
