/* driver.c -- cuckoo-cc's options and processes.
 *
 *   .ck --cpp--> text --parse/check--> typed AST --codegen--> .s --as--> .o
 *   .o ... --cuckoo-ld--> program
 *
 * Options follow cc's where cc has them, so make, ccache and distributed
 * build wrappers can drive cuckoo-cc.  Every output is written to a
 * temporary file and renamed into place only on success: no half-written
 * output is ever left behind, and no input is ever overwritten. */
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np, environ */
#include "config.h"
#include "cc.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

bool opt_dump_ir;
bool opt_debug;
int opt_level = 1;

static bool opt_c, opt_S, opt_E, opt_syntax_only, opt_dump_ast, opt_interface, opt_verbose;
static const char *opt_o;
static Vec cpp_args;               /* -I -D -U and dependency options for cpp */
static Vec link_args;              /* -L -l and object/archive inputs, in order */
static Vec inputs;                 /* .ck sources */
static bool dep_md, dep_mmd, dep_mp;
static int dep_only;                  /* -M 1, -MM 2: the dependency rule instead of output */
static bool opt_save_temps;
static const char *dep_mf, *dep_mt;

/* ---- temporary files, removed at exit ------------------------------------ */

static Vec temps;
static Vec temp_dirs;              /* removed after the files in them */

static void remove_temps(void) {
  for (int i = 0; i < temps.len; i++)
    unlink(temps.v[i]);
  for (int i = 0; i < temp_dirs.len; i++)
    rmdir(temp_dirs.v[i]);
}

static void on_signal(int sig) {
  remove_temps();
  signal(sig, SIG_DFL);
  raise(sig);
}

static char *temp_file(const char *suffix) {
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir)
    dir = "/tmp";
  char *path = format("%s/cuckoo-XXXXXX%s", dir, suffix);
  int fd = mkstemps(path, (int)strlen(suffix));
  if (fd < 0) {
    fprintf(stderr, "cuckoo-cc: error: cannot create a temporary file in %s: %s\n", dir,
            strerror(errno));
    exit(2);
  }
  close(fd);
  vec_push(&temps, path);
  return path;
}

/* An output that is not a regular file (or a directory): a device such as
 * /dev/null, a FIFO, a terminal.  It is written in place: renaming a
 * temporary onto /dev/null would replace the device with a regular file. */
static bool writes_in_place(const char *dest) {
  struct stat st;
  if (!strcmp(dest, "-"))
    return true;
  return stat(dest, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* A temporary file beside DEST (same file system), renamed onto DEST by
 * commit(); for an output written in place, one in the temporary directory. */
static char *temp_beside(const char *dest) {
  if (writes_in_place(dest))
    return temp_file(".out");
  char *path = format("%s.tmpXXXXXX", dest);
  int fd = mkstemp(path);
  if (fd < 0) {
    fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", dest, strerror(errno));
    exit(2);
  }
  close(fd);
  vec_push(&temps, path);
  return path;
}

/* Copies the finished file TMP to FD (standard output, a device, a FIFO). */
static bool copy_to(const char *tmp, int fd) {
  int in = open(tmp, O_RDONLY);
  if (in < 0)
    return false;
  char buf[65536];
  ssize_t n;
  bool ok = true;
  while (ok && (n = read(in, buf, sizeof buf)) != 0) {
    if (n < 0) {
      ok = errno == EINTR;
      continue;
    }
    for (ssize_t done = 0; ok && done < n;) {
      ssize_t w = write(fd, buf + done, (size_t)(n - done));
      if (w < 0)
        ok = errno == EINTR;
      else
        done += w;
    }
  }
  close(in);
  return ok;
}

static void commit(const char *tmp, const char *dest) {
  if (writes_in_place(dest)) {
    bool std = !strcmp(dest, "-");  /* -o -: standard output, as with cc */
    fflush(stdout);
    int fd = std ? 1 : open(dest, O_WRONLY | O_NOCTTY);
    if (fd < 0 || !copy_to(tmp, fd) || (!std && close(fd) != 0)) {
      if (std)
        fprintf(stderr, "cuckoo-cc: error: writing to standard output: %s\n", strerror(errno));
      else
        fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", dest, strerror(errno));
      exit(2);
    }
    unlink(tmp);
    return;
  }
  if (rename(tmp, dest) != 0) {
    fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", dest, strerror(errno));
    exit(2);
  }
  chmod(dest, 0644);
}

/* ---- processes --------------------------------------------------------------- */

/* Runs ARGV in directory CWD (NULL: ours); stdout goes to OUT_FD when >= 0.
 * Returns the exit status.  posix_spawnp rather than fork: the child
 * shares our memory until it execs, so starting cpp and as costs no copy
 * of the page tables of a compiler that has already built its IR. */
static int run_in(char **argv, int out_fd, const char *cwd) {
  if (opt_verbose) {
    for (char **a = argv; *a; a++)
      fprintf(stderr, "%s%s", a == argv ? " " : " ", *a);
    fputc('\n', stderr);
  }
  fflush(stdout);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (out_fd >= 0)
    posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
  if (cwd)
    posix_spawn_file_actions_addchdir_np(&fa, cwd);
  pid_t pid;
  int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (err) {
    if (cwd && err != ENOENT && err != EACCES)
      fprintf(stderr, "cuckoo-cc: error: cannot run '%s' in %s: %s\n", argv[0], cwd, strerror(err));
    else
      fprintf(stderr, "cuckoo-cc: error: cannot run '%s': %s\n", argv[0], strerror(err));
    return 127;
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) {
      fprintf(stderr, "cuckoo-cc: error: waiting for %s: %s\n", argv[0], strerror(errno));
      exit(2);
    }
  if (WIFSIGNALED(st)) {
    fprintf(stderr, "cuckoo-cc: error: %s was killed by signal %d\n", argv[0], WTERMSIG(st));
    return 2;
  }
  return WEXITSTATUS(st);
}

static int run(char **argv, int out_fd) { return run_in(argv, out_fd, NULL); }

/* PATH made absolute against our working directory. */
static char *absolute(const char *path) {
  if (path[0] == '/')
    return (char *)path;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) {
    fprintf(stderr, "cuckoo-cc: error: cannot find the current directory: %s\n",
            strerror(errno));
    exit(2);
  }
  return format("%s/%s", cwd, path);
}

/* The directory of this executable, to find cuckoo-ld and the headers. */
static char *self_dir(void) {
  static char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  char *s = strrchr(buf, '/');
  if (s)
    *s = '\0';
  return buf;
}

static const char *include_dir(void) {
  const char *e = getenv("CUCKOO_INCLUDE_DIR");
  if (e && *e)
    return e;
  return CUCKOO_INCLUDEDIR;
}

static const char *linker_path(void) {
  const char *e = getenv("CUCKOO_LD");
  if (e && *e)
    return e;
  char *d = self_dir();
  if (d) {
    char *p = format("%s/cuckoo-ld", d);
    if (access(p, X_OK) == 0)
      return p;
  }
  return CUCKOO_BINDIR "/cuckoo-ld";
}

/* PATH with its extension replaced by EXT; KEEP_DIR keeps its directory
 * (the dependency file of `-c -o DIR/x.o` is DIR/x.d, as with gcc), else
 * the result is in the current directory (`-c dir/a.ck` writes a.o). */
static char *with_ext(const char *path, const char *ext, bool keep_dir) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  const char *from = keep_dir ? path : base;
  size_t n = dot ? (size_t)(dot - from) : strlen(from);
  return format("%.*s%s", (int)n, from, ext);
}

