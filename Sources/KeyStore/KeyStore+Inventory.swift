import LibCrypto
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Reports every domain's keys (or one domain's), changing nothing.
  ///
  /// For each key: algorithm, bits, fingerprint, permissions against the convention, and
  /// what needs fixing.
  /// Keys that do not load are reported, not thrown. The convention's owner and group
  /// default to root and vchkpw; when they do not exist that is reported too.
  /// - Throws: `KeyStoreError` when the key directory or the named domain is missing or
  ///   unreadable.
  public func inventory(
    domain: DomainName? = nil, owner: String? = nil, group: String? = nil, keyMode: mode_t? = nil
  ) throws(KeyStoreError) -> KeyInventory {
    var problems: [String] = []
    var ownership: KeyOwnership?
    do {
      ownership = try KeyOwnership.resolve(owner: owner, group: group, keyMode: keyMode)
    } catch {
      problems.append("cannot check ownership: \(error)")
    }
    let convention = "\(owner ?? KeyLayout.defaultOwner):\(group ?? KeyLayout.defaultGroup)"
    let domains = try Self.mapping { () throws -> [DomainReport] in
      let root = try openRoot(create: false, forWriting: false)
      let names = try domain.map { [$0.text] } ?? root.entryNames().filter { !$0.hasPrefix(".") }
      var reports: [DomainReport] = []
      for name in names {
        if let report = try domainReport(
          name, in: root, ownership: ownership, required: domain != nil, problems: &problems)
        {
          reports.append(report)
        }
      }
      return reports
    }
    return KeyInventory(path: path, convention: convention, domains: domains, problems: problems)
  }

  private func domainReport(
    _ name: String, in root: Directory, ownership: KeyOwnership?, required: Bool,
    problems: inout [String]
  ) throws -> DomainReport? {
    guard let info = try root.status(of: name) else {
      throw KeyStoreError.noSuchDomain(path: root.join(name), domain: name)
    }
    if info.st_mode & S_IFMT != S_IFDIR {
      if required { try Self.expect(info, S_IFDIR, path: root.join(name), what: "directory") }
      let kind =
        info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link, not followed" : "not a directory"
      problems.append("\(root.join(name)) is \(kind): move it out of the key directory")
      return nil
    }
    let directory = try root.subdirectory(name)
    let observed = ObservedPermissions(info)
    let wanted = ownership?.directory ?? FilePermissions(mode: KeyLayout.directoryMode)
    var domainProblems: [String] = []
    if !observed.matches(wanted) {
      domainProblems.append(Self.permissionProblem(observed, wanted, ownership, domain: name))
    }
    if !DomainName.isValid(name) || name != name.lowercased() {
      domainProblems.append(
        "not a lower-case domain name: qmail-dk finds it only for a From: domain written"
          + " exactly so, and toaster-dk manages lower-case names only")
    }
    var keys: [KeyReport] = []
    for entry in try directory.entryNames() where !entry.hasPrefix(".") {
      guard let entryInfo = try directory.status(of: entry) else { continue }
      let type = entryInfo.st_mode & S_IFMT
      if entry.hasSuffix(KeyLayout.recordSuffix), type == S_IFREG { continue }
      guard type == S_IFREG else {
        domainProblems.append(
          "\(entry) is \(type == S_IFLNK ? "a symbolic link" : "not a regular file"),"
            + " which qmail-dk cannot use as a key: replace it with a regular file")
        continue
      }
      keys.append(
        keyReport(entry, info: entryInfo, domain: name, in: directory, ownership: ownership))
    }
    return DomainReport(
      name: name, path: directory.path, permissions: observed,
      matchesConvention: observed.matches(wanted), keys: keys, problems: domainProblems)
  }

  static func permissionProblem(
    _ observed: ObservedPermissions, _ wanted: FilePermissions, _ ownership: KeyOwnership?,
    domain: String
  ) -> String {
    let expected =
      ownership.map {
        "\(FilePermissions(mode: wanted.mode).octalMode) \($0.ownerName):\($0.groupName)"
      }
      ?? FilePermissions(mode: wanted.mode).octalMode
    return
      "permissions \(observed), expected \(expected): run toaster-dk domain fix-perms \(domain)"
  }
}
