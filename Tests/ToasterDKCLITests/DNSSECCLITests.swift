import Foundation
import TestSupport
import Testing

/// `--dnssec --trust-anchor` end to end: our own `domain dns --format bind` records in a zone
/// signed by the real dnssec-signzone with keys from dnssec-keygen, served by BIND named on
/// loopback, then `domain check`, `test-verify` and `test-sign --check-dns` through it.
@Suite(.enabled(if: SignedZone.missing == nil, "\(SignedZone.missing ?? "")"))
struct DNSSECCLITests {
  static let key = "private._domainkey.example.com"

  /// What one zone state must give.
  struct Expected: Sendable, CustomStringConvertible {
    /// The zone state, for messages.
    let state: String
    /// `domain check`'s exit status and the selector's status.
    let checkStatus: Int32
    let selectorStatus: String
    /// The dnssec finding line printed by `domain check`.
    let finding: String
    /// The JSON `dnssec` value of the selector.
    let dnssec: String
    /// test-verify's DomainKeys letter, DKIM result and DKVERIFY=DEGIJKfh decision.
    let letter: String
    let dkim: String
    let decision: String

    var description: String { state }
  }

  static let secure = "  note: dnssec: the answer for \(key) is secure"
  static let bogus = "  error: the answer for \(key) is dnssec bogus ("
  static let insecure = "  warning: dnssec: the answer for \(key) is insecure"

  static let table: [Expected] = [
    Expected(
      state: "signed", checkStatus: 0, selectorStatus: "matches", finding: secure,
      dnssec: "secure", letter: "A", dkim: "pass", decision: "accept"),
    Expected(
      state: "tampered signature", checkStatus: 1, selectorStatus: "bogus", finding: bogus,
      dnssec: "bogus", letter: "F", dkim: "temperror", decision: "temporary reject: 451"),
    Expected(
      state: "record changed after signing", checkStatus: 1, selectorStatus: "bogus",
      finding: bogus, dnssec: "bogus", letter: "F", dkim: "temperror",
      decision: "temporary reject: 451"),
    // dns.md §1.5: an anchor for the zone and no DNSKEY behind it is bogus, not insecure.
    Expected(
      state: "unsigned", checkStatus: 1, selectorStatus: "bogus", finding: bogus,
      dnssec: "bogus", letter: "F", dkim: "temperror", decision: "temporary reject: 451"),
    Expected(
      state: "signed by another key", checkStatus: 1, selectorStatus: "bogus", finding: bogus,
      dnssec: "bogus", letter: "F", dkim: "temperror", decision: "temporary reject: 451"),
    // An anchor for example.org says nothing about example.com.
    Expected(
      state: "anchor of another zone", checkStatus: 0, selectorStatus: "matches",
      finding: insecure, dnssec: "insecure", letter: "A", dkim: "pass", decision: "accept"),
  ]

  /// A sandbox with example.com's key, its zone from `domain dns --format bind`, signed,
  /// and a message signed with the key.
  struct Fixture {
    let box: DomainCheckSandbox
    let unsigned: String
    let signed: SignedZone
    let otherKey: SignedZone
    let otherZone: SignedZone

    init() throws {
      box = try DomainCheckSandbox()
      let sandbox = box.sandbox
      #expect(try sandbox.run(["rules", "compile", "-q"]).status == 0)
      try box.add("example.com")
      unsigned = DomainCheckNamedCLITests.zoneHead + (try box.records(format: "bind"))
      signed = try SignedZone.sign(unsigned, origin: "example.com")
      otherKey = try SignedZone.sign(unsigned, origin: "example.com")
      otherZone = try SignedZone.sign(
        "$ORIGIN example.org.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 3600 600 86400 300\n"
          + "@ IN NS ns1\nns1 IN A 192.0.2.1\n", origin: "example.org")
      try sandbox.directory.write(Sandbox.message, to: "message.eml")
      let signedMessage = try sandbox.run([
        "test-sign", "--method", "both", "--key",
        sandbox.join("var/qmail/control/domainkeys/example.com/private"), "--selector",
        "private", "--domain", "example.com", sandbox.join("message.eml"),
      ])
      #expect(signedMessage.status == 0, "\(signedMessage)")
      try sandbox.directory.write(signedMessage.stdoutText, to: "signed.eml")
    }

