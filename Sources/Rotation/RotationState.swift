public import KeyStore

/// A key rotation in progress: which domains move from which selector to which, and when
/// each step happened (all times in seconds since the epoch).
///
/// It is kept in one small file in the key directory (`RotationStore`), written before each
/// step begins (the phase says which step is under way), so an interrupted step is resumed or
/// undone by running it, or `rotate abort`, again.
public struct RotationState: Equatable, Sendable {
  /// The step under way or last completed.
  public enum Phase: String, Sendable, CaseIterable {
    /// `start` is making the new keys.
    case starting
    /// The new keys exist; qmail-dk still signs with the old selector.
    case started
    /// `switch` is changing the DKSIGN templates.
    case switching
    /// tcp.smtp names the new selector.
    case switched
    /// `finish` is moving the old keys out.
    case finishing
    /// `abort` is putting everything back.
    case aborting
    /// `finish` is done: the old keys are in `.removed`.
    case finished
    /// `abort` is done: the new keys are in `.removed`, tcp.smtp names the old selector.
    case aborted
  }

  /// Where one domain stands.
  public enum DomainStep: String, Sendable, CaseIterable {
    /// Its new key waits for its record to be published.
    case waiting
    /// It signs with the new selector.
    case switched
    /// tcp.smtp names the new selector but this domain's new key is held back (`--only`):
    /// qmail-dk queues its mail unsigned, a per-domain signer still uses the old selector.
    case held
  }

  /// One domain of the rotation.
  public struct Domain: Equatable, Sendable {
    /// The domain.
    public var name: DomainName
    /// Where it stands.
    public var step: DomainStep
    /// When its new record was first seen published and matching, if it has been.
    public var firstSeen: Int?

    /// Creates an entry.
    public init(name: DomainName, step: DomainStep = .waiting, firstSeen: Int? = nil) {
      self.name = name
      self.step = step
      self.firstSeen = firstSeen
    }
  }

  /// A domain the rotation leaves alone, and why.
  public struct Skipped: Equatable, Sendable {
    /// The directory name in the key directory.
    public var name: String
    /// Why it is not rotated.
    public var reason: String

    /// Creates an entry.
    public init(name: String, reason: String) {
      self.name = name
      self.reason = reason
    }
  }

  /// The selector signing today.
  public var old: SelectorName
  /// The selector of the new keys.
  public var new: SelectorName
  /// The new keys' kind and size (`rsa 2048`).
  public var key: String
  /// The TTL of the records printed at start, in seconds.
  public var ttl: Int
  /// The step under way or last completed.
  public var phase: Phase
  /// When `start` ran.
  public var started: Int
  /// When tcp.smtp first named the new selector.
  public var switched: Int?
  /// The domains rotated, by name.
  public var domains: [Domain]
  /// The domains left alone.
  public var skipped: [Skipped]

  /// Creates a state.
  public init(
    old: SelectorName, new: SelectorName, key: String, ttl: Int, phase: Phase, started: Int,
    switched: Int? = nil, domains: [Domain], skipped: [Skipped] = []
  ) {
    self.old = old
    self.new = new
    self.key = key
    self.ttl = ttl
    self.phase = phase
    self.started = started
    self.switched = switched
    self.domains = domains
    self.skipped = skipped
  }

  /// The domains in `step`.
  public func domains(in step: DomainStep) -> [Domain] { domains.filter { $0.step == step } }
}
