/// Which rule lines an edit applies to; deny rules are never edited.
public enum LineSelector: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Every `allow` rule.
  case allowRules
  /// The `allow` rules that do not set RELAYCLIENT: the ones that take mail from the world.
  case nonRelayingAllowRules
  /// The rules whose address is exactly one of these bytes as written.
  case addresses([Address])

  public var description: String {
    switch self {
    case .allowRules: return "allow rules"
    case .nonRelayingAllowRules: return "allow rules without RELAYCLIENT"
    case .addresses(let addresses):
      return "allow rules for " + addresses.map(\.description).joined(separator: ", ")
    }
  }

  static let relayClient = Array("RELAYCLIENT".utf8)

  /// Whether `rule` is selected (before deny rules are set aside).
  func selects(_ rule: Rule) -> Bool {
    switch self {
    case .allowRules: return rule.instruction == .allow
    case .nonRelayingAllowRules: return rule.instruction == .allow && !rule.sets(Self.relayClient)
    case .addresses(let addresses): return addresses.contains(rule.address)
    }
  }
}