static char *replace_ext(const char *path, const char *ext) { return with_ext(path, ext, false); }
static char *replace_ext_in_place(const char *path, const char *ext) {
  return with_ext(path, ext, true);
}

/* Does writing OUT overwrite INPUT?  By device and inode, so that `-o ./x.ck`
 * and hard links are caught as well as the same spelling. */
static bool same_file(const char *out, const char *input) {
  if (!strcmp(out, input))
    return true;
  struct stat a, b;
  return stat(out, &a) == 0 && stat(input, &b) == 0 && a.st_dev == b.st_dev
         && a.st_ino == b.st_ino;
}

static void bad_usage(const char *fmt, const char *arg);

/* Refuses (bad usage) an output that is one of the inputs. */
static void check_not_input(const char *out) {
  for (int i = 0; i < inputs.len; i++)
    if (same_file(out, inputs.v[i]))
      bad_usage("the output '%s' would overwrite an input", out);
  for (int i = 0; i < link_args.len; i++) {
    const char *a = link_args.v[i];
    if (a[0] != '-' && same_file(out, a))
      bad_usage("the output '%s' would overwrite an input", out);
  }
}

static bool ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

/* -save-temps: a copy of an intermediate file in the current directory. */
static void save_temp(const char *data, size_t len, const char *name) {
  FILE *f = fopen(name, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
    fprintf(stderr, "cuckoo-cc: error: cannot write %s: %s\n", name, strerror(errno));
    exit(2);
  }
}

