#ifndef TOASTER_DK_CUNBOUND_SHIM_H
#define TOASTER_DK_CUNBOUND_SHIM_H

#include <unbound.h>

// libunbound is opened with dlopen when the first resolver is made, not linked: a process
// that never asks DNS (the queue filter signing, the remote signer) then never loads it and
// the four libraries it needs, a cost the filter would otherwise pay with every message.
// unbound.h still gives the types and constants; the functions come through this table,
// which Sources/DNS/UnboundLibrary.swift fills with dlsym. Its field types are taken from
// unbound.h's declarations (Swift could only name them by writing each signature again).
struct toaster_unbound {
  __typeof__(ub_ctx_create) *ctx_create;
  __typeof__(ub_ctx_delete) *ctx_delete;
  __typeof__(ub_ctx_set_option) *ctx_set_option;
  __typeof__(ub_ctx_resolvconf) *ctx_resolvconf;
  __typeof__(ub_ctx_set_fwd) *ctx_set_fwd;
  __typeof__(ub_ctx_set_stub) *ctx_set_stub;
  __typeof__(ub_ctx_add_ta_file) *ctx_add_ta_file;
  __typeof__(ub_ctx_add_ta) *ctx_add_ta;
  __typeof__(ub_ctx_async) *ctx_async;
  __typeof__(ub_resolve_async) *resolve_async;
  __typeof__(ub_cancel) *cancel;
  __typeof__(ub_fd) *fd;
  __typeof__(ub_process) *process;
  __typeof__(ub_resolve_free) *resolve_free;
  __typeof__(ub_strerror) *strerror;
};

#endif
