public import KeyStore

/// What `rotate start` should do.
public struct StartRequest: Sendable {
  /// The new selector; nil for the dated default (`s202612`).
  public var selector: SelectorName?
  /// The selector to rotate away from; nil for the one tcp.smtp signs with.
  public var from: SelectorName?
  /// The new keys' kind and size (RSA: qmail-dk signs with nothing else).
  public var spec: KeySpec
  /// Owner, group and modes of the new keys.
  public var ownership: KeyOwnership
  /// How the records are rendered (TTL, t=y).
  public var recordOptions: RecordOptions
  /// True to say what would be made and make nothing.
  public var dryRun: Bool
  /// Now, in seconds since the epoch.
  public var now: Int

  /// Creates a request.
  public init(
    selector: SelectorName?, from: SelectorName?, spec: KeySpec, ownership: KeyOwnership,
    recordOptions: RecordOptions, dryRun: Bool, now: Int
  ) {
    self.selector = selector
    self.from = from
    self.spec = spec
    self.ownership = ownership
    self.recordOptions = recordOptions
    self.dryRun = dryRun
    self.now = now
  }
}

/// What `rotate start` did.
public struct StartResult: Sendable {
  /// The rotation's state afterwards (under `dryRun`, what it would be).
  public let state: RotationState
  /// The domains whose new key was made by this run.
  public let created: [DomainName]
  /// The records to publish for every new key (none under `dryRun`: the keys do not exist).
  public let records: [DomainRecordSet]
}

extension RotationStore {
  /// Makes a new key at a new selector for every domain that signs today, and records the
  /// rotation; run again, it makes the keys a killed run did not (and nothing else).
  ///
  /// A domain signs today when it has a loadable key at the selector tcp.smtp's DKSIGN
  /// templates use; aliases and domains without such a key are skipped, with the reason.
  /// - Throws: `RotationError` (another rotation in progress, nothing signing, a taken or
  ///   equal selector, a non-RSA key), `KeyStoreError`, `TcpRulesError` or `SystemError`.
  public func start(_ request: StartRequest) throws -> StartResult {
    guard request.spec.algorithm == .rsa else {
      throw RotationError.rsaOnly(request.spec.algorithm.rawValue)
    }
    return try stateFile.withLock { file in
      let state: RotationState
      if let existing = try file.read(), ![.finished, .aborted].contains(existing.phase) {
        state = try resumable(existing, request)
      } else {
        state = try plan(request)
      }
      if request.dryRun { return StartResult(state: state, created: [], records: []) }
      var working = state
      working.phase = .starting
      try file.write(working)
      var created: [DomainName] = []
      for domain in state.domains {
        guard try !hasKey(domain.name, state.new) else { continue }
        _ = try keys.add(
          AddKeyRequest(
            domain: domain.name, selector: state.new, spec: request.spec,
            ownership: request.ownership, recordOptions: request.recordOptions,
            timestamp: request.now))
        created.append(domain.name)
      }
      working.phase = .started
      try file.write(working)
      return StartResult(
        state: working, created: created,
        records: try newRecords(working, options: request.recordOptions))
    }
  }

  private func hasKey(_ domain: DomainName, _ selector: SelectorName) throws -> Bool {
    do {
      _ = try keys.records(domain: domain, selector: selector, options: RecordOptions())
      return true
    } catch KeyStoreError.noSuchKey {
      return false
    }
  }

  // A rotation already under way is resumed by a start naming the same selectors (or none).
  private func resumable(_ existing: RotationState, _ request: StartRequest) throws -> RotationState
  {
    let differs =
      (request.selector.map { $0 != existing.new } ?? false)
      || (request.from.map { $0 != existing.old } ?? false)
    guard !differs, [.starting, .started].contains(existing.phase) else {
      throw RotationError.inProgress(
        path: stateFile.path, old: existing.old.text, new: existing.new.text,
        phase: existing.phase.rawValue)
    }
    return existing
  }

  private func plan(_ request: StartRequest) throws -> RotationState {
    let old = try oldSelector(from: request.from)
    let inventory = try keys.inventory()
    let new = try request.selector ?? defaultSelector(at: request.now, avoiding: inventory)
    guard new != old else { throw RotationError.sameSelector(new.text) }
    var domains: [RotationState.Domain] = []
    var skipped: [RotationState.Skipped] = []
    for report in inventory.domains {
      if let real = report.aliasOf {
        skipped.append(.init(name: report.name, reason: "alias of \(real): signs with its keys"))
        continue
      }
      guard let name = try? DomainName(report.name), name.text == report.name else {
        skipped.append(.init(name: report.name, reason: "not a lower-case domain name"))
        continue
      }
      guard let key = report.keys.first(where: { $0.selector == old.text }) else {
        skipped.append(.init(name: report.name, reason: "no key at selector \(old): not signing"))
        continue
      }
      guard key.key != nil else {
        skipped.append(
          .init(name: report.name, reason: "the key at \(old) does not load: see domain list"))
        continue
      }
      if let taken = report.keys.first(where: { $0.selector == new.text }) {
        throw RotationError.selectorTaken(path: taken.path)
      }
      domains.append(.init(name: name))
    }
    guard !domains.isEmpty else { throw RotationError.nothingToRotate(selector: old.text) }
    return RotationState(
      old: old, new: new, key: request.spec.description, ttl: request.recordOptions.ttl,
      phase: .started, started: request.now, domains: domains, skipped: skipped)
  }

  // s202612, or s202612b, s202612c, … when a key of that name exists anywhere.
  private func defaultSelector(at time: Int, avoiding inventory: KeyInventory) throws
    -> SelectorName
  {
    let base = RotationClock.defaultSelector(at: time)
    let taken = Set(inventory.domains.flatMap { $0.keys.map(\.selector) })
    for suffix in [""] + "bcdefghijklmnopqrstuvwxyz".map(String.init)
    where !taken.contains(base + suffix) {
      return try SelectorName(base + suffix)
    }
    throw RotationError.selectorTaken(path: keys.path + "/*/\(base)z")
  }
}
