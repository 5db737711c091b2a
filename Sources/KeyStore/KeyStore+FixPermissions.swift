internal import CXattr
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Audits and (unless `dryRun`) repairs owner, group and mode of the key tree.
  ///
  /// Covers every domain directory, key and record file (or one domain's), changed through
  /// descriptors opened without following links. Links and unknown entries are reported,
  /// never touched.
  ///
  /// Keys are any regular file in a domain directory not ending in `.txt` (so a hand-made
  /// key under another name is tightened too); `.txt` files are records.
  ///
  /// The signing users (`signerNames`, default vpopmail) must then be able to read every
  /// key, as qmail-dk does: a key directory they cannot search gets the one search bit
  /// they lack; what fix-perms cannot repair (a directory above the key directory, a
  /// signer outside the group) is a warning with the fix.
  ///
  /// The key readers' ACL entries follow the readers file, or `readerNames` when given: the
  /// readers an install is about to write, so its dry run shows the ACLs it would set.
  /// - Throws: `KeyStoreError`; changes made before a failure stay made (each is safe alone).
  public func fixPermissions(
    domain: DomainName?, ownership: KeyOwnership, signerNames: [String] = [],
    readerNames: [String]? = nil, dryRun: Bool
  ) throws(KeyStoreError) -> PermissionAudit {
    if !dryRun { try ownership.checkPermitted() }
    let (signers, signerProblems) = try allSigners(signerNames, readerNames: readerNames)
    let readers = try readers(named: readerNames).accounts
    return try Self.mapping {
      let root = try openRoot(create: false, forWriting: !dryRun)
      var changes: [PermissionChange] = []
      var warnings: [String] = signerProblems
      var rootInfo = stat()
      if fstat(root.descriptor, &rootInfo) == 0, rootInfo.st_mode & 0o022 != 0 {
        warnings.append("\(path): writable by group or others, left alone: chmod go-w it")
      }
      try fixKeyDirectory(root, signers, dryRun, &changes, &warnings)
      warnings += Self.conventionWarnings(
        ownership, signers.filter { signer in !readers.contains { $0.user == signer.user } })
      if domain == nil, let info = try root.status(of: KeyLayout.backupDirectory) {
        if info.st_mode & S_IFMT == S_IFDIR {
          let backup = try root.subdirectory(KeyLayout.backupDirectory)
          let wanted = FilePermissions(mode: KeyLayout.backupMode)
          try fix(backup.descriptor, backup.path, "backup directory", wanted, dryRun, &changes)
        } else {
          warnings.append("\(root.join(KeyLayout.backupDirectory)): not a directory, left alone")
        }
      }
      let names = try domain.map { [$0.text] } ?? root.entryNames().filter { !$0.hasPrefix(".") }
      for name in names {
        guard let info = try root.status(of: name) else {
          throw KeyStoreError.noSuchDomain(path: root.join(name), domain: name)
        }
        if let real = try aliasTarget(of: name, in: root) {
          warnings.append("\(root.join(name)): alias of \(real) (a link), left alone")
          continue
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
          warnings.append("\(root.join(name)): not a directory (or a link), left alone")
          continue
        }
        let directory = try root.subdirectory(name)
        try fix(
          directory.descriptor, directory.path, "directory", ownership.directory, dryRun, &changes,
          acl: Self.wantedACL(mode: ownership.directory.mode, readers: readers, search: true))
        try fixEntries(
          of: directory, ownership: ownership, readers: readers, dryRun: dryRun, &changes,
          &warnings)
      }
      return PermissionAudit(changes: changes, applied: !dryRun, warnings: warnings)
    }
  }

  private func fixEntries(
    of directory: Directory, ownership: KeyOwnership, readers: [SignerAccount], dryRun: Bool,
    _ changes: inout [PermissionChange], _ warnings: inout [String]
  ) throws {
    for entry in try directory.entryNames() {
      guard let info = try directory.status(of: entry) else { continue }
      let path = directory.join(entry)
      guard info.st_mode & S_IFMT == S_IFREG else {
        warnings.append("\(path): not a regular file (or a link), left alone")
        continue
      }
      if entry.hasPrefix(".") {
        warnings.append("\(path): leftover temporary file, left alone: remove it")
        continue
      }
      let isRecord = entry.hasSuffix(KeyLayout.recordSuffix)
      let fd = try directory.openForAttributes(entry)
      defer { close(fd) }
      try fix(
        fd, path, isRecord ? "record" : "key", isRecord ? ownership.record : ownership.key, dryRun,
        &changes,
        acl: isRecord
          ? nil : Self.wantedACL(mode: ownership.keyMode, readers: readers, search: false))
    }
  }

  // The mode and owner first, then the ACL: setting the mode rewrites the ACL's mask.
  private func fix(
    _ fd: Int32, _ path: String, _ kind: String, _ wanted: FilePermissions, _ dryRun: Bool,
    _ changes: inout [PermissionChange], acl: AccessControlList? = nil
  ) throws {
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw SystemError.fromErrno("stat", path: path, access: .reading)
    }
    let before = ObservedPermissions(info).with(acl: AccessControlList.read(fd))
    let after = ObservedPermissions(
      mode: wanted.mode, owner: wanted.owner ?? before.owner, group: wanted.group ?? before.group,
      acl: acl)
    if before.matches(wanted), before.acl?.users == after.acl?.users,
      before.acl?.groups ?? [:] == after.acl?.groups ?? [:],
      before.acl?.mask == after.acl?.mask
    {
      return
    }
    changes.append(PermissionChange(path: path, kind: kind, before: before, after: after))
    if dryRun { return }
    try PermissionChanger.apply(wanted, to: fd, path: path)
    if let acl {
      try acl.apply(to: fd, path: path)
    } else if before.acl != nil, fremovexattr(fd, AccessControlList.attributeName) != 0 {
      throw SystemError.fromErrno("remove the ACL of", path: path, access: .writing)
    }
  }

  // The key directory is the admin's (normally 0755 root:root): only the search bit a
  // signer lacks is added; a blocker above it is for the admin.
  private func fixKeyDirectory(
    _ root: Directory, _ signers: [SignerAccount], _ dryRun: Bool,
    _ changes: inout [PermissionChange], _ warnings: inout [String]
  ) throws {
    guard
      case .blocked(let blocker) = Self.signerVerdict(
        forFileAt: path, below: top, signers: signers, access: .search)
    else { return }
    guard blocker.path == path else {
      warnings.append(
        "\(blocker), so qmail-dk cannot reach the keys: left alone: \(blocker.chmodCommand)")
      return
    }
    let before = blocker.permissions
    var after = before
    for signer in signers where !signer.may(.search, after) {
      after = ObservedPermissions(
        mode: after.mode | signer.missingBit(.search, after).mode, owner: before.owner,
        group: before.group)
    }
    changes.append(
      PermissionChange(path: path, kind: "key directory", before: before, after: after))
    if !dryRun, fchmod(root.descriptor, after.mode) != 0 {
      throw SystemError.fromErrno("change mode of", path: path, access: .writing)
    }
  }

  // Keys 0440 and directories 0750 owner:group let a signer in only as the owner or a
  // member of the group.
  static func conventionWarnings(_ ownership: KeyOwnership, _ signers: [SignerAccount])
    -> [String]
  {
    let key = ObservedPermissions(
      mode: ownership.keyMode, owner: ownership.owner, group: ownership.group)
    return signers.filter { !$0.may(.read, key) }.map { signer in
      let group = signer.groups.first.map(AccountNames.groupName) ?? "GROUP"
      return "\(signer) is neither \(ownership.ownerName) nor in group \(ownership.groupName),"
        + " so qmail-dk cannot read keys \(ownership.ownerName):\(ownership.groupName) 0440:"
        + " pass --group \(group)"
    }
  }
}
