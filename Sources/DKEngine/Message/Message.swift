/// A mail message as bytes, split into header fields and body without copying either.
public struct Message: Sendable {
  /// The message exactly as given.
  public let bytes: [UInt8]
  /// How line ends are read.
  public let lineEndings: LineEndings
  /// The header fields in message order.
  public let fields: [HeaderField]
  /// Where the body starts, after the empty separator line; nil when there is none.
  public let bodyStart: Int?

  /// Splits `bytes` into header fields and body; any bytes give a message.
  ///
  /// `lineEndings` nil means detect them from the first line.
  public init(bytes: [UInt8], lineEndings: LineEndings? = nil) {
    self.bytes = bytes
    var fields: [HeaderField] = []
    var bodyStart: Int? = nil
    var endings = LineEndings.qmail
    bytes.withUnsafeBufferPointer { buffer in
      endings = lineEndings ?? LineEndings.detect(buffer)
      bodyStart = Self.parseFields(buffer, lineEndings: endings, into: &fields)
    }
    self.lineEndings = endings
    self.fields = fields
    self.bodyStart = bodyStart
  }

  /// The body's byte range (empty when the message has no body).
  public var bodyRange: Range<Int> { (bodyStart ?? bytes.count)..<bytes.count }

  /// The indexes of the fields whose lower-cased name is `name`, in message order.
  public func fieldIndexes(named name: String) -> [Int] {
    fields.indices.filter { fields[$0].lowercasedName == name }
  }

  /// The bytes of a field's value.
  public func value(of field: HeaderField) -> ArraySlice<UInt8> { bytes[field.valueRange] }

  private static func parseFields(
    _ buffer: UnsafeBufferPointer<UInt8>, lineEndings: LineEndings, into fields: inout [HeaderField]
  ) -> Int? {
    var start = 0
    var current: Range<Int>? = nil
    while start < buffer.count {
      let newline = buffer.nextNewline(from: start, to: buffer.count)
      let end =
        newline < buffer.count
        ? lineEndings.contentEnd(start: start, newline: newline, in: buffer) : newline
      if end == start {
        if let current { fields.append(HeaderField(range: current, in: buffer)) }
        return min(newline + 1, buffer.count)
      }
      if buffer[start].isWSP, let open = current {
        current = open.lowerBound..<end
      } else {
        if let current { fields.append(HeaderField(range: current, in: buffer)) }
        current = start..<end
      }
      start = newline + 1
    }
    if let current { fields.append(HeaderField(range: current, in: buffer)) }
    return nil
  }
}
