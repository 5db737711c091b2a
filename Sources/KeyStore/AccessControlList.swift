#if canImport(Glibc)
  public import Glibc
#endif

/// A POSIX access ACL as Linux stores it in the `system.posix_acl_access` attribute: how a
/// key is shared with a second signing user (qmailr) without a shared group.
///
/// Only what the key tree needs: the three mode entries, named users, and the mask.
public struct AccessControlList: Equatable, Sendable, CustomStringConvertible {
  /// The attribute's name.
  public static let attributeName = "system.posix_acl_access"

  /// `rwx` bits of the owner, the owning group and others (as in the mode).
  public var owner: UInt16
  /// The owning group's bits (limited by `mask`).
  public var group: UInt16
  /// Everyone else's bits.
  public var other: UInt16
  /// Named users and their bits (limited by `mask`).
  public var users: [uid_t: UInt16]
  /// Named groups and their bits (limited by `mask`).
  public var groups: [gid_t: UInt16]
  /// The mask; nil when there are no named entries.
  public var mask: UInt16?

  private enum Tag: UInt16 {
    case userObject = 0x01, user = 0x02, groupObject = 0x04, group = 0x08, mask = 0x10
    case other = 0x20
  }

  /// The ACL of `mode` plus `users`, each granted `bits`; the mask is the owning group's
  /// bits plus `bits`, so the mode's group bits stay what they were.
  public init(mode: mode_t, users: [uid_t], bits: UInt16) {
    owner = UInt16((mode >> 6) & 7)
    group = UInt16((mode >> 3) & 7)
    other = UInt16(mode & 7)
    self.users = Dictionary(users.map { ($0, bits) }) { first, _ in first }
    groups = [:]
    mask = users.isEmpty ? nil : group | bits
  }

  /// Decodes the attribute's bytes (version 2, little-endian entries of tag, bits, id).
  public init?(attribute bytes: [UInt8]) {
    guard bytes.count >= 4, (bytes.count - 4) % 8 == 0, Self.u32(bytes, 0) == 2 else { return nil }
    var owner: UInt16?
    var group: UInt16?
    var other: UInt16?
    var users: [uid_t: UInt16] = [:]
    var groups: [gid_t: UInt16] = [:]
    var mask: UInt16?
    for offset in stride(from: 4, to: bytes.count, by: 8) {
      let bits = Self.u16(bytes, offset + 2) & 7
      let id = Self.u32(bytes, offset + 4)
      switch Tag(rawValue: Self.u16(bytes, offset)) {
      case .userObject: owner = bits
      case .user: users[id] = bits
      case .groupObject: group = bits
      case .group: groups[id] = bits
      case .mask: mask = bits
      case .other: other = bits
      case nil: return nil
      }
    }
    guard let owner, let group, let other else { return nil }
    (self.owner, self.group, self.other) = (owner, group, other)
    (self.users, self.groups, self.mask) = (users, groups, mask)
  }

  /// The attribute's bytes, entries in the order the kernel requires.
  public var attribute: [UInt8] {
    var bytes: [UInt8] = []
    Self.append(UInt32(2), to: &bytes)
    func entry(_ tag: Tag, _ bits: UInt16, _ id: UInt32 = UInt32.max) {
      Self.append(tag.rawValue, to: &bytes)
      Self.append(bits, to: &bytes)
      Self.append(id, to: &bytes)
    }
    entry(.userObject, owner)
    for (id, bits) in users.sorted(by: { $0.key < $1.key }) { entry(.user, bits, id) }
    entry(.groupObject, group)
    for (id, bits) in groups.sorted(by: { $0.key < $1.key }) { entry(.group, bits, id) }
    if let mask { entry(.mask, mask) }
    entry(.other, other)
    return bytes
  }

  /// The bits the kernel grants `user` with `memberOf` groups on a file owned by
  /// `fileOwner`:`fileGroup` (POSIX.1e access check; root is not special here).
  public func bits(user: uid_t, memberOf: [gid_t], fileOwner: uid_t, fileGroup: gid_t) -> UInt16 {
    if user == fileOwner { return owner }
    let limit = mask ?? 7
    if let named = users[user] { return named & limit }
    var matched = false
    var granted: UInt16 = 0
    if memberOf.contains(fileGroup) {
      matched = true
      granted |= group
    }
    for (id, bits) in groups where memberOf.contains(id) {
      matched = true
      granted |= bits
    }
    return matched ? granted & limit : other
  }

  /// `user:qmailr:r--` for each named user, for messages.
  public var description: String {
    users.sorted { $0.key < $1.key }.map {
      "user:\(AccountNames.userName($0.key)):\(Self.letters($0.value & (mask ?? 7)))"
    }.joined(separator: ",")
  }

  private static func letters(_ bits: UInt16) -> String {
    (bits & 4 != 0 ? "r" : "-") + (bits & 2 != 0 ? "w" : "-") + (bits & 1 != 0 ? "x" : "-")
  }

  private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
  }

  private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }
}
