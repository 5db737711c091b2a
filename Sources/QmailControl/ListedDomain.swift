public import KeyStore
public import ToasterSupport

/// A domain named in one of qmail's or vpopmail's files, with where it was found.
public struct ListedDomain: Equatable, Sendable {
  /// The domain, lower-cased as qmail compares it.
  public let domain: DomainName
  /// The file and line it came from.
  public let location: SourceLocation

  /// Creates a listed domain.
  public init(domain: DomainName, location: SourceLocation) {
    self.domain = domain
    self.location = location
  }
}

/// What one parser found in one file: the domains and the located problems.
public struct ListedDomains: Equatable, Sendable {
  /// The domains, in file order.
  public var domains: [ListedDomain] = []
  /// The problems, in file order.
  public var diagnostics: [Diagnostic] = []

  /// An empty result.
  public init() {}

  mutating func diagnose(
    _ line: ControlLine, path: String, _ severity: Diagnostic.Severity, _ message: String,
    hint: String? = nil, column: Int = 1
  ) {
    diagnostics.append(
      Diagnostic(
        location: SourceLocation(path: path, line: line.number, column: column),
        severity: severity, message: message, hint: hint, sourceLine: line.raw))
  }

  /// Reports the first line that ends in a carriage return, once per file.
  mutating func diagnoseCarriageReturns(_ lines: [ControlLine], path: String, reader: String) {
    let crLines = lines.filter(\.hadCarriageReturn)
    guard let first = crLines.first else { return }
    let more = crLines.count > 1 ? " (and \(crLines.count - 1) more lines)" : ""
    diagnose(
      first, path: path, .warning,
      "line ends in a carriage return (dos line ending)\(more): \(reader) keeps it as part of"
        + " the name, which then never matches",
      hint: "convert the file with dos2unix or sed -i 's/\\r$//'", column: first.text.count + 1)
  }

  /// Adds `text` as a domain, or reports why it is not one.
  mutating func add(_ text: String, line: ControlLine, path: String) {
    do {
      domains.append(
        ListedDomain(
          domain: try DomainName(text),
          location: SourceLocation(path: path, line: line.number, column: 1)))
    } catch {
      if case .invalidDomain(_, let reason) = error {
        diagnose(line, path: path, .error, "not a domain name: \(reason)")
      }
    }
  }
}
