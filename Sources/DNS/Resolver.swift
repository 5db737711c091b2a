internal import CUnbound
import Glibc

/// A DNS resolver: the owner of one libunbound context, with its own cache for the life of
/// the object (a run of the CLI), asking TXT questions synchronously under a deadline.
///
/// Not for concurrent use: give each thread its own resolver.
public final class Resolver {
  /// How this resolver was set up.
  public let configuration: ResolverConfiguration
  /// Questions handed to libunbound so far (CNAME chain look-ups included); answers from
  /// its cache count too, so this is an upper bound on packets sent.
  public private(set) var queryCount = 0
  // ub_ctx_create returns a context this object owns; ub_ctx_delete frees it in deinit.
  private let context: OpaquePointer
  // libunbound's functions, through which every call on the context goes.
  let unbound: toaster_unbound

  /// Creates a resolver and applies `configuration` (libunbound freezes it at the first
  /// question).
  ///
  /// - Throws: `DNSError` when libunbound refuses a setting or a named file is unreadable.
  public init(_ configuration: ResolverConfiguration = ResolverConfiguration())
    throws(DNSError)
  {
    try ResolverConfiguration.checkTimeout(configuration.timeout)
    let unbound = try UnboundLibrary.functions()
    guard let context = unbound.ctx_create() else { throw .contextCreationFailed }
    do {
      try Self.configure(context, configuration, unbound)
    } catch {
      unbound.ctx_delete(context)
      throw error
    }
    self.unbound = unbound
    self.context = context
    self.configuration = configuration
  }

  deinit {
    unbound.ctx_delete(context)
  }

  /// Looks up the TXT records at `name`, following CNAMEs.
  public func txt(_ name: String) -> TXTOutcome {
    let raw: RawAnswer
    switch resolve(name, type: Self.typeTXT) {
    case .success(let answer): raw = answer
    case .failure(let failure): return Self.outcome(failure, name: name)
    }
    let security = raw.security(validating: configuration.validates)
    if raw.bogus { return .bogus(raw.whyBogus ?? "validation failed") }
    if raw.nxdomain {
      return .nxdomain(NegativeAnswer(name: name, ttl: raw.ttl, security: security))
    }
    guard raw.rcode == 0 else { return .temporaryFailure(.serverFailure(rcode: raw.rcode)) }
    guard raw.haveData else {
      return .nodata(NegativeAnswer(name: name, ttl: raw.ttl, security: security))
    }
    var records: [TXTRecord] = []
    for rdata in raw.rdata {
      // A malformed rdata cannot come from libunbound, which parsed the reply; keep the
      // bytes as one string rather than drop the record.
      records.append(TXTRecord(strings: DNSName.characterStrings(rdata) ?? [rdata]))
    }
    return .records(
      TXTAnswer(
        name: name, records: records, ttl: raw.ttl,
        cnameChain: cnameChain(from: name, to: raw.canonicalName), security: security))
  }

  // The CNAME targets from `name` to `final`, asked one at a time (libunbound reports only
  // the last one); just `[final]` when a step cannot be followed.
  private func cnameChain(from name: String, to final: String?) -> [String] {
    guard let final, DNSName.normalized(final) != DNSName.normalized(name) else { return [] }
    var chain: [String] = []
    var current = name
    // RFC 1034 allows long chains; resolvers stop near 8–16, and libunbound already did.
    for _ in 0..<12 {
      guard case .success(let raw) = resolve(current, type: Self.typeCNAME), raw.haveData,
        let rdata = raw.rdata.first, let target = DNSName.decode(rdata)
      else { return chain.isEmpty ? [DNSName.normalized(final)] : chain }
      chain.append(DNSName.normalized(target))
      if DNSName.normalized(target) == DNSName.normalized(final) { return chain }
      current = target
    }
    return chain
  }

  static let typeTXT: Int32 = 16
  static let typeCNAME: Int32 = 5

  private static func outcome(_ failure: ResolveFailure, name: String) -> TXTOutcome {
    switch failure {
    case .timeout(let seconds): return .temporaryFailure(.timeout(seconds: seconds))
    case .unbound(let code) where code == UB_SYNTAX.rawValue:
      return .invalidName("\(name) is not a valid domain name")
    case .unbound(let code): return .temporaryFailure(.resolverError(errorText(code)))
    }
  }

  /// libunbound's text for an error code (`ub_strerror` returns a static string).
  static func errorText(_ code: Int32) -> String {
    // Only a resolver's calls give codes, so libunbound is loaded by then.
    guard let unbound = try? UnboundLibrary.functions(), let text = unbound.strerror(code) else {
      return "error \(code)"
    }
    return String(cString: text)
  }

  func noteQuery() { queryCount += 1 }

  var unboundContext: OpaquePointer { context }
}
