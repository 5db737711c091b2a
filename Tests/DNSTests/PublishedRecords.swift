import KeyStore
import LibCrypto

/// Records for a fresh key, as `toaster-dk domain dns` renders them.
enum PublishedRecords {
  static func make(domain: String = "example.com", selector: String = "private", bits: Int = 2048)
    throws -> DomainRecordSet
  {
    let key = try PrivateKey.generateRSA(bits: bits)
    return try DomainRecordSet(
      domain: DomainName(domain), selector: SelectorName(selector), bits: bits,
      keyRecord: PublishedKeyRecord(publicKey: try key.publicKey(), testing: false),
      options: RecordOptions(ttl: 600), keyPath: "")
  }

  /// A tinydns-data file serving `sets` (and an SOA/NS for example.com).
  static func tinydnsData(_ sets: [DomainRecordSet], extra: String = "") -> String {
    ".example.com::ns1.example.com:3600\n"
      + sets.flatMap(\.records).map(RecordRenderer.tinydns).joined() + extra
  }

  /// A zone file for example.com serving `sets`.
  static func zone(_ sets: [DomainRecordSet], extra: String = "") -> String {
    """
    $ORIGIN example.com.
    $TTL 3600
    @ IN SOA ns1.example.com. hostmaster.example.com. 1 3600 600 86400 300
    @ IN NS ns1.example.com.
    ns1 IN A 192.0.2.1

    """ + sets.flatMap(\.records).map(RecordRenderer.bind).joined() + extra
  }
}
