public import QmailDKConfig

/// The filter's own settings beyond qmail-dk's four variables, read from the environment
/// (tcp.smtp rules set them like DKSIGN); their rules are `QmailDKRules`'.
public struct FilterSettings: Sendable, Hashable {
  /// What happens to a message whose signing key cannot be read.
  public typealias KeyFailure = QmailDKRules.KeyFailure

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
    keyFailure = QmailDKRules.keyFailure(variables[QmailDKRules.dkKeyFail]) ?? .temporary
    signDKIM = QmailDKRules.signsDKIM(variables[QmailDKRules.dkimSign])
    debug = variables[QmailDKRules.dkDebug] != nil
  }
}
