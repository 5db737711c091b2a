public import ToasterSupport

/// Where qmail and vpopmail keep the lists of domains a toaster serves, under a root.
public struct ServedDomainPaths: Equatable, Sendable {
  /// vpopmail's home directory on a QmailToaster.
  public static let defaultVpopmailHome = "/home/vpopmail"
  /// The system path of qmail's control directory.
  public static let controlSystemPath = "/var/qmail/control"

  /// The root the paths are resolved under.
  public let paths: ToasterPaths
  /// vpopmail's home as a system path (`/home/vpopmail`).
  public let vpopmailHome: String

  /// The paths under `paths.root`, with vpopmail's home at `vpopmailHome` (a system path).
  public init(paths: ToasterPaths, vpopmailHome: String = ServedDomainPaths.defaultVpopmailHome) {
    self.paths = paths
    self.vpopmailHome = vpopmailHome
  }

  /// The system paths of the files, in the order they are read.
  public var systemPaths: [String] {
    [rcpthosts, morercpthosts, morercpthostsCDB, virtualdomains, assign]
  }

  /// `control/rcpthosts`.
  public var rcpthosts: String { Self.controlSystemPath + "/rcpthosts" }
  /// `control/morercpthosts`, the source of the cdb.
  public var morercpthosts: String { Self.controlSystemPath + "/morercpthosts" }
  /// `control/morercpthosts.cdb`, what qmail-smtpd reads.
  public var morercpthostsCDB: String { Self.controlSystemPath + "/morercpthosts.cdb" }
  /// `control/virtualdomains`.
  public var virtualdomains: String { Self.controlSystemPath + "/virtualdomains" }
  /// vpopmail's `users/assign`.
  public var assign: String {
    (vpopmailHome.hasSuffix("/") ? vpopmailHome : vpopmailHome + "/") + "users/assign"
  }
}
