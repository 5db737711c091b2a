import Foundation
import KeyStore
import LibCrypto
import TestSupport
import Testing

/// Our key files through the real `openssl pkey`, and keys openssl made through our store.
@Suite(.enabled(if: RealBinary.missingReason("openssl") == nil, "not installed: openssl"))
struct KeyStoreOpenSSLTests {
  @Test(arguments: ["rsa", "ed25519"])
  func opensslLoadsOurKeysAndAgreesWithOurP(algorithm: String) throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    let result = try tree.add(algorithm: algorithm)
    _ = try KeyTree.run("openssl", ["pkey", "-in", result.keyPath, "-noout"])
    let der = try KeyTree.run(
      "openssl", ["pkey", "-in", result.keyPath, "-pubout", "-outform", "DER"]
    ).stdout
    let published = algorithm == "rsa" ? der : Array(der.suffix(32))
    #expect(result.records.keyRecord.publicKeyBase64 == Base64.encode(published))
    let recordFile = try String(contentsOfFile: result.recordPath, encoding: .utf8)
    #expect(recordFile == "v=DKIM1; k=\(algorithm); p=\(Base64.encode(published))\n")
  }

  // dknewkey on OpenSSL 1.x wrote PKCS#1; on OpenSSL 3 with a size, PKCS#8.
  @Test(arguments: [["-traditional"], []])
  func handMadeDknewkeyLayoutIsRecognised(extra: [String]) throws {
    let tree = try KeyTree()
    defer { tree.remove() }
    let directory = tree.store.path + "/example.com"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = try KeyTree.run("openssl", ["genrsa"] + extra + ["-out", directory + "/private", "1024"])
    let pem = try KeyTree.run(
      "openssl", ["rsa", "-in", directory + "/private", "-pubout", "-outform", "PEM"]
    ).stdoutText
    let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    try "private._domainkey\tIN\tTXT\t\"k=rsa; p=\(body)\"\n".write(
      toFile: directory + "/public.txt", atomically: false, encoding: .utf8)
    let inventory = try tree.store.inventory(group: tree.groupName)
    let key = try #require(inventory.domains.first?.keys.first)
    #expect(key.key?.spec == "rsa 1024")
    #expect(key.recordPath == directory + "/public.txt")
    #expect(!key.problems.contains { $0.contains("record file") }, "\(key.problems)")
    let set = try tree.store.records(
      domain: DomainName("example.com"), selector: .toasterDefault, options: RecordOptions())
    #expect(set.keyRecord.publicKeyBase64 == body)
  }
}
