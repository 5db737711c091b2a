/// The filter's own settings beyond qmail-dk's four variables, read from the environment
/// (tcp.smtp rules set them like DKSIGN).
public struct FilterSettings: Sendable, Hashable {
  /// What happens to a message whose signing key cannot be read.
  public enum KeyFailure: String, Sendable, Hashable {
    /// Refuse it for now (`Z…`, exit 55): the client keeps it and retries, the admin fixes
    /// the key. The default.
    case temporary = "defer"
    /// Refuse it for good with qmail-dk 0.6's text (`D…`, exit 82), as qmail-dk does.
    case permanent = "bounce"
  }

  /// `DKKEYFAIL`: `defer` (default) or `bounce`.
  public var keyFailure: KeyFailure = .temporary
  /// Whether signing adds a DKIM-Signature besides qmail-dk's DomainKey-Signature
  /// (`DKIMSIGN=0` turns it off).
  public var signDKIM = true
  /// Whether `DKDEBUG` asks for a log line per message on standard error.
  public var debug = false

  /// The defaults.
  public init() {}

  /// The settings in `variables`; unknown values keep the default.
  public init(_ variables: [String: String]) {
    if let value = variables["DKKEYFAIL"], let failure = KeyFailure(rawValue: value) {
      keyFailure = failure
    }
    signDKIM = variables["DKIMSIGN"] != "0"
    debug = variables["DKDEBUG"] != nil
  }
}
