/// One `,NAME=qVALUEq` setting of a rule: an environment variable tcpserver sets.
public struct EnvAssignment: Equatable, Hashable, Sendable {
  /// The variable name: every byte between the comma and the first `=` (may be empty).
  public var name: [UInt8]
  /// The value between the two quote bytes.
  public var value: [UInt8]
  /// The byte that opened and closed the value (any byte works; `"` by convention).
  public var quote: UInt8

  /// Creates a setting; `quote` defaults to `"`, which new settings use.
  public init(name: [UInt8], value: [UInt8], quote: UInt8 = UInt8(ascii: "\"")) {
    self.name = name
    self.value = value
    self.quote = quote
  }

  /// The name as text (lossy for non-UTF-8 bytes).
  public var nameText: String { String(decoding: name, as: UTF8.self) }
  /// The value as text (lossy for non-UTF-8 bytes).
  public var valueText: String { String(decoding: value, as: UTF8.self) }

  /// The setting as written in the file, with its leading comma.
  public var rendered: [UInt8] {
    [LineScanner.comma] + name + [LineScanner.equals, quote] + value + [quote]
  }
}
