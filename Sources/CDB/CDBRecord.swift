/// One key/data pair of a constant database.
public struct CDBRecord: Equatable, Hashable, Sendable {
  /// The key bytes, no terminator.
  public var key: [UInt8]
  /// The data bytes.
  public var data: [UInt8]

  /// Creates a record.
  public init(key: [UInt8], data: [UInt8]) {
    self.key = key
    self.data = data
  }
}
