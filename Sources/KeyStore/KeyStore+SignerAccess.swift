import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Judges whether every signer can reach and read the file at `path` (or, with `access`
  /// `.search`, search the directory at `path`), walking each directory below `top` down,
  /// as the kernel resolves the path for them.
  ///
  /// `path` is absolute and normally below `top` (the `--root`, which stands for `/`);
  /// `top` and what is above it are not judged (in a sandbox they are not the server's).
  /// Links are followed, as qmail-dk's `open` follows them.
  public static func signerVerdict(
    forFileAt path: String, below top: String, signers: [SignerAccount],
    access last: SignerAccount.Access = .read
  ) -> SignerVerdict {
    guard !signers.isEmpty else { return .readable }
    let base = top.hasSuffix("/") ? String(top.dropLast()) : top
    var steps = [path]
    if path.hasPrefix(base + "/") {
      steps = []
      var current = base
      for component in path.dropFirst(base.count + 1).split(separator: "/") {
        current += "/" + component
        steps.append(current)
      }
    }
    for (index, step) in steps.enumerated() {
      var info = stat()
      guard stat(step, &info) == 0 else {
        let error = SystemError.fromErrno("stat", path: step, access: .reading)
        if error.code == ENOENT { return .missing }
        return .unknown(error.description)
      }
      let isLast = index == steps.count - 1
      let isDirectory = info.st_mode & S_IFMT == S_IFDIR
      let access: SignerAccount.Access = isLast ? last : .search
      if (!isLast || last == .search), !isDirectory {
        return .blocked(blocker(signers[0], step, .search, info, isDirectory: false))
      }
      let permissions = ObservedPermissions(info).with(acl: AccessControlList.read(path: step))
      for signer in signers where !signer.may(access, permissions) {
        return .blocked(blocker(signer, step, access, info, isDirectory: isDirectory))
      }
    }
    return .readable
  }

  private static func blocker(
    _ signer: SignerAccount, _ path: String, _ access: SignerAccount.Access, _ info: stat,
    isDirectory: Bool
  ) -> SignerVerdict.Blocker {
    SignerVerdict.Blocker(
      signer: signer, path: path, access: access,
      permissions: ObservedPermissions(info).with(acl: AccessControlList.read(path: path)),
      isDirectory: isDirectory)
  }
}

extension KeyStore {
  /// What stops a signer from reaching the key directory itself (qmail-dk then rejects
  /// every message it should sign, even for domains without a key).
  func keyDirectoryProblems(_ context: InventoryContext) -> [String] {
    guard
      case .blocked(let blocker) = Self.signerVerdict(
        forFileAt: path, below: top, signers: context.signers, access: .search)
    else { return [] }
    let fix =
      blocker.path == path ? "run toaster-dk domain fix-perms" : "run \(blocker.chmodCommand)"
    return [
      "\(blocker), so qmail-dk cannot reach \(path) and rejects all mail it should sign: \(fix)"
    ]
  }

  /// What stops a signer at `path` itself (a domain directory or a key), with the fix.
  ///
  /// Blockers above `path` are reported where they are (the key directory, the domain).
  func signerProblems(
    _ path: String, _ access: SignerAccount.Access, _ context: InventoryContext, domain: String
  ) -> [String] {
    guard
      case .blocked(let blocker) = Self.signerVerdict(
        forFileAt: path, below: top, signers: context.signers, access: access),
      blocker.path == path
    else { return [] }
    let what = access == .read ? "this key" : "the keys of \(domain)"
    var fix = "run toaster-dk domain fix-perms"
    if DomainName.isValid(domain), domain == domain.lowercased() { fix += " \(domain)" }
    if let ownership = context.ownership {
      let wanted = access == .read ? ownership.key : ownership.directory
      let after = ObservedPermissions(
        mode: wanted.mode, owner: ownership.owner, group: ownership.group)
      if !blocker.signer.may(access, after) {
        let group = blocker.signer.groups.first.map(AccountNames.groupName) ?? "GROUP"
        fix += " --group \(group) (\(blocker.signer.name) is not in group \(ownership.groupName))"
      }
    }
    return ["\(blocker), so qmail-dk cannot read \(what) and rejects their mail: \(fix)"]
  }
}

extension SignerAccount {
  /// The signers named (each must exist), or the default vpopmail when none is named.
  ///
  /// - Returns: the accounts, and a problem to report when the default does not exist
  ///   (then nothing is judged).
  /// - Throws: `KeyStoreError.unknownSigner` for a named user that does not exist.
  public static func resolve(_ names: [String]) throws(KeyStoreError) -> (
    [SignerAccount], problem: String?
  ) {
    guard names.isEmpty else {
      return (try names.map { name throws(KeyStoreError) in try lookup(name) }, nil)
    }
    do {
      return ([try lookup(defaultName)], nil)
    } catch {
      return (
        [],
        "cannot check that qmail-dk can read the keys: user \(defaultName) does not exist:"
          + " pass --signer-user naming the user qmail-smtpd runs as"
      )
    }
  }
}
