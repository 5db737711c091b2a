import Foundation
import TestSupport
import Testing

/// `domain dns --format bind` in a zone served by the real BIND named.
@Suite(.enabled(if: LoopbackDNS.missing("named") == nil, "\(LoopbackDNS.missing("named") ?? "")"))
struct DomainCheckNamedCLITests {
  static let zoneHead = """
    $ORIGIN example.com.
    $TTL 3600
    @ IN SOA ns1.example.com. hostmaster.example.com. 1 3600 600 86400 300
    @ IN NS ns1.example.com.
    ns1 IN A 192.0.2.1

    """

  @Test(arguments: [2048, 4096])
  func ourBindRecordsMatch(bits: Int) throws {
    let box = try DomainCheckSandbox()
    defer { box.remove() }
    try box.add("example.com", ["--bits", "\(bits)"])
    let server = try LoopbackDNS.named(
      zone: Self.zoneHead + (try box.records(format: "bind")), origin: "example.com")
    defer { server.stop() }
    let check = try box.check(server)
    #expect(check.status == 0, "\(check)")
    #expect(
      check.stdoutText.hasPrefix(
        "example.com: ok: private matches; _domainkey o=-; _dmarc p=none\n"))
    // named has TCP, so the 4096-bit answer arrives, with the warning that servers without
    // EDNS/TCP and qmail-dk's 513-byte buffer cannot carry it.
    let warnings = findingLines(check, "warning")
    #expect(warnings.count == (bits == 4096 ? 1 : 0), "\(warnings)")
    #expect(warnings.allSatisfy { $0.contains("over the 512 bytes of UDP") })
    let strings = bits == 2048 ? "2 strings of 255,155 bytes" : "3 strings of 255,255,244 bytes"
    #expect(check.stdoutText.contains("  note: private._domainkey.example.com: \(strings)\n"))
  }
}
