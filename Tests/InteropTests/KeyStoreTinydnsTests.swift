import Foundation
import KeyStore
import TestSupport
import Testing

/// Our tinydns-data lines through the real tinydns-data and tinydns-get.
@Suite(
  .enabled(
    if: RealBinary.missingReason("tinydns-data", "tinydns-get") == nil,
    "\(RealBinary.missingReason("tinydns-data", "tinydns-get") ?? "")"))
struct KeyStoreTinydnsTests {
  /// The TXT character-strings tinydns answers for `name`, decoded from tinydns-get's output.
  static func answer(_ name: String, in directory: String) throws -> [[UInt8]] {
    let output = try KeyTree.run("tinydns-get", ["txt", name], in: directory).stdoutText
    let prefix = "answer: \(name) "
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else {
      throw KeyTreeError(text: "no answer for \(name):\n\(output)")
    }
    // "answer: NAME TTL 16 RDATA", RDATA with \ooo escapes.
    let escaped = Array(line.split(separator: " ", maxSplits: 4)[4].utf8)
    var rdata: [UInt8] = []
    var index = 0
    while index < escaped.count {
      if escaped[index] == UInt8(ascii: "\\"), index + 3 < escaped.count,
        let value = UInt8(
          String(decoding: escaped[(index + 1)...(index + 3)], as: UTF8.self), radix: 8)
      {
        rdata.append(value)
        index += 4
      } else {
        rdata.append(escaped[index])
        index += 1
      }
    }
    var strings: [[UInt8]] = []
    var position = 0
    while position < rdata.count {
      let length = Int(rdata[position])
      strings.append(Array(rdata[(position + 1)..<(position + 1 + length)]))
      position += 1 + length
    }
    return strings
  }

  func roundTrip(_ records: [DNSRecord]) throws {
    try #require(!records.isEmpty, "no records to check")
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let data = ".example.com::ns1.example.com:3600\n" + records.map(RecordRenderer.tinydns).joined()
    try tmp.write(data, to: "data")
    _ = try KeyTree.run("tinydns-data", [], in: tmp.path)
    for record in records {
      let strings = try Self.answer(record.name, in: tmp.path)
      #expect(strings.joined().elementsEqual(record.value.utf8), "\(record.name)")
    }
  }

  @Test(arguments: ["rsa2048", "rsa4096", "ed25519"])
  func everyRecordRoundTrips(kind: String) throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    let result =
      kind == "ed25519"
      ? try tree.add(algorithm: "ed25519") : try tree.add(bits: kind == "rsa4096" ? 4096 : 2048)
    try roundTrip(result.records.records)
  }

  @Test func escapedBytesRoundTrip() throws {
    let value = "a:b\\c\"d; e=f\tg:" + String(repeating: "x", count: 300) + ":end"
    try roundTrip([
      DNSRecord(name: "odd.example.com", ttl: 60, value: value, purpose: .key, comment: "odd")
    ])
  }
}
