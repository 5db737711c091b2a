import KeyStore
public import TcpRules

/// What `rotate abort` did (or would do).
public struct AbortResult: Sendable {
  /// The state afterwards.
  public let state: RotationState
  /// The tcp.smtp edit back to the old selector; nil when tcp.smtp was never switched.
  public let rules: EditOutcome?
  /// The per-domain signer setting's diff back, when there is one.
  public let signerDiff: [UInt8]?
  /// The new keys moved into `.removed`, with where each went.
  public let removed: [(from: String, to: String)]
}

extension RotationStore {
  /// Goes back to the old selector at any step before `finish`.
  ///
  /// tcp.smtp (and the signer's
  /// setting) name it again, and the new keys go into `.removed`. Run again after a kill, it
  /// completes.
  ///
  /// - Throws: `RotationError.wrongPhase` once `finish` has begun, or what the tcp.smtp
  ///   edit and the key store throw.
  public func abort(_ request: EndRequest) throws -> AbortResult {
    try stateFile.withLock { file in
      var state = try file.require()
      switch state.phase {
      case .aborted: return AbortResult(state: state, rules: nil, signerDiff: nil, removed: [])
      case .finishing, .finished:
        throw RotationError.wrongPhase(
          step: "abort", phase: state.phase.rawValue,
          hint: "the old keys are retired; start a new rotation to move on")
      default: break
      }
      let wasSwitched = [.switching, .switched].contains(state.phase) || state.switched != nil
      if request.dryRun {
        let rules = wasSwitched ? try switchBack(state, dryRun: true) : nil
        return AbortResult(state: state, rules: rules?.0, signerDiff: rules?.1, removed: [])
      }
      state.phase = .aborting
      if wasSwitched { state.switched = state.switched ?? request.now }
      try file.write(state)
      let back = state.switched != nil ? try switchBack(state, dryRun: false) : nil
      for domain in state.domains(in: .held) {
        try? keys.release(domain: domain.name, selector: state.new)
      }
      let removed = try retire(state.new, of: state, now: request.now)
      state.phase = .aborted
      try file.write(state)
      return AbortResult(state: state, rules: back?.0, signerDiff: back?.1, removed: removed)
    }
  }

  private func switchBack(_ state: RotationState, dryRun: Bool) throws -> (EditOutcome, [UInt8]?) {
    let old = state.old.text
    let new = state.new.text
    let every = state.domains.map(\.name)
    let planned = try signerSetting?.apply(
      old: state.new, new: state.old, switched: every, held: [], dryRun: true)
    let outcome = try rules.edit(dryRun: dryRun) { try $0.replaceSignSelector(new, with: old) }
    guard !dryRun else { return (outcome, planned) }
    let signer = try signerSetting?.apply(
      old: state.new, new: state.old, switched: every, held: [], dryRun: false)
    return (outcome, signer)
  }
}
