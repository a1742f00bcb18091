/* qemu-icount-mt.c -- guest instruction counter for multi-threaded i386
 * programs under qemu-user (QEMU plugin API version 1, QEMU 7.2), used by
 * run-bench.sh beside ../shared/tools/qemu-icount.c.
 *
 * That plugin adds each translation block's instruction count to one
 * shared word with an inline (non-atomic) add.  With several guest threads
 * an add interrupted between its load and its store overwrites whatever the
 * other threads added meanwhile -- a whole time slice when the interrupt is
 * a preemption -- so its counts of the threaded benchmarks came out 20 to
 * 40 % low and varied from run to run (valgrind's count of the same
 * program is the reference).  Here every executed block calls back and
 * adds its count atomically: exact, about twice as slow.
 *
 * Build: gcc -O2 -shared -fPIC -o qemu-icount-mt.so qemu-icount-mt.c
 * Use:   qemu-i386 -plugin ./qemu-icount-mt.so -d plugin ./prog
 * Prints "icount: N" on stderr at exit, as qemu-icount.c does. */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <inttypes.h>

/* The declarations of qemu-plugin.h that this plugin uses (QEMU 7.2), so
   that it builds without QEMU's headers. */
typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
typedef void (*tb_trans_cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*udata_cb)(qemu_plugin_id_t id, void *userdata);
typedef void (*vcpu_udata_cb)(unsigned int vcpu_index, void *userdata);

extern void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, tb_trans_cb cb);
extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
extern void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, vcpu_udata_cb cb,
                                                 enum qemu_plugin_cb_flags flags, void *userdata);
extern void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, udata_cb cb, void *userdata);
extern void qemu_plugin_outs(const char *string);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

static uint64_t count;

static void on_exec(unsigned int vcpu_index, void *insns)
{
    (void)vcpu_index;
    __atomic_fetch_add(&count, (uint64_t)(uintptr_t)insns, __ATOMIC_RELAXED);
}

static void on_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_cb(tb, on_exec, QEMU_PLUGIN_CB_NO_REGS,
                                         (void *)(uintptr_t)qemu_plugin_tb_n_insns(tb));
}

static void on_exit(qemu_plugin_id_t id, void *u)
{
    (void)id; (void)u;
    char buf[64];
    snprintf(buf, sizeof buf, "icount: %" PRIu64 "\n", __atomic_load_n(&count, __ATOMIC_RELAXED));
    qemu_plugin_outs(buf);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info; (void)argc; (void)argv;
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_trans);
    qemu_plugin_register_atexit_cb(id, on_exit, NULL);
    return 0;
}
