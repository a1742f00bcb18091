/* domain-pipeline-gcc.c -- the plain mode of domain-pipeline.ck in C, built by
 * run-domain-bench.sh with gcc -O2 -fno-tree-vectorize for context: the
 * instructions of one null-filter stage call (doc/bench.md, "Protection
 * domains").
 *
 *   domain-pipeline-gcc B N   : N batches of B packets through five plain calls */
#include <stdio.h>
#include <stdlib.h>

#define MAX_BATCH 256

struct stage {
  int id;
  int passed;
  int *packets;
};

__attribute__((noinline)) int null_filter(struct stage *s, int batch, int seq) {
  int sum = 0;
  for (int i = 0; i < batch; i++)
    sum += s->packets[i];
  s->passed += batch;
  return sum + seq - seq;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  int batch = atoi(argv[1]), n = atoi(argv[2]);
  if (batch < 1 || batch > MAX_BATCH || n < 0)
    return 2;
  struct stage *plain[5];
  for (int k = 0; k < 5; k++) {
    plain[k] = calloc(1, sizeof *plain[k]);
    plain[k]->packets = calloc(MAX_BATCH, sizeof(int));
    if (!plain[k] || !plain[k]->packets)
      return 1;
  }
  long long sum = 0;
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 5; k++)
      sum += null_filter(plain[k], batch, i);
  printf("checksum %lld\n", sum);
  return 0;
}
