public import DKEngine

/// One message leaving the queue, with everything the signer depends on given as values.
public struct RemoteRequest {
  /// The message exactly as the queue holds it.
  public var message: MessageBytes
  /// The envelope sender (qmail-remote's second argument): empty for a bounce, `#@[]` for
  /// a double bounce.
  public var sender: String
  /// Which selectors sign which domain.
  public var selectors: RemoteSelectors
  /// The key directory (`control/domainkeys`, resolved under the root).
  public var keyDirectory: String
  /// The time for DKIM t= (seconds since the epoch).
  public var now: Int
  /// Reads a key file by its path.
  public var readKey: (String) -> QmailDK.KeyFile

  /// Creates a request.
  public init(
    message: MessageBytes, sender: String, selectors: RemoteSelectors, keyDirectory: String,
    now: Int, readKey: @escaping (String) -> QmailDK.KeyFile
  ) {
    self.message = message
    self.sender = sender
    self.selectors = selectors
    self.keyDirectory = keyDirectory
    self.now = now
    self.readKey = readKey
  }
}

/// What the signer does with one message.
public enum RemoteDecision: Sendable, Equatable {
  /// Hand it on with these header lines above it.
  case sign(headers: [UInt8])
  /// Hand it on unchanged (no key, no From:, already signed by us); the reason is logged.
  case unsigned(reason: String)
  /// Do not hand it on: the delivery is deferred (a key that exists cannot be used).
  case deferral(reason: String)
}

/// The decision about one message, with notes for the log.
public struct RemoteResult: Sendable, Equatable {
  /// What to do.
  public let decision: RemoteDecision
  /// The signing domain chosen, when there was one.
  public let domain: String?
  /// What happened, one phrase each.
  public let notes: [String]
}
