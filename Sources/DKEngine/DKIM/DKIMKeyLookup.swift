import LibCrypto

/// Fetches and checks the public key a DKIM signature names (RFC 6376 §3.6, §6.1.2).
struct DKIMKeyLookup {
  let resolver: any KeyResolver
  let cache: KeyCache

  /// The usable keys at the signature's name, in the order served, or the verdict that ends
  /// verification.
  ///
  /// RFC 6376 §3.6.2.2 leaves several records at one name undefined and §6.1.2 lets a
  /// verifier pick one or try each: every usable key is returned, so the verifier can try
  /// each in turn (a key rotation that published the new record beside the old one still
  /// verifies), and records that are not DKIM keys (an SPF string) are skipped.
  func keys(for signature: SignatureHeader) -> Result<DKIMKeyCandidates, DKIMKeyProblem> {
    let records: [[UInt8]]
    switch resolver.lookup(selector: signature.selector, domain: signature.domain) {
    case .notFound(let reason): return .failure(.permanent(reason))
    case .temporaryFailure(let reason): return .failure(.temporary(reason))
    case .found(let found): records = found
    }
    var problem = DKIMKeyProblem.permanent(
      "no key record at \(signature.selector)._domainkey.\(signature.domain)")
    var keys: [(PublicKey, KeyRecord)] = []
    for bytes in records {
      switch check(String(decoding: bytes, as: UTF8.self), for: signature) {
      case .success(let found): keys.append(found)
      case .failure(let failure): problem = failure
      }
    }
    guard !keys.isEmpty else { return .failure(problem) }
    return .success(DKIMKeyCandidates(keys: keys, recordCount: records.count))
  }

  private func check(_ text: String, for signature: SignatureHeader) -> Result<
    (PublicKey, KeyRecord), DKIMKeyProblem
  > {
    guard let record = try? KeyRecord(parsing: text, dialect: .dkim) else {
      return .failure(.permanent("key record syntax error"))
    }
    if let version = record.version, version != "DKIM1" {
      return .failure(.permanent("key record version \(version)"))
    }
    if let hashes = record.hashAlgorithms, !hashes.contains(signature.algorithm.hashName) {
      return .failure(.permanent("key record does not allow \(signature.algorithm.hashName)"))
    }
    guard record.serviceTypes.contains("*") || record.serviceTypes.contains("email") else {
      return .failure(.permanent("key record is not for email"))
    }
    guard record.keyType.lowercased() == signature.algorithm.keyAlgorithm.rawValue else {
      return .failure(
        .permanent("key type \(record.keyType) does not fit \(signature.algorithm.rawValue)"))
    }
    if record.flags.contains("s"),
      !signature.identity.lowercased().hasSuffix("@" + signature.domain.lowercased())
    {
      return .failure(.permanent("key record forbids subdomain identities (t=s)"))
    }
    guard let keyText = record.publicKeyText else {
      return .failure(.permanent("key record has no p="))
    }
    guard !keyText.isEmpty else { return .failure(.permanent("key revoked")) }
    let algorithm = signature.algorithm
    // Keyed by the p= text (plus the algorithm, which keeps a raw Ed25519 key and an RSA
    // DER apart), so a cached key costs no base64 decoding either.
    guard
      let key = cache.key(
        for: Array(keyText.utf8) + [algorithm == .ed25519SHA256 ? 1 : 0],
        parse: { _ in Base64.decode(keyText).flatMap { Self.publicKey($0, algorithm) } })
    else {
      return .failure(.permanent("p= is not a usable \(record.keyType) key"))
    }
    // RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits.
    if key.algorithm == .rsa && key.bits < 1024 {
      return .failure(.permanent("RSA key of \(key.bits) bits is under 1024 (RFC 8301)"))
    }
    return .success((key, record))
  }

  private static func publicKey(_ der: [UInt8], _ algorithm: DKIMAlgorithm) -> PublicKey? {
    if algorithm == .ed25519SHA256 { return try? PublicKey(ed25519Raw: der) }
    // dkimpy also accepts a bare PKCS#1 RSAPublicKey in p=; RFC 6376 says SPKI.
    return (try? PublicKey(subjectPublicKeyInfo: der)) ?? (try? PublicKey(rsaPublicKey: der))
  }
}

/// The usable keys found at a signature's name, and how many records were there.
struct DKIMKeyCandidates {
  let keys: [(PublicKey, KeyRecord)]
  let recordCount: Int
}

/// Why a key could not be used.
enum DKIMKeyProblem: Error {
  case permanent(String)
  case temporary(String)
}