/* Preprocesses SRC; returns the text (or NULL after cpp reported errors). */
static char *preprocess(const char *src, const char *obj_name, size_t *len, int out_fd) {
  Vec a = {0};
  vec_push(&a, CUCKOO_CPP);
  vec_push(&a, "-x");
  vec_push(&a, "c");
  vec_push(&a, "-std=c99");
  vec_push(&a, "-undef");
  vec_push(&a, "-nostdinc");
  vec_push(&a, "-D__CUCKOO__=1");
  vec_push(&a, "-D__i386__=1");
  vec_push(&a, "-D__ILP32__=1");
  for (int i = 0; i < cpp_args.len; i++)
    vec_push(&a, cpp_args.v[i]);
  /* the runtime's header is a system header: -MMD leaves it out, as gcc does */
  vec_push(&a, "-isystem");
  vec_push(&a, (char *)include_dir());
  if (dep_only) {
    /* -M/-MM: the rule is the output (stdout, or -MF, or -o) */
    vec_push(&a, dep_only == 1 ? "-M" : "-MM");
    if (dep_mf) {
      vec_push(&a, "-MF");
      vec_push(&a, (char *)dep_mf);
    }
    if (dep_mt) {
      vec_push(&a, "-MT");
      vec_push(&a, (char *)dep_mt);
    }
    if (dep_mp)
      vec_push(&a, "-MP");
  } else if (dep_md || dep_mmd) {
    vec_push(&a, dep_mmd ? "-MMD" : "-MD");
    vec_push(&a, "-MF");
    vec_push(&a, (char *)(dep_mf ? dep_mf
                                 : opt_o && (opt_c || opt_S) ? replace_ext_in_place(opt_o, ".d")
                                                             : replace_ext(src, ".d")));
    vec_push(&a, "-MT");
    vec_push(&a, (char *)(dep_mt ? dep_mt : obj_name));
    if (dep_mp)
      vec_push(&a, "-MP");
  }
  vec_push(&a, (char *)src);
  vec_push(&a, NULL);
  if (out_fd >= 0)
    return run((char **)a.v, out_fd) == 0 ? "" : NULL;
  char *tmp = temp_file(".i");
  int fd = open(tmp, O_WRONLY | O_TRUNC);
  int st = run((char **)a.v, fd);
  close(fd);
  if (st != 0)
    return NULL;
  char *text = read_file(tmp, len);
  if (opt_save_temps && text)
    save_temp(text, *len, replace_ext(src, ".i"));
  return text;
}

/* The proof writer (tld/provefile.c, linked in): IN made again as OUT with
 * the states at branch targets in its proof, or the proof's text alone;
 * 3 when IN is no Cuckoo object with a proof. */
int tld_prove_file(const char *in, const char *out, int text_only);
extern const char *tld_progname;

/* Assembles ASM_PATH into OBJ (LABELS: keeping the local labels, which
 * name the places of the states in -S output); exits on failure. */
static void run_as(const char *asm_path, const char *obj, bool labels, bool user) {
  char *argv[] = {CUCKOO_AS, "--32", "-o", (char *)obj, (char *)asm_path, labels ? "-L" : NULL, NULL};
  if (run(argv, -1) != 0) {
    if (user)
      fprintf(stderr, "cuckoo-cc: error: '%s': the assembler failed (its messages are above)\n", asm_path);
    else
      fprintf(stderr, "cuckoo-cc: error: the assembler failed on the generated code (a compiler "
                      "bug: please report it)\n");
    exit(user ? 1 : 2);
  }
}

/* Writes the proof's states at branch targets: IN made again as OUT (TEXT:
 * the proof's text alone into OUT), by the proof writer linked in, or by
 * the program $CUCKOO_PROVE names (tests, measurements).  False when IN
 * is no Cuckoo object with a proof (a hand-written one: it is kept as it
 * is, and the linker says what is wrong with it). */
static bool prove(const char *in, const char *out, bool text, const char *asm_path) {
  const char *prover = getenv("CUCKOO_PROVE");
  int st;
  if (prover && *prover) {
    char *argv[] = {(char *)prover, text ? "--text" : (char *)in, text ? (char *)in : (char *)out,
                    text ? (char *)out : NULL, NULL};
    st = run(argv, -1);
  } else {
    tld_progname = "cuckoo-cc";
    st = tld_prove_file(in, out, text);
  }
  if (st == 3)
    return false;
  if (st != 0) {
    fprintf(stderr, "cuckoo-cc: error: writing the proof of '%s' failed (a toolchain bug: please report it)\n",
            asm_path);
    exit(2);
  }
  return true;
}

/* The object: the assembler's, with the proof's states put in. */
static void assemble_to(const char *asm_path, const char *obj_path, bool user) {
  run_as(asm_path, obj_path, false, user);
  prove(obj_path, obj_path, false, asm_path); /* it reads the object whole first */
}

static void assemble_user(const char *asm_path, const char *obj_path) { assemble_to(asm_path, obj_path, true); }

static void assemble(const char *asm_path, const char *obj_path) { assemble_to(asm_path, obj_path, false); }

/* -S: the assembly at ASM_PATH gets the proof's states too, in its
 * .cuckoo.proof block (the last block of .ascii lines after the section
 * directive, as the compiler writes it), so that `cuckoo-cc -c x.s`
 * makes the object `cuckoo-cc -c x.ck` makes. */
