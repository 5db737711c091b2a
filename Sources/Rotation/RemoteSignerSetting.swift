public import KeyStore
public import MailPath
import TcpRules
public import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The queue-exit signer's selector setting, `control/toaster-dk/remote-selectors`, as a
/// rotation changes it: through `RemoteSelectorsFile`, the one reader and writer of the file.
///
/// Nothing is written while the file is missing and toaster-dk-remote is not installed:
/// no signer reads it then. Once either exists, `switch` makes the default (`*`, or the
/// built-in `private`) and every switched domain's own line name the new selector where
/// they named the old one, and gives each held domain that signs with the old selector
/// through the default a line of its own, so it keeps signing with its old key.
public struct RemoteSignerSetting: SignerSelectorSetting {
  /// The file.
  public let file: RemoteSelectorsFile
  private let chain: RemoteChainDirectory

  /// The setting of the toaster under `paths`.
  public init(paths: ToasterPaths) {
    file = RemoteSelectorsFile(paths: paths)
    chain = RemoteChainDirectory(paths: paths)
  }

  public var path: String { file.path }

  public func apply(
    old: SelectorName, new: SelectorName, switched: [DomainName], held: [DomainName],
    dryRun: Bool
  ) throws -> [UInt8] {
    guard isInUse() else { return [] }
    do {
      let (before, after) = try file.update(dryRun: dryRun) {
        selectors throws(RemoteSelectorsError) in
        try Self.edit(&selectors, old: old.text, new: new.text, switched: switched, held: held)
      }
      guard before != after else { return [] }
      return UnifiedDiff(old: before.render(), new: after.render(), path: path).text
    } catch {
      throw RotationError.selectorSetting("\(path): \(error)")
    }
  }

  /// The switch of `old` to `new` in `selectors`, for the domains named.
  static func edit(
    _ selectors: inout RemoteSelectors, old: String, new: String, switched: [DomainName],
    held: [DomainName]
  ) throws(RemoteSelectorsError) {
    let replaced = { (list: [String]) in list.map { $0 == old ? new : $0 } }
    let ownLines = Set(
      selectors.lines.compactMap { line -> String? in
        guard case .selectors(let domain, _) = line.meaning else { return nil }
        return domain.lowercased()
      })
    // Held domains keep what the default gives them today, on a line of their own.
    let fallback = selectors.selectors(for: RemoteSelectors.anyDomain)
    for domain in held where !ownLines.contains(domain.text) && fallback.contains(old) {
      try selectors.setSelectors(fallback, for: domain.text)
    }
    if fallback.contains(old) {
      try selectors.setSelectors(replaced(fallback), for: RemoteSelectors.anyDomain)
    }
    for domain in switched where ownLines.contains(domain.text) {
      let current = selectors.selectors(for: domain.text)
      if current.contains(old) { try selectors.setSelectors(replaced(current), for: domain.text) }
    }
  }

  // The file matters once it exists or the signer that reads it is in place.
  private func isInUse() -> Bool {
    var info = stat()
    return chain.read().state == .toasterDK || lstat(path, &info) == 0
  }
}
