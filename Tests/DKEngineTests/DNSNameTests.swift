import LibCrypto
import Testing

@testable import DKEngine

/// Names from a message (From:, Sender:, d=, s=) are checked by the one validator before
/// they become part of a key path, so a hostile name never touches the file system.
struct DNSNameTests {
  @Test(arguments: [
    "../../etc", "example.com/../../etc", "a/b.example", "ex\0ample.com", "..", "",
    "example..com", "-x.example", "x_y.example", "bücher.example", "localhost",
  ])
  func refusesDomainsThatAreNoHostname(name: String) {
    #expect(!DNSName.isDomain(name))
  }

  @Test func keepsCaseAndAcceptsHostnames() {
    #expect(DNSName.isDomain("EXAMPLE.COM"))
    #expect(DNSName.isDomain("xn--bcher-kva.example"))
    #expect(DNSName.isSelector("Mail2026"))
    #expect(!DNSName.isSelector("a.b"))
    #expect(!DNSName.isSelector("../private"))
    #expect(
      DNSName.problem(inDomain: "a/b.com")
        == "\"/\" is not allowed (only letters, digits, - and dots between labels)")
  }

  // d=../../../outside would name <keys>/../../../outside/private: a real file outside.
  @Test(arguments: [
    ("../../../outside", "private"), ("example.com", "../../outside"),
    ("example.com\0", "private"), ("example.com", "pri/vate"),
  ])
  func localKeyResolverNeverReadsAHostileName(domain: String, selector: String) {
    var read: [String] = []
    let resolver = LocalKeyResolver { selector, domain in
      read.append("\(domain)/\(selector)")
      return .contents((try? TestKeys.rsa1024.pkcs8PEM()) ?? [])
    }
    guard case .notFound = resolver.lookup(selector: selector, domain: domain) else {
      Issue.record("found a key for \(domain)/\(selector)")
      return
    }
    #expect(read.isEmpty)
    guard case .found = resolver.lookup(selector: "private", domain: "example.com") else {
      Issue.record("no key for example.com/private")
      return
    }
    #expect(read == ["example.com/private"])
  }

  @Test func signingNeverProbesAPathForAHostileSenderDomain() {
    var read: [String] = []
    let message = Message("From: a@x/../../../outside\nSubject: hi\n\nHello\n")
    let result = QmailDK.signingKey(
      for: message, template: "/var/qmail/control/domainkeys/%/private",
      readKey: {
        read.append($0); return .contents([])
      })
    #expect(read.isEmpty)
    guard case .failure(let refusal) = result else {
      Issue.record("signed with a hostile domain")
      return
    }
    #expect(refusal.action == .unsignedMissingKey(path: refusal.keyPath ?? ""))
    #expect(refusal.reason?.contains("is not a domain name") == true)
  }

  @Test func dryRunRefusesAHostileSelectorBeforeAnyRead() {
    var read: [String] = []
    var request = SignRequest(
      message: Array("From: a@example.com\n\nhi\n".utf8), environment: QmailDKEnvironment([:]),
      now: 0)
    request.selectors = ["../../outside"]
    #expect(throws: DKEngineError.self) {
      try DryRun.sign(
        request,
        readKey: {
          read.append($0); return .notFound
        })
    }
    #expect(read.isEmpty)
  }
}
