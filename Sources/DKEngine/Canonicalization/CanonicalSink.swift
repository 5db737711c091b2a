/// Where canonicalized bytes go: a digest, or an array in tests.
public protocol CanonicalSink {
  /// Takes the next canonical bytes.
  mutating func write(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension CanonicalSink {
  /// Writes CR LF.
  @inline(__always)
  mutating func writeCRLF() {
    withUnsafeBytes(of: UInt16(0x0A0D).littleEndian) { raw in
      write(raw.bindMemory(to: UInt8.self))
    }
  }

  /// Writes `count` CR LF pairs.
  mutating func writeCRLF(count: Int) {
    for _ in 0..<count { writeCRLF() }
  }

  /// Writes the bytes of an array.
  mutating func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write($0) }
  }
}

/// A sink that collects canonical bytes into an array.
public struct CollectingSink: CanonicalSink, Sendable {
  /// Everything written so far.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty sink.
  public init() {}

  /// Appends the bytes.
  public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes.append(contentsOf: bytes)
  }
}

/// A sink that forwards only the first `limit` bytes and counts them all (DKIM l=).
struct LimitedSink<Target: CanonicalSink>: CanonicalSink {
  var target: Target
  let limit: Int?
  private(set) var total = 0

  init(target: Target, limit: Int?) {
    self.target = target
    self.limit = limit
  }

  mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    defer { total += bytes.count }
    guard let limit else { return target.write(bytes) }
    let room = limit - total
    guard room > 0 else { return }
    target.write(UnsafeBufferPointer(rebasing: bytes.prefix(room)))
  }
}