static void prove_assembly(const char *asm_path) {
  char *lab = temp_file(".o"), *proof = temp_file(".proof");
  run_as(asm_path, lab, true, false);
  if (!prove(lab, proof, true, asm_path))
    return;
  size_t alen, plen;
  char *text = read_file(asm_path, &alen), *ptext = read_file(proof, &plen);
  if (!text || !ptext) {
    fprintf(stderr, "cuckoo-cc: error: cannot read '%s': %s\n", text ? proof : asm_path, strerror(errno));
    exit(2);
  }
  const char *head = "\t.section .cuckoo.proof,\"\",@progbits\n";
  char *at = strstr(text, head);
  if (!at)
    return;
  char *body = at + strlen(head), *end = body;
  while (!strncmp(end, "\t.ascii \"", 8)) {
    char *nl = strchr(end, '\n');
    end = nl ? nl + 1 : end + strlen(end);
  }
  FILE *o = fopen(asm_path, "w");
  if (!o) {
    fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", asm_path, strerror(errno));
    exit(2);
  }
  fwrite(text, 1, (size_t)(body - text), o);
  for (const char *p = ptext; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
    /* "at +0xOFF LABEL": the label is for the reader of the assembly, as a
     * comment -- the object names the place by its offset alone, so that
     * `as` of this file makes the object `cuckoo-cc -c` makes */
    const char *label = NULL;
    size_t llen = 0;
    if (!strncmp(p, "at +0x", 6)) {
      const char *sp = memchr(p + 6, ' ', n - 6);
      if (sp) {
        label = sp + 1;
        llen = (size_t)(p + n - label) - (nl ? 1 : 0);
        n = (size_t)(sp - p);
      }
    }
    fputs("\t.ascii \"", o);
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)p[i];
      if (c == '"' || c == '\\')
        fprintf(o, "\\%c", c);
      else if (c >= 32 && c < 127)
        fputc(c, o);
      else
        fprintf(o, "\\%03o", c);
    }
    if (label) {
      fprintf(o, "\\012\"\t# %.*s\n", (int)llen, label);
      p += n + 1 + llen + (nl ? 1 : 0);
      continue;
    }
    fputs("\"\n", o);
    p += n;
  }
  fputs(end, o);
  if (fclose(o) != 0) {
    fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", asm_path, strerror(errno));
    exit(2);
  }
}

/* Front end and code generation for one source; writes assembly to ASM_OUT. */
static bool compile_source(const char *src, const char *asm_out, const char *obj_name) {
  size_t len = 0;
  char *text = preprocess(src, obj_name, &len, -1);
  if (!text)
    return false;
  bool ok = true;
  ExtDecl *decls = parse_program(text, len, src, &ok);
  if (!ok || diag_errors)
    return false;
  if (opt_dump_ast) {
    ast_dump(stdout, decls);
    return true;
  }
  Program *prog = xmalloc(sizeof *prog);
  prog->source = src;
  check_program(decls, prog);
  if (diag_errors)
    return false;
  if (opt_syntax_only) {
    /* every compile error, the frame sizes the back end finds too */
    codegen_check_program(prog);
    report_flush(src);
    return !diag_errors;
  }
  if (opt_dump_ir) {
    ir_dump_program(prog, stdout);
    report_flush(src);
    return true;
  }
  FILE *out = fopen(asm_out, "w");
  if (!out) {
    fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", asm_out, strerror(errno));
    exit(2);
  }
  codegen_program(prog, out, src);
  report_flush(src);
  if (fclose(out) != 0) {
    fprintf(stderr, "cuckoo-cc: error: writing '%s': %s\n", asm_out, strerror(errno));
    exit(2);
  }
  return !diag_errors;            /* the back end's errors: frames too large */
}

/* --interface: the runtime's block from cuckoo.ckh and internal.ckh. */
static int interface_mode(void) {
  if (!inputs.len || !opt_o) {
    fprintf(stderr, "cuckoo-cc: error: --interface needs header files and -o FILE.s\n");
    return 2;
  }
  Program *prog = xmalloc(sizeof *prog);
  ExtDecl head = {0}, *tail = &head;
  for (int i = 0; i < inputs.len; i++) {
    size_t len = 0;
    char *text = preprocess(inputs.v[i], "rt", &len, -1);
    bool ok = true;
    if (!text)
      return 1;
    ExtDecl *d = parse_program(text, len, inputs.v[i], &ok);
    if (!ok || diag_errors)
      return 1;
    /* a header included by a later one is skipped by its guard */
    tail->next = d;
    while (tail->next)
      tail = tail->next;
  }
  check_program(head.next, prog);
  if (diag_errors)
    return 1;
  char *block = typesec_block(prog, inputs.v[0], true);
  char *tmp = temp_beside(opt_o);
  FILE *out = fopen(tmp, "w");
  fprintf(out, "# The Cuckoo runtime's interface block, made by cuckoo-cc --interface.\n");
  fprintf(out, "\t.section .cuckoo.types,\"\",@progbits\n");
  for (char *line = block; *line;) {
    char *nl = strchr(line, '\n');
    fprintf(out, "\t.ascii \"%.*s\\n\"\n", (int)(nl - line), line);
    line = nl + 1;
  }
  fprintf(out, "\t.section .note.GNU-stack,\"\",@progbits\n");
  fclose(out);
  commit(tmp, opt_o);
  return 0;
}

/* ---- options ------------------------------------------------------------------------ */

