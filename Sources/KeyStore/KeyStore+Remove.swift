import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// What `domain remove` moved, and where to.
public struct RemoveKeyResult: Sendable {
  /// The paths taken out of the key tree.
  public let removed: [String]
  /// Where each now is, in the same order.
  public let backups: [String]
}

extension KeyStore {
  /// Takes a domain's keys (or one selector's key and record file) out of the tree into
  /// `.removed`, where they are kept.
  ///
  /// A whole domain goes in one `rename`, so there is never a half-removed directory; a
  /// selector's key goes first (qmail-dk then sends unsigned), then its record file.
  /// - Throws: `KeyStoreError.confirmationRequired` without `confirmed`, `noSuchKey` or
  ///   `noSuchDomain`, or a system error.
  public func remove(
    domain: DomainName, selector: SelectorName?, confirmed: Bool, timestamp: Int
  ) throws(KeyStoreError) -> RemoveKeyResult {
    try Self.mapping {
      let root = try openRoot(create: false)
      let stamp = Self.stamp(timestamp)
      guard let selector else {
        _ = try openDomain(domain.text, in: root)
        if !confirmed { throw KeyStoreError.confirmationRequired(path: root.join(domain.text)) }
        let backup = try openBackupDirectory(in: root)
        let target = try freeBackupName("\(domain).\(stamp)", in: backup)
        let moved = try preserve(domain.text, in: root, as: target, backup: backup, move: true)
        try root.sync()
        return RemoveKeyResult(removed: [root.join(domain.text)], backups: [moved])
      }
      let directory = try openDomain(domain.text, in: root)
      return try directory.withExclusiveLock {
        try removeSelector(
          selector, of: domain, from: directory, root: root, stamp: stamp, confirmed: confirmed)
      }
    }
  }

  private func removeSelector(
    _ selector: SelectorName, of domain: DomainName, from directory: Directory, root: Directory,
    stamp: String, confirmed: Bool
  ) throws -> RemoveKeyResult {
    let keyPath = directory.join(selector.text)
    guard let info = try directory.status(of: selector.text) else {
      throw KeyStoreError.noSuchKey(path: keyPath, domain: domain.text)
    }
    try Self.expect(info, S_IFREG, path: keyPath, what: "regular file")
    if !confirmed { throw KeyStoreError.confirmationRequired(path: keyPath) }
    let backup = try openBackupDirectory(in: root)
    let records = try [
      KeyLayout.recordFileName(selector), KeyLayout.legacyRecordFileName(selector),
    ]
    .compactMap { $0 }.filter { try directory.status(of: $0) != nil }
    let base = try freeBackupName(
      "\(domain).\(selector).\(stamp)", companions: records, in: backup)
    var removed = [keyPath]
    var backups = [try preserve(selector.text, in: directory, as: base, backup: backup, move: true)]
    for name in records {
      removed.append(directory.join(name))
      backups.append(
        try preserve(name, in: directory, as: "\(base).\(name)", backup: backup, move: true))
    }
    try directory.sync()
    try backup.sync()
    return RemoveKeyResult(removed: removed, backups: backups)
  }
}
