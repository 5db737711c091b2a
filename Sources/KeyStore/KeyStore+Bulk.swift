import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Makes a key for every domain of `request` that has none at its selector, going on past
  /// a domain that fails, and reports each domain through `progress` as it is done.
  ///
  /// Each key is made exactly as `add` makes it (same owner, modes and atomic write); a
  /// domain whose key exists is left alone, so a second run changes nothing.
  /// - Throws: `KeyStoreError.notPermitted` before anything is written; every later failure
  ///   is reported in the result instead.
  public func addMissing(
    _ request: BulkAddRequest, progress: (BulkAddResult.Entry) -> Void = { _ in }
  ) throws(KeyStoreError) -> BulkAddResult {
    try request.ownership.checkPermitted()
    var entries: [BulkAddResult.Entry] = []
    for domain in request.domains {
      let entry = BulkAddResult.Entry(domain: domain, outcome: outcome(for: domain, request))
      progress(entry)
      entries.append(entry)
    }
    for (alias, real) in request.aliases {
      let entry = BulkAddResult.Entry(domain: alias, outcome: .alias(of: real))
      progress(entry)
      entries.append(entry)
    }
    return BulkAddResult(entries: entries)
  }

  private func outcome(for domain: DomainName, _ request: BulkAddRequest) -> BulkAddResult.Outcome {
    let keyPath = join(domain.text, request.selector.text)
    do {
      if try hasKey(domain, request.selector) {
        guard request.includeExisting else { return .existing(keyPath: keyPath, records: nil) }
        let records = try records(
          domain: domain, selector: request.selector, options: request.recordOptions)
        return .existing(keyPath: keyPath, records: records)
      }
      if request.dryRun { return .wouldCreate(keyPath: keyPath) }
      return .created(
        try add(
          AddKeyRequest(
            domain: domain, selector: request.selector, spec: request.spec,
            ownership: request.ownership, recordOptions: request.recordOptions,
            timestamp: request.timestamp)))
    } catch {
      return .failed(error)
    }
  }

  /// True when `domain` has a key file at `selector`; a link or other non-directory where the
  /// domain directory should be is an error, as `add` would find.
  func hasKey(_ domain: DomainName, _ selector: SelectorName) throws(KeyStoreError) -> Bool {
    try Self.mapping {
      guard let root = try openIfPresent(), let info = try root.status(of: domain.text) else {
        return false
      }
      try Self.expect(info, S_IFDIR, path: root.join(domain.text), what: "directory")
      return try root.subdirectory(domain.text).status(of: selector.text) != nil
    }
  }

  /// The key directory, or nil when it does not exist yet.
  func openIfPresent() throws -> Directory? {
    do {
      return try Directory(path: path)
    } catch let error as SystemError where error.isNotFound {
      return nil
    }
  }

  /// What the key tree holds for each of `domains`, changing nothing and loading no key.
  ///
  /// A domain maps to the key files of its directory, a link (an alias set up by hand), or
  /// is absent when it has nothing.
  /// - Throws: `KeyStoreError` when the key directory cannot be read.
  public func keyPresence(of domains: [DomainName]) throws(KeyStoreError) -> [DomainName:
    KeyPresence]
  {
    try Self.mapping {
      var presence: [DomainName: KeyPresence] = [:]
      guard let root = try openIfPresent() else { return presence }
      for domain in domains {
        guard let info = try root.status(of: domain.text) else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: presence[domain] = .link
        case S_IFDIR:
          let names = try root.subdirectory(domain.text).entryNames().filter {
            !$0.hasPrefix(".") && !$0.hasSuffix(KeyLayout.recordSuffix)
          }
          presence[domain] = names.isEmpty ? nil : .keys(names)
        default: presence[domain] = .notDirectory
        }
      }
      return presence
    }
  }
}

/// What the key tree holds for a domain (absent from the map: nothing).
public enum KeyPresence: Equatable, Sendable {
  /// The domain directory holds these key files (selectors).
  case keys([String])
  /// The domain's entry is a symbolic link (qmail-dk follows it; toaster-dk does not).
  case link
  /// The domain's entry is neither a directory nor a link.
  case notDirectory
}
