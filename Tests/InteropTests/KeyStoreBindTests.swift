import Foundation
import KeyStore
import TestSupport
import Testing

/// Our BIND lines in a zone file checked, and dumped back, by the real named-checkzone.
@Suite(
  .enabled(
    if: RealBinary.missingReason("named-checkzone") == nil,
    "\(RealBinary.missingReason("named-checkzone") ?? "")"))
struct KeyStoreBindTests {
  static let head = """
    $ORIGIN example.com.
    $TTL 3600
    @ IN SOA ns1.example.com. hostmaster.example.com. 1 3600 600 86400 300
    @ IN NS ns1.example.com.
    ns1 IN A 192.0.2.1

    """

  /// The TXT values named-checkzone's canonical dump holds for `name`, strings joined.
  func check(_ records: [DNSRecord]) throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    try tmp.write(Self.head + records.map(RecordRenderer.bind).joined(), to: "zone")
    let dump = try KeyTree.run(
      "named-checkzone", ["-q", "-D", "-o", "-", "example.com", tmp.join("zone")]
    ).stdoutText
    for record in records {
      let lines = dump.split(separator: "\n").filter { $0.hasPrefix(record.name + ".") }
      try #require(lines.count == 1, "one TXT record at \(record.name):\n\(dump)")
      let strings = lines[0].split(separator: "\"", omittingEmptySubsequences: false)
        .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
      let unescaped = strings.joined().replacingOccurrences(of: "\\\"", with: "\"")
      #expect(unescaped == record.value, "\(record.name)")
      #expect(strings.allSatisfy { $0.utf8.count <= 255 })
    }
  }

  @Test(arguments: [2048, 4096])
  func zoneWithOurRecordsLoads(bits: Int) throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    let records = try tree.add(bits: bits).records.records
    try check(records)
    let strings = records[0].characterStrings.count
    #expect(strings == (bits == 2048 ? 2 : 3))
  }

  @Test func ed25519RecordLoads() throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    try check(try tree.add(algorithm: "ed25519").records.records)
  }
}
