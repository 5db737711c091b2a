/// One set of files in `.removed` that `domain restore` can bring back, named as `remove`
/// and `add --force` name them (pure).
///
/// ```
/// <domain>.<stamp>[.<n>]/                      a whole domain directory
/// <domain>.<selector>.<stamp>[.<n>]            one selector's key
/// <domain>.<selector>.<stamp>[.<n>].<record>   its record file (<selector>.txt, public.txt)
/// ```
public struct RemovedKey: Equatable, Sendable, CustomStringConvertible {
  /// The time stamp with its sequence suffix, as `--from` takes it (`20260101T000000Z.1`).
  public let stamp: String
  /// The selector, or nil for a whole domain directory.
  public let selector: String?
  /// The name of the backup entry (the key file or the directory) inside `.removed`.
  public let entry: String
  /// Record files kept beside a selector's key: backup entry name and the name to restore.
  public var records: [(entry: String, name: String)]

  public static func == (lhs: RemovedKey, rhs: RemovedKey) -> Bool {
    lhs.stamp == rhs.stamp && lhs.selector == rhs.selector && lhs.entry == rhs.entry
      && lhs.records.map(\.entry) == rhs.records.map(\.entry)
  }

  /// `20260101T000000Z (whole domain)` or `20260101T000000Z (selector private)`.
  public var description: String {
    "\(stamp) (" + (selector.map { "selector \($0)" } ?? "whole domain") + ")"
  }

  /// The backups of `domain` among the entries of `.removed` (name and whether it is a
  /// directory), in name order.
  public static func find(domain: String, in entries: [(name: String, isDirectory: Bool)])
    -> [RemovedKey]
  {
    var keys: [RemovedKey] = []
    var records: [(base: String, entry: String, name: String)] = []
    for (name, isDirectory) in entries.sorted(by: { $0.name < $1.name }) {
      guard name.hasPrefix(domain + ".") else { continue }
      let parts = name.dropFirst(domain.count + 1).split(
        separator: ".", omittingEmptySubsequences: false
      ).map(String.init)
      if isDirectory {
        if let stamp = Self.directoryStamp(parts) {
          keys.append(RemovedKey(stamp: stamp, selector: nil, entry: name, records: []))
        }
        continue
      }
      guard parts.count >= 2, SelectorName.isValid(parts[0]), isStamp(parts[1]) else { continue }
      for (stamp, rest) in Self.readings(parts) {
        let base = rest.isEmpty ? name : String(name.dropLast(rest.count + 1))
        if rest.isEmpty {
          keys.append(RemovedKey(stamp: stamp, selector: parts[0], entry: name, records: []))
        } else if rest == parts[0] + KeyLayout.recordSuffix
          || rest == KeyLayout.legacyRecordStem + KeyLayout.recordSuffix
        {
          records.append((base, name, rest))
        } else {
          continue
        }
        break
      }
    }
    for index in keys.indices where keys[index].selector != nil {
      keys[index].records = records.filter { $0.base == keys[index].entry }.map {
        ($0.entry, $0.name)
      }
    }
    return keys
  }

  /// The ways to read `selector.stamp[.n][.record]` as (stamp with its sequence, the rest),
  /// the reading with a sequence number first.
  private static func readings(_ parts: [String]) -> [(String, String)] {
    var readings: [(String, String)] = []
    if parts.count > 2, parts[2].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !parts[2].isEmpty {
      readings.append((parts[1] + "." + parts[2], parts[3...].joined(separator: ".")))
    }
    readings.append((parts[1], parts[2...].joined(separator: ".")))
    return readings
  }

  /// The stamp of a directory's name parts: `stamp` or `stamp.n`, nothing more.
  private static func directoryStamp(_ parts: [String]) -> String? {
    guard let first = parts.first, isStamp(first), parts.count <= 2 else { return nil }
    guard parts.count == 2 else { return first }
    let number = parts[1]
    return !number.isEmpty && number.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
      ? first + "." + number : nil
  }

  private static func isStamp(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z")
    else { return false }
    return (bytes[0..<8] + bytes[9..<15]).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