    /// The zone served and the anchor given for `state`.
    func zone(_ state: String) throws -> (zone: String, anchor: String) {
      switch state {
      case "signed": return (signed.text, signed.anchor)
      case "tampered signature":
        return (try signed.tamperingSignature(owner: key + ".", type: "TXT"), signed.anchor)
      case "record changed after signing":
        // A tab for a space: the record's first string is 255 bytes already, and a longer
        // one would make named refuse the zone.
        let changed = signed.text.replacing("\"v=DKIM1; k=rsa; ", with: "\"v=DKIM1;\tk=rsa; ")
        #expect(changed != signed.text)
        return (changed, signed.anchor)
      case "unsigned": return (unsigned, signed.anchor)
      case "signed by another key": return (otherKey.text, signed.anchor)
      default: return (signed.text, otherZone.anchor)
      }
    }
  }

  @Test func eachZoneStateGivesTheFindingLetterAndResultOfTheTable() throws {
    let fixture = try Fixture()
    let sandbox = fixture.box.sandbox
    defer { fixture.box.remove() }
    for expected in Self.table {
      let (zone, anchor) = try fixture.zone(expected.state)
      try sandbox.directory.write(anchor, to: "anchor.key")
      let server = try LoopbackDNS.named(zone: zone, origin: "example.com")
      defer { server.stop() }
      let dnssec = ["--dnssec", "--trust-anchor", sandbox.join("anchor.key")]
      let check = try fixture.box.check(server, dnssec)
      #expect(check.status == expected.checkStatus, "\(expected): \(check)")
      #expect(
        check.stdoutText.hasPrefix(
          "example.com: \(expected.checkStatus == 0 ? "ok" : "problem"):"
            + " private \(expected.selectorStatus.replacing("-", with: " "));"),
        "\(expected): \(check)")
      #expect(check.stdoutText.contains("\n\(expected.finding)"), "\(expected): \(check)")
      let json = try fixture.box.check(server, dnssec + ["--json"])
      #expect(json.stdoutText.contains("\"status\":\"\(expected.selectorStatus)\""), "\(json)")
      #expect(json.stdoutText.contains("\"dnssec\":\"\(expected.dnssec)\""), "\(json)")
      let verify = try sandbox.run(
        ["test-verify", "--dns-server", server.server, "--dns-timeout", "3"] + dnssec + [
          sandbox.join("signed.eml")
        ])
      #expect(
        verify.stdoutText.hasPrefix("DomainKeys: \(expected.letter) "), "\(expected): \(verify)")
      #expect(verify.stdoutText.contains("\nDKIM #1: \(expected.dkim)"), "\(expected): \(verify)")
      #expect(
        verify.stdoutText.contains("DKVERIFY=DEGIJKfh → \(expected.decision)"),
        "\(expected): \(verify)")
      if expected.letter == "F" {
        #expect(verify.stdoutText.contains("is DNSSEC bogus"), "\(expected): \(verify)")
      }
      let sign = try sandbox.run(
        [
          "test-sign", "--signer-user", "root", "--method", "both", "--check-dns", "--dns-server",
          server.server,
        ] + dnssec + [sandbox.join("message.eml")])
      #expect(sign.status == (expected.letter == "A" ? 0 : 1), "\(expected): \(sign)")
    }
  }

  // The same tampered zone without --dnssec: the key matches, so the bogus verdicts above
  // come from validation, not from the zone.
  @Test func withoutDNSSECATamperedZoneStillMatches() throws {
    let fixture = try Fixture()
    defer { fixture.box.remove() }
    let (zone, _) = try fixture.zone("tampered signature")
    let server = try LoopbackDNS.named(zone: zone, origin: "example.com")
    defer { server.stop() }
    let check = try fixture.box.check(server)
    #expect(check.status == 0, "\(check)")
    #expect(check.stdoutText.hasPrefix("example.com: ok: private matches;"), "\(check)")
    #expect(!check.stdoutText.contains("dnssec"), "\(check)")
  }
}
