import Foundation

/// The tcp.smtp fixtures shipped as resources, and the `cdb -d` dumps real tcprules made.
enum Fixture {
  /// The names (without `.smtp`) of the fixtures in `folder` (`accepted` or `rejected`).
  static func names(_ folder: String) -> [String] {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(folder)", withExtension: nil),
      let files = try? FileManager.default.contentsOfDirectory(atPath: url.path)
    else { return [] }
    return files.filter { $0.hasSuffix(".smtp") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// The bytes of fixture `name` in `folder`.
  static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
    try file("Fixtures/\(folder)/\(name)", extension: "smtp")
  }

  /// The `cdb -d` dump real tcprules produced for accepted fixture `name`.
  static func expectedDump(_ name: String) throws -> [UInt8] {
    try file("Fixtures/expected/\(name)", extension: "cdb-dump")
  }

  private static func file(_ name: String, extension ext: String) throws -> [UInt8] {
    guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
      throw CocoaError(.fileNoSuchFile)
    }
    return Array(try Data(contentsOf: url))
  }

  /// Records in tinycdb's dump format: `+klen,dlen:key->data` per line, then an empty line.
  static func dump(_ records: [(key: [UInt8], data: [UInt8])]) -> [UInt8] {
    var bytes: [UInt8] = []
    for record in records {
      bytes += Array("+\(record.key.count),\(record.data.count):".utf8)
      bytes += record.key + Array("->".utf8) + record.data + [0x0A]
    }
    return bytes + [0x0A]
  }
}
