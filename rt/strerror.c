/* strerror.c -- strerror of cuckoo.ckh (LANGUAGE.md §12.1): glibc's
 * message for each error number of i386 Linux (0..133), as a constant
 * Cuckoo char array (its length word in front, like a global array of
 * compiled Cuckoo), so the result needs no allocation and is the same
 * object every time.  The table was made from glibc's own strerror. */
#include "sys.h"

/* glibc's message for every error number of i386 Linux, written once and
 * expanded twice: the arrays, then the table of them.  (38 is ENOSYS,
 * whose text is "Function not implemented".) */
#define ERROR_MESSAGES(M) \
  M(0, "Success") \
  M(1, "Operation not permitted") \
  M(2, "No such file or directory") \
  M(3, "No such process") \
  M(4, "Interrupted system call") \
  M(5, "Input/output error") \
  M(6, "No such device or address") \
  M(7, "Argument list too long") \
  M(8, "Exec format error") \
  M(9, "Bad file descriptor") \
  M(10, "No child processes") \
  M(11, "Resource temporarily unavailable") \
  M(12, "Cannot allocate memory") \
  M(13, "Permission denied") \
  M(14, "Bad address") \
  M(15, "Block device required") \
  M(16, "Device or resource busy") \
  M(17, "File exists") \
  M(18, "Invalid cross-device link") \
  M(19, "No such device") \
  M(20, "Not a directory") \
  M(21, "Is a directory") \
  M(22, "Invalid argument") \
  M(23, "Too many open files in system") \
  M(24, "Too many open files") \
  M(25, "Inappropriate ioctl for device") \
  M(26, "Text file busy") \
  M(27, "File too large") \
  M(28, "No space left on device") \
  M(29, "Illegal seek") \
  M(30, "Read-only file system") \
  M(31, "Too many links") \
  M(32, "Broken pipe") \
  M(33, "Numerical argument out of domain") \
  M(34, "Numerical result out of range") \
  M(35, "Resource deadlock avoided") \
  M(36, "File name too long") \
  M(37, "No locks available") \
  M(38, "Function not implemented") \
  M(39, "Directory not empty") \
  M(40, "Too many levels of symbolic links") \
  M(42, "No message of desired type") \
  M(43, "Identifier removed") \
  M(44, "Channel number out of range") \
  M(45, "Level 2 not synchronized") \
  M(46, "Level 3 halted") \
  M(47, "Level 3 reset") \
  M(48, "Link number out of range") \
  M(49, "Protocol driver not attached") \
  M(50, "No CSI structure available") \
  M(51, "Level 2 halted") \
  M(52, "Invalid exchange") \
  M(53, "Invalid request descriptor") \
  M(54, "Exchange full") \
  M(55, "No anode") \
  M(56, "Invalid request code") \
  M(57, "Invalid slot") \
  M(59, "Bad font file format") \
  M(60, "Device not a stream") \
  M(61, "No data available") \
  M(62, "Timer expired") \
  M(63, "Out of streams resources") \
  M(64, "Machine is not on the network") \
  M(65, "Package not installed") \
  M(66, "Object is remote") \
  M(67, "Link has been severed") \
  M(68, "Advertise error") \
  M(69, "Srmount error") \
  M(70, "Communication error on send") \
  M(71, "Protocol error") \
  M(72, "Multihop attempted") \
  M(73, "RFS specific error") \
  M(74, "Bad message") \
  M(75, "Value too large for defined data type") \
  M(76, "Name not unique on network") \
  M(77, "File descriptor in bad state") \
  M(78, "Remote address changed") \
  M(79, "Can not access a needed shared library") \
  M(80, "Accessing a corrupted shared library") \
  M(81, ".lib section in a.out corrupted") \
  M(82, "Attempting to link in too many shared libraries") \
  M(83, "Cannot exec a shared library directly") \
  M(84, "Invalid or incomplete multibyte or wide character") \
  M(85, "Interrupted system call should be restarted") \
  M(86, "Streams pipe error") \
  M(87, "Too many users") \
  M(88, "Socket operation on non-socket") \
  M(89, "Destination address required") \
  M(90, "Message too long") \
  M(91, "Protocol wrong type for socket") \
  M(92, "Protocol not available") \
  M(93, "Protocol not supported") \
  M(94, "Socket type not supported") \
  M(95, "Operation not supported") \
  M(96, "Protocol family not supported") \
  M(97, "Address family not supported by protocol") \
  M(98, "Address already in use") \
  M(99, "Cannot assign requested address") \
  M(100, "Network is down") \
  M(101, "Network is unreachable") \
  M(102, "Network dropped connection on reset") \
  M(103, "Software caused connection abort") \
  M(104, "Connection reset by peer") \
  M(105, "No buffer space available") \
  M(106, "Transport endpoint is already connected") \
  M(107, "Transport endpoint is not connected") \
  M(108, "Cannot send after transport endpoint shutdown") \
  M(109, "Too many references: cannot splice") \
  M(110, "Connection timed out") \
  M(111, "Connection refused") \
  M(112, "Host is down") \
  M(113, "No route to host") \
  M(114, "Operation already in progress") \
  M(115, "Operation now in progress") \
  M(116, "Stale file handle") \
  M(117, "Structure needs cleaning") \
  M(118, "Not a XENIX named type file") \
  M(119, "No XENIX semaphores available") \
  M(120, "Is a named type file") \
  M(121, "Remote I/O error") \
  M(122, "Disk quota exceeded") \
  M(123, "No medium found") \
  M(124, "Wrong medium type") \
  M(125, "Operation canceled") \
  M(126, "Required key not available") \
  M(127, "Key has expired") \
  M(128, "Key has been revoked") \
  M(129, "Key was rejected by service") \
  M(130, "Owner died") \
  M(131, "State not recoverable") \
  M(132, "Operation not possible due to RF-kill") \
  M(133, "Memory page has hardware error")

/* One constant Cuckoo char array per message. */
#define ARRAY(n, text) \
  static const struct { unsigned len; char s[sizeof text]; } msg_##n = { sizeof text, text };
ERROR_MESSAGES(ARRAY)
ARRAY(unknown, "Unknown error")
#undef ARRAY

#define ENTRY(n, text) [n] = msg_##n.s,
static const char *const messages[134] = {
  ERROR_MESSAGES(ENTRY)
};
#undef ENTRY

/* The message for ERR or -ERR; "Unknown error" for any other number. */
const char *__cuckoo_strerror(int err) {
  long long e = err < 0 ? -(long long)err : err;
  if (e < 134 && messages[e] != NULL)
    return messages[e];
  return msg_unknown.s;
}
