#ifndef TOASTER_DK_CUNBOUND_SHIM_H
#define TOASTER_DK_CUNBOUND_SHIM_H

// libunbound's API is plain functions and one struct: Swift calls it directly, so this
// header only includes it (no macros to mirror).
#include <unbound.h>

#endif
