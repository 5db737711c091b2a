internal import CUnbound
import Glibc

extension Resolver {
  static func configure(
    _ context: OpaquePointer, _ configuration: ResolverConfiguration, _ unbound: toaster_unbound
  ) throws(DNSError) {
    // Wire order, not rotated: "the first record" then means what the server sent first,
    // as libdomainkeys sees it through res_query.
    try check("rrset-roundrobin", unbound.ctx_set_option(context, "rrset-roundrobin:", "no"))
    // libunbound retries a silent server for up to 120 s of RTT backoff (17 s per query);
    // our own deadline ends the wait, and this keeps later questions from waiting longer.
    let rtt = String(max(500, Int(configuration.timeout * 1000)))
    try check("infra-cache-max-rtt", unbound.ctx_set_option(context, "infra-cache-max-rtt:", rtt))
    switch configuration.upstream {
    case .resolvConf(let path):
      guard access(path, R_OK) == 0 else {
        throw .unreadableFile(path: path, what: "resolver configuration")
      }
      try check("resolv.conf \(path)", unbound.ctx_resolvconf(context, path))
    case .forwarders(let servers):
      for server in servers {
        try check("forwarder \(server)", unbound.ctx_set_fwd(context, server.description))
      }
    case .stub(let zone, let servers):
      for server in servers {
        try check(
          "stub \(server) for \(zone)", unbound.ctx_set_stub(context, zone, server.description, 0))
      }
    }
    if let file = configuration.trustAnchorFile {
      guard access(file, R_OK) == 0 else { throw .unreadableFile(path: file, what: "trust anchor") }
      try check("trust anchor \(file)", unbound.ctx_add_ta_file(context, file))
    }
    for anchor in configuration.trustAnchors {
      try check("trust anchor \(anchor)", unbound.ctx_add_ta(context, anchor))
    }
    // Answers are read in this thread; libunbound resolves in a thread of its own so that a
    // deadline can cancel a question (unbound.ctx_async(ctx, 1): thread, not a forked process).
    try check("async", unbound.ctx_async(context, 1))
  }

  private static func check(_ setting: String, _ code: Int32) throws(DNSError) {
    guard code == 0 else {
      throw .configuration(setting: setting, code: code, text: errorText(code))
    }
  }
}
