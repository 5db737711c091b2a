/// Whether the signing users can reach and read a key file, judged as the kernel will.
public enum SignerVerdict: Equatable, Sendable {
  /// Every signer can read the file.
  case readable
  /// Every signer reaches the point where a component is missing (ENOENT, as qmail-dk
  /// sees it: with `%`, mail is queued unsigned).
  case missing
  /// A signer is refused on the way (EACCES or ENOTDIR, as qmail-dk sees it: the message is
  /// rejected).
  case blocked(Blocker)
  /// toaster-dk itself could not look (it lacks permission), described.
  case unknown(String)

  /// Where and why a signer is refused.
  public struct Blocker: Equatable, Sendable, CustomStringConvertible {
    /// The signer refused.
    public let signer: SignerAccount
    /// The path that refuses it.
    public let path: String
    /// What it needs there.
    public let access: SignerAccount.Access
    /// The path's permissions.
    public let permissions: ObservedPermissions
    /// True when the path is a directory.
    public let isDirectory: Bool

    /// `vpopmail (group vchkpw) cannot search /…/domainkeys (0700 root:root)`.
    public var description: String {
      guard isDirectory || access == .read else {
        return "\(signer) cannot reach \(path): it is not a directory"
      }
      return "\(signer) cannot \(access.rawValue) \(path) (\(permissions))"
    }

    /// The `chmod` that lets the signer through, as a command.
    public var chmodCommand: String {
      "chmod \(signer.missingBit(access, permissions).chmod) \(path)"
    }
  }
}
