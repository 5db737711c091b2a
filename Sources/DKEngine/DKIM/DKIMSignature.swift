/// A DKIM-Signature field made by `DKIMSigner`, ready to prepend.
public struct DKIMSignature: Sendable, Hashable {
  /// The whole field, `DKIM-Signature: v=1; …`, folded, without a final line end.
  public let field: String
  /// The line end used for folding (that of the message).
  public let lineEnding: String

  /// The field followed by its line end, as bytes to put above the message.
  public var prependedHeader: [UInt8] { Array((field + lineEnding).utf8) }
}
