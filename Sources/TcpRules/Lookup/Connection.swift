/// The facts about a connection that tcpserver looks up in the rules (its `rules.c`).
public struct Connection: Equatable, Hashable, Sendable {
  /// TCPREMOTEIP, such as `10.1.2.3`.
  public var ip: [UInt8]
  /// TCPREMOTEHOST, set only when tcpserver resolved the name (never with `-H`).
  public var host: [UInt8]?
  /// TCPREMOTEINFO, the ident answer (never with `-R`).
  public var info: [UInt8]?

  /// Creates a connection from raw environment values.
  public init(ip: [UInt8], host: [UInt8]? = nil, info: [UInt8]? = nil) {
    self.ip = ip
    self.host = host
    self.info = info
  }

  /// Creates a connection from text, as the environment variables would hold it.
  public init(ip: String, host: String? = nil, info: String? = nil) {
    self.init(
      ip: Array(ip.utf8), host: host.map { Array($0.utf8) }, info: info.map { Array($0.utf8) })
  }

  /// The keys tcpserver and tcprulescheck try, in order; the first that exists wins.
  ///
  /// This mirrors rules.c, including its repetitions (an IP ending in a dot is tried twice).
  public var lookupKeys: [[UInt8]] {
    let equals = [LineScanner.equals]
    var keys: [[UInt8]] = []
    if let info {
      keys.append(info + [LineScanner.at] + ip)
      if let host { keys.append(info + [LineScanner.at, LineScanner.equals] + host) }
    }
    keys.append(ip)
    if let host { keys.append(equals + host) }
    // Every prefix of the IP that ends in a dot, longest first.
    for length in stride(from: ip.count, to: 0, by: -1) where ip[length - 1] == LineScanner.dot {
      keys.append(Array(ip[..<length]))
    }
    if let host {
      // For each dot from left to right, = plus the host from that dot.
      for index in host.indices where host[index] == LineScanner.dot {
        keys.append(equals + host[index...])
      }
      keys.append(equals)
    }
    keys.append([])
    return keys
  }
}
