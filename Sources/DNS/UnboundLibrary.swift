internal import CUnbound
import Glibc

/// libunbound's functions, opened once per process when the first resolver is made.
///
/// The library is not linked: a process that never asks DNS (the queue filter signing, the
/// remote signer) then never loads it and the four libraries it needs, which the filter,
/// started once per message, would otherwise pay for with every message.
enum UnboundLibrary {
  // Written once, by Swift's thread-safe lazy initialisation; only read afterwards.
  private static let opened: Result<toaster_unbound, DNSError> = Result { () throws(DNSError) in
    try open()
  }

  /// The function table, opening libunbound on the first call.
  ///
  /// - Throws: `DNSError.libraryUnavailable` when libunbound cannot be loaded.
  static func functions() throws(DNSError) -> toaster_unbound {
    try opened.get()
  }

  // The soname Debian's libunbound8 installs, then the -dev package's link. The handle stays
  // open for the life of the process.
  private static func open() throws(DNSError) -> toaster_unbound {
    guard
      let handle = dlopen("libunbound.so.8", RTLD_NOW | RTLD_LOCAL)
        ?? dlopen("libunbound.so", RTLD_NOW | RTLD_LOCAL)
    else { throw .libraryUnavailable(lastError()) }
    var library = toaster_unbound()
    func find<Function>(_ field: inout Function?, _ name: String) throws(DNSError) {
      guard let symbol = dlsym(handle, name) else { throw .libraryUnavailable(lastError()) }
      // A C function's address, as the field's function type from unbound.h.
      field = unsafeBitCast(symbol, to: Function.self)
    }
    try find(&library.ctx_create, "ub_ctx_create")
    try find(&library.ctx_delete, "ub_ctx_delete")
    try find(&library.ctx_set_option, "ub_ctx_set_option")
    try find(&library.ctx_resolvconf, "ub_ctx_resolvconf")
    try find(&library.ctx_set_fwd, "ub_ctx_set_fwd")
    try find(&library.ctx_set_stub, "ub_ctx_set_stub")
    try find(&library.ctx_add_ta_file, "ub_ctx_add_ta_file")
    try find(&library.ctx_add_ta, "ub_ctx_add_ta")
    try find(&library.ctx_async, "ub_ctx_async")
    try find(&library.resolve_async, "ub_resolve_async")
    try find(&library.cancel, "ub_cancel")
    try find(&library.fd, "ub_fd")
    try find(&library.process, "ub_process")
    try find(&library.resolve_free, "ub_resolve_free")
    try find(&library.strerror, "ub_strerror")
    return library
  }

  // dlerror's text for the last failed dlopen or dlsym.
  private static func lastError() -> String {
    dlerror().map { String(cString: $0) } ?? "unknown error"
  }
}
