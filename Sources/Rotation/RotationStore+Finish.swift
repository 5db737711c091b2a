public import KeyStore

/// What `rotate finish` and `rotate abort` should do.
public struct EndRequest: Sendable {
  /// Finish before the old selector's mail has surely left the queue.
  public var force: Bool
  /// True to show what would change and change nothing.
  public var dryRun: Bool
  /// Now, in seconds since the epoch.
  public var now: Int

  /// Creates a request.
  public init(force: Bool = false, dryRun: Bool, now: Int) {
    self.force = force
    self.dryRun = dryRun
    self.now = now
  }
}

/// What `rotate finish` did (or would do).
public struct FinishResult: Sendable {
  /// The state afterwards.
  public let state: RotationState
  /// The records that revoke the old selector, to publish in place of the old ones.
  public let revokingRecords: [DNSRecord]
  /// The old keys moved into `.removed` by this run, with where each went.
  public let removed: [(from: String, to: String)]
}

extension RotationStore {
  /// Retires the old selector.
  ///
  /// Once queuelifetime + TTL have passed since the switch (no
  /// message signed with it is still being retried), gives the revoking records and moves
  /// the old keys into `.removed`. Run again, it moves what a killed run left.
  ///
  /// - Throws: `RotationError.tooEarly` (without `force`), `.wrongPhase` (not switched yet,
  ///   domains still held, or tcp.smtp still naming the old selector), or what the key
  ///   store throws.
  public func finish(_ request: EndRequest) throws -> FinishResult {
    try stateFile.withLock { file in
      var state = try file.require()
      let records = Self.revokingRecords(state, selector: state.old)
      switch state.phase {
      case .finished: return FinishResult(state: state, revokingRecords: records, removed: [])
      case .switched: try checkFinishable(state, request)
      case .finishing: break
      default:
        throw RotationError.wrongPhase(
          step: "finish", phase: state.phase.rawValue,
          hint: state.phase == .started
            ? "switch first with toaster-dk rotate switch" : "start a new rotation")
      }
      if request.dryRun { return FinishResult(state: state, revokingRecords: records, removed: []) }
      state.phase = .finishing
      try file.write(state)
      let removed = try retire(state.old, of: state, now: request.now)
      state.phase = .finished
      try file.write(state)
      return FinishResult(state: state, revokingRecords: records, removed: removed)
    }
  }

  private func checkFinishable(_ state: RotationState, _ request: EndRequest) throws {
    let held = state.domains(in: .held).map(\.name.text)
    if !held.isEmpty {
      throw RotationError.wrongPhase(
        step: "finish", phase: "switched with \(held.joined(separator: ", ")) held back",
        hint: "run toaster-dk rotate switch once their records are published")
    }
    if try signingSelectors().contains(state.old.text) {
      throw RotationError.wrongPhase(
        step: "finish", phase: "switched but tcp.smtp still signs with \(state.old)",
        hint: "run toaster-dk rotate switch again")
    }
    let until = (state.switched ?? state.started) + queueLifetime() + state.ttl
    if until > request.now && !request.force {
      throw RotationError.tooEarly(
        step: "finish", until: until,
        reason: "mail signed with \(state.old) may still be in the queue "
          + "(switched + queuelifetime \(queueLifetime())s + ttl \(state.ttl)s)")
    }
  }
}
