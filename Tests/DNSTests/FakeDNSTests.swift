import DNS
import Foundation
import TestSupport
import Testing

/// Outcomes real servers will not produce on demand, from the python3-dnslib fake.
@Suite(.enabled(if: LoopbackDNS.missing("dnslib") == nil, "\(LoopbackDNS.missing("dnslib") ?? "")"))
struct FakeDNSTests {
  static let names = """
    {
      "two.example.net": {"txt": [["v=DKIM1; k=rsa; p=first"], ["v=DKIM1; k=rsa; p=second"]]},
      "many.example.net": {"txt": [["a", "bb", "", "ccc", "\\u00ff\\u0000"]], "ttl": 77},
      "c1.example.net": {"cname": "c2.example.net."},
      "c2.example.net": {"cname": "target.example.net."},
      "target.example.net": {"txt": [["v=DKIM1; p=target"]]},
      "servfail.example.net": {"rcode": "SERVFAIL"},
      "refused.example.net": {"rcode": "REFUSED"},
      "silent.example.net": {"silent": true},
      "truncated.example.net": {"truncated": true},
      "nodata.example.net": {"nodata": true}
    }
    """

  let server: LoopbackDNS
  let resolver: Resolver

  init() throws {
    server = try LoopbackDNS.fake(namesJSON: Self.names)
    resolver = try Resolver(
      ResolverConfiguration(
        upstream: .forwarders([DNSServer(address: server.address, port: UInt16(server.port))]),
        timeout: 1.5))
  }

  func records(_ name: String) throws -> TXTAnswer {
    let outcome = resolver.txt(name)
    guard case .records(let answer) = outcome else {
      Issue.record("expected records at \(name), got \(outcome)")
      throw LoopbackDNSError(text: "\(outcome)")
    }
    return answer
  }

  @Test func keepsTwoRecordsInServerOrder() throws {
    defer { server.stop() }
    let answer = try records("two.example.net")
    #expect(
      answer.records.map { String(decoding: $0.joined, as: UTF8.self) } == [
        "v=DKIM1; k=rsa; p=first", "v=DKIM1; k=rsa; p=second",
      ])
    #expect(answer.cnameChain.isEmpty)
  }

  @Test func keepsEveryStringAsBytes() throws {
    defer { server.stop() }
    let answer = try records("many.example.net")
    #expect(answer.records.count == 1)
    #expect(
      answer.records[0].strings == [[0x61], [0x62, 0x62], [], [0x63, 0x63, 0x63], [0xFF, 0]])
    #expect(answer.ttl == 77)
  }

  @Test func followsACNAMEChain() throws {
    defer { server.stop() }
    let answer = try records("c1.example.net")
    #expect(answer.cnameChain == ["c2.example.net", "target.example.net"])
    #expect(answer.records.map(\.joined) == [Array("v=DKIM1; p=target".utf8)])
  }

  @Test(arguments: ["servfail", "refused", "truncated"])
  func serverFailuresAreTemporary(label: String) throws {
    defer { server.stop() }
    let outcome = resolver.txt("\(label).example.net")
    #expect(outcome == .temporaryFailure(.serverFailure(rcode: 2)))
    #expect(outcome.summary == "SERVFAIL (or REFUSED, or a truncated answer without TCP)")
  }

  @Test func silenceEndsAtTheDeadline() throws {
    defer { server.stop() }
    let started = Date()
    let outcome = resolver.txt("silent.example.net")
    let elapsed = Date().timeIntervalSince(started)
    #expect(outcome == .temporaryFailure(.timeout(seconds: 1.5)))
    #expect(elapsed >= 1.4 && elapsed < 3, "took \(elapsed) s")
    #expect(outcome.summary == "timeout: no answer within 1.5 s")
  }

  @Test func nameErrorAndNoData() throws {
    defer { server.stop() }
    #expect(
      resolver.txt("absent.example.net")
        == .nxdomain(NegativeAnswer(name: "absent.example.net", ttl: 300)))
    #expect(
      resolver.txt("nodata.example.net")
        == .nodata(NegativeAnswer(name: "nodata.example.net", ttl: 300)))
  }

  @Test func aLabelOver63BytesIsNotAsked() throws {
    defer { server.stop() }
    let name = String(repeating: "a", count: 64) + ".example.net"
    #expect(resolver.txt(name) == .invalidName("\(name) is not a valid domain name"))
    #expect(!server.lines.contains { $0.contains(String(repeating: "a", count: 64)) })
  }

  @Test func countsQuestions() throws {
    defer { server.stop() }
    _ = resolver.txt("two.example.net")
    _ = resolver.txt("two.example.net")
    #expect(resolver.queryCount == 2)
    // The second answer came from the context's cache.
    let question = "query two.example.net. TXT"
    let asked = server.lines { $0.contains(question) }
    #expect(asked.filter { $0 == question }.count == 1)
  }
}
