/// A `DKVERIFY` letter string and the accept/reject decisions qmail-dk 0.6 derives from it.
///
/// An upper-case letter rejects that status permanently, a lower-case letter temporarily;
/// when both cases of one letter are present, qmail-dk 0.6 tests lower case first, so the
/// rejection is temporary.
public struct DKVerifyPolicy: Sendable, Hashable {
  /// The letters exactly as given.
  public let letters: String

  private let permanent: Set<DKStatus>
  private let temporary: Set<DKStatus>

  /// Parses a `DKVERIFY` value such as `DEGIJKfh`; the empty string rejects nothing.
  ///
  /// - Throws: `DKEngineError.invalidVerifyLetters` naming every character that is not
  ///   one of A–L or a–l.
  public init(letters: String) throws(DKEngineError) {
    var permanent = Set<DKStatus>()
    var temporary = Set<DKStatus>()
    var invalid: [Character] = []
    for character in letters {
      guard let status = DKStatus(letter: character) else {
        if !invalid.contains(character) { invalid.append(character) }
        continue
      }
      if character.isUppercase { permanent.insert(status) } else { temporary.insert(status) }
    }
    guard invalid.isEmpty else {
      throw .invalidVerifyLetters(value: letters, invalid: invalid)
    }
    self.letters = letters
    self.permanent = permanent
    self.temporary = temporary
  }

  /// The policy of an empty DKVERIFY: every status is accepted.
  public static let acceptAll = DKVerifyPolicy(permanent: [], temporary: [])

  private init(permanent: Set<DKStatus>, temporary: Set<DKStatus>) {
    letters = ""
    self.permanent = permanent
    self.temporary = temporary
  }

  /// What qmail-dk 0.6 does with a message whose final status is `status`.
  public func decision(for status: DKStatus) -> DKVerifyDecision {
    if temporary.contains(status) { return .temporaryReject }
    if permanent.contains(status) { return .permanentReject }
    return .accept
  }

  /// The text qmail-dk 0.6 writes to fd 4 before exiting 82, or nil when it accepts.
  ///
  /// For example `DDomainKeys verify status: bad          (#5.3.0)`.
  public func rejectionText(for status: DKStatus) -> String? {
    let decision = decision(for: status)
    guard let code = decision.enhancedStatusCode else { return nil }
    let prefix = decision == .permanentReject ? "D" : "Z"
    return "\(prefix)DomainKeys verify status: \(status.qmailDKStatusText) (#\(code))"
  }

  /// Problems with this setting an administrator should hear about.
  public var warnings: [String] {
    var result: [String] = []
    if permanent.contains(.ok) || temporary.contains(.ok) {
      result.append(
        "A/a rejects every message with a good DomainKeys signature; remove it")
    }
    let listsInternal = permanent.contains(.internal) || temporary.contains(.internal)
    let listsRevoked = permanent.contains(.revoked) || temporary.contains(.revoked)
    if listsInternal && !listsRevoked {
      // The QMailToaster man page says K rejects revoked keys; in libdomainkeys 0.69
      // K is DK_STAT_INTERNAL and J is DK_STAT_REVOKED.
      result.append(
        "K is DK_STAT_INTERNAL, not revoked keys; add J to reject revoked keys")
    }
    for status in DKStatus.allCases where permanent.contains(status) && temporary.contains(status) {
      result.append(
        "both \(status.letter) and \(status.lowercaseLetter) given; "
          + "qmail-dk 0.6 rejects temporarily (lower case wins)")
    }
    return result
  }

  /// One line per listed status, such as `B: bad signature → permanent reject`.
  public func explanation() -> [String] {
    DKStatus.allCases.compactMap { status in
      let decision = decision(for: status)
      switch decision {
      case .accept: return nil
      case .temporaryReject: return "\(status.lowercaseLetter): \(status.meaning) → \(decision)"
      case .permanentReject: return "\(status.letter): \(status.meaning) → \(decision)"
      }
    }
  }
}