static void usage(FILE *f) {
  fprintf(f,
          "Usage: cuckoo-cc [options] file...\n"
          "Compile Cuckoo sources (.ck) to i386 assembly, objects or programs.\n\n"
          "  -c                 compile and assemble, do not link\n"
          "  -S                 compile only; write annotated assembly (.s)\n"
          "  -E                 preprocess only\n"
          "  -fsyntax-only      check the program and stop\n"
          "  -o FILE            write the output to FILE\n"
          "  -I DIR, -D NAME[=V], -U NAME   preprocessor options\n"
          "  -MD -MMD -MF FILE -MT TARGET -MP   dependency files (as in gcc)\n"
          "  -g                 debugging information (.ck lines for gdb)\n"
          "  -O0 -O1 -O2        optimisation level (checks stay; only proven ones go)\n"
          "  -Wall              unused variables and functions, assignments as conditions,\n"
          "                     enum switches missing a case, unreachable code, sizeof of\n"
          "                     an array where a count is meant\n"
          "  -Wextra            unused parameters, comparisons always true or false\n"
          "  -WNAME, -Wno-NAME  one warning on or off (the name its message ends with)\n"
          "  -Werror[=NAME]     warnings (or one) as errors; -Wno-error=NAME undoes one\n"
          "  -w                 no warnings\n"
          "  -Wl,... -Wa,...    refused: cuckoo-ld builds the link and checks it\n"
          "  -M, -MM            print the make rule of the dependencies instead of compiling\n"
          "  -save-temps        keep the preprocessed (.i) and assembly (.s) files\n"
          "  -x cuckoo, -std=cuckoo   the language (other languages and standards: refused)\n"
          "  -dumpversion, -dumpmachine, -print-prog-name=PROG   as in gcc\n"
          "  -m32 -pipe -no-pie -pedantic -lm -lpthread -lc -fwrapv   accepted, change nothing\n"
          "  -m64 -shared -fPIC -fPIE -ffunction-sections   refused, with the reason\n"
          "  -L DIR, -l NAME    passed to cuckoo-ld\n"
          "  -fdump-ir          print the intermediate code with its checks\n"
          "  -fdump-ir-after=PASS  print it after each run of the optimiser's pass PASS (or all)\n"
          "  -fpasses=P1,P2,...  run these passes in this order instead of the -O level's (or none)\n"
          "  -fdump-ir FILE.ir   read -fdump-ir's text back, run the passes on it, print it\n"
          "  -fcheck-report[=FILE]  a remark per run-time check: kept, moved or removed,\n"
          "                     and why (to standard error, or to FILE)\n"
          "  -fdump-ast         print the syntax tree\n"
          "  -v                 show the commands run\n"
          "  --interface HDR... -o FILE.s   the runtime's type block (build use)\n"
          "  --help, --version\n\n"
          "Exit status: 0 success, 1 the program was rejected, 2 bad usage or failure.\n"
          "Report bugs to <%s>.\n",
          PACKAGE_BUGREPORT);
}

static void bad_usage(const char *fmt, const char *arg) {
  fprintf(stderr, "cuckoo-cc: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'cuckoo-cc --help' for more information.\n");
  exit(2);
}

