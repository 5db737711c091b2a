/// What a TXT lookup ended with.
public enum TXTOutcome: Sendable, Hashable {
  /// At least one TXT record.
  case records(TXTAnswer)
  /// The name does not exist (rcode NXDOMAIN).
  case nxdomain(NegativeAnswer)
  /// The name exists but has no TXT record (NOERROR, empty answer).
  case nodata(NegativeAnswer)
  /// No answer for now; asking again later may work.
  case temporaryFailure(TemporaryFailure)
  /// DNSSEC validation failed: the answer is not to be trusted; the reason is libunbound's.
  case bogus(String)
  /// The name cannot be asked at all (a label over 63 bytes, a name over 255).
  case invalidName(String)
}

/// Why a lookup failed for now.
public enum TemporaryFailure: Sendable, Hashable, CustomStringConvertible {
  /// The server answered with a failure. libunbound reports SERVFAIL, REFUSED and a
  /// truncated reply that TCP could not complete all as SERVFAIL (rcode 2).
  case serverFailure(rcode: Int)
  /// No answer within the deadline: the server is silent, unreachable, or slow.
  case timeout(seconds: Double)
  /// libunbound could not ask (no socket, out of memory); the text is its own.
  case resolverError(String)

  public var description: String {
    switch self {
    case .serverFailure(let rcode) where rcode == 2:
      return "SERVFAIL (or REFUSED, or a truncated answer without TCP)"
    case .serverFailure(let rcode): return "server failure (rcode \(rcode))"
    case .timeout(let seconds): return "timeout: no answer within \(Self.format(seconds)) s"
    case .resolverError(let text): return "resolver error: \(text)"
    }
  }

  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}

extension TXTOutcome {
  /// A short phrase for messages: `NXDOMAIN`, `NODATA`, `2 records`, the failure's reason.
  public var summary: String {
    switch self {
    case .records(let answer):
      answer.records.count == 1 ? "1 record" : "\(answer.records.count) records"
    case .nxdomain: "NXDOMAIN"
    case .nodata: "NODATA"
    case .temporaryFailure(let failure): failure.description
    case .bogus(let why): "DNSSEC bogus: \(why)"
    case .invalidName(let why): "invalid name: \(why)"
    }
  }
}
