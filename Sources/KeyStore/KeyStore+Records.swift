import LibCrypto
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// The records to publish for a domain's selector, derived from the private key itself.
  ///
  /// Never from the record file, which may be stale. For an alias link the key is the
  /// real domain's and the records are named for the alias.
  ///
  /// - Throws: `KeyStoreError.noSuchKey`, `unreadableKey` for an empty or damaged key,
  ///   `dkimOnlyKey` for DomainKeys records of an Ed25519 key, or a system error.
  public func records(domain: DomainName, selector: SelectorName, options: RecordOptions)
    throws(KeyStoreError) -> DomainRecordSet
  {
    let (pem, keyPath) = try Self.mapping { () throws -> ([UInt8], String) in
      let root = try openRoot(create: false, forWriting: false)
      let (directory, _) = try openDomainForReading(domain.text, in: root)
      let keyPath = directory.join(selector.text)
      guard let info = try directory.status(of: selector.text) else {
        throw KeyStoreError.noSuchKey(path: keyPath, domain: domain.text)
      }
      try Self.expect(info, S_IFREG, path: keyPath, what: "regular file")
      return (try directory.readFile(selector.text), keyPath)
    }
    let replace = "toaster-dk domain add \(domain) --selector \(selector) --force"
    if pem.isEmpty {
      throw .unreadableKey(
        path: keyPath, reason: "empty file (old dknewkey on openssl 3 leaves one)", replace: replace
      )
    }
    let key: PrivateKey
    do {
      key = try PrivateKey(pem: pem)
    } catch {
      throw .unreadableKey(path: keyPath, reason: error.description, replace: replace)
    }
    let publicKey = try Self.crypto { try key.publicKey() }
    let record = try PublishedKeyRecord(publicKey: publicKey, testing: options.testing)
    return try DomainRecordSet(
      domain: domain, selector: selector, bits: key.bits, keyRecord: record, options: options,
      keyPath: keyPath)
  }
}
