public import KeyStore
public import ToasterSupport

/// `toaster-dk remote install` and `uninstall`: the key readers, the keys' ACLs and the
/// qmail-remote switch, in the order that never leaves the signer unable to read a key.
public struct RemoteInstaller {
  /// What an install or uninstall did (or, dry, would do).
  public struct Report: Sendable {
    /// Whether qmail-remote was switched.
    public let switched: Bool
    /// Whether the key readers file changed.
    public let readersChanged: Bool
    /// The permission changes made to the key tree.
    public let permissions: PermissionAudit
    /// The QMT Perl wrapper's keys imported (or skipped), with `importKeys`.
    public var imported: [PerlWrapperImport.Outcome] = []
  }

  /// The user qmail-rspawn runs qmail-remote as on a QmailToaster.
  public static let defaultSigner = "qmailr"

  private let paths: ToasterPaths

  /// An installer for the tree under `paths`.
  public init(paths: ToasterPaths) {
    self.paths = paths
  }

  /// Makes `signer` a key reader, imports the QMT Perl wrapper's keys when asked, gives
  /// every key its ACL, then points qmail-remote at `launcher`.
  ///
  /// - Throws: `RemoteChainError` for a layout that cannot be switched (checked first:
  ///   nothing is changed then), or `KeyStoreError`.
  public func install(
    launcher: String, signer: String = RemoteInstaller.defaultSigner, ownership: KeyOwnership,
    importKeys: Bool = false, now: Int = 0, dryRun: Bool
  ) throws -> Report {
    let chain = RemoteChainDirectory(paths: paths)
    let state = chain.read()
    guard state.state != .unknown else { throw RemoteChainError.unknownLayout(state.problem ?? "") }
    let store = KeyStore(paths: paths)
    let current = try store.readerNames()
    let readers = try store.setReader(signer, dryRun: dryRun)
    var imported: [PerlWrapperImport.Outcome] = []
    if importKeys, let settings = state.perlWrapper {
      imported = try PerlWrapperImport(paths: paths).run(
        settings, ownership: ownership, now: now, dryRun: dryRun)
    }
    // The readers as setReader leaves them: a dry run has not written them.
    let audit = try store.fixPermissions(
      domain: nil, ownership: ownership,
      readerNames: current.contains(signer) ? current : current + [signer], dryRun: dryRun)
    let switched = try chain.install(launcher: launcher, dryRun: dryRun)
    var report = Report(switched: switched, readersChanged: readers, permissions: audit)
    report.imported = imported
    return report
  }

  /// Puts the old qmail-remote back first, then takes `signer` out of the key readers and
  /// its ACL entries off the keys.
  ///
  /// - Throws: `RemoteChainError.notInstalled`, or `KeyStoreError`.
  public func uninstall(
    signer: String = RemoteInstaller.defaultSigner, ownership: KeyOwnership, dryRun: Bool
  ) throws -> Report {
    try RemoteChainDirectory(paths: paths).uninstall(dryRun: dryRun)
    let store = KeyStore(paths: paths)
    let current = try store.readerNames()
    let readers = try store.setReader(signer, remove: true, dryRun: dryRun)
    let audit = try store.fixPermissions(
      domain: nil, ownership: ownership, readerNames: current.filter { $0 != signer },
      dryRun: dryRun)
    return Report(switched: true, readersChanged: readers, permissions: audit)
  }
}
