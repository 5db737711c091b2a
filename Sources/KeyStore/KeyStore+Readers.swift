import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Key readers: users besides the key group who must read every key, granted through a
/// POSIX ACL entry each (`user:qmailr:r--` on keys, `user:qmailr:--x` on domain
/// directories). qmail-rspawn runs the qmail-remote wrapper as qmailr with group qmail
/// only, tcpserver runs qmail-smtpd as vpopmail with group vchkpw only, and neither takes
/// supplementary groups: a shared group would need a setgid program on both sides, while
/// one ACL entry adds exactly one user and nobody else.
extension KeyStore {
  /// The system path of the readers file: one user name per line, `#` comments.
  public static let readersSystemPath = "/var/qmail/control/toaster-dk/key-readers"

  /// The users named in the readers file (none when it does not exist).
  ///
  /// - Throws: `KeyStoreError.system` when the file exists but cannot be read.
  public func readerNames() throws(KeyStoreError) -> [String] {
    guard let readersPath else { return [] }
    let bytes: [UInt8]
    do {
      bytes = try FileDescriptorIO.readFile(atPath: readersPath)
    } catch let error as SystemError {
      if error.isNotFound { return [] }
      throw .system(error)
    } catch {
      throw .system(SystemError(operation: "read", path: readersPath, code: EIO, access: .reading))
    }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
      $0.trimmingWhitespace
    }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  /// Adds (or with `remove`, takes out) `name` in the readers file, atomically and locked.
  ///
  /// - Returns: whether the file changed.
  /// - Throws: `KeyStoreError.unknownSigner` for a user that does not exist, or
  ///   `.system`/`.symbolicLink` when the file cannot be written.
  @discardableResult
  public func setReader(_ name: String, remove: Bool = false, dryRun: Bool = false)
    throws(KeyStoreError) -> Bool
  {
    guard let readersPath else { return false }
    if !remove { _ = try SignerAccount.lookup(name) }
    if dryRun {
      let names = try readerNames()
      return remove ? names.contains(name) : !names.contains(name)
    }
    let directoryPath = String(
      readersPath[..<(readersPath.lastIndex(of: "/") ?? readersPath.startIndex)])
    return try Self.mapping {
      let directory = try Directory.openForWriting(
        directoryPath, root: root, createLast: 0o755)
      return try directory.withExclusiveLock {
        let names = try readerNames()
        let wanted =
          remove ? names.filter { $0 != name } : names.contains(name) ? names : names + [name]
        guard wanted != names else { return false }
        try directory.refuseSymbolicLink("key-readers")
        let text =
          "# users who read every key through an ACL (toaster-dk remote install)\n"
          + wanted.map { $0 + "\n" }.joined()
        try AtomicFile.write(
          Array(text.utf8), named: "key-readers", in: directory,
          permissions: FilePermissions(mode: 0o644))
        return true
      }
    }
  }

  /// The readers' accounts (of `names`, else the readers file's); a name without an
  /// account is a problem to report, not an error.
  func readers(named names: [String]? = nil) throws(KeyStoreError) -> (
    accounts: [SignerAccount], problems: [String]
  ) {
    var accounts: [SignerAccount] = []
    var problems: [String] = []
    let listed: [String]
    if let names { listed = names } else { listed = try readerNames() }
    for name in listed {
      do {
        accounts.append(try SignerAccount.lookup(name))
      } catch {
        problems.append("\(readersPath ?? ""): user \(name) does not exist, so no ACL names it")
      }
    }
    return (accounts, problems)
  }

  /// The signers named (default vpopmail) and every key reader (of `readerNames`, else the
  /// readers file's): whose access to the keys is judged, with the problems found on the way.
  ///
  /// - Throws: `KeyStoreError.unknownSigner` for a named signer that does not exist.
  func allSigners(_ names: [String], readerNames: [String]? = nil) throws(KeyStoreError) -> (
    [SignerAccount], [String]
  ) {
    let (signers, problem) = try SignerAccount.resolve(names)
    let readers = try readers(named: readerNames)
    let extra = readers.accounts.filter { reader in !signers.contains { $0.user == reader.user } }
    return (signers + extra, (problem.map { [$0] } ?? []) + readers.problems)
  }

  /// The ACL a key (`search` false) or domain directory (`search` true) should carry for
  /// `readers`, or nil when there are none.
  static func wantedACL(mode: mode_t, readers: [SignerAccount], search: Bool)
    -> AccessControlList?
  {
    guard !readers.isEmpty else { return nil }
    return AccessControlList(mode: mode, users: readers.map(\.user), bits: search ? 1 : 4)
  }
}

extension Substring {
  fileprivate var trimmingWhitespace: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
