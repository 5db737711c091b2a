/// qmail-dk 0.6's configuration rules and toaster-dk's additions to them, as pure functions.
///
/// The variable names, the built-in and QmailToaster templates, `%` and the selector, and
/// which job a rule's variables choose: the engine, the qmail-queue filter, TcpRules' linter
/// and editor and the CLI all ask here (`qmail-dk-and-dkim.md` §3).
public enum QmailDKRules {
  /// `RELAYCLIENT`: set for clients allowed to relay; qmail-dk signs only their mail.
  public static let relayClient = "RELAYCLIENT"
  /// `DKSIGN`: the private key template.
  public static let dkSign = "DKSIGN"
  /// `DKVERIFY`: the DomainKeys status letters that reject.
  public static let dkVerify = "DKVERIFY"
  /// `DKQUEUE`: the queue program qmail-dk hands mail to.
  public static let dkQueue = "DKQUEUE"
  /// `DKSIGN_ED25519` (toaster-dk-queue): the key template of a second, ed25519-sha256 DKIM
  /// signature.
  public static let dkSignEd25519 = "DKSIGN_ED25519"
  /// `DKKEYFAIL` (toaster-dk-queue): `defer` or `bounce` for an unreadable signing key.
  public static let dkKeyFail = "DKKEYFAIL"
  /// `DKIMSIGN` (toaster-dk-queue): `0` signs DomainKeys only.
  public static let dkimSign = "DKIMSIGN"
  /// `DKDEBUG`: set, a log line per message.
  public static let dkDebug = "DKDEBUG"

  /// The template qmail-dk 0.6 signs with for a relaying client when neither DKSIGN nor
  /// DKVERIFY is set (selector `default`).
  public static let builtInSignTemplate = "/var/qmail/control/domainkeys/%/default"
  /// QmailToaster's template (selector `private`): what its tcp.smtp sets and what
  /// `toaster-dk rules set-sign` writes unless told otherwise.
  public static let toasterSignTemplate = "/var/qmail/control/domainkeys/%/private"
  /// The directory both templates keep per-domain keys in.
  public static let keyDirectory = "/var/qmail/control/domainkeys"

  /// The selector: the last `/` component of the template as configured (qmail-dk never
  /// looks at the substituted path).
  public static func selector(ofTemplate template: String) -> String {
    String(template.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
  }

  /// The key path: only the first `%` of the template replaced by `domain`.
  public static func keyPath(template: String, domain: String) -> String {
    guard let percent = template.firstIndex(of: "%") else { return template }
    return template[..<percent] + domain + template[template.index(after: percent)...]
  }

  /// Why `template` cannot be a key template (its selector would be empty or contain `%`),
  /// or nil.
  public static func templateProblem(_ template: String) -> String? {
    let selector = selector(ofTemplate: template)
    if selector.isEmpty { return "\(template) ends in /; the last component is the selector" }
    if selector.contains("%") {
      return "the selector (last component of \(template)) contains %; put % in a directory, "
        + "as in \(toasterSignTemplate)"
    }
    return nil
  }

  /// What qmail-dk 0.6.beta.2 does for a client with these variables (nil = unset).
  ///
  /// With RELAYCLIENT it signs with DKSIGN, verifies when only DKVERIFY is set, and signs
  /// with the built-in template when neither is; without RELAYCLIENT it verifies when
  /// DKVERIFY is set and otherwise passes the message through untouched.
  public static func mode(relayClient: String?, dkSign: String?, dkVerify: String?)
    -> QmailDKMode
  {
    if relayClient != nil {
      if let dkSign { return .sign(template: dkSign) }
      if let dkVerify { return .verify(letters: dkVerify) }
      return .sign(template: builtInSignTemplate)
    }
    if let dkVerify { return .verify(letters: dkVerify) }
    return .passThrough
  }

  /// What toaster-dk-queue does with a signing key it cannot read (`DKKEYFAIL`).
  public enum KeyFailure: String, Sendable, Hashable, CaseIterable {
    /// Refuse the message for now (the default): the client retries, the admin fixes the key.
    case temporary = "defer"
    /// Refuse it for good with qmail-dk 0.6's text, as qmail-dk does.
    case permanent = "bounce"
  }

  /// The DKKEYFAIL setting for `value`: the default for unset, nil for a value that is
  /// neither `defer` nor `bounce` (the filter then keeps the default; lint warns).
  public static func keyFailure(_ value: String?) -> KeyFailure? {
    guard let value else { return .temporary }
    return KeyFailure(rawValue: value)
  }

  /// Whether DKIM is signed under `DKIMSIGN=value`: everything but `0` signs.
  public static func signsDKIM(_ value: String?) -> Bool { value != "0" }

  /// Why a DKIMSIGN value is not one of the two it is meant to take, or nil.
  public static func dkimSignProblem(_ value: String) -> String? {
    value == "0" || value == "1"
      ? nil : "DKIMSIGN=\"\(value)\" signs DKIM; only 0 turns it off (write 1 or 0)"
  }
}

/// Which of its three jobs qmail-dk does for a message.
public enum QmailDKMode: Sendable, Hashable, CustomStringConvertible {
  /// Sign with the key at the template path.
  case sign(template: String)
  /// Verify, rejecting statuses whose letters are listed.
  case verify(letters: String)
  /// Pass the message to the queue untouched (libdomainkeys is not used at all).
  case passThrough

  /// Whether qmail-dk verifies in this mode.
  public var isVerify: Bool {
    if case .verify = self { return true }
    return false
  }

  /// `sign with …`, `verify with DKVERIFY=…` or `pass through`.
  public var description: String {
    switch self {
    case .sign(let template): "sign with \(template)"
    case .verify(let letters): "verify with DKVERIFY=\(letters)"
    case .passThrough: "pass through (no RELAYCLIENT, no DKVERIFY)"
    }
  }
}
