/* qemu-profile.c -- a per-address instruction profile for qemu-user
 * (QEMU plugin API v1, QEMU 7.2).  Every guest instruction gets its own
 * counter (an inline add, so it is exact for one thread); at exit the
 * plugin writes "ADDRESS COUNT" lines, one per executed instruction
 * address, to the file named by its argument out=PATH.  bench/profile.py
 * folds them into functions with nm(1).
 * Build: gcc -O2 -shared -fPIC -o qemu-profile.so qemu-profile.c
 * Use:   qemu-i386 -plugin ./qemu-profile.so,out=out.prof ./prog */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*tb_trans_cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*udata_cb)(qemu_plugin_id_t id, void *userdata);

extern void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb cb);
extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
extern struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
extern uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
extern void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
                                                       void *ptr, uint64_t imm);
extern void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, udata_cb cb, void *userdata);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* One counter per guest address, in an open-addressed table that only grows
 * at translation time (counters never move once handed to QEMU: the table
 * holds pointers to them). */
struct counter {
  uint64_t addr, count;
};
static struct counter **table;
static size_t cap, used;
static const char *out_path = "qemu-profile.out";

static size_t slot_of(uint64_t addr, size_t n) {
  size_t h = (size_t)(addr * 0x9E3779B97F4A7C15ull) & (n - 1);
  while (table[h] != NULL && table[h]->addr != addr)
    h = (h + 1) & (n - 1);
  return h;
}

static struct counter *counter_for(uint64_t addr) {
  if (2 * (used + 1) > cap) {
    struct counter **old = table;
    size_t oldcap = cap;
    cap = cap ? 2 * cap : 4096;
    table = calloc(cap, sizeof *table);
    if (table == NULL)
      abort();
    for (size_t i = 0; i < oldcap; i++)
      if (old[i] != NULL)
        table[slot_of(old[i]->addr, cap)] = old[i];
    free(old);
  }
  size_t h = slot_of(addr, cap);
  if (table[h] == NULL) {
    table[h] = calloc(1, sizeof **table);
    if (table[h] == NULL)
      abort();
    table[h]->addr = addr;
    used++;
  }
  return table[h];
}

static void on_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
  (void)id;
  size_t n = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < n; i++) {
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
    struct counter *c = counter_for(qemu_plugin_insn_vaddr(insn));
    qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &c->count, 1);
  }
}

static void write_profile(qemu_plugin_id_t id, void *u) {
  (void)id; (void)u;
  FILE *f = fopen(out_path, "w");
  if (f == NULL) {
    perror(out_path);
    return;
  }
  for (size_t i = 0; i < cap; i++)
    if (table[i] != NULL && table[i]->count != 0)
      fprintf(f, "%" PRIx64 " %" PRIu64 "\n", table[i]->addr, table[i]->count);
  fclose(f);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv) {
  (void)info;
  for (int i = 0; i < argc; i++)
    if (strncmp(argv[i], "out=", 4) == 0)
      out_path = argv[i] + 4;
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_trans);
  qemu_plugin_register_atexit_cb(id, write_profile, NULL);
  return 0;
}
