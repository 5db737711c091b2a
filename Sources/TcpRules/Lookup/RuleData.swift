/// The data of a rules record, decoded into the NUL-terminated items tcpserver reads.
public struct RuleData: Equatable, Hashable, Sendable {
  /// One NUL-terminated item of the data.
  public enum Item: Equatable, Hashable, Sendable {
    /// `D`: deny the connection.
    case deny
    /// `+NAME=VALUE`: the bytes after the `+`.
    case set([UInt8])
    /// Anything else, which readers ignore.
    case other([UInt8])
  }

  /// The items in order; bytes after the last NUL are not an item (readers skip them).
  public var items: [Item]

  /// Decodes record data; a NUL inside a value splits it, exactly as tcpserver sees it.
  public init(_ data: [UInt8]) {
    items = []
    var start = data.startIndex
    while let end = data[start...].firstIndex(of: 0) {
      let item = Array(data[start..<end])
      switch item.first {
      case UInt8(ascii: "D"): items.append(.deny)
      case UInt8(ascii: "+"): items.append(.set(Array(item.dropFirst())))
      default: items.append(.other(item))
      }
      start = end + 1
    }
  }

  /// Whether tcpserver drops the connection (any `D` item).
  public var isDeny: Bool { items.contains(.deny) }

  /// The variables tcpserver sets, in order (it splits each `+` item at its first `=` and
  /// ignores items without one); a later setting of a name wins.
  public var environment: [(name: [UInt8], value: [UInt8])] {
    items.compactMap { item in
      guard case .set(let setting) = item, let split = setting.firstIndex(of: LineScanner.equals)
      else { return nil }
      return (Array(setting[..<split]), Array(setting[(split + 1)...]))
    }
  }
}
