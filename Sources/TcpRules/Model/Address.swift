/// The address of a rule: the bytes before the first colon, which become the cdb key.
///
/// tcprules validates nothing here except range bounds, so any bytes are kept as written.
public struct Address: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The address exactly as written.
  public var bytes: [UInt8]

  /// Creates an address from its bytes as written.
  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Creates an address from text as written.
  public init(_ text: String) {
    self.bytes = Array(text.utf8)
  }

  /// The address as text (lossy for non-UTF-8 bytes).
  public var description: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether tcprules expands this address as a range (which may yield no key at all).
  public var isRange: Bool { scannedRange != nil }

  /// The cdb keys tcprules writes for this address, in order.
  ///
  /// Usually the address itself; a range such as `1.2.3.4-7` gives one key per number, and
  /// an empty range (`1.2.3.9-5`) gives none. Bounds that are not numbers (which `parse`
  /// rejects) leave the address as it is.
  public var keys: [[UInt8]] {
    guard let range = scannedRange else { return [bytes] }
    var keys: [[UInt8]] = []
    bytes.withUnsafeBufferPointer { address in
      RangeExpansion.forEachKey(of: range, in: address, into: ByteBuffer(capacity: address.count)) {
        keys.append(Array($0))
      }
    }
    return keys
  }

  /// Whether `key` is one of `keys`, without expanding the range.
  public func produces(key: [UInt8]) -> Bool {
    guard let range = scannedRange else { return key == bytes }
    return RangeExpansion.contains(key: key, range: range, in: bytes)
  }

  var scannedRange: ScannedRange? {
    let result = bytes.withUnsafeBufferPointer {
      LineScanner.scanRange($0, addressEnd: $0.count)
    }
    return (try? result.get()) ?? nil
  }
}
