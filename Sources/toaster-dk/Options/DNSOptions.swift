import ArgumentParser
import DNS

#if canImport(Glibc)
  import Glibc
#endif

/// `--dns-server`, `--dns-authoritative`, `--resolv-conf`, `--dns-timeout`, `--dnssec` and
/// `--trust-anchor`: where a command's DNS questions go, shared by every command that asks.
struct DNSOptions: ParsableArguments {
  @Option(
    name: .customLong("dns-server"),
    help: ArgumentHelp(
      "Ask this DNS server instead of the servers in /etc/resolv.conf (repeatable).",
      discussion: """
        ADDR or ADDR@PORT, a numeric IPv4 or IPv6 address (127.0.0.1@5353, ::1). The servers \
        are asked as forwarders (recursive queries), the first one first; with \
        --dns-authoritative they are the domain's own authoritative servers instead.
        """,
      valueName: "addr[@port]"),
    transform: { text in
      do { return try DNSServer(parsing: text) } catch { throw ValidationError("\(error)") }
    })
  var servers: [DNSServer] = []

  @Flag(
    name: .customLong("dns-authoritative"),
    help: ArgumentHelp(
      "The --dns-server servers are authoritative for the domain: ask them directly.",
      discussion: """
        Queries for names under the domain go to them without recursion (a stub zone), so \
        a server can be checked before the world sees it. A CNAME pointing outside the \
        domain is then resolved from the root servers.
        """))
  var authoritative = false

  @Option(
    name: .customLong("resolv-conf"),
    help: ArgumentHelp(
      "The resolver configuration whose nameserver lines are asked without --dns-server.",
      discussion: "Only its nameserver lines count: search, domain and options are ignored.",
      valueName: "file"))
  var resolvConf: String = ResolverConfiguration.systemResolvConf

  @Option(
    name: .customLong("dns-timeout"),
    help: ArgumentHelp(
      "Give up on one DNS question after this many seconds (default 5; a fraction is fine).",
      discussion: "A question that is not answered in time is a temporary failure.",
      valueName: "seconds"),
    transform: { text in
      do {
        return try ResolverConfiguration.parseTimeout(text)
      } catch {
        throw ValidationError("\(error)")
      }
    })
  var timeout: Double = ResolverConfiguration.defaultTimeout

  @Flag(
    help: ArgumentHelp(
      "Validate answers with DNSSEC and report each as secure, insecure or bogus.",
      discussion: """
        Needs a trust anchor (--trust-anchor). Validation means something only through a \
        validating resolver or in full recursion: tinydns and unsigned zones give insecure \
        or bogus answers.
        """))
  var dnssec = false

  @Option(
    name: .customLong("trust-anchor"),
    help: ArgumentHelp(
      "With --dnssec: the trust anchor file (default \(Self.defaultTrustAnchor)).",
      discussion: """
        In unbound's trust-anchor-file format: DS or DNSKEY records in zone file syntax, as \
        Debian's dns-root-data package installs for the root.
        """,
      valueName: "file"))
  var trustAnchor: String?

  /// Debian's root trust anchor (package `dns-root-data`).
  static let defaultTrustAnchor = "/usr/share/dns/root.key"

  func validate() throws {
    if authoritative && servers.isEmpty {
      throw ValidationError("--dns-authoritative needs --dns-server: the servers to ask")
    }
    if let trustAnchor, !dnssec {
      throw ValidationError("--trust-anchor \(trustAnchor) goes with --dnssec")
    }
    if dnssec, access(trustAnchorFile ?? "", R_OK) != 0 {
      let file = trustAnchorFile ?? ""
      let how = trustAnchor == nil ? "install dns-root-data or give --trust-anchor FILE" : ""
      throw ValidationError(
        "--trust-anchor \(file): \(String(cString: strerror(errno)))"
          + (how.isEmpty ? "" : "; \(how)"))
    }
  }

  /// The trust anchor file when validating.
  var trustAnchorFile: String? { dnssec ? trustAnchor ?? Self.defaultTrustAnchor : nil }

  /// The resolver configuration for questions about `domain` (a stub zone for it under
  /// `--dns-authoritative`); without a domain the servers are asked as forwarders.
  func configuration(domain: String? = nil) -> ResolverConfiguration {
    // The timeout was checked when it was parsed; the default is in range.
    guard
      let configuration = try? ResolverConfiguration(
        servers: servers, stubZone: authoritative ? domain : nil, resolvConf: resolvConf,
        timeout: timeout, trustAnchorFile: trustAnchorFile)
    else { preconditionFailure("--dns-timeout \(timeout) passed parsing but is out of range") }
    return configuration
  }
}
