public import LibCrypto
import ToasterSupport

/// The public half of one local key, as `domain check` compares it with DNS.
public struct PublicHalf: Sendable, Hashable {
  /// Where the public half was read from.
  public enum Source: Sendable, Hashable {
    /// Derived from the private key, which this process could read.
    case privateKey(path: String)
    /// Read from the record file next to the key (`SELECTOR.txt`, `public.txt`), because
    /// the private key could not be read or loaded.
    case recordFile(path: String)
  }

  /// The domain (for an alias, the alias's name: its records are published under it).
  public let domain: String
  /// The selector (the key's file name).
  public let selector: String
  /// The key file's path.
  public let keyPath: String
  /// For an alias link, the real domain whose key this is.
  public let aliasOf: String?
  /// Where the public half came from; nil when neither the key nor a record file gave one.
  public let source: Source?
  /// The algorithm, when the private key loaded.
  public let algorithm: KeyAlgorithm?
  /// The size in bits, when the private key loaded.
  public let bits: Int?
  /// The base64 `p=` value to expect in DNS; nil when unknown, empty for a revoked record.
  public let publicKeyBase64: String?
  /// Why no public half is known, or what is odd about it.
  public let problem: String?

  /// Creates a public half.
  public init(
    domain: String, selector: String, keyPath: String, aliasOf: String? = nil, source: Source?,
    algorithm: KeyAlgorithm?, bits: Int?, publicKeyBase64: String?, problem: String? = nil
  ) {
    self.domain = domain
    self.selector = selector
    self.keyPath = keyPath
    self.aliasOf = aliasOf
    self.source = source
    self.algorithm = algorithm
    self.bits = bits
    self.publicKeyBase64 = publicKeyBase64
    self.problem = problem
  }
}

extension KeyStore {
  /// The public half of every key (of one domain's, when given).
  ///
  /// It never needs more access than the keys have: from the private key when this process
  /// can read it, otherwise from the record file beside it. An alias domain gets its real
  /// domain's keys under its own name.
  ///
  /// - Throws: `KeyStoreError` when the key directory (or the named domain) is missing or
  ///   unreadable.
  public func publicHalves(domain: DomainName? = nil) throws(KeyStoreError) -> [PublicHalf] {
    var reports = try inventory(domain: domain).domains
    for (index, report) in reports.enumerated() where report.aliasOf != nil && report.keys.isEmpty {
      if let name = try? DomainName(report.name),
        let full = try inventory(domain: name).domains.first
      {
        reports[index] = full
      }
    }
    return reports.flatMap { report in
      report.keys.map { halfOf($0, domain: report.name, aliasOf: report.aliasOf) }
    }
  }

  private func halfOf(_ key: KeyReport, domain: String, aliasOf: String?) -> PublicHalf {
    if let loaded = key.key {
      return PublicHalf(
        domain: domain, selector: key.selector, keyPath: key.path, aliasOf: aliasOf,
        source: .privateKey(path: key.path), algorithm: KeyAlgorithm(rawValue: loaded.algorithm),
        bits: loaded.bits, publicKeyBase64: loaded.record.publicKeyBase64, problem: nil)
    }
    guard let recordPath = key.recordPath else {
      return PublicHalf(
        domain: domain, selector: key.selector, keyPath: key.path, aliasOf: aliasOf,
        source: nil, algorithm: nil, bits: nil, publicKeyBase64: nil,
        problem: "the key could not be loaded and no record file is beside it")
    }
    let text = (try? readRecordFile(recordPath, domain: aliasOf ?? domain))
      .map { String(decoding: $0, as: UTF8.self) }
    let base64 = text.flatMap(PublishedKeyRecord.publicKeyBase64(inRecordFile:))
    return PublicHalf(
      domain: domain, selector: key.selector, keyPath: key.path, aliasOf: aliasOf,
      source: base64 == nil ? nil : .recordFile(path: recordPath), algorithm: nil, bits: nil,
      publicKeyBase64: base64,
      problem: base64 != nil
        ? nil : text == nil ? "unable to read \(recordPath)" : "no p= in \(recordPath)")
  }

  private func readRecordFile(_ path: String, domain: String) throws -> [UInt8] {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let root = try openRoot(create: false, forWriting: false)
    let (directory, _) = try openDomainForReading(domain, in: root)
    return try directory.readFile(name)
  }
}
