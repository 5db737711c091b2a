public import KeyStore

/// Where a rotation stands, per domain and as a whole: what `rotate status` reports.
public struct RotationStatus: Sendable {
  /// One domain's standing.
  public struct Domain: Sendable {
    /// The domain.
    public let name: DomainName
    /// Its step.
    public let step: RotationState.DomainStep
    /// What DNS serves at the new selector (nil when not checked).
    public let published: PublishedRecord?
    /// When the new record was first seen matching.
    public let firstSeen: Int?
    /// When switching this domain becomes safe: first seen + record TTL + negative-cache
    /// time, so no resolver still holds an answer from before the record existed.
    public let safeAt: Int?
  }

  /// The state (with first-seen times brought up to date).
  public let state: RotationState
  /// The domains, in the state's order.
  public let domains: [Domain]
  /// `control/queuelifetime` in seconds.
  public let queueLifetime: Int
  /// The negative-cache time assumed, in seconds.
  public let negativeTTL: Int
  /// Now, as the report was made.
  public let now: Int

  /// When every waiting or held domain may switch; nil while one is not published.
  public var switchSafeAt: Int? {
    let pending = domains.filter { $0.step != .switched }
    guard !pending.isEmpty else { return nil }
    let times = pending.map(\.safeAt)
    guard times.allSatisfy({ $0 != nil }) else { return nil }
    return times.compactMap { $0 }.max()
  }

  /// When the old selector's last message has left the queue: switched + queuelifetime +
  /// TTL; nil before the switch.
  public var finishAt: Int? {
    state.switched.map { $0 + queueLifetime + state.ttl }
  }

  /// The next thing to do, as a command and why.
  public var next: String {
    let pending = domains.filter { $0.step != .switched }.map(\.name.text)
    switch state.phase {
    case .starting: return "toaster-dk rotate start (an earlier start was interrupted)"
    case .switching: return "toaster-dk rotate switch (an earlier switch was interrupted)"
    case .finishing: return "toaster-dk rotate finish (an earlier finish was interrupted)"
    case .aborting: return "toaster-dk rotate abort (an earlier abort was interrupted)"
    case .finished, .aborted: return "nothing: the rotation is over"
    case .started, .switched:
      if pending.isEmpty, let finishAt {
        return finishAt <= now
          ? "toaster-dk rotate finish"
          : "toaster-dk rotate finish after \(RotationClock.iso(finishAt))"
      }
      if let safe = switchSafeAt {
        return safe <= now
          ? "toaster-dk rotate switch"
          : "toaster-dk rotate switch after \(RotationClock.iso(safe))"
      }
      let unpublished = domains.filter { $0.step != .switched && $0.published?.isMatch != true }
      return "publish the new record of \(unpublished.map(\.name.text).joined(separator: ", ")) "
        + "(toaster-dk rotate start prints them again)"
    }
  }
}

extension RotationStore {
  /// Checks every domain's new record with `checker`, notes when each was first seen
  /// matching, and says when the switch and the finish become safe.
  ///
  /// - Returns: nil when no rotation is in progress.
  /// - Throws: `RotationError.malformedState` or `SystemError`.
  public func status(checker: any RecordChecker, negativeTTL: Int, now: Int) throws
    -> RotationStatus?
  {
    try stateFile.withLock { file in
      guard var state = try file.read() else { return nil }
      let before = state
      var domains: [RotationStatus.Domain] = []
      for index in state.domains.indices {
        let domain = state.domains[index]
        let published = try publishedRecord(domain, of: state, checker: checker)
        if published?.isMatch == true, domain.firstSeen == nil {
          state.domains[index].firstSeen = now
        }
        domains.append(
          Self.standing(state.domains[index], published, ttl: state.ttl, negativeTTL: negativeTTL))
      }
      if state != before { try file.write(state) }
      return RotationStatus(
        state: state, domains: domains, queueLifetime: queueLifetime(), negativeTTL: negativeTTL,
        now: now)
    }
  }

  /// What DNS serves for a domain's new key (nil once the rotation is over).
  func publishedRecord(
    _ domain: RotationState.Domain, of state: RotationState, checker: any RecordChecker
  ) throws -> PublishedRecord? {
    guard ![.finished, .aborted, .aborting].contains(state.phase) else { return nil }
    let expected = try keys.keyRecord(
      domain: domain.name, selector: state.new, held: domain.step == .held)
    return checker.check(domain: domain.name, selector: state.new, expected: expected)
  }

  static func standing(
    _ domain: RotationState.Domain, _ published: PublishedRecord?, ttl: Int, negativeTTL: Int
  ) -> RotationStatus.Domain {
    var servedTTL = ttl
    if case .matches(let served)? = published { servedTTL = max(ttl, served) }
    return RotationStatus.Domain(
      name: domain.name, step: domain.step, published: published, firstSeen: domain.firstSeen,
      safeAt: domain.firstSeen.map { $0 + servedTTL + negativeTTL })
  }
}

extension RotationStatus {
  /// How a monitoring script should read the status.
  public enum Health: Sendable {
    /// Every new record checked matches (or nothing needed checking).
    case good
    /// A new record is missing or different.
    case problem
    /// Only temporary DNS failures stand in the way.
    case temporary
  }

  /// The status for a monitoring script.
  public var health: Health {
    let answers = domains.compactMap(\.published)
    if answers.contains(where: {
      switch $0 {
      case .missing, .differs: true
      case .matches, .temporaryFailure: false
      }
    }) {
      return .problem
    }
    return answers.allSatisfy(\.isMatch) ? .good : .temporary
  }
}
