import LibCrypto
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Generates a key for a domain and selector and writes it with its record file.
  ///
  /// The domain directory is created (or brought) to 0750 owner:group; the key is written
  /// through a temp file created 0600 with `O_EXCL`, given its owner and mode by
  /// `fchown`/`fchmod`, then renamed into place, so it is never readable beyond owner and
  /// group. An existing key is refused unless `force`, and then hard-linked into `.removed`
  /// first, so there is never a moment without a key.
  /// - Throws: `KeyStoreError`; on failure no partial key file is left.
  public func add(_ request: AddKeyRequest) throws(KeyStoreError) -> AddKeyResult {
    try request.ownership.checkPermitted()
    let root = try Self.mapping { try openRoot(create: true) }
    let domain = try Self.mapping {
      try openDomain(request.domain.text, in: root, create: request.ownership.directory)
    }
    return try Self.mapping {
      try domain.withExclusiveLock { try addLocked(request, root: root, domain: domain) }
    }
  }

  private func addLocked(_ request: AddKeyRequest, root: Directory, domain: Directory) throws
    -> AddKeyResult
  {
    let name = request.selector.text
    let keyPath = domain.join(name)
    let existing = try domain.status(of: name)
    if let existing {
      try Self.expect(existing, S_IFREG, path: keyPath, what: "regular file")
      if !request.force { throw KeyStoreError.keyExists(path: keyPath) }
    }
    let key = try request.existingKey ?? request.spec.generate()
    let publicKey = try Self.crypto { try key.publicKey() }
    let record = try PublishedKeyRecord(
      publicKey: publicKey, testing: request.recordOptions.testing)
    let records = try DomainRecordSet(
      domain: request.domain, selector: request.selector, bits: key.bits, keyRecord: record,
      options: request.recordOptions, keyPath: keyPath)
    var backup: (directory: Directory, base: String)?
    var backupPath: String?
    let legacy = try KeyLayout.legacyRecordFileName(request.selector).flatMap {
      try domain.status(of: $0) != nil ? $0 : nil
    }
    if existing != nil {
      let directory = try openBackupDirectory(in: root)
      let base = try freeBackupName(
        "\(request.domain).\(name).\(Self.stamp(request.timestamp))",
        companions: legacy.map { [$0] } ?? [], in: directory)
      backupPath = try preserve(name, in: domain, as: base, backup: directory, move: false)
      backup = (directory, base)
    }
    try AtomicFile.write(
      Self.crypto { try key.pkcs8PEM() }, named: name, in: domain,
      permissions: request.ownership.key)
    try grantReaders(key: name, in: domain, ownership: request.ownership)
    let recordName = KeyLayout.recordFileName(request.selector)
    try AtomicFile.write(
      Array((record.text + "\n").utf8), named: recordName, in: domain,
      permissions: request.ownership.record)
    // The hand-made public.txt describes the replaced key; keep it with that key.
    if let backup, let legacy {
      _ = try preserve(
        legacy, in: domain, as: "\(backup.base).\(legacy)", backup: backup.directory, move: true)
    }
    return AddKeyResult(
      keyPath: keyPath, recordPath: domain.join(recordName), backupPath: backupPath,
      records: records)
  }

  // Key readers (the remote signer's qmailr) get their ACL entries on the directory and key.
  private func grantReaders(key name: String, in domain: Directory, ownership: KeyOwnership)
    throws
  {
    let readers = try readers().accounts
    if let acl = Self.wantedACL(mode: ownership.directory.mode, readers: readers, search: true) {
      try acl.apply(to: domain.descriptor, path: domain.path)
    }
    if let acl = Self.wantedACL(mode: ownership.keyMode, readers: readers, search: false) {
      let fd = try domain.openForAttributes(name)
      defer { close(fd) }
      try acl.apply(to: fd, path: domain.join(name))
    }
  }

  /// Runs a LibCrypto call, wrapping its error.
  static func crypto<T>(_ body: () throws -> T) throws(KeyStoreError) -> T {
    do {
      return try body()
    } catch let error as LibCryptoError {
      throw .crypto(error)
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }
}
