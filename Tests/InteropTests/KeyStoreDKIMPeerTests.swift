import Foundation
import KeyStore
import LibCrypto
import TestSupport
import Testing

/// Real signers and verifiers using our key files with our record text as their DNS answer.
struct KeyStoreDKIMPeerTests {
  static let message = Array(
    "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: key store\r\n\r\nHello.\r\n"
      .utf8)

  @Test(
    .enabled(if: DKPeer.dkimpyMissing == nil, "\(DKPeer.dkimpyMissing ?? "")"),
    arguments: ["rsa", "ed25519"])
  func dkimpySignsWithOurKeyAndVerifiesWithOurRecord(algorithm: String) throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    let result = try tree.add(selector: "s1", algorithm: algorithm)
    let output = try KeyTree.run(
      "python3",
      [
        DKPeer.scripts + "/keystore-dkimpy.py", result.keyPath, result.recordPath, "s1",
        "example.com", algorithm == "rsa" ? "rsa-sha256" : "ed25519-sha256",
      ], stdin: Self.message)
    #expect(output.stdoutText == "pass\n", "\(output)")
  }

  // libdomainkeys ignores unknown tags such as v=; Mail::DKIM's DomainKeys verifier must too.
  @Test(.enabled(if: DKPeer.mailDKIMMissing == nil, "\(DKPeer.mailDKIMMissing ?? "")"))
  func mailDKIMVerifiesDomainKeysAndDKIMWithOneRecord() throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    let result = try tree.add()
    let key = try PrivateKey(pem: Array(try Data(contentsOf: URL(fileURLWithPath: result.keyPath))))
    let record = result.records.key.value
    for (mode, method, algorithm, prefix) in [
      ("sign-dk", "nofws", "rsa-sha1", "DomainKey pass"),
      ("sign-dkim", "relaxed/relaxed", "rsa-sha256", "DKIM pass"),
    ] {
      let field = try DKPeer.mailDKIMSign(
        Self.message, key: key, mode: mode, selector: "private", domain: "example.com",
        method: method, algorithm: algorithm)
      let signed = Array((field + "\r\n").utf8) + Self.message
      let verdicts = try DKPeer.mailDKIMVerify(signed, record: record)
      #expect(verdicts.first?.hasPrefix(prefix) == true, "\(mode): \(verdicts)")
    }
  }
}
