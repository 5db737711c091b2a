/// What qmail-dk 0.6.beta.2 would do with one message.
public struct QmailDKOutcome: Sendable, Hashable {
  /// The action taken.
  public enum Action: Sendable, Hashable {
    /// Signed: `headers` are prepended to the message.
    case signed(DomainKeysSignature)
    /// Queued unsigned without a word: the `%` key file does not exist.
    case unsignedMissingKey(path: String)
    /// Verified and accepted: a `DomainKey-Status:` header is prepended.
    case verified(DomainKeysResult)
    /// Queued untouched (pass-through mode).
    case passedThrough
    /// Refused: qmail-dk writes `text` to fd 4 and exits `exitCode`.
    case rejected(text: String, exitCode: Int32, verification: DomainKeysResult?)
  }

  /// The mode qmail-dk chose from the environment.
  public let mode: QmailDKMode
  /// What it did.
  public let action: Action
  /// The key path after `%` substitution, when signing got that far.
  public let keyPath: String?
  /// Problems in the environment worth a warning (such as letters DKVERIFY cannot use).
  public let warnings: [String]

  /// The bytes qmail-dk puts above the message (empty when it adds nothing).
  public var prependedHeaders: [UInt8] {
    switch action {
    case .signed(let signature): signature.prependedHeaders(lineEnding: lineEnding)
    case .verified(let result): Array((result.statusHeader + lineEnding).utf8)
    case .unsignedMissingKey, .passedThrough, .rejected: []
    }
  }

  /// The line end of the prepended headers: LF, as qmail-dk writes, unless the input was CRLF.
  let lineEnding: String

  /// Whether the message is refused.
  public var isRejected: Bool {
    if case .rejected = action { return true }
    return false
  }

  /// The SMTP reply the client sees for a refusal (the toaster's patched qmail-smtpd turns
  /// `D…` into 554 and `Z…` into 451), or nil when the message is queued.
  public var smtpReply: String? {
    guard case .rejected(let text, _, _) = action, let first = text.first else { return nil }
    return (first == "D" ? "554 " : "451 ") + text.dropFirst()
  }
}
