/// Why the filter could not decide about a message: each is a temporary failure, so the
/// client keeps the message and tries again.
public enum FilterFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The signing key file exists (or is required) but cannot be read.
  case unreadableKey(path: String, reason: String)
  /// A control file the filter needs (`control/me`, the authserv-id) cannot be read.
  case unreadableControlFile(path: String, reason: String)
  /// Making a signature failed for a reason other than the message or the key.
  case signingFailed(String)

  /// A lower-case phrase naming the object and the reason.
  public var description: String {
    switch self {
    case .unreadableKey(let path, let reason): "unable to read signing key \(path): \(reason)"
    case .unreadableControlFile(let path, let reason): "unable to read \(path): \(reason)"
    case .signingFailed(let reason): "unable to sign: \(reason)"
    }
  }
}
