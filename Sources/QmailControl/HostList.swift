import ToasterSupport

/// The format of `control/rcpthosts` and `control/morercpthosts`: one host per line.
///
/// qmail-smtpd compares hosts without regard to case. An entry starting with a dot
/// (`.example.com`) is a wildcard for every subdomain, not a domain: it is reported, not
/// listed. Single-label names (`localhost`) and address literals are not signing domains.
public enum HostList {
  /// The domains listed in a host-list file and the problems found.
  public static func parse(_ bytes: [UInt8], path: String) -> ListedDomains {
    var result = ListedDomains()
    let lines = ControlLines.split(bytes)
    result.diagnoseCarriageReturns(lines, path: path, reader: "qmail-smtpd")
    for line in lines { classify(line, path: path, into: &result) }
    return result
  }

  /// The domains in the keys of `morercpthosts.cdb`, as qmail-newmrh wrote them; the record
  /// number stands in for the line number.
  public static func parse(cdbKeys keys: [[UInt8]], path: String) -> ListedDomains {
    var result = ListedDomains()
    for (index, key) in keys.enumerated() {
      let line = ControlLine(number: index + 1, text: key, raw: key, hadCarriageReturn: false)
      classify(line, path: path, into: &result)
    }
    return result
  }

  private static func classify(_ line: ControlLine, path: String, into result: inout ListedDomains)
  {
    let text = String(decoding: line.text, as: UTF8.self)
    if text.hasPrefix(".") {
      result.diagnose(
        line, path: path, .warning,
        "wildcard \(text) accepts mail for every subdomain of \(text.dropFirst()) but names no"
          + " domain to sign for",
        hint: "add each subdomain that sends mail by name to get a key for it")
    } else if text.hasPrefix("[") {
      result.diagnose(line, path: path, .note, "address literal \(text) is not a signing domain")
    } else if !text.contains(".") {
      result.diagnose(
        line, path: path, .note, "\(text) has one label, so it is not a signing domain")
    } else {
      result.add(text, line: line, path: path)
    }
  }

  /// The text file's domains with a warning on each that the cdb lacks (qmail-smtpd reads
  /// only the cdb), followed by the cdb's own.
  public static func staleness(text: ListedDomains, cdb: ListedDomains, cdbPath: String)
    -> ListedDomains
  {
    var result = text
    let compiled = Set(cdb.domains.map(\.domain))
    for entry in text.domains where !compiled.contains(entry.domain) {
      result.diagnostics.append(
        Diagnostic(
          location: entry.location, severity: .warning,
          message: "\(entry.domain) is not in \(cdbPath), which is what qmail-smtpd reads",
          hint: "run qmail-newmrh to rebuild it"))
    }
    result.domains += cdb.domains
    result.diagnostics += cdb.diagnostics
    return result
  }
}
