import DNS
import KeyStore
import TestSupport
import Testing

/// DNSSEC validation in the resolver: our own BIND lines in a zone signed by the real
/// dnssec-signzone and served by named, checked with the zone's own trust anchor.
@Suite(.enabled(if: SignedZone.missing == nil, "\(SignedZone.missing ?? "")"))
struct DNSSECResolverTests {
  static let key = "private._domainkey.example.com"

  struct Served {
    let server: LoopbackDNS
    let directory: TempDirectory
    let resolver: Resolver

    func stop() {
      server.stop()
      directory.remove()
    }
  }

  // named serving `zone`, asked by a resolver validating with `anchor` (nil: no validation).
  static func serve(_ zone: String, anchor: String?) throws -> Served {
    let server = try LoopbackDNS.named(zone: zone, origin: "example.com")
    let directory = try TempDirectory(prefix: "anchor")
    var file: String?
    if let anchor {
      try directory.write(anchor, to: "anchor.key")
      file = directory.join("anchor.key")
    }
    let resolver = try Resolver(
      ResolverConfiguration(
        upstream: .forwarders([try DNSServer(parsing: server.server)]), timeout: 3,
        trustAnchorFile: file))
    return Served(server: server, directory: directory, resolver: resolver)
  }

  static func zone(_ set: DomainRecordSet) -> String {
    PublishedRecords.zone([set], extra: "nodata._domainkey IN HINFO \"pc\" \"linux\"\n")
  }

  @Test func aSignedZoneIsSecureForRecordsAndNegativeAnswers() throws {
    let set = try PublishedRecords.make()
    let signed = try SignedZone.sign(Self.zone(set), origin: "example.com")
    let served = try Self.serve(signed.text, anchor: signed.anchor)
    defer { served.stop() }
    let outcome = served.resolver.txt(Self.key)
    guard case .records(let answer) = outcome else {
      Issue.record("\(outcome)\n\(served.server.lines.joined(separator: "\n"))")
      return
    }
    #expect(answer.security == .secure)
    #expect(answer.records.map(\.joined) == [Array(set.key.value.utf8)])
    guard case .nxdomain(let absent) = served.resolver.txt("absent._domainkey.example.com"),
      case .nodata(let nodata) = served.resolver.txt("nodata._domainkey.example.com")
    else {
      Issue.record("expected NXDOMAIN and NODATA")
      return
    }
    #expect(absent.security == .secure)
    #expect(nodata.security == .secure)
  }

  @Test func withoutATrustAnchorNothingIsValidated() throws {
    let set = try PublishedRecords.make()
    let signed = try SignedZone.sign(Self.zone(set), origin: "example.com")
    let tampered = try signed.tamperingSignature(owner: Self.key + ".", type: "TXT")
    let served = try Self.serve(tampered, anchor: nil)
    defer { served.stop() }
    guard case .records(let answer) = served.resolver.txt(Self.key) else {
      Issue.record("expected the records")
      return
    }
    #expect(answer.security == .unchecked)
  }

  // Each way a zone can fail its anchor: a bad signature, a record changed after signing,
  // no signatures at all, signatures by another key.
  @Test(arguments: ["tampered signature", "record changed", "unsigned", "another key"])
  func aZoneThatFailsItsAnchorIsBogus(how: String) throws {
    let set = try PublishedRecords.make()
    let zone = Self.zone(set)
    let signed = try SignedZone.sign(zone, origin: "example.com")
    let served: String
    var anchor = signed.anchor
    switch how {
    case "tampered signature":
      served = try signed.tamperingSignature(owner: Self.key + ".", type: "TXT")
    case "record changed":
      // A tab for a space: the record's first string is 255 bytes already, and a longer
      // one would make named refuse the zone.
      served = signed.text.replacing("\"v=DKIM1; k=rsa; ", with: "\"v=DKIM1;\tk=rsa; ")
      #expect(served != signed.text)
    case "unsigned": served = zone
    default:
      served = signed.text
      anchor = try SignedZone.sign(zone, origin: "example.com").anchor
    }
    let running = try Self.serve(served, anchor: anchor)
    defer { running.stop() }
    let outcome = running.resolver.txt(Self.key)
    guard case .bogus(let why) = outcome else {
      Issue.record("\(how): expected bogus, got \(outcome)")
      return
    }
    #expect(!why.isEmpty)
  }

  @Test func aZoneOutsideTheAnchorIsInsecure() throws {
    let set = try PublishedRecords.make()
    let signed = try SignedZone.sign(Self.zone(set), origin: "example.com")
    let other = try SignedZone.sign(
      "$ORIGIN example.org.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 3600 600 86400 300\n"
        + "@ IN NS ns1\nns1 IN A 192.0.2.1\n",
      origin: "example.org")
    let served = try Self.serve(signed.text, anchor: other.anchor)
    defer { served.stop() }
    guard case .records(let answer) = served.resolver.txt(Self.key) else {
      Issue.record("expected the records")
      return
    }
    #expect(answer.security == .insecure)
  }
}
