/// One TXT resource record: its character-strings, each kept as the bytes served.
public struct TXTRecord: Sendable, Hashable {
  /// The character-strings in order, without their length bytes.
  public let strings: [[UInt8]]

  /// Creates a record from its strings.
  public init(strings: [[UInt8]]) {
    self.strings = strings
  }

  /// The strings joined with nothing in between, as DKIM reads them (RFC 6376 §3.6.2.2).
  public var joined: [UInt8] { strings.flatMap { $0 } }

  /// The rdata length: each string plus its length byte.
  public var rdataLength: Int { strings.reduce(0) { $0 + 1 + $1.count } }
}

/// The DNSSEC state of an answer.
public enum DNSSECStatus: String, Sendable, Hashable {
  /// Validation was not asked for.
  case unchecked
  /// Validated with a chain of trust up to a configured anchor.
  case secure
  /// Validation was on, but the zone is not signed (or not under the anchor).
  case insecure
}

/// A positive TXT answer.
public struct TXTAnswer: Sendable, Hashable {
  /// The name asked for.
  public let name: String
  /// Every TXT record at the name, in the order the server sent them.
  public let records: [TXTRecord]
  /// The time to live, in seconds.
  public let ttl: Int
  /// The CNAMEs followed from `name`, each target in turn (empty without CNAME).
  public let cnameChain: [String]
  /// The DNSSEC state.
  public let security: DNSSECStatus

  /// Creates an answer.
  public init(
    name: String, records: [TXTRecord], ttl: Int, cnameChain: [String] = [],
    security: DNSSECStatus = .unchecked
  ) {
    self.name = name
    self.records = records
    self.ttl = ttl
    self.cnameChain = cnameChain
    self.security = security
  }

  /// The size of the smallest UDP reply that carries this answer (header, question, the
  /// CNAME and TXT records with compressed owner names), to compare with the 512-byte limit
  /// of servers without EDNS such as tinydns.
  public var minimumReplySize: Int {
    let question = DNSName.wireLength(name) + 4
    // Each CNAME: compressed owner, type/class/ttl/rdlength, the target name uncompressed
    // (an upper bound: servers may compress its tail).
    let cnames = cnameChain.reduce(0) { $0 + 12 + DNSName.wireLength($1) }
    let answers = records.reduce(0) { $0 + 12 + $1.rdataLength }
    return 12 + question + cnames + answers
  }
}

/// A negative answer: the name does not exist, or has no TXT record.
public struct NegativeAnswer: Sendable, Hashable {
  /// The name asked for.
  public let name: String
  /// How long resolvers may cache the negative answer (RFC 2308), in seconds.
  public let ttl: Int
  /// The DNSSEC state.
  public let security: DNSSECStatus

  /// Creates a negative answer.
  public init(name: String, ttl: Int, security: DNSSECStatus = .unchecked) {
    self.name = name
    self.ttl = ttl
    self.security = security
  }
}
