public import DKEngine
import DNS

/// Where the filter gets key records when verifying: live DNS through the servers of
/// `/etc/resolv.conf` (a toaster's dnscache), or, for tests and sandboxes, the servers
/// `TOASTER_DK_DNS` names.
public enum FilterResolver {
  /// The variable naming DNS servers to ask instead of resolv.conf's: `ADDR[@PORT]`, several
  /// separated by commas, asked recursively (a cache, or an authoritative server about its
  /// own zones).
  public static let serverVariable = "TOASTER_DK_DNS"

  /// A resolver for `variables`, or one whose every answer is a temporary failure (status F,
  /// DKIM temperror: DKVERIFY's `f` then decides) with the reason a resolver could not be
  /// made, which is also returned for the log.
  public static func make(_ variables: [String: String], resolvConf: String) -> (
    resolver: any KeyResolver, problem: String?
  ) {
    var configuration = ResolverConfiguration(upstream: .resolvConf(path: resolvConf))
    do throws(DNSError) {
      if let list = variables[serverVariable] {
        let servers = try list.split(separator: ",").map { text throws(DNSError) in
          try DNSServer(parsing: String(text.filter { $0 != " " }))
        }
        configuration.upstream = .forwarders(servers)
      }
      return (DNSKeyResolver(resolver: try Resolver(configuration)), nil)
    } catch {
      let problem = "no DNS resolver: \(error)"
      return (UnavailableKeyResolver(reason: problem), problem)
    }
  }

  /// The resolver of `make(_:resolvConf:)`, made only when a signature needs its key and
  /// then kept for the process; a reason it could not be made goes to `log` at that time.
  public static func lazy(
    _ variables: [String: String], resolvConf: String, log: @escaping (String) -> Void
  ) -> LazyKeyResolver {
    LazyKeyResolver {
      let made = make(variables, resolvConf: resolvConf)
      if let problem = made.problem { log(problem) }
      return made.resolver
    }
  }
}
