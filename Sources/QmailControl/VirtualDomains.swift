import ToasterSupport

/// The format of `control/virtualdomains`: `domain:prefix` per line.
///
/// `user@domain:prefix` names one address, `.example.com:prefix` every subdomain, and an empty
/// prefix makes an exception to a wildcard; none of those is a domain to sign for. A line
/// without a colon is ignored by qmail-send and reported as an error.
public enum VirtualDomains {
  /// The domains listed in a virtualdomains file and the problems found.
  public static func parse(_ bytes: [UInt8], path: String) -> ListedDomains {
    var result = ListedDomains()
    let lines = ControlLines.split(bytes)
    result.diagnoseCarriageReturns(lines, path: path, reader: "qmail-send")
    for line in lines {
      guard let colon = line.text.firstIndex(of: UInt8(ascii: ":")) else {
        result.diagnose(
          line, path: path, .error, "no colon: qmail-send ignores this line",
          hint: "write domain:prefix, e.g. example.com:example.com as vpopmail does",
          column: line.text.count + 1)
        continue
      }
      let name = String(decoding: line.text[..<colon], as: UTF8.self)
      let prefix = line.text[(colon + 1)...]
      if name.isEmpty {
        result.diagnose(line, path: path, .note, "catch-all entry (:prefix) names no domain")
      } else if name.contains("@") {
        result.diagnose(line, path: path, .note, "\(name) is one address, not a domain")
      } else if name.hasPrefix(".") {
        result.diagnose(
          line, path: path, .warning,
          "wildcard \(name) covers every subdomain of \(name.dropFirst()) but names no domain"
            + " to sign for",
          hint: "add each subdomain that sends mail by name to get a key for it")
      } else if prefix.isEmpty {
        result.diagnose(
          line, path: path, .note, "\(name) has an empty prefix: an exception, not a virtual domain"
        )
      } else {
        result.add(name, line: line, path: path)
      }
    }
    return result
  }
}
