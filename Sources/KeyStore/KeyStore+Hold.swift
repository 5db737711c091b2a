import LibCrypto
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// The name a held-back key is kept under in its domain directory (`.s202612.held`): a
  /// dot name, so qmail-dk's `%` template does not find it and listings skip it.
  public static func heldName(_ selector: SelectorName) -> String { ".\(selector).held" }

  /// Holds a domain's key back, out of qmail-dk's sight.
  ///
  /// Renames `DOMAIN/SELECTOR` to its held name, so qmail-dk
  /// finds no key there and queues the domain's mail unsigned rather than signing with a
  /// selector DNS does not serve yet. Nothing is done when it is already held.
  ///
  /// - Throws: `KeyStoreError.noSuchKey` when neither name exists, or a system error.
  public func hold(domain: DomainName, selector: SelectorName) throws(KeyStoreError) {
    try move(domain: domain, from: selector.text, to: Self.heldName(selector))
  }

  /// Puts a held key back at `DOMAIN/SELECTOR`; nothing is done when it is already there.
  ///
  /// - Throws: `KeyStoreError.noSuchKey` when neither name exists, or a system error.
  public func release(domain: DomainName, selector: SelectorName) throws(KeyStoreError) {
    try move(domain: domain, from: Self.heldName(selector), to: selector.text)
  }

  /// The key record of a domain's key at `selector`, or of the key held back from it,
  /// derived from the private key.
  ///
  /// - Throws: `KeyStoreError.noSuchKey`, `unreadableKey`, or a system error.
  public func keyRecord(domain: DomainName, selector: SelectorName, held: Bool)
    throws(KeyStoreError) -> PublishedKeyRecord
  {
    guard held else {
      return try records(domain: domain, selector: selector, options: RecordOptions()).keyRecord
    }
    let name = Self.heldName(selector)
    let (pem, path) = try Self.mapping { () throws -> ([UInt8], String) in
      let directory = try openDomain(
        domain.text, in: try openRoot(create: false, forWriting: false))
      guard try directory.status(of: name) != nil else {
        throw KeyStoreError.noSuchKey(path: directory.join(name), domain: domain.text)
      }
      return (try directory.readFile(name), directory.join(name))
    }
    do {
      return try PublishedKeyRecord(publicKey: try PrivateKey(pem: pem).publicKey(), testing: false)
    } catch let error as KeyStoreError {
      throw error
    } catch {
      throw .unreadableKey(path: path, reason: "\(error)", replace: "toaster-dk rotate abort")
    }
  }

  // One rename in the domain directory, under its lock: the key is at one name or the
  // other, never at both or neither.
  private func move(domain: DomainName, from: String, to: String) throws(KeyStoreError) {
    try Self.mapping {
      let root = try openRoot(create: false)
      let directory = try openDomain(domain.text, in: root)
      try directory.withExclusiveLock {
        if let info = try directory.status(of: to), try directory.status(of: from) == nil {
          try Self.expect(info, S_IFREG, path: directory.join(to), what: "regular file")
          return
        }
        guard let info = try directory.status(of: from) else {
          throw KeyStoreError.noSuchKey(path: directory.join(from), domain: domain.text)
        }
        try Self.expect(info, S_IFREG, path: directory.join(from), what: "regular file")
        guard renameat(directory.descriptor, from, directory.descriptor, to) == 0 else {
          throw SystemError.fromErrno(
            "rename \(directory.join(from)) to", path: directory.join(to), access: .writing)
        }
        try directory.sync()
      }
    }
  }
}