static void parse_args(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    char *a = argv[i];
#define NEXT_ARG() (i + 1 < argc ? argv[++i] : (bad_usage("missing argument to '%s'", a), ""))
    if (!strcmp(a, "--help")) {
      usage(stdout);
      exit(0);
    } else if (!strcmp(a, "--version")) {
      printf("cuckoo-cc (Cuckoo) %s\nTarget: i386-linux (Cuckoo)\n", PACKAGE_VERSION);
      exit(0);
    } else if (!strcmp(a, "-c")) {
      opt_c = true;
    } else if (!strcmp(a, "-S")) {
      opt_S = true;
    } else if (!strcmp(a, "-E")) {
      opt_E = true;
    } else if (!strcmp(a, "-fsyntax-only")) {
      opt_syntax_only = true;
    } else if (!strcmp(a, "-fdump-ir")) {
      opt_dump_ir = true;
    } else if (!strncmp(a, "-fdump-ir-after=", 16)) {
      if (!opt_pass_exists(a + 16))
        bad_usage("%s", format("'%s': no pass named '%s' (the passes: %s; or all)", a, a + 16, opt_pass_names()));
      opt_dump_ir = true;
      opt_dump_after = a + 16;
    } else if (!strncmp(a, "-fpasses=", 9)) {
      /* the optimiser's passes by name, in order, instead of the -O level's */
      char *list = xstrdup(a + 9), *save = NULL;
      if (!*list)
        bad_usage("'%s' needs pass names after '=' (or none)", a);
      for (char *n = strtok_r(list, ",", &save); n; n = strtok_r(NULL, ",", &save))
        if (strcmp(n, "all") && opt_pass_exists(n) && !opt_pass_listable(n))
          bad_usage("%s", format("'%s': '%s' runs in the back end, between its two register allocations, "
                                 "never alone (-fdump-ir-after=%s prints the IR it leaves)", a, n, n));
        else if (!strcmp(n, "all") || (strcmp(n, "none") && !opt_pass_listable(n)))
          bad_usage("%s", format("'%s': no pass named '%s' (the passes: %s; or none)", a, n, opt_pass_names()));
      free(list);
      opt_pass_list = a + 9;
    } else if (!strcmp(a, "-fcheck-report") || !strcmp(a, "-Wruntime-checks")) {
      check_report = true;
    } else if (!strncmp(a, "-fcheck-report=", 15)) {
      if (!a[15])
        bad_usage("'%s' needs a file name after '='", a);
      check_report = true;
      check_report_file = a + 15;
    } else if (!strcmp(a, "-fdump-ast")) {
      opt_dump_ast = true;
    } else if (!strcmp(a, "--interface")) {
      opt_interface = true;
    } else if (!strcmp(a, "-v")) {
      opt_verbose = true;
    } else if (!strcmp(a, "-o")) {
      opt_o = NEXT_ARG();
    } else if (!strncmp(a, "-o", 2)) {
      opt_o = a + 2;
    } else if (!strcmp(a, "-g") || !strncmp(a, "-g", 2)) {
      opt_debug = strcmp(a, "-g0") != 0;
    } else if (!strcmp(a, "-O0") || !strcmp(a, "-O1") || !strcmp(a, "-O2") || !strcmp(a, "-O")
               || !strcmp(a, "-O3") || !strcmp(a, "-Os")) {
      opt_level = a[2] == '0' ? 0 : a[2] == '1' || a[2] == '\0' ? 1 : 2;
    } else if (!strcmp(a, "-w")) {
      diag_no_warnings = true;
    } else if (!strncmp(a, "-Wl,", 4) || !strncmp(a, "-Wa,", 4) || !strncmp(a, "-Wp,", 4)) {
      bad_usage(a[2] == 'l' ? "'%s' is refused: cuckoo-ld builds the link itself, and a linker "
                              "option could bypass what it checks"
                : a[2] == 'a' ? "'%s' is refused: cuckoo-cc gives the assembler no options of "
                                "yours, since one could change the code it checked"
                              : "'%s' is refused: pass preprocessor options directly (-D, -U, -I)",
                a);
    } else if (!strncmp(a, "-W", 2) && a[2]) {
      /* gcc's warnings that cuckoo-cc does not have are accepted, as
       * build systems pass them; its own (warnings.def) take effect */
      diag_warning_option(a + 2);
    } else if (!strcmp(a, "-I") || !strcmp(a, "-D") || !strcmp(a, "-U")) {
      vec_push(&cpp_args, a);
      vec_push(&cpp_args, NEXT_ARG());
    } else if (!strncmp(a, "-I", 2) || !strncmp(a, "-D", 2) || !strncmp(a, "-U", 2)) {
      vec_push(&cpp_args, a);
    } else if (!strcmp(a, "-M") || !strcmp(a, "-MM")) {
      dep_only = a[2] ? 2 : 1;
    } else if (!strcmp(a, "-save-temps") || !strcmp(a, "-save-temps=cwd")) {
      opt_save_temps = true;
    } else if (!strcmp(a, "-x") || !strncmp(a, "-x", 2)) {
      const char *lang = a[2] ? a + 2 : NEXT_ARG();
      if (strcmp(lang, "cuckoo") && strcmp(lang, "none"))
        bad_usage("'-x %s' is refused: cuckoo-cc compiles Cuckoo only (-x cuckoo); compile C "
                  "with a C compiler and link it with cuckoo-ld --trust", lang);
    } else if (!strcmp(a, "-dumpversion")) {
      printf("%s\n", PACKAGE_VERSION);
      exit(0);
    } else if (!strcmp(a, "-dumpmachine")) {
      printf("i386-linux-cuckoo\n");
      exit(0);
    } else if (!strncmp(a, "-print-prog-name=", 17)) {
      const char *prog = a + 17;
      printf("%s\n", !strcmp(prog, "as") ? CUCKOO_AS : !strcmp(prog, "cpp") ? CUCKOO_CPP
                     : !strcmp(prog, "ld") ? linker_path() : prog);
      exit(0);
    } else if (!strcmp(a, "-lm") || !strcmp(a, "-lpthread") || !strcmp(a, "-lc") ||
               !strcmp(a, "-no-pie") || !strcmp(a, "-pedantic") ||
               !strcmp(a, "-pedantic-errors") || !strcmp(a, "-pthread") ||
               !strncmp(a, "-march=", 7) || !strncmp(a, "-mtune=", 7) ||
               !strcmp(a, "-fwrapv") || !strcmp(a, "-fno-strict-aliasing") ||
               !strcmp(a, "-fno-common") || !strcmp(a, "-fno-omit-frame-pointer") ||
               !strcmp(a, "-fomit-frame-pointer") || !strncmp(a, "-fstack-protector", 17) ||
               !strncmp(a, "-fdiagnostics-color", 19) || !strcmp(a, "-fno-builtin")) {
      /* accepted, changing nothing: the runtime brings the mathematics and
       * the threads, programs are never PIE, signed overflow already
       * wraps, every Cuckoo rule is an error already (-pedantic), and a
       * frame check replaces the stack protector */
    } else if (!strncmp(a, "-std=", 5) || !strcmp(a, "-ansi")) {
      if (strcmp(a, "-std=cuckoo"))
        bad_usage("'%s' is refused: cuckoo-cc compiles the Cuckoo dialect (-std=cuckoo), whose "
                  "rules differ from every C standard's", a);
    } else if (!strcmp(a, "-m64") || !strcmp(a, "-mx32")) {
      bad_usage("'%s' is refused: cuckoo-cc has only an i386 back end so far", a);
    } else if (!strcmp(a, "-ffunction-sections") || !strcmp(a, "-fdata-sections") ||
               !strcmp(a, "-fPIE") || !strcmp(a, "-fpie") || !strcmp(a, "-static-pie")) {
      bad_usage("'%s' is refused: cuckoo-ld accepts only the sections and code model that "
                "cuckoo-cc writes", a);
    } else if (!strcmp(a, "-MD")) {
      dep_md = true;
    } else if (!strcmp(a, "-MMD")) {
      dep_mmd = true;
    } else if (!strcmp(a, "-MP")) {
      dep_mp = true;
    } else if (!strcmp(a, "-MF")) {
      dep_mf = NEXT_ARG();
    } else if (!strcmp(a, "-MT")) {
      dep_mt = NEXT_ARG();
    } else if (!strcmp(a, "-L") || !strcmp(a, "-l")) {
      vec_push(&link_args, format("%s%s", a, NEXT_ARG()));
    } else if (!strncmp(a, "-L", 2) || !strncmp(a, "-l", 2)) {
      vec_push(&link_args, a);
    } else if (!strcmp(a, "-shared") || !strcmp(a, "-fPIC") || !strcmp(a, "-fpic") ||
               !strcmp(a, "-pie")) {
      bad_usage("'%s' is refused: Cuckoo programs are non-PIE executables, and shared "
                "Cuckoo libraries are not supported", a);
    } else if (!strcmp(a, "-m32") || !strcmp(a, "-pipe")) {
      /* accepted: i386 is the only target; pipes change nothing here */
    } else if (a[0] == '-' && a[1]) {
      bad_usage("unrecognized option '%s'", a);
    } else if (ends_with(a, ".ck") || ends_with(a, ".ckh") || ends_with(a, ".s")) {
      /* .s: cuckoo-cc -S output (with its .cuckoo.proof), assembled as
       * is but for the proof's states at branch targets, which
       * cuckoo-prove writes again -- the linker believes none of it
       * (doc/verify.md) */
      vec_push(&inputs, a);
    } else if (ends_with(a, ".ir")) {
      /* -fdump-ir's text, read back: optimised and printed, never
       * compiled (it lacks the types the proof and -g need) */
      vec_push(&inputs, a);
    } else if (ends_with(a, ".o") || ends_with(a, ".a")) {
      vec_push(&link_args, a);
    } else {
      bad_usage("'%s': unknown kind of input (expected .ck sources, .o objects or .a "
                "archives; .ir with -fdump-ir)", a);
    }
#undef NEXT_ARG
  }
}

