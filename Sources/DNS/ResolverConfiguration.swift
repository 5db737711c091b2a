/// How a `Resolver` finds answers, and how long it waits for them.
public struct ResolverConfiguration: Sendable, Hashable {
  /// Where queries go.
  public enum Upstream: Sendable, Hashable {
    /// The `nameserver` lines of a resolv.conf file (a toaster's dnscache or BIND cache).
    case resolvConf(path: String)
    /// Recursive queries (RD=1) to these servers, the first one first: a forwarder, or an
    /// authoritative server asked about its own zones.
    case forwarders([DNSServer])
    /// Iterative queries (RD=0) for names under `zone` to these authoritative servers.
    case stub(zone: String, servers: [DNSServer])
  }

  /// The default deadline for one lookup, in seconds: libunbound alone waits 17 s on a
  /// silent server.
  public static let defaultTimeout = 5.0
  /// The system resolver configuration.
  public static let systemResolvConf = "/etc/resolv.conf"

  /// Where queries go.
  public var upstream: Upstream
  /// Seconds one lookup may take before it is a timeout.
  public var timeout: Double
  /// A trust anchor file that turns DNSSEC validation on; nil leaves it off.
  ///
  /// The format is unbound's `trust-anchor-file`, as Debian's `/usr/share/dns/root.key`.
  public var trustAnchorFile: String?
  /// Trust anchors given as resource records (`example.net. DS …` or `DNSKEY …`).
  public var trustAnchors: [String]

  /// Creates a configuration; the default asks the servers of /etc/resolv.conf within five
  /// seconds, without DNSSEC.
  public init(
    upstream: Upstream = .resolvConf(path: systemResolvConf), timeout: Double = defaultTimeout,
    trustAnchorFile: String? = nil, trustAnchors: [String] = []
  ) {
    self.upstream = upstream
    self.timeout = timeout
    self.trustAnchorFile = trustAnchorFile
    self.trustAnchors = trustAnchors
  }

  /// Whether answers are DNSSEC-validated.
  public var validates: Bool { trustAnchorFile != nil || !trustAnchors.isEmpty }

  /// Who answers, for messages: `127.0.0.1`, `127.0.0.1, 127.0.0.2`, or the resolv.conf path.
  public var serverDescription: String {
    switch upstream {
    case .resolvConf(let path): "the servers in \(path)"
    case .forwarders(let servers), .stub(_, let servers):
      servers.map(\.description).joined(separator: ", ")
    }
  }
}
