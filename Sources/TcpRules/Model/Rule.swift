/// A rule line of `tcp.smtp`: address, instruction and settings.
public struct Rule: Equatable, Hashable, Sendable {
  /// The bytes before the first colon.
  public var address: Address
  /// `allow` or `deny`.
  public var instruction: Instruction
  /// The settings in line order.
  public var assignments: [EnvAssignment]

  /// Creates a rule.
  public init(address: Address, instruction: Instruction, assignments: [EnvAssignment] = []) {
    self.address = address
    self.instruction = instruction
    self.assignments = assignments
  }

  /// The rule as tcprules reads it, without trailing whitespace or LF.
  public var rendered: [UInt8] {
    var bytes = address.bytes
    bytes.append(LineScanner.colon)
    bytes += Array(instruction.rawValue.utf8)
    for assignment in assignments { bytes += assignment.rendered }
    return bytes
  }

  /// Whether any setting has the name `name`.
  public func sets(_ name: [UInt8]) -> Bool {
    assignments.contains { $0.name == name }
  }

  /// The record data tcprules stores: `D` NUL for deny, then `+NAME=VALUE` NUL per setting.
  public var recordData: [UInt8] {
    // tcprules stores deny as D followed by NUL, before the settings.
    var data: [UInt8] = instruction == .deny ? [UInt8(ascii: "D"), 0] : []
    for assignment in assignments {
      data.append(UInt8(ascii: "+"))
      data += assignment.name
      data.append(LineScanner.equals)
      data += assignment.value
      data.append(0)
    }
    return data
  }
}
