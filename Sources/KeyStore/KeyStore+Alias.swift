import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// The domain an alias link names, or nil when `name` is no alias.
  ///
  /// An alias is a symbolic link inside the key directory to a real directory (not another
  /// link) in the key directory itself, as vpopmail admins link an alias domain's keys to
  /// the real domain's.
  ///
  /// qmail-dk follows such a link and signs the alias's mail with the real domain's key;
  /// toaster-dk reads through it, and never writes through it.
  func aliasTarget(of name: String, in root: Directory) throws -> String? {
    guard let info = try root.status(of: name), info.st_mode & S_IFMT == S_IFLNK else {
      return nil
    }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlinkat(root.descriptor, name, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    let target = String(
      decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var parts = target.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard let base = parts.popLast(), base != ".", base != ".." else { return nil }
    let parent = (target.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    var here = stat()
    var there = stat()
    guard fstat(root.descriptor, &here) == 0,
      fstatat(root.descriptor, parent.isEmpty ? "." : parent, &there, 0) == 0,
      here.st_dev == there.st_dev, here.st_ino == there.st_ino,
      let real = try root.status(of: base), real.st_mode & S_IFMT == S_IFDIR
    else { return nil }
    return base
  }

  /// Opens the directory of `domain` for reading: the domain's own directory, or the real
  /// domain's when `domain` is an alias link.
  ///
  /// - Returns: the directory and, for an alias, the real domain's name.
  /// - Throws: `KeyStoreError.noSuchDomain`, `symbolicLink` for a link that is no alias.
  func openDomainForReading(_ domain: String, in root: Directory) throws -> (
    Directory, aliasOf: String?
  ) {
    if let real = try aliasTarget(of: domain, in: root) {
      return (try openDomain(real, in: root), real)
    }
    return (try openDomain(domain, in: root), nil)
  }
}
