import KeyStore
public import ToasterSupport

extension RotationState {
  /// The state as a JSON object (times in seconds since the epoch, null when not yet).
  public var json: JSONValue {
    .object([
      ("old_selector", .string(old.text)),
      ("new_selector", .string(new.text)),
      ("key", .string(key)),
      ("ttl", .int(ttl)),
      ("phase", .string(phase.rawValue)),
      ("started", .int(started)),
      ("switched", switched.map(JSONValue.int) ?? .null),
      (
        "domains",
        .array(
          domains.map {
            .object([
              ("domain", .string($0.name.text)), ("step", .string($0.step.rawValue)),
              ("first_seen", $0.firstSeen.map(JSONValue.int) ?? .null),
            ])
          })
      ),
      (
        "skipped",
        .array(
          skipped.map { .object([("domain", .string($0.name)), ("reason", .string($0.reason))]) })
      ),
    ])
  }
}

extension RotationStatus {
  /// The status as a JSON object: the state, each domain's DNS answer and safe time, and
  /// when the switch and the finish become safe.
  public var json: JSONValue {
    .object([
      ("rotation", state.json),
      (
        "domains",
        .array(
          domains.map { domain in
            .object([
              ("domain", .string(domain.name.text)), ("step", .string(domain.step.rawValue)),
              ("published", .string(domain.published.map(Self.word) ?? "not-checked")),
              ("detail", domain.published.map { .string($0.summary) } ?? .null),
              ("first_seen", domain.firstSeen.map(JSONValue.int) ?? .null),
              ("safe_at", domain.safeAt.map(JSONValue.int) ?? .null),
            ])
          })
      ),
      ("queue_lifetime", .int(queueLifetime)),
      ("negative_ttl", .int(negativeTTL)),
      ("switch_safe_at", switchSafeAt.map(JSONValue.int) ?? .null),
      ("finish_at", finishAt.map(JSONValue.int) ?? .null),
      ("next", .string(next)),
    ])
  }

  /// One word for a DNS answer: `matches`, `differs`, `missing`, `temporary-failure`.
  static func word(_ record: PublishedRecord) -> String {
    switch record {
    case .matches: "matches"
    case .differs: "differs"
    case .missing: "missing"
    case .temporaryFailure: "temporary-failure"
    }
  }

  /// The status as a table for people: a heading, one line per domain, what is skipped,
  /// and the next step.
  public var text: String {
    var lines = [
      "rotation \(state.old) -> \(state.new) (\(state.key)) begun "
        + "\(RotationClock.iso(state.started)): \(state.phase.rawValue)"
        + (state.switched.map { ", switched \(RotationClock.iso($0))" } ?? "")
    ]
    let rows =
      [["DOMAIN", "STEP", "NEW RECORD", "SAFE TO SWITCH"]]
      + domains.map { domain in
        [
          domain.name.text, domain.step.rawValue,
          domain.published.map { $0.summary } ?? "not checked",
          domain.step == .switched ? "switched" : domain.safeAt.map(RotationClock.iso) ?? "-",
        ]
      }
    lines += TextTable.lines(rows)
    for entry in state.skipped { lines.append("skipped \(entry.name): \(entry.reason)") }
    if let finishAt { lines.append("old selector retires at \(RotationClock.iso(finishAt))") }
    lines.append("next: \(next)")
    return lines.joined(separator: "\n") + "\n"
  }
}
