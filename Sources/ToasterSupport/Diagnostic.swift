/// One problem found in an input file, located and explained.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable {
    case error
    case warning
    case note
  }

  /// Where the problem is.
  public let location: SourceLocation
  /// How serious it is.
  public let severity: Severity
  /// A lowercase phrase naming the problem.
  public let message: String
  /// What to do about it, if there is an obvious fix.
  public let hint: String?
  /// The raw bytes of the offending line, echoed (escaped) under the message.
  public let sourceLine: [UInt8]?

  /// Creates a diagnostic.
  public init(
    location: SourceLocation, severity: Severity = .error, message: String,
    hint: String? = nil, sourceLine: [UInt8]? = nil
  ) {
    self.location = location
    self.severity = severity
    self.message = message
    self.hint = hint
    self.sourceLine = sourceLine
  }

  /// The diagnostic in `path:line:column: severity: message` form, followed by the
  /// offending line and the hint on their own lines, as compilers print them.
  public var description: String {
    var text = "\(location): \(severity.rawValue): \(message)"
    if let sourceLine {
      // The caret sits under the escaped form, so count the escaped prefix's width.
      let prefixWidth = Self.displayable(sourceLine.prefix(max(0, location.column - 1))).count
      text += "\n" + Self.displayable(sourceLine)
      text += "\n" + String(repeating: " ", count: prefixWidth) + "^"
    }
    if let hint { text += "\n\(location): note: \(hint)" }
    return text
  }
}

extension Diagnostic {
  /// Renders raw line bytes for display: printable ASCII as is, everything else as
  /// `\r`, `\t`, `\0` or `\xNN`, so a stray CR or NUL is visible in the message.
  public static func displayable(_ bytes: some Collection<UInt8>) -> String {
    var text = ""
    for byte in bytes {
      switch byte {
      case 0x0D: text += "\\r"
      case 0x09: text += "\\t"
      case 0x00: text += "\\0"
      case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return text
  }
}
