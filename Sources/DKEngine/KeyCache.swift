import LibCrypto

/// Parsed keys by their encoded form (a PEM, or a record's p= text), so a run over many
/// messages signed with the same key decodes it once (OpenSSL 3's decoders cost more than a
/// signature or a verification).
///
/// Not for concurrent use: give each thread its own cache.
public final class KeyCache {
  private var publicKeys: [[UInt8]: PublicKey] = [:]
  private var privateKeys: [[UInt8]: PrivateKey] = [:]
  private var records: [ObjectIdentifier: String] = [:]
  // The last key of each kind: a batch mostly uses one key, and comparing with it costs less
  // than hashing a PEM or a p= byte by byte for the dictionaries.
  private var lastPublicKey: (encoded: [UInt8], key: PublicKey)?
  private var lastPrivateKey: (pem: [UInt8], key: PrivateKey)?
  private let capacity: Int

  /// Creates an empty cache holding at most `capacity` keys of each kind.
  public init(capacity: Int = 256) {
    self.capacity = capacity
  }

  /// The public key for `encoded` (any bytes that name it), parsed with `parse` the first time.
  func key(for encoded: [UInt8], parse: ([UInt8]) -> PublicKey?) -> PublicKey? {
    if let last = lastPublicKey, last.encoded == encoded { return last.key }
    guard let key = publicKeys[encoded] ?? parse(encoded) else { return nil }
    if publicKeys[encoded] == nil {
      if publicKeys.count >= capacity { publicKeys.removeAll(keepingCapacity: true) }
      publicKeys[encoded] = key
    }
    lastPublicKey = (encoded, key)
    return key
  }

  /// The private key in `pem`, parsed the first time.
  func privateKey(pem: [UInt8]) -> PrivateKey? {
    if let last = lastPrivateKey, last.pem == pem { return last.key }
    guard let key = privateKeys[pem] ?? (try? PrivateKey(pem: pem)) else { return nil }
    if privateKeys[pem] == nil {
      if privateKeys.count >= capacity { privateKeys.removeAll(keepingCapacity: true) }
      privateKeys[pem] = key
    }
    lastPrivateKey = (pem, key)
    return key
  }

  /// The key record of `key`, derived the first time (cached keys are kept alive, so their
  /// identity stays unique).
  func record(of key: SigningKey) -> String? {
    let identity = ObjectIdentifier(key.key)
    if let record = records[identity], privateKeys.values.contains(where: { $0 === key.key }) {
      return record
    }
    guard let record = try? key.record() else { return nil }
    records[identity] = record
    return record
  }
}
