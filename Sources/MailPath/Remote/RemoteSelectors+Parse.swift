import DKEngine

extension RemoteSelectors {
  struct Problem: Error {
    let column: Int
    let message: String
  }

  /// What one line (without its line end) says, or what is wrong with it and where.
  static func meaning(of text: String) -> Result<Line.Meaning, Problem> {
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    let indent = text.utf8.count - trimmed.utf8.count
    let content = String(trimmed.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    if content.isEmpty || content.hasPrefix("#") { return .success(.none) }
    if let equals = content.firstIndex(of: "="), !content[..<equals].contains(":") {
      let name = String(content[..<equals])
      let value = String(content[content.index(after: equals)...])
      guard name == "bounce-domain" else {
        return .failure(Problem(column: indent + 1, message: "unknown setting \"\(name)\""))
      }
      if let reason = DNSName.problem(inDomain: value) {
        return .failure(
          Problem(
            column: indent + name.utf8.count + 2, message: "bounce-domain \(value): \(reason)"))
      }
      return .success(.bounceDomain(value))
    }
    guard let colon = content.firstIndex(of: ":") else {
      return .failure(Problem(column: indent + 1, message: "missing : after the domain"))
    }
    let domain = String(content[..<colon])
    if domain != anyDomain, let reason = DNSName.problem(inDomain: domain) {
      return .failure(Problem(column: indent + 1, message: "domain \(domain): \(reason)"))
    }
    var column = indent + domain.utf8.count + 2
    var selectors: [String] = []
    for selector in content[content.index(after: colon)...].split(
      separator: ",", omittingEmptySubsequences: false)
    {
      if let reason = DNSName.problem(inSelector: String(selector)) {
        return .failure(Problem(column: column, message: "selector \"\(selector)\": \(reason)"))
      }
      if selectors.contains(String(selector)) {
        return .failure(Problem(column: column, message: "selector \(selector) is listed twice"))
      }
      selectors.append(String(selector))
      column += selector.utf8.count + 1
    }
    return .success(.selectors(domain: domain, selectors: selectors))
  }
}
