import Glibc

/// A DNS server to send queries to, written `ADDR[@PORT]` as libunbound and unbound.conf
/// write it (`127.0.0.1`, `127.0.0.1@5353`, `::1@53`).
public struct DNSServer: Sendable, Hashable, CustomStringConvertible {
  /// The IPv4 or IPv6 address, as given.
  public let address: String
  /// The UDP/TCP port, when not 53.
  public let port: UInt16?

  /// Parses `ADDR[@PORT]`.
  ///
  /// - Throws: `DNSError.invalidServer` for anything but a numeric IPv4/IPv6 address with an
  ///   optional `@PORT` from 1 to 65535 (`ADDR:PORT` is refused, as libunbound refuses it).
  public init(parsing text: String) throws(DNSError) {
    let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    let address = String(parts[0])
    guard Self.isNumericAddress(address) else {
      let hint = address.contains(":") && address.contains(".") ? "; write ADDR@PORT" : ""
      throw .invalidServer(text, "not a numeric IPv4 or IPv6 address\(hint)")
    }
    var port: UInt16?
    if parts.count == 2 {
      guard let number = UInt16(parts[1]), number > 0 else {
        throw .invalidServer(text, "port '\(parts[1])' is not a number from 1 to 65535")
      }
      port = number
    }
    self.address = address
    self.port = port
  }

  /// Creates a server from its parts.
  public init(address: String, port: UInt16? = nil) {
    self.address = address
    self.port = port
  }

  /// `ADDR` or `ADDR@PORT`: the form libunbound's `ub_ctx_set_fwd` takes.
  public var description: String { port.map { "\(address)@\($0)" } ?? address }

  private static func isNumericAddress(_ text: String) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 16)
    return inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
  }
}