int main(int argc, char **argv) {
  atexit(remove_temps);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGHUP, on_signal);
  parse_args(argc, argv);

  lex_runtime_dir = include_dir();
  lex_runtime_trusted = opt_interface;
  if (opt_interface)
    return interface_mode();
  if (!inputs.len && !link_args.len)
    bad_usage("%s", "no input files");
  if (dep_only)
    opt_E = true;                  /* -M/-MM: preprocess only, the rule is the output */
  int stop_modes = opt_c + opt_S + opt_E + opt_syntax_only;
  if (opt_o && inputs.len > 1 && (opt_c || opt_S || opt_E))
    bad_usage("%s", "cannot specify -o with -c, -S or -E and several source files");
  if ((opt_dump_ir || opt_dump_ast) && !stop_modes)
    opt_syntax_only = false;
  for (int i = 0; i < inputs.len; i++) {
    struct stat st;
    if (stat(inputs.v[i], &st) != 0) {
      fprintf(stderr, "cuckoo-cc: error: %s: %s\n", (char *)inputs.v[i], strerror(errno));
      return 2;
    }
  }
  if (opt_o)
    check_not_input(opt_o);
  if (check_report_file)
    check_not_input(check_report_file);

  if (opt_E) {
    for (int i = 0; i < inputs.len; i++) {
      if (opt_o) {
        char *tmp = temp_beside(opt_o);
        int fd = open(tmp, O_WRONLY | O_TRUNC);
        size_t len;
        if (!preprocess(inputs.v[i], opt_o, &len, fd))
          return 1;
        close(fd);
        commit(tmp, opt_o);
      } else {
        size_t len;
        if (!preprocess(inputs.v[i], "-", &len, 1))
          return 1;
      }
    }
    return 0;
  }

  /* Objects compiled for a link go to a private directory under the names
   * of their sources (a.ck -> a.o), and cuckoo-ld runs there: the names it
   * records in the program's manifest are then the same at every build. */
  bool failed = false;
  Vec objects = {0};
  char *link_dir = NULL;
  for (int i = 0; i < inputs.len; i++) {
    const char *src = inputs.v[i];
    diag_errors = 0;
    bool is_asm = ends_with(src, ".s");
    if (is_asm && (opt_S || opt_syntax_only || opt_dump_ast || opt_dump_ir)) {
      fprintf(stderr, "cuckoo-cc: error: '%s': assembly input is only assembled (use -c, or link it)\n",
              src);
      failed = true;
      continue;
    }
    if (ends_with(src, ".ir")) {
      if (!opt_dump_ir || opt_dump_ast || opt_S || opt_syntax_only) {
        fprintf(stderr, "cuckoo-cc: error: '%s': IR input is only read with -fdump-ir (it is optimised and "
                "printed; it lacks the types an object needs)\n", src);
        failed = true;
      } else if (!ir_dump_file(src, stdout))
        failed = true;
      continue;
    }
    if (opt_syntax_only || opt_dump_ast || opt_dump_ir) {
      if (!compile_source(src, NULL, "-"))
        failed = true;
      continue;
    }
    char *obj_name = opt_o && (opt_c || opt_S) ? (char *)opt_o
                     : replace_ext(src, opt_S ? ".s" : ".o");
    if (opt_c || opt_S)
      check_not_input(obj_name);
    if (opt_S) {
      char *tmp = temp_beside(obj_name);
      if (!compile_source(src, tmp, obj_name)) {
        failed = true;
        continue;
      }
      prove_assembly(tmp);
      commit(tmp, obj_name);
      continue;
    }
    char *s = is_asm ? (char *)src : temp_file(".s");
    if (!is_asm && !compile_source(src, s, obj_name)) {
      failed = true;
      continue;
    }
    if (opt_save_temps && !is_asm) {
      size_t slen;
      char *text = read_file(s, &slen);
      if (text)
        save_temp(text, slen, replace_ext(src, ".s"));
    }
    if (opt_c) {
      char *tmp = temp_beside(obj_name);
      (is_asm ? assemble_user : assemble)(s, tmp);
      commit(tmp, obj_name);
    } else {
      if (!link_dir) {
        const char *tmpdir = getenv("TMPDIR");
        link_dir = format("%s/cuckoo-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
        if (!mkdtemp(link_dir)) {
          fprintf(stderr, "cuckoo-cc: error: cannot create a temporary directory: %s\n",
                  strerror(errno));
          return 2;
        }
        vec_push(&temp_dirs, link_dir);
      }
      char *name = replace_ext(src, ".o");
      for (int k = 2, again = 1; again; k++) {   /* a.ck and lib/a.ck: a.o, a-2.o */
        again = 0;
        for (int j = 0; j < objects.len; j++)
          if (!strcmp(objects.v[j], name)) {
            name = format("%.*s-%d.o", (int)strlen(replace_ext(src, "")), replace_ext(src, ""), k);
            again = 1;
          }
      }
      char *path = format("%s/%s", link_dir, name);
      vec_push(&temps, path);
      (is_asm ? assemble_user : assemble)(s, path);
      vec_push(&objects, name);
    }
  }
  if (check_report_file) {
    /* written whole, like every output: FILE never holds half a report */
    char *tmp = temp_beside(check_report_file);
    FILE *rf = fopen(tmp, "w");
    if (!rf || fputs(report_text(), rf) < 0 || fclose(rf) != 0) {
      fprintf(stderr, "cuckoo-cc: error: cannot write '%s': %s\n", check_report_file, strerror(errno));
      return 2;
    }
    commit(tmp, check_report_file);
  }
  if (failed)
    return 1;
  if (opt_c || opt_S || opt_syntax_only || opt_dump_ast || opt_dump_ir)
    return 0;

  /* link: the compiled sources, then the other inputs in command-line
   * order, every path absolute since cuckoo-ld runs in the objects' directory */
  const char *ld = linker_path();
  Vec a = {0};
  vec_push(&a, strchr(ld, '/') ? absolute(ld) : (char *)ld);
  vec_push(&a, "-o");
  vec_push(&a, absolute(opt_o ? opt_o : "a.out"));
  for (int i = 0; i < objects.len; i++)
    vec_push(&a, objects.v[i]);
  for (int i = 0; i < link_args.len; i++) {
    char *arg = link_args.v[i];
    if (!strncmp(arg, "-L", 2))
      arg = format("-L%s", absolute(arg + 2));
    else if (arg[0] != '-')
      arg = absolute(arg);
    vec_push(&a, arg);
  }
  vec_push(&a, NULL);
  int st = run_in((char **)a.v, -1, link_dir);
  return st == 0 ? 0 : st == 1 ? 1 : 2;
}

/* The compiler's memory lives until it exits (an arena by design), so
 * LeakSanitizer would only report that; its other checks stay on. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
