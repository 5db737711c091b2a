public import LibCrypto

/// The records to publish for one domain's selector: key, DomainKeys policy, DMARC suggestion.
public struct DomainRecordSet: Equatable, Sendable {
  /// The domain.
  public let domain: DomainName
  /// The selector.
  public let selector: SelectorName
  /// The key's algorithm.
  public let algorithm: KeyAlgorithm
  /// The key's size in bits.
  public let bits: Int
  /// The key record as published.
  public let keyRecord: PublishedKeyRecord
  /// The records, key record first.
  public let records: [DNSRecord]

  /// Builds the records for `keyRecord` under the given options.
  ///
  /// Ed25519 keys get no DomainKeys policy (DomainKeys is RSA only).
  /// - Throws: `KeyStoreError.dkimOnlyKey` when DomainKeys records are asked of an Ed25519 key.
  public init(
    domain: DomainName, selector: SelectorName, bits: Int, keyRecord: PublishedKeyRecord,
    options: RecordOptions, keyPath: String
  ) throws(KeyStoreError) {
    let isRSA = keyRecord.algorithm == .rsa
    if options.scope == .domainKeys, !isRSA { throw .dkimOnlyKey(path: keyPath) }
    self.domain = domain
    self.selector = selector
    self.algorithm = keyRecord.algorithm
    self.bits = bits
    self.keyRecord = keyRecord
    let size = isRSA ? "rsa \(bits)" : "ed25519"
    var records = [
      DNSRecord(
        name: "\(selector)._domainkey.\(domain)", ttl: options.ttl, value: keyRecord.text,
        purpose: .key,
        comment: isRSA
          ? "DomainKeys and DKIM key, selector \(selector) (\(size)): one TXT record serves both"
          : "DKIM-only key, selector \(selector) (\(size)): qmail-dk and DomainKeys need rsa")
    ]
    if options.scope != .dkim, isRSA {
      records.append(
        DNSRecord(
          name: "_domainkey.\(domain)", ttl: options.ttl,
          value: options.testing ? "t=y; o=-" : "o=-", purpose: .domainKeysPolicy,
          comment: "DomainKeys policy: all mail from \(domain) is signed"
            + (options.testing ? " (testing)" : "")))
    }
    if options.scope != .domainKeys {
      records.append(
        DNSRecord(
          name: "_dmarc.\(domain)", ttl: options.ttl, value: "v=DMARC1; p=none",
          purpose: .dmarcSuggestion,
          comment: "suggestion, not required: DMARC in monitoring mode, if \(domain) has none yet"))
    }
    self.records = records
  }

  /// The key record (always the first).
  public var key: DNSRecord { records[0] }
}
