// Extended attributes (for POSIX ACLs, system.posix_acl_access): glibc declares them in
// <sys/xattr.h>, which Swift's Glibc module does not include. Part of libc: nothing to link.
#include <sys/xattr.h>
