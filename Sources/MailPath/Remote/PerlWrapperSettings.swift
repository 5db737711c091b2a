/// What QmailToaster's Perl DKIM wrapper (qmtoaster/dkim) is set up to do, read from
/// `control/dkim/signconf.xml`: enough to explain its problems and import its keys.
public struct PerlWrapperSettings: Sendable, Hashable {
  /// One signing node: `global` or a domain.
  public struct Node: Sendable, Hashable {
    /// `global` or the domain the node is named after.
    public let name: String
    /// `algorithm=`, for example `rsa-sha1`.
    public let algorithm: String?
    /// `domain=`: a domain, or a file whose first line is the domain (`control/me`).
    public let domain: String?
    /// `selector=`.
    public let selector: String?
    /// `keyfile=`.
    public let keyFile: String?
  }

  /// The nodes in file order.
  public let nodes: [Node]
  /// Whether the wrapper file is writable by anyone (the install steps' `chmod 777`).
  public let worldWritable: Bool

  /// Reads the `<dkimsign>` children of signconf.xml (attributes only; the format has no
  /// text content).
  public init(signconf text: String, worldWritable: Bool) {
    var nodes: [Node] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      guard let close = rest.firstIndex(of: ">") else { break }
      let tag = rest[..<close]
      rest = rest[rest.index(after: close)...]
      let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" })
      guard !name.isEmpty, !"?!/".contains(name.first ?? "/"), name != "dkimsign",
        name != "types"
      else { continue }
      let attributes = Self.attributes(String(tag.dropFirst(name.count)))
      guard
        attributes["selector"] != nil || attributes["keyfile"] != nil
          || attributes["algorithm"] != nil || attributes["domain"] != nil
      else { continue }
      nodes.append(
        Node(
          name: name, algorithm: attributes["algorithm"], domain: attributes["domain"],
          selector: attributes["selector"], keyFile: attributes["keyfile"]))
    }
    self.nodes = nodes
    self.worldWritable = worldWritable
  }

  /// What is wrong with the setup (spec: mail-path §6), one phrase each.
  public var problems: [String] {
    var problems: [String] = []
    for node in nodes {
      if node.algorithm == "rsa-sha1" {
        problems.append("\(node.name): signs rsa-sha1, which RFC 8301 forbids and receivers reject")
      }
      if let domain = node.domain, domain.hasPrefix("/") {
        problems.append(
          "\(node.name): d= comes from \(domain) (the host name), so mail from other domains"
            + " fails DMARC alignment")
      }
    }
    if worldWritable {
      problems.append("bin/qmail-remote is world-writable: anyone can change code run as qmailr")
    }
    problems.append("it holds each whole message in memory")
    return problems
  }

  private static func attributes(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    var rest = text[...]
    while let equals = rest.firstIndex(of: "=") {
      let name = rest[..<equals].trimmingCharacters()
      rest = rest[rest.index(after: equals)...].drop { $0 == " " }
      guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
      rest = rest.dropFirst()
      guard let end = rest.firstIndex(of: quote) else { break }
      result[name] = String(rest[..<end])
      rest = rest[rest.index(after: end)...]
    }
    return result
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
