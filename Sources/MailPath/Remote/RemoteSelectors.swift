import DKEngine
import ToasterSupport

/// `control/toaster-dk/remote-selectors`: which selectors sign mail from which From:
/// domain at queue exit, and which domain signs bounces.
///
/// ```
/// # comments and blank lines are kept
/// *:private                     every domain without a line of its own
/// example.com:s202612           one signature (the key's algorithm decides a=)
/// example.org:s202612,e202612   two: RSA, then a second (Ed25519) signature
/// bounce-domain=example.com     bounces are signed for this domain
/// ```
///
/// Edits keep every other line byte for byte, so `rotate` can switch a selector in a file
/// the admin wrote.
public struct RemoteSelectors: Sendable, Equatable {
  /// One line: its text as written, and what it says.
  public struct Line: Sendable, Equatable {
    /// What a line says.
    public enum Meaning: Sendable, Equatable {
      /// A comment or a blank line.
      case none
      /// `DOMAIN:SELECTOR[,SELECTOR…]` (`*` for every other domain).
      case selectors(domain: String, selectors: [String])
      /// `bounce-domain=DOMAIN`.
      case bounceDomain(String)
    }

    /// The bytes of the line without its line end.
    public let text: String
    /// What it says.
    public let meaning: Meaning
  }

  /// The system path of the file.
  public static let systemPath = "/var/qmail/control/toaster-dk/remote-selectors"
  /// The selector of a domain when no line names it or `*`: QmailToaster's `private`.
  public static let defaultSelector = "private"
  /// The domain word for every domain without a line of its own.
  public static let anyDomain = "*"

  /// The lines in file order.
  public private(set) var lines: [Line]

  /// An empty file: every domain signs with `private`.
  public init() {
    lines = []
  }

  /// Parses the file's bytes; `path` names it in diagnostics.
  ///
  /// - Throws: `RemoteSelectorsError.invalid` with every problem found (at most 20).
  public init(parsing bytes: [UInt8], path: String) throws(RemoteSelectorsError) {
    var lines: [Line] = []
    var diagnostics: [Diagnostic] = []
    var seen: [String: Int] = [:]
    let texts = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, raw) in texts.enumerated() {
      if index == texts.count - 1, raw.isEmpty { break }
      let number = index + 1
      let location = SourceLocation(path: path, line: number, column: 1)
      guard let text = String(validating: raw, as: UTF8.self) else {
        diagnostics.append(
          Diagnostic(location: location, message: "not UTF-8", sourceLine: Array(raw)))
        continue
      }
      switch Self.meaning(of: text) {
      case .success(let meaning):
        if let key = Self.uniquenessKey(meaning) {
          if let first = seen[key] {
            diagnostics.append(
              Diagnostic(
                location: location, message: "\(key) is already set on line \(first)",
                hint: "keep one line per domain", sourceLine: Array(raw)))
          }
          seen[key] = seen[key] ?? number
        }
        lines.append(Line(text: text, meaning: meaning))
      case .failure(let problem):
        diagnostics.append(
          Diagnostic(
            location: SourceLocation(path: path, line: number, column: problem.column),
            message: problem.message,
            hint: "expected DOMAIN:SELECTOR[,SELECTOR], *:SELECTOR or bounce-domain=DOMAIN",
            sourceLine: Array(raw)))
      }
      if diagnostics.count >= 20 { break }
    }
    guard diagnostics.isEmpty else { throw .invalid(diagnostics) }
    self.lines = lines
  }

  /// The file's bytes: every line and a final line end.
  public func render() -> [UInt8] {
    Array(lines.map { $0.text + "\n" }.joined().utf8)
  }

  /// The selectors that sign mail from `domain`: its own line (case ignored), else `*`'s,
  /// else `private`.
  public func selectors(for domain: String) -> [String] {
    let wanted = domain.lowercased()
    var fallback = [Self.defaultSelector]
    for line in lines {
      guard case .selectors(let name, let selectors) = line.meaning else { continue }
      if name.lowercased() == wanted { return selectors }
      if name == Self.anyDomain { fallback = selectors }
    }
    return fallback
  }

  /// The `bounce-domain=` setting, or nil.
  public var bounceDomain: String? {
    for line in lines {
      if case .bounceDomain(let domain) = line.meaning { return domain }
    }
    return nil
  }

  /// Sets the selectors of `domain` (`*` for the default): its line is replaced where it
  /// stands, or a line is added at the end.
  ///
  /// - Throws: `RemoteSelectorsError.invalidName` for a name that is not a domain (or `*`)
  ///   or a selector.
  public mutating func setSelectors(_ selectors: [String], for domain: String)
    throws(RemoteSelectorsError)
  {
    let text = "\(domain):\(selectors.joined(separator: ","))"
    guard case .success(let meaning) = Self.meaning(of: text) else {
      throw .invalidName(text)
    }
    replace(Line(text: text, meaning: meaning)) {
      if case .selectors(let name, _) = $0, name.lowercased() == domain.lowercased() {
        return true
      }
      return false
    }
  }

  /// Sets or (with nil) removes the bounce domain.
  ///
  /// - Throws: `RemoteSelectorsError.invalidName` for a name that is not a domain.
  public mutating func setBounceDomain(_ domain: String?) throws(RemoteSelectorsError) {
    let isBounce: (Line.Meaning) -> Bool = {
      if case .bounceDomain = $0 { return true }
      return false
    }
    guard let domain else {
      lines.removeAll { isBounce($0.meaning) }
      return
    }
    guard DNSName.isDomain(domain) else { throw .invalidName(domain) }
    replace(Line(text: "bounce-domain=\(domain)", meaning: .bounceDomain(domain)), where: isBounce)
  }

  private mutating func replace(_ line: Line, where matches: (Line.Meaning) -> Bool) {
    if let index = lines.firstIndex(where: { matches($0.meaning) }) {
      lines[index] = line
      lines.removeAll { $0 != line && matches($0.meaning) }
    } else {
      lines.append(line)
    }
  }

  private static func uniquenessKey(_ meaning: Line.Meaning) -> String? {
    switch meaning {
    case .none: nil
    case .selectors(let domain, _): domain.lowercased()
    case .bounceDomain: "bounce-domain"
    }
  }
}
