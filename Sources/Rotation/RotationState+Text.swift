import KeyStore

extension RotationState {
  /// The first line of every state file.
  static let header =
    "# toaster-dk key rotation: read and written by toaster-dk rotate; do not edit"
  /// The format version written.
  static let version = "1"

  /// The state file's text: one `keyword value` line per fact, domains in order.
  public func render() -> [UInt8] {
    var lines = [
      Self.header, "version \(Self.version)", "old \(old)", "new \(new)", "key \(key)",
      "ttl \(ttl)", "phase \(phase.rawValue)", "started \(started)",
    ]
    if let switched { lines.append("switched \(switched)") }
    for domain in domains {
      lines.append(
        "domain \(domain.name) \(domain.step.rawValue)" + (domain.firstSeen.map { " \($0)" } ?? ""))
    }
    for entry in skipped { lines.append("skip \(entry.name) \(entry.reason)") }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }

  /// Reads a state file's text; `path` names it in errors.
  ///
  /// - Throws: `RotationError.malformedState` naming the line and what is wrong.
  public static func parse(_ bytes: [UInt8], path: String) throws(RotationError) -> RotationState {
    var fields: [String: String] = [:]
    var domains: [Domain] = []
    var skipped: [Skipped] = []
    let text = String(decoding: bytes, as: UTF8.self)
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let bad = { (reason: String) in
        RotationError.malformedState(path: path, line: index + 1, reason: reason)
      }
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { throw bad("expected a keyword and a value") }
      switch parts[0] {
      case "domain": domains.append(try parseDomain(parts[1], bad))
      case "skip":
        let rest = parts[1].split(separator: " ", maxSplits: 1).map(String.init)
        guard rest.count == 2 else { throw bad("expected a domain and a reason") }
        skipped.append(Skipped(name: rest[0], reason: rest[1]))
      case "version", "old", "new", "key", "ttl", "phase", "started", "switched":
        guard fields[parts[0]] == nil else { throw bad("\(parts[0]) given twice") }
        fields[parts[0]] = parts[1]
      default: throw bad("unknown keyword \(parts[0])")
      }
    }
    let missing = { (name: String) in
      RotationError.malformedState(path: path, line: 0, reason: "no \(name) line")
    }
    return try build(fields, domains, skipped, missing: missing, path: path)
  }

  private static func parseDomain(_ text: String, _ bad: (String) -> RotationError)
    throws(RotationError) -> Domain
  {
    let words = text.split(separator: " ").map(String.init)
    guard (2...3).contains(words.count), let name = try? DomainName(words[0]),
      let step = DomainStep(rawValue: words[1])
    else { throw bad("expected: domain NAME waiting|switched|held [FIRST-SEEN]") }
    var seen: Int?
    if words.count == 3 {
      guard let value = Int(words[2]) else {
        throw bad("first-seen time \(words[2]) is not a number")
      }
      seen = value
    }
    return Domain(name: name, step: step, firstSeen: seen)
  }

  private static func build(
    _ fields: [String: String], _ domains: [Domain], _ skipped: [Skipped],
    missing: (String) -> RotationError, path: String
  ) throws(RotationError) -> RotationState {
    guard let version = fields["version"] else { throw missing("version") }
    guard version == Self.version else {
      throw .malformedState(
        path: path, line: 0, reason: "version \(version) is not one this toaster-dk reads")
    }
    guard let oldText = fields["old"], let old = try? SelectorName(oldText) else {
      throw missing("valid old")
    }
    guard let newText = fields["new"], let new = try? SelectorName(newText) else {
      throw missing("valid new")
    }
    guard let key = fields["key"] else { throw missing("key") }
    guard let ttl = fields["ttl"].flatMap({ Int($0) }) else { throw missing("numeric ttl") }
    guard let phase = fields["phase"].flatMap(Phase.init(rawValue:)) else {
      throw missing("valid phase")
    }
    guard let started = fields["started"].flatMap({ Int($0) }) else {
      throw missing("numeric started")
    }
    var switched: Int?
    if let text = fields["switched"] {
      guard let value = Int(text) else { throw missing("numeric switched") }
      switched = value
    }
    return RotationState(
      old: old, new: new, key: key, ttl: ttl, phase: phase, started: started, switched: switched,
      domains: domains, skipped: skipped)
  }
}
