/// What `toaster-dk test-verify` asks of the engine for one message.
public struct VerifyRequest {
  /// The message bytes.
  public var message: MessageBytes
  /// The environment the client's tcp.smtp rule sets.
  public var environment: QmailDKEnvironment
  /// A DKVERIFY value that replaces the rule's and forces verify mode, when given.
  public var dkVerify: String?
  /// Where key records come from.
  public var resolver: any KeyResolver
  /// The current time (seconds since the epoch) for DKIM x=.
  public var now: Int
  /// Keys already parsed; share one across the messages of a run.
  public var cache: KeyCache
  /// Whether DKIM rsa-sha1 signatures may pass (RFC 8301 says they MUST NOT).
  public var acceptsLegacyRSASHA1 = false

  /// Creates a request for a message in an array.
  public init(
    message: [UInt8], environment: QmailDKEnvironment, dkVerify: String? = nil,
    resolver: any KeyResolver, now: Int, cache: KeyCache = KeyCache()
  ) {
    self.init(
      message: MessageBytes(message), environment: environment, dkVerify: dkVerify,
      resolver: resolver, now: now, cache: cache)
  }

  /// Creates a request.
  public init(
    message: MessageBytes, environment: QmailDKEnvironment, dkVerify: String? = nil,
    resolver: any KeyResolver, now: Int, cache: KeyCache = KeyCache()
  ) {
    self.cache = cache
    self.message = message
    self.environment = environment
    self.dkVerify = dkVerify
    self.resolver = resolver
    self.now = now
  }
}

/// Every verdict on one message, and what qmail-dk would do with it.
public struct VerifyReport {
  /// The DomainKeys result (`noSignature` when there is no DomainKey-Signature).
  public let domainKeys: DomainKeysResult
  /// One result per DKIM-Signature (a single `none` when there is none).
  public let dkim: [DKIMResult]
  /// What qmail-dk 0.6.beta.2 does under the effective environment.
  public let qmailDK: QmailDKOutcome

  /// The DKVERIFY decision: accept unless qmail-dk would refuse the message.
  public var decision: DKVerifyDecision { qmailDK.decision }

  /// The signatures that are present and did not verify: `domainkeys` for the
  /// DomainKey-Signature, `dkim#N` for the Nth DKIM-Signature.
  public var failedSignatures: [String] {
    var failed: [String] = []
    if domainKeys.status != .ok && domainKeys.status != .noSignature { failed.append("domainkeys") }
    for (index, result) in dkim.enumerated()
    where result.verdict != .pass && result.verdict != .none {
      failed.append("dkim#\(index + 1)")
    }
    return failed
  }

  /// Whether the answer is negative: a signature did not verify or qmail-dk would refuse
  /// the message (what `test-verify` exits 1 for).
  public var isNegative: Bool { decision != .accept || !failedSignatures.isEmpty }
}

extension QmailDKOutcome {
  /// Accept, or the kind of refusal the fd-4 text announces (`D` permanent, `Z` temporary).
  public var decision: DKVerifyDecision {
    guard case .rejected(let text, _, _) = action else { return .accept }
    return text.hasPrefix("Z") ? .temporaryReject : .permanentReject
  }
}
