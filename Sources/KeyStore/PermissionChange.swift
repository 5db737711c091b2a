import ToasterSupport

/// One change `domain fix-perms` made or, with `--dry-run`, would make.
public struct PermissionChange: Sendable, CustomStringConvertible {
  /// The path.
  public let path: String
  /// What the path is: `directory`, `key` or `record`.
  public let kind: String
  /// The permissions found.
  public let before: ObservedPermissions
  /// The permissions wanted.
  public let after: ObservedPermissions

  /// `/path: key 0444 root:qmail -> 0440 root:vchkpw`.
  public var description: String { "\(path): \(kind) \(before) -> \(after)" }
}

/// What `domain fix-perms` found and did.
public struct PermissionAudit: Sendable {
  /// The changes, in tree order.
  public let changes: [PermissionChange]
  /// True when the changes were applied (false for a dry run).
  public let applied: Bool
  /// Things left alone that need a person (links, unknown files, leftover temp files).
  public let warnings: [String]
}
