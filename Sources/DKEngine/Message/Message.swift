/// A mail message as bytes, split into header fields and body without copying either.
///
/// The header fields and the body usually lie in the same bytes. A message with header
/// fields prepended (`prepending(_:)`) keeps its body where it was, so checking a freshly
/// signed big message copies only its header.
public struct Message: Sendable {
  /// The bytes that hold the header fields (`fields` index into them).
  public let headerBytes: MessageBytes
  /// The bytes that hold the body (`bodyRange` indexes into them).
  public let bodyBytes: MessageBytes
  /// How line ends are read.
  public let lineEndings: LineEndings
  /// The header fields in message order.
  public let fields: [HeaderField]
  /// Where the body starts in `bodyBytes`, after the empty separator line; nil when there
  /// is none.
  public let bodyStart: Int?
  // The length of the header section in `headerBytes`, separator line included.
  private let headerLength: Int

  /// Splits `bytes` into header fields and body; any bytes give a message.
  ///
  /// `lineEndings` nil means detect them from the first line.
  public init(bytes: MessageBytes, lineEndings: LineEndings? = nil) {
    let (endings, fields, bodyStart) = Self.parse(bytes, lineEndings: lineEndings)
    self.headerBytes = bytes
    self.bodyBytes = bytes
    self.lineEndings = endings
    self.fields = fields
    self.bodyStart = bodyStart
    headerLength = bodyStart ?? bytes.count
  }

  /// Splits an array of bytes into header fields and body.
  public init(bytes: [UInt8], lineEndings: LineEndings? = nil) {
    self.init(bytes: MessageBytes(bytes), lineEndings: lineEndings)
  }

  private init(header: MessageBytes, body: Message) {
    let separator: Int?
    (lineEndings, fields, separator) = Self.parse(header, lineEndings: body.lineEndings)
    headerLength = separator ?? header.count
    headerBytes = header
    bodyBytes = body.bodyBytes
    bodyStart = body.bodyStart
  }

  /// The message with `fields` (whole lines, in this message's line ends) put above its
  /// header; the body is shared, not copied.
  public func prepending(_ fields: [UInt8]) -> Message {
    let header = headerBytes.withUnsafeBufferPointer { buffer in
      fields + UnsafeBufferPointer(rebasing: buffer[0..<headerLength])
    }
    return Message(header: MessageBytes(header), body: self)
  }

  /// The body's byte range in `bodyBytes` (empty when the message has no body).
  public var bodyRange: Range<Int> { (bodyStart ?? bodyBytes.count)..<bodyBytes.count }

  /// The indexes of the fields whose lower-cased name is `name`, in message order.
  public func fieldIndexes(named name: String) -> [Int] {
    fields.indices.filter { fields[$0].lowercasedName == name }
  }

  /// The bytes of a field's value.
  public func value(of field: HeaderField) -> ArraySlice<UInt8> {
    ArraySlice(headerBytes[field.valueRange])
  }

  /// The bytes of a whole field, name and value, final line end excluded.
  public func text(of field: HeaderField) -> ArraySlice<UInt8> {
    ArraySlice(headerBytes[field.range])
  }

  private static func parse(_ bytes: MessageBytes, lineEndings: LineEndings?) -> (
    LineEndings, [HeaderField], Int?
  ) {
    bytes.withUnsafeBufferPointer { buffer in
      let endings = lineEndings ?? LineEndings.detect(buffer)
      var fields: [HeaderField] = []
      let bodyStart = parseFields(buffer, lineEndings: endings, into: &fields)
      return (endings, fields, bodyStart)
    }
  }

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
