import LibCrypto

/// Verifies the first DomainKey-Signature of a message as libdomainkeys 0.69 does.
public struct DomainKeysVerifier {
  /// Where key records come from.
  public let resolver: any KeyResolver
  /// Keys already parsed.
  public let cache: KeyCache

  /// Creates a verifier that fetches keys through `resolver`.
  public init(resolver: any KeyResolver, cache: KeyCache = KeyCache()) {
    self.resolver = resolver
    self.cache = cache
  }

  /// Verifies `message`, giving the DK_STAT status and qmail-dk 0.6's status.
  public func verify(_ message: Message) -> DomainKeysResult {
    let scan = DomainKeysHeaderScan(message, signing: false)
    if let error = scan.syntaxError {
      let signedBefore = scan.signatureIndex.map { $0 < error.index } ?? false
      return DomainKeysResult(
        .syntax, error.reason, qmailDK: signedBefore ? .badSignature : .noSignature)
    }
    guard let signatureIndex = scan.signatureIndex else {
      return DomainKeysResult(.noSignature, "no DomainKey-Signature field")
    }
    let tags: DomainKeysSignatureTags
    do {
      tags = try DomainKeysSignatureTags(field: message.fields[signatureIndex], of: message)
    } catch {
      return DomainKeysResult(error.status, error.reason)
    }
    switch check(tags, scan: scan, message: message, signatureIndex: signatureIndex) {
    case .success(let testing):
      return DomainKeysResult(.ok, "signature verified", signature: tags, testing: testing)
    case .failure(let failure):
      return DomainKeysResult(failure.status, failure.reason, signature: tags)
    }
  }

  private func check(
    _ tags: DomainKeysSignatureTags, scan: DomainKeysHeaderScan, message: Message,
    signatureIndex: Int
  ) -> Result<Bool, DomainKeysFailure> {
    let sender: DomainKeysAddress
    switch scan.sender(in: message) {
    case .success(let address): sender = address
    case .failure(let failure): return .failure(failure)
    }
    guard Self.domain(tags.domain, covers: sender.domain) else {
      return .failure(
        .init(.syntax, "d=\(tags.domain) is not the sender's domain \(sender.domain)"))
    }
    let key: PublicKey
    let record: KeyRecord
    switch resolveKey(tags) {
    case .success(let found): (key, record) = found
    case .failure(let failure): return .failure(failure)
    }
    if let granularity = record.granularity, !Self.granularity(granularity, accepts: sender) {
      return .failure(.init(.granularity, "key g=\(granularity) does not match the sender"))
    }
    let indexes = message.fields.indices.filter { index in
      index > signatureIndex
        && (tags.headerNames?.contains(message.fields[index].lowercasedName) ?? true)
    }
    guard let signature = Base64.decode(tags.signature),
      let digest = try? DomainKeysHasher.digest(
        of: message, fieldIndexes: indexes, canonicalization: tags.canonicalization),
      (try? key.verifyRSA(signature: signature, digest: digest, algorithm: .sha1)) == true
    else {
      return .failure(.init(.badSignature, "signature did not verify"))
    }
    return .success(record.isTesting)
  }

  private func resolveKey(_ tags: DomainKeysSignatureTags) -> Result<
    (PublicKey, KeyRecord), DomainKeysFailure
  > {
    let text: String
    // libdomainkeys reads the first TXT record only (spec §3.2); its e=perm;/e=temp;
    // sentinels are LibdomainkeysKeyResolver's business, not the verifier's.
    switch resolver.lookup(selector: tags.selector, domain: tags.domain) {
    case .notFound(let reason): return .failure(.init(.noKey, reason))
    case .temporaryFailure(let reason): return .failure(.init(.cantVerify, reason))
    case .found(let records):
      guard let first = records.first else {
        return .failure(
          .init(.noKey, "no key record at \(tags.selector)._domainkey.\(tags.domain)"))
      }
      text = String(decoding: first, as: UTF8.self)
    }
    guard let record = try? KeyRecord(parsing: text, dialect: .domainKeys) else {
      return .failure(.init(.badKey, "key record does not parse"))
    }
    guard let keyText = record.publicKeyText else {
      return .failure(.init(.noKey, "key record has no p="))
    }
    guard !keyText.isEmpty else { return .failure(.init(.revoked, "key revoked (empty p=)")) }
    guard
      let key = cache.key(
        for: Array(keyText.utf8),
        parse: { _ in Base64.decode(keyText).flatMap { try? PublicKey(subjectPublicKeyInfo: $0) } }),
      key.algorithm == .rsa
    else {
      return .failure(.init(.badKey, "p= is not an RSA SubjectPublicKeyInfo"))
    }
    return .success((key, record))
  }

  // d= must equal the sender's domain or be a parent of it, ignoring case;
  // libdomainkeys reports a mismatch as SYNTAX ("bad format"), not BADSIG.
  static func domain(_ signing: String, covers sender: String) -> Bool {
    let signing = signing.lowercased()
    let sender = sender.lowercased()
    return sender == signing || sender.hasSuffix("." + signing)
  }

  // libdomainkeys compares g= with the local part case-insensitively over the local
  // part's length only, and has no `*` wildcard (RFC 4870 wants an exact match
  // with `*`): `g=alicex` and `g=ALICE` accept `alice@`, `g=ali` does not.
  static func granularity(_ value: String, accepts sender: DomainKeysAddress) -> Bool {
    let local = Array(sender.localPart.lowercased().utf8)
    let granted = Array(value.lowercased().utf8)
    return !local.isEmpty && granted.count >= local.count
      && Array(granted.prefix(local.count)) == local
  }
}
