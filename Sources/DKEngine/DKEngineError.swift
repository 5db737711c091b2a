/// A failure in the DomainKeys/DKIM engine that is not a verification result.
public enum DKEngineError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A `DKVERIFY` value contains characters other than the letters A–L in either case.
  case invalidVerifyLetters(value: String, invalid: [Character])
  /// A tag-list (signature header or key record) does not parse.
  case malformedTagList(reason: String)
  /// DomainKeys signing failed with a libdomainkeys status (SYNTAX, BADKEY, ARGS).
  case domainKeysSigningFailed(DKStatus, reason: String)
  /// A DKIM-Signature field is malformed or unsupported (a PERMFAIL when verifying).
  case invalidSignatureHeader(String)
  /// DKIM signing failed (unsuitable key, key too small, no From: field).
  case dkimSigningFailed(String)
  /// A private key given directly does not parse.
  case invalidKey(String)
  /// A canonicalization word that is unknown or does not fit the signing method.
  case invalidCanonicalization(String, method: String?)
  /// A domain or selector that is not a hostname (`DNSName`), so it names no key file.
  case invalidName(String, String, reason: String)
  /// The dry run itself could not read a key file (qmail-dk's user may be able to).
  case keyNotReadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidVerifyLetters(let value, let invalid):
      let list = invalid.map { "'\($0)'" }.joined(separator: ", ")
      return "invalid DKVERIFY value \"\(value)\": \(list) not a status letter"
        + " (expected A-L or a-l)"
    case .malformedTagList(let reason):
      return "malformed tag-list: \(reason)"
    case .domainKeysSigningFailed(let status, let reason):
      return "unable to sign with DomainKeys: \(reason) (\(status.name))"
    case .invalidSignatureHeader(let reason):
      return "invalid DKIM-Signature: \(reason)"
    case .dkimSigningFailed(let reason):
      return "unable to sign with DKIM: \(reason)"
    case .invalidKey(let reason):
      return "unable to use the private key: \(reason)"
    case .invalidCanonicalization(let word, let method):
      guard let method else {
        return "unknown canonicalization '\(word)' (expected nofws, simple, relaxed or HEADER/BODY)"
      }
      return "canonicalization '\(word)' does not apply to method \(method)"
    case .invalidName(let kind, let name, let reason):
      return "invalid \(kind) \"\(name)\": \(reason)"
    case .keyNotReadable(let path, let reason):
      return "toaster-dk could not read the key \(path): \(reason): run test-sign as root"
        + " (or as a user who can read it) to see what qmail-dk would do"
    }
  }
}
