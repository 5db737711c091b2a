#ifndef TOASTER_DK_CTINYCDB_SHIM_H
#define TOASTER_DK_CTINYCDB_SHIM_H

#include <cdb.h>

// cdb_datapos, cdb_datalen, cdb_keylen are macros over struct cdb fields;
// Swift cannot call macros, so they are mirrored as inline functions.
static inline unsigned toaster_cdb_datapos(const struct cdb *cdbp) { return cdb_datapos(cdbp); }
static inline unsigned toaster_cdb_datalen(const struct cdb *cdbp) { return cdb_datalen(cdbp); }
static inline unsigned toaster_cdb_keylen(const struct cdb *cdbp) { return cdb_keylen(cdbp); }
static inline unsigned toaster_cdb_keypos(const struct cdb *cdbp) { return cdb_keypos(cdbp); }

#endif
