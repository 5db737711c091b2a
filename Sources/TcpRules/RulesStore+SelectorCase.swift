import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension RulesStore {
  /// Problems with the selector of a DKSIGN template on the system under `paths.root`: no
  /// domain has a key under that exact name, but one differs only in case.
  ///
  /// qmail-dk keeps the template's case and file names are case-sensitive, so such a key is
  /// never used and mail goes out unsigned. Only per-domain templates (`…/%/SELECTOR`) are
  /// checked; an unreadable key directory reports nothing.
  public static func selectorCaseProblems(_ template: String, paths: ToasterPaths) -> [String] {
    guard let percent = template.firstIndex(of: "%") else { return [] }
    let prefix = String(template[..<percent])
    let suffix = template[template.index(after: percent)...]
    guard prefix.hasSuffix("/"), suffix.hasPrefix("/"), suffix.dropFirst().contains("/") == false
    else { return [] }
    let selector = String(suffix.dropFirst())
    let keyDirectory = String(prefix.dropLast())
    guard !selector.isEmpty, let root = try? Directory(path: paths.resolve(keyDirectory)),
      let domains = try? root.entryNames()
    else { return [] }
    var nearMisses: [String] = []
    for domain in domains where !domain.hasPrefix(".") {
      guard let directory = try? root.subdirectory(domain),
        let names = try? directory.entryNames()
      else { continue }
      if names.contains(selector) { return [] }
      nearMisses += names.filter { $0 != selector && $0.lowercased() == selector.lowercased() }
        .map { "\(keyDirectory)/\(domain)/\($0)" }
    }
    guard let first = nearMisses.first else { return [] }
    let others = nearMisses.count > 1 ? " (and \(nearMisses.count - 1) more)" : ""
    return [
      "selector \(selector) has no key in any domain, but \(first)\(others) differs only in "
        + "case: qmail-dk keeps the case, so mail would go out unsigned"
    ]
  }
}
