public import QmailControl
import ToasterSupport

/// Which files a snapshot holds and how its symbolic links are rewritten (pure).
///
/// The files are exactly those toaster-dk reads or writes: tcp.smtp, its cdb and backup,
/// the key tree, qmail's domain lists and vpopmail's users/assign, and the qmail-queue and
/// qmail-dk programs of `/var/qmail/bin`. A link is kept only when it points at one of them;
/// its target is then rewritten relative to the link, so it points into the snapshot.
public struct SnapshotPlan: Equatable, Sendable {
  /// The system paths of the single files, in copy order.
  public let files: [String]
  /// The system path of the key tree, copied whole.
  public let tree: String
  /// The root the live files are under (`/`, or a sandbox given with `--root`).
  public let sourceRoot: String

  /// The system path of qmail-dk, which `qmail-queue` links to on a toaster.
  public static let qmailDKSystemPath = "/var/qmail/bin/qmail-dk"

  /// The plan for the tree under `served.paths.root`.
  public init(served: ServedDomainPaths) {
    let rules = ToasterPaths.rulesFileSystemPath
    files =
      [rules, ToasterPaths.rulesCDBSystemPath, rules + ".bak"] + served.systemPaths
      + [
        ToasterPaths.qmailQueueSystemPath, ToasterPaths.qmailQueueOrigSystemPath,
        Self.qmailDKSystemPath,
      ]
    tree = ToasterPaths.domainKeysSystemPath
    var root = served.paths.root
    while root.count > 1, root.hasSuffix("/") { root.removeLast() }
    sourceRoot = root
  }

  /// True when the system path `path` is copied into the snapshot.
  public func includes(_ path: String) -> Bool {
    files.contains(path) || path == tree || path.hasPrefix(tree + "/")
  }

  /// What becomes of a link found at the system path `link`, pointing at `target`.
  public enum LinkDecision: Equatable, Sendable {
    /// Copy the link with this (relative) target, which stays inside the snapshot.
    case keep(target: String)
    /// Refuse it: it would pull in this path from outside the snapshot.
    case refuse(resolved: String)
  }

  /// Decides the fate of a link: an absolute target under the source root, or a relative
  /// one, that names a copied path is kept, rewritten relative to the link's directory.
  public func decide(link: String, target: String) -> LinkDecision {
    let directory = Self.components(link).dropLast()
    var resolved: [String]?
    if target.hasPrefix("/") {
      if sourceRoot == "/" {
        resolved = Self.normalized(Self.components(target))
      } else if target == sourceRoot || target.hasPrefix(sourceRoot + "/") {
        resolved = Self.normalized(Self.components(String(target.dropFirst(sourceRoot.count))))
      }
    } else {
      resolved = Self.normalized(Array(directory) + Self.components(target))
    }
    guard let resolved, includes("/" + resolved.joined(separator: "/")) else {
      return .refuse(resolved: resolvedDisplay(resolved, target: target))
    }
    return .keep(target: Self.relative(from: Array(directory), to: resolved))
  }

  private func resolvedDisplay(_ resolved: [String]?, target: String) -> String {
    guard let resolved else { return target }
    let systemPath = "/" + resolved.joined(separator: "/")
    return sourceRoot == "/" ? systemPath : sourceRoot + systemPath
  }

  static func components(_ path: String) -> [String] {
    path.split(separator: "/").map(String.init)
  }

  /// `.` and `..` resolved by name; nil when `..` climbs above `/`.
  static func normalized(_ parts: [String]) -> [String]? {
    var result: [String] = []
    for part in parts {
      switch part {
      case ".": continue
      case "..":
        if result.isEmpty { return nil }
        result.removeLast()
      default: result.append(part)
      }
    }
    return result
  }

  /// The relative path from the directory `from` to `to` (both as components from `/`).
  static func relative(from: [String], to: [String]) -> String {
    var common = 0
    while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
    let parts = Array(repeating: "..", count: from.count - common) + to[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
