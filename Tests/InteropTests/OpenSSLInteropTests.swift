import Foundation
import LibCrypto
import TestSupport
import Testing

/// LibCrypto against `/usr/bin/openssl`: the same keys, the same public key bytes.
@Suite(
  .enabled(if: RealBinary.missingReason("openssl") == nil, "not installed: openssl"))
struct OpenSSLInteropTests {
  static func openssl(_ arguments: [String], stdin: [UInt8] = []) throws -> [UInt8] {
    let path = try #require(RealBinary.find("openssl"))
    let result = try ProcessRunner.run(path, arguments, stdin: stdin)
    try #require(result.status == 0, "openssl \(arguments.joined(separator: " ")): \(result)")
    return result.stdout
  }

  @Test(arguments: ["rsa2048", "ed25519"])
  func openSSLDerivesTheSamePublicKey(kind: String) throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let key =
      kind == "rsa2048" ? try PrivateKey.generateRSA(bits: 2048) : try PrivateKey.generateEd25519()
    try tmp.write(key.pkcs8PEM(), to: "key.pem")
    let theirs = try Self.openssl([
      "pkey", "-in", tmp.join("key.pem"), "-pubout", "-outform", "DER",
    ])
    #expect(try key.publicKey().subjectPublicKeyInfoDER() == theirs)
    if key.algorithm == .ed25519 {
      #expect(try key.publicKey().ed25519Raw() == Array(theirs.suffix(32)))
    }
  }

  @Test(arguments: [["-traditional"], []])
  func loadsKeysOpenSSLGenerates(extra: [String]) throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    _ = try Self.openssl(["genrsa"] + extra + ["-out", tmp.join("key.pem"), "1024"])
    let pem = try tmp.read("key.pem")
    let header = extra.isEmpty ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN RSA PRIVATE KEY-----"
    #expect(String(decoding: pem, as: UTF8.self).hasPrefix(header))
    let key = try PrivateKey(pem: pem)
    let theirs = try Self.openssl([
      "pkey", "-in", tmp.join("key.pem"), "-pubout", "-outform", "DER",
    ])
    #expect(try key.publicKey().subjectPublicKeyInfoDER() == theirs)
  }

  @Test func signaturesCrossBothWays() throws {
    let tmp = try TempDirectory()
    defer { tmp.remove() }
    let key = try PrivateKey.generateRSA(bits: 2048)
    try tmp.write(key.pkcs8PEM(), to: "key.pem")
    let message = Array("DKIM-Signature: v=1; a=rsa-sha256\r\n".utf8)
    try tmp.write(message, to: "message")
    let digest = try DigestContext.hash(.sha256, message)
    let theirs = try Self.openssl(
      ["dgst", "-sha256", "-sign", tmp.join("key.pem"), tmp.join("message")])
    #expect(try key.publicKey().verifyRSA(signature: theirs, digest: digest, algorithm: .sha256))
    // PKCS#1 v1.5 is deterministic, so our signature must equal theirs byte for byte.
    #expect(try key.signRSA(digest: digest, algorithm: .sha256) == theirs)
  }
}
