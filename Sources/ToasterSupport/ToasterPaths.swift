/// The well-known QmailToaster paths, resolved under a root directory.
///
/// With root `/` these are the real system paths; with a sandbox root every command works
/// on a copy of the tree and never touches the live server.
public struct ToasterPaths: Equatable, Sendable {
  /// The root every default path is resolved under.
  public let root: String

  /// Creates the path set for `root` (`/` for the live system).
  public init(root: String = "/") {
    self.root = root.isEmpty ? "/" : root
  }

  /// Resolves an absolute system path such as `/etc/tcprules.d/tcp.smtp` under the root.
  public func resolve(_ systemPath: String) -> String {
    if root == "/" { return systemPath }
    let trimmedRoot = root.hasSuffix("/") ? String(root.dropLast()) : root
    return systemPath.hasPrefix("/") ? trimmedRoot + systemPath : trimmedRoot + "/" + systemPath
  }

  /// The system path of the rules file, as tcp.smtp lines refer to it.
  public static let rulesFileSystemPath = "/etc/tcprules.d/tcp.smtp"
  /// The system path of the compiled rules.
  public static let rulesCDBSystemPath = "/etc/tcprules.d/tcp.smtp.cdb"
  /// The system path of the per-domain key tree.
  public static let domainKeysSystemPath = "/var/qmail/control/domainkeys"
  /// The system path of the real qmail-queue once qmail-dk sits in front of it.
  public static let qmailQueueOrigSystemPath = "/var/qmail/bin/qmail-queue.orig"
  /// The system path of the qmail-queue program (on a toaster, a link to qmail-dk).
  public static let qmailQueueSystemPath = "/var/qmail/bin/qmail-queue"

  /// `/etc/tcprules.d/tcp.smtp` under the root.
  public var rulesFile: String { resolve(Self.rulesFileSystemPath) }
  /// `/etc/tcprules.d/tcp.smtp.cdb` under the root.
  public var rulesCDB: String { resolve(Self.rulesCDBSystemPath) }
  /// `/var/qmail/control/domainkeys` under the root.
  public var domainKeys: String { resolve(Self.domainKeysSystemPath) }
  /// `/var/qmail/bin/qmail-queue.orig` under the root.
  public var qmailQueueOrig: String { resolve(Self.qmailQueueOrigSystemPath) }
  /// `/var/qmail/bin/qmail-queue` under the root.
  public var qmailQueue: String { resolve(Self.qmailQueueSystemPath) }
}
