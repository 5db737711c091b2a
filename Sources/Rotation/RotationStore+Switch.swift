public import KeyStore
public import TcpRules

/// What `rotate switch` should do.
public struct SwitchRequest: Sendable {
  /// Switch only these domains, holding the others' new keys back; empty for all.
  public var only: [DomainName]
  /// Switch without waiting for DNS to serve the new records.
  public var force: Bool
  /// True to show the changes and write nothing.
  public var dryRun: Bool
  /// The negative-cache time to wait after a record is first seen, in seconds.
  public var negativeTTL: Int
  /// Now, in seconds since the epoch.
  public var now: Int

  /// Creates a request.
  public init(only: [DomainName], force: Bool, dryRun: Bool, negativeTTL: Int, now: Int) {
    self.only = only
    self.force = force
    self.dryRun = dryRun
    self.negativeTTL = negativeTTL
    self.now = now
  }
}

/// What `rotate switch` did (or, under `dryRun`, would do).
public struct SwitchResult: Sendable {
  /// The state afterwards.
  public let state: RotationState
  /// The tcp.smtp edit (its diff under `dryRun`).
  public let rules: EditOutcome
  /// The per-domain signer setting's diff, when there is one.
  public let signerDiff: [UInt8]?
}

extension RotationStore {
  /// Makes tcp.smtp's DKSIGN templates (and the per-domain signer's setting) name the new
  /// selector, once DNS serves every new record and the lead time has passed.
  ///
  /// With `only`, the named domains switch and the others' new keys are held back (renamed
  /// out of qmail-dk's sight, so their mail goes unsigned at queue entry rather than signed
  /// with an unpublished selector); a later switch releases them. Run again after a kill,
  /// it completes the recorded switch first.
  /// - Throws: `RotationError.notReady` or `.tooEarly` (nothing changed), `.wrongPhase`,
  ///   `.unknownDomain`, or what the tcp.smtp edit and the key store throw.
  public func switchSelector(_ request: SwitchRequest, checker: any RecordChecker) throws
    -> SwitchResult
  {
    try stateFile.withLock { file in
      var state = try file.require()
      switch state.phase {
      case .started, .switched:
        var planned = try plannedSwitch(state, request, checker: checker)
        // finish counts from the last switch that moved a domain to the new selector.
        if planned.domains.map(\.step) != state.domains.map(\.step) { planned.switched = nil }
        state = planned
      case .switching: break
      case .starting:
        throw RotationError.wrongPhase(
          step: "switch", phase: "starting",
          hint: "run toaster-dk rotate start again to make the missing keys")
      case .finishing, .finished, .aborting, .aborted:
        throw RotationError.wrongPhase(
          step: "switch", phase: state.phase.rawValue, hint: "start a new rotation")
      }
      if request.dryRun {
        let (rules, signer) = try apply(state, dryRun: true)
        return SwitchResult(state: state, rules: rules, signerDiff: signer)
      }
      state.phase = .switching
      try file.write(state)
      let (rules, signer) = try apply(state, dryRun: false)
      state.phase = .switched
      state.switched = state.switched ?? request.now
      try file.write(state)
      return SwitchResult(state: state, rules: rules, signerDiff: signer)
    }
  }

  // Which domains switch now and which are held; refuses (changing nothing) when a domain
  // to switch is not served yet, or was first seen too recently.
  private func plannedSwitch(
    _ state: RotationState, _ request: SwitchRequest, checker: any RecordChecker
  ) throws -> RotationState {
    var state = state
    let names = Set(state.domains.map(\.name))
    if let unknown = request.only.first(where: { !names.contains($0) }) {
      throw RotationError.unknownDomain(unknown.text)
    }
    let targets = state.domains.indices.filter {
      state.domains[$0].step != .switched
        && (request.only.isEmpty || request.only.contains(state.domains[$0].name))
    }
    if !request.force { try checkReady(&state, targets, request, checker: checker) }
    for index in state.domains.indices where state.domains[index].step != .switched {
      state.domains[index].step = targets.contains(index) ? .switched : .held
    }
    return state
  }

  private func checkReady(
    _ state: inout RotationState, _ targets: [Int], _ request: SwitchRequest,
    checker: any RecordChecker
  ) throws {
    var failing: [(String, PublishedRecord)] = []
    var safeAt = 0
    for index in targets {
      let domain = state.domains[index]
      let published =
        try publishedRecord(domain, of: state, checker: checker) ?? .missing("not checked")
      guard published.isMatch else {
        failing.append((domain.name.text, published))
        continue
      }
      if domain.firstSeen == nil { state.domains[index].firstSeen = request.now }
      let standing = Self.standing(
        state.domains[index], published, ttl: state.ttl, negativeTTL: request.negativeTTL)
      safeAt = max(safeAt, standing.safeAt ?? request.now)
    }
    if !failing.isEmpty {
      let temporary = failing.allSatisfy {
        if case .temporaryFailure = $0.1 { return true } else { return false }
      }
      throw RotationError.notReady(
        step: "switch", domains: failing.map { "\($0.0) (\($0.1.summary))" },
        temporaryOnly: temporary)
    }
    if safeAt > request.now {
      throw RotationError.tooEarly(
        step: "switch", until: safeAt,
        reason: "resolvers may still hold a negative answer from before the record was "
          + "published (first seen + record ttl + \(request.negativeTTL)s negative-cache time)")
    }
  }

  // The signer's file is read first (a file that does not parse refuses the switch before
  // anything changed); then holds (no lagging domain ever signs with the new selector),
  // releases, tcp.smtp and its cdb in one locked edit, and the signer's setting. A kill in
  // between leaves the phase at switching, and the next run completes every part.
  private func apply(_ state: RotationState, dryRun: Bool) throws -> (EditOutcome, [UInt8]?) {
    let switched = state.domains(in: .switched).map(\.name)
    let held = state.domains(in: .held).map(\.name)
    let planned = try signerSetting?.apply(
      old: state.old, new: state.new, switched: switched, held: held, dryRun: true)
    if !dryRun {
      for domain in held { try keys.hold(domain: domain, selector: state.new) }
      for domain in switched { try keys.release(domain: domain, selector: state.new) }
    }
    let old = state.old.text
    let new = state.new.text
    let outcome = try rules.edit(dryRun: dryRun) { try $0.replaceSignSelector(old, with: new) }
    guard !dryRun else { return (outcome, planned) }
    let signer = try signerSetting?.apply(
      old: state.old, new: state.new, switched: switched, held: held, dryRun: false)
    return (outcome, signer)
  }
}
