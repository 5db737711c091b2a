/// A `tag=value; …` list: the syntax of signature headers and key records.
public struct TagList: Sendable, Hashable {
  /// Which specification's tag-list rules apply.
  public enum Dialect: Sendable {
    /// libdomainkeys: one lower-case letter per name, all whitespace in values deleted.
    case domainKeys
    /// RFC 6376 §3.2: `ALPHA *(ALPHA / DIGIT / "_")` names, FWS around values trimmed.
    case dkim
  }

  /// One `name=value` pair.
  public struct Tag: Sendable, Hashable {
    /// The tag name, case preserved.
    public let name: String
    /// The value, with whitespace handled as the dialect says.
    public let value: String
  }

  /// The tags in their order of appearance.
  public let tags: [Tag]

  /// Parses a tag-list.
  ///
  /// - Throws: `DKEngineError.malformedTagList` for a bad name, a missing `=`, an empty
  ///   tag-spec other than after the final `;`, or a repeated tag.
  public init(parsing text: some Collection<UInt8>, dialect: Dialect) throws(DKEngineError) {
    var tags: [Tag] = []
    var seen = Set<String>()
    let specs = Array(text).split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
    for (position, spec) in specs.enumerated() {
      let trimmed = spec.trimmingFWS()
      if trimmed.isEmpty {
        if position == specs.count - 1 && position > 0 { break }
        if specs.count == 1 { break }
        throw .malformedTagList(reason: "empty tag-spec")
      }
      guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else {
        throw .malformedTagList(
          reason: "missing '=' in \"\(String(decoding: trimmed, as: UTF8.self))\"")
      }
      let nameBytes = trimmed[trimmed.startIndex..<equals].trimmingFWS()
      let name = String(decoding: nameBytes, as: UTF8.self)
      guard Self.isValidName(nameBytes, dialect: dialect) else {
        throw .malformedTagList(reason: "invalid tag name \"\(name)\"")
      }
      guard seen.insert(name).inserted else {
        throw .malformedTagList(reason: "duplicate tag \"\(name)\"")
      }
      let rawValue = trimmed[(equals + 1)...]
      let value: [UInt8] =
        switch dialect {
        case .dkim: Array(rawValue.trimmingFWS())
        case .domainKeys: rawValue.filter { !$0.isFWS }
        }
      tags.append(Tag(name: name, value: String(decoding: value, as: UTF8.self)))
    }
    self.tags = tags
  }

  /// The value of the tag `name`, or nil when absent.
  public subscript(name: String) -> String? { tags.first { $0.name == name }?.value }

  private static func isValidName(_ name: ArraySlice<UInt8>, dialect: Dialect) -> Bool {
    guard let first = name.first, first.isASCIIAlpha else { return false }
    switch dialect {
    case .domainKeys:
      return name.count == 1 && first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
    case .dkim:
      return name.allSatisfy { $0.isASCIIAlpha || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
  }
}

extension UInt8 {
  /// Whether the byte is SP, HTAB, CR or LF (folding white space).
  @inline(__always) var isFWS: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }

  /// Whether the byte is an ASCII letter.
  @inline(__always) var isASCIIAlpha: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}

extension ArraySlice<UInt8> {
  /// The slice without leading and trailing SP, HTAB, CR and LF.
  func trimmingFWS() -> ArraySlice<UInt8> {
    var slice = self
    while let first = slice.first, first.isFWS { slice = slice.dropFirst() }
    while let last = slice.last, last.isFWS { slice = slice.dropLast() }
    return slice
  }
}
