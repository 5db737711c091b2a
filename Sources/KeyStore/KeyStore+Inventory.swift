import LibCrypto
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Reports every domain's keys (or one domain's), changing nothing.
  ///
  /// For each key: algorithm, bits, fingerprint, permissions against the convention,
  /// whether each signing user (`signerNames`, default vpopmail) can reach and read it as
  /// qmail-dk must, and what needs fixing. Keys that do not load are reported, not thrown.
  /// The convention's owner and group default to root and vchkpw; when they (or the
  /// default signer) do not exist that is reported too. `templateSelectors` are the
  /// selectors of tcp.smtp's DKSIGN templates: a key whose selector differs from one only
  /// in case is flagged, since qmail-dk keeps the template's case. An alias link (a domain
  /// linked to another domain's directory) is reported as such, with the real domain's keys.
  /// - Throws: `KeyStoreError` when the key directory or the named domain is missing or
  ///   unreadable, or a signer named in `signerNames` does not exist.
  public func inventory(
    domain: DomainName? = nil, owner: String? = nil, group: String? = nil,
    signerNames: [String] = [], templateSelectors: [String] = []
  ) throws(KeyStoreError) -> KeyInventory {
    var problems: [String] = []
    var ownership: KeyOwnership?
    do {
      ownership = try KeyOwnership.resolve(owner: owner, group: group)
    } catch {
      problems.append("cannot check ownership: \(error)")
    }
    let (signers, signerProblems) = try allSigners(signerNames)
    problems += signerProblems
    let convention = "\(owner ?? KeyLayout.defaultOwner):\(group ?? KeyLayout.defaultGroup)"
    let context = InventoryContext(
      ownership: ownership, signers: signers, templateSelectors: templateSelectors)
    let domains = try Self.mapping { () throws -> [DomainReport] in
      let root = try openRoot(create: false, forWriting: false)
      problems += keyDirectoryProblems(context)
      let names = try domain.map { [$0.text] } ?? root.entryNames().filter { !$0.hasPrefix(".") }
      var reports: [DomainReport] = []
      for name in names {
        if let report = try domainReport(
          name, in: root, context, required: domain != nil, problems: &problems)
        {
          reports.append(report)
        }
      }
      return reports
    }
    return KeyInventory(path: path, convention: convention, domains: domains, problems: problems)
  }

  private func domainReport(
    _ name: String, in root: Directory, _ context: InventoryContext, required: Bool,
    problems: inout [String]
  ) throws -> DomainReport? {
    guard let info = try root.status(of: name) else {
      throw KeyStoreError.noSuchDomain(path: root.join(name), domain: name)
    }
    if let real = try aliasTarget(of: name, in: root) {
      return try aliasReport(name, of: real, in: root, context, withKeys: required)
    }
    if info.st_mode & S_IFMT != S_IFDIR {
      if required { try Self.expect(info, S_IFDIR, path: root.join(name), what: "directory") }
      let kind =
        info.st_mode & S_IFMT == S_IFLNK
        ? "a symbolic link to no domain directory beside it, not followed" : "not a directory"
      problems.append("\(root.join(name)) is \(kind): move it out of the key directory")
      return nil
    }
    let directory = try root.subdirectory(name)
    let observed = ObservedPermissions(info)
    let wanted = context.ownership?.directory ?? FilePermissions(mode: KeyLayout.directoryMode)
    var domainProblems: [String] = []
    if !DomainName.isValid(name) || name != name.lowercased() {
      domainProblems.append(Self.mixedCaseProblem(name, in: root))
    }
    if !observed.matches(wanted) {
      domainProblems.append(
        Self.permissionProblem(observed, wanted, context.ownership, domain: name))
    }
    domainProblems += signerProblems(directory.path, .search, context, domain: name)
    var keys: [KeyReport] = []
    for entry in try directory.entryNames() where !entry.hasPrefix(".") {
      guard let entryInfo = try directory.status(of: entry) else { continue }
      let type = entryInfo.st_mode & S_IFMT
      if entry.hasSuffix(KeyLayout.recordSuffix), type == S_IFREG { continue }
      guard type == S_IFREG else {
        domainProblems.append(
          "\(entry) is \(type == S_IFLNK ? "a symbolic link" : "not a regular file"),"
            + " which toaster-dk does not manage as a key: replace it with a regular file")
        continue
      }
      keys.append(
        keyReport(entry, info: entryInfo, domain: name, in: directory, context: context))
    }
    return DomainReport(
      name: name, path: directory.path, aliasOf: nil, permissions: observed,
      matchesConvention: observed.matches(wanted), keys: keys, problems: domainProblems)
  }

  // An alias is listed with its target; its keys (for `show` and `dns`) are the real
  // domain's, whose problems are reported under the real domain.
  private func aliasReport(
    _ name: String, of real: String, in root: Directory, _ context: InventoryContext,
    withKeys: Bool
  ) throws -> DomainReport {
    let directory = try root.subdirectory(real)
    var info = stat()
    guard fstat(directory.descriptor, &info) == 0 else {
      throw SystemError.fromErrno("stat", path: directory.path, access: .reading)
    }
    var keys: [KeyReport] = []
    for entry in try directory.entryNames() where withKeys && !entry.hasPrefix(".") {
      guard let entryInfo = try directory.status(of: entry), entryInfo.st_mode & S_IFMT == S_IFREG,
        !entry.hasSuffix(KeyLayout.recordSuffix)
      else { continue }
      keys.append(
        keyReport(entry, info: entryInfo, domain: name, in: directory, context: nil))
    }
    return DomainReport(
      name: name, path: root.join(name), aliasOf: real, permissions: ObservedPermissions(info),
      matchesConvention: true, keys: keys, problems: [])
  }

  // Keys in a directory whose name is not the lower-case domain: qmail-dk finds them only
  // for mail whose domain is written exactly so, and toaster-dk's commands (which
  // lower-case domains) cannot reach them; the fix renames it and keeps the old name as an
  // alias link, so both spellings sign.
  static func mixedCaseProblem(_ name: String, in root: Directory) -> String {
    let lower = name.lowercased()
    guard DomainName.isValid(name) else {
      return "not a domain name: no mail is signed with these keys: move it out of the key"
        + " directory"
    }
    let exists = (try? root.status(of: lower)) != nil
    let directory = Self.shellQuoted(root.path)
    return "not a lower-case domain name: qmail-dk uses it only for mail from \(name) written"
      + " exactly so, and toaster-dk works on \(lower): "
      + (exists
        ? "\(lower) exists too: merge the keys by hand, then ln -s \(lower) \(name) in \(root.path)"
        : "run cd \(directory) && mv \(name) \(lower) && ln -s \(lower) \(name)")
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
    // fix-perms lower-cases a domain argument: a mixed-case directory is fixed with the tree.
    let target = DomainName.isValid(domain) && domain == domain.lowercased() ? " \(domain)" : ""
    return
      "permissions \(observed), expected \(expected): run toaster-dk domain fix-perms\(target)"
  }

  /// `path` quoted for a POSIX shell when it needs it.
  static func shellQuoted(_ path: String) -> String {
    let plain = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+,:@".contains($0) }
    let parts = path.split(separator: "'", omittingEmptySubsequences: false)
    return plain ? path : "'" + parts.joined(separator: "'\\''") + "'"
  }
}

/// What `inventory` judges every key against.
struct InventoryContext {
  /// The convention, when its owner and group exist.
  let ownership: KeyOwnership?
  /// The users qmail-dk reads keys as (none when the default does not exist).
  let signers: [SignerAccount]
  /// The selectors of tcp.smtp's DKSIGN templates.
  let templateSelectors: [String]
}
