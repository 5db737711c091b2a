public import KeyStore
public import ToasterSupport

/// A vpopmail domain in `users/assign`: `+domain-:user:uid:gid:home:-::`.
public struct AssignedDomain: Equatable, Sendable {
  /// The domain (the key without its `+` and trailing `-`), lower-cased as qmail-newu does.
  public let domain: DomainName
  /// The user field: vpopmail writes the real domain's name there, for an alias too.
  public let user: String
  /// The home directory: an alias domain shares its real domain's.
  public let home: String
  /// Where the line is.
  public let location: SourceLocation
}

/// The format of qmail's `users/assign`, as qmail-newu reads it and vpopmail writes it.
///
/// Every line up to one starting with `.` is an assignment: `+` lines match a prefix of the
/// local part (vpopmail's `+example.com-` entries), others an exact address. qmail-newu stops
/// with "bad format" at a line without a colon or with fewer than seven fields, and when the
/// final `.` line is missing; the file has no comments.
public enum UsersAssign {
  /// What was found in an assign file.
  public struct Result: Equatable, Sendable {
    /// The vpopmail domain entries, in file order.
    public var domains: [AssignedDomain] = []
    /// The problems, in file order.
    public var diagnostics: [Diagnostic] = []
  }

  /// The domain entries of an assign file and the problems found.
  public static func parse(_ bytes: [UInt8], path: String) -> Result {
    var listed = ListedDomains()
    var result = Result()
    let lines = ControlLines.split(bytes, skipComments: false)
    listed.diagnoseCarriageReturns(lines, path: path, reader: "qmail-newu")
    var terminated = false
    for line in lines {
      if line.text.first == UInt8(ascii: ".") {
        terminated = true
        break
      }
      let fields = line.text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      guard fields.count >= 8, !fields[0].isEmpty else {
        listed.diagnose(
          line, path: path, .error,
          "qmail-newu stops here with \"bad format in users/assign\"",
          hint: "an assignment is +key-:user:uid:gid:home:dash:ext: (seven colons); the file"
            + " has no comments or blank lines")
        continue
      }
      let key = fields[0]
      guard key.hasPrefix("+"), key.hasSuffix("-"), key.count > 2 else { continue }
      let name = String(key.dropFirst().dropLast())
      let before = listed.domains.count
      listed.add(name, line: line, path: path)
      if listed.domains.count > before, let added = listed.domains.last {
        result.domains.append(
          AssignedDomain(
            domain: added.domain, user: fields[1].lowercased(), home: fields[4],
            location: added.location))
      }
    }
    if !terminated, !bytes.isEmpty {
      let last = lines.last?.number ?? 1
      listed.diagnostics.append(
        Diagnostic(
          location: SourceLocation(path: path, line: last, column: 1), severity: .error,
          message: "no final line \".\": qmail-newu refuses the file (bad format)",
          hint: "end the file with a line holding a single dot"))
    }
    result.diagnostics = listed.diagnostics
    return result
  }
}
