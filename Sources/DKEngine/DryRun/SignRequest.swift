import QmailDKConfig

/// Which signatures `toaster-dk test-sign` makes.
public enum SigningMethod: String, Sendable, Hashable, CaseIterable {
  /// DomainKeys only, as qmail-dk.
  case dk
  /// DKIM only.
  case dkim
  /// Both: DKIM-Signature above qmail-dk's DomainKey-Signature.
  case both
}

/// What `toaster-dk test-sign` asks of the engine for one message.
public struct SignRequest: Sendable {
  /// The message bytes.
  public var message: MessageBytes
  /// The environment of the client's tcp.smtp rule; RELAYCLIENT is assumed.
  public var environment: QmailDKEnvironment
  /// Private keys (PEM) given directly, replacing the key file lookup: one signature each
  /// (several only with DKIM).
  public var keys: [[UInt8]] = []
  /// The signing domain, replacing the Sender:/From: domain.
  public var domain: String?
  /// Selectors replacing the template's last component: one per key given, or, without
  /// keys, one per key to find in `keyDirectory`.
  public var selectors: [String] = []
  /// The one private key given directly (the first of `keys`).
  public var key: [UInt8]? {
    get { keys.first }
    set { keys = newValue.map { [$0] } ?? [] }
  }

  /// The one selector (the first of `selectors`).
  public var selector: String? {
    get { selectors.first }
    set { selectors = newValue.map { [$0] } ?? [] }
  }

  /// The key directory (system path) used with `domain`/`selectors` when no key is given.
  public var keyDirectory = QmailDKRules.keyDirectory
  /// Which signatures to make.
  public var method: SigningMethod = .dk
  /// The DomainKeys canonicalization (qmail-dk always uses nofws).
  public var domainKeysCanonicalization: Canonicalization = .nofws
  /// DKIM options (canonicalization, headers, times).
  public var dkimOptions = DKIMSignerOptions()
  /// The DKIM algorithm; nil chooses from the key (`legacyRSASHA1` only when asked for).
  public var dkimAlgorithm: DKIMAlgorithm?
  /// The signing time (seconds since the epoch) for DKIM t=.
  public var now: Int
  /// Whether to verify the signed message with the key's public half.
  ///
  /// The result is `SignReport.selfCheck`. Benchmarks turn it off to time signing alone,
  /// as other signers do not check their own signatures.
  public var selfCheck = true

  /// Creates a request for a message in an array.
  public init(message: [UInt8], environment: QmailDKEnvironment, now: Int) {
    self.init(message: MessageBytes(message), environment: environment, now: now)
  }

  /// Creates a request that behaves as qmail-dk for a relaying client.
  public init(message: MessageBytes, environment: QmailDKEnvironment, now: Int) {
    self.message = message
    self.environment = environment
    self.now = now
  }
}

/// What signing one message gave.
public struct SignReport {
  /// What happened.
  public enum Outcome: Sendable {
    /// Signed: these bytes go above the message.
    case signed(headers: [UInt8])
    /// qmail-dk queues the message unsigned (the `%` key file does not exist).
    case unsigned(keyPath: String)
    /// qmail-dk refuses the message with this fd-4 text and SMTP reply.
    case rejected(text: String, smtpReply: String)
    /// For this client qmail-dk verifies rather than signs (DKVERIFY without DKSIGN).
    case verifiesInstead(letters: String)
  }

  /// The outcome.
  public let outcome: Outcome
  /// The keys used, in the order of their signatures (empty when none was found).
  public let keys: [SigningKey]

  /// The first key used, which also makes the DomainKeys signature.
  public var key: SigningKey? { keys.first }
  /// The template qmail-dk would use, when the environment decided.
  public let template: String?
  /// Our own verification of the signed message with the key's public half.
  public let selfCheck: VerifyReport?

  /// The message as given (its storage shared, not copied).
  public let message: MessageBytes
  /// Why no key was used, when more can be said than the outcome (a key file the signing
  /// user cannot read, a domain that names no file, a key under another case).
  public var keyProblem: String?

  /// What qmail-dk hands to the queue, in pieces to write one after the other.
  ///
  /// The prepended headers and the message when signed, the message alone when queued
  /// unsigned, nothing when refused or not signing. Writing the pieces spares a copy of a
  /// big message.
  public var outputParts: [MessageBytes] {
    switch outcome {
    case .signed(let headers): [MessageBytes(headers), message]
    case .unsigned: [message]
    case .rejected, .verifiesInstead: []
    }
  }

  /// The pieces of `outputParts` joined (a copy: for small messages and tests).
  public var output: [UInt8] { outputParts.flatMap(\.array) }

  /// The prepended headers alone (empty when not signed).
  public var headers: [UInt8] {
    guard case .signed(let headers) = outcome else { return [] }
    return headers
  }
}
