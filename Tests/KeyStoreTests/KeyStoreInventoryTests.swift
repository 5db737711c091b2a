import Foundation
import KeyStore
import LibCrypto
import Testing

@Suite struct KeyStoreInventoryTests {
  // What dknewkey + the QmailToaster instructions leave: private (PKCS#1 on OpenSSL 1.x),
  // public.txt with a tinydns line naming example.com, mode 0444.
  func makeHandMade(_ box: KeySandbox, bits: Int = 1024) throws -> PrivateKey {
    let key = try PrivateKey.unsafeGenerateLegacyRSA(bits: bits)
    let p = Base64.encode(try key.publicKey().subjectPublicKeyInfoDER())
    try box.tmp.write(try key.pkcs8PEM(), to: "var/qmail/control/domainkeys/legacy.example/private")
    try box.tmp.write(
      "'private._domainkey.example.com:k=rsa; p=\(p)\n",
      to: "var/qmail/control/domainkeys/legacy.example/public.txt")
    chmod(box.path("legacy.example/private"), 0o444)
    return key
  }

  @Test func recognisesTheHandMadeLayoutAndFlagsWeakKeys() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    _ = try makeHandMade(box, bits: 512)
    let inventory = try box.store.inventory(
      group: box.ownership.groupName, signerNames: box.signers)
    let domain = try #require(inventory.domains.first)
    #expect(domain.name == "legacy.example")
    let key = try #require(domain.keys.first)
    #expect(domain.keys.count == 1)
    #expect(key.selector == "private")
    #expect(key.recordPath == box.path("legacy.example/public.txt"))
    #expect(key.key?.spec == "rsa 512")
    #expect(key.key?.isWeak == true)
    #expect(!key.matchesConvention)
    #expect(
      key.problems.contains {
        $0.hasPrefix("permissions 0444 ") && $0.hasSuffix("fix-perms legacy.example")
      })
    #expect(
      key.problems.contains {
        $0.hasPrefix("512-bit rsa key: dkim verifiers refuse keys under 1024 bits")
      })
    #expect(
      key.problems.last
        == "record file public.txt is for private._domainkey.example.com, not"
        + " private._domainkey.legacy.example (old dknewkey printed a placeholder):"
        + " publish toaster-dk domain dns legacy.example instead")
    #expect(!key.problems.contains { $0.contains("does not match") })
  }

  @Test func fingerprintIsSHA256OfTheDERPublicKey() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    let key = try makeHandMade(box)
    let digest = try DigestContext.hash(.sha256, key.publicKey().subjectPublicKeyInfoDER())
    let hex = digest.map { String(format: "%02x", $0) }.joined()
    let report = try box.store.inventory(group: box.ownership.groupName, signerNames: box.signers)
    #expect(report.domains.first?.keys.first?.key?.fingerprint == "sha256:" + hex)
  }

  @Test func reportsEmptyCorruptAndMismatchedFiles() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try box.tmp.write([UInt8](), to: "var/qmail/control/domainkeys/example.com/empty")
    try box.tmp.write(
      "-----BEGIN PRIVATE KEY-----\nAAAA\n", to: "var/qmail/control/domainkeys/example.com/junk")
    try box.tmp.write(
      "v=DKIM1; k=rsa; p=AAAA\n", to: "var/qmail/control/domainkeys/example.com/private.txt")
    let keys = try box.store.inventory(
      domain: DomainName("example.com"), group: box.ownership.groupName
    )
    .domains[0].keys
    #expect(keys.map(\.selector) == ["empty", "junk", "private"])
    #expect(
      keys[0].problems.contains {
        $0.hasPrefix("empty key file (old dknewkey on openssl 3 leaves one)")
      })
    #expect(
      keys[1].problems.contains {
        $0.hasPrefix("unable to load the key: unable to read pem private key")
      })
    #expect(
      keys[2].problems.last
        == "record file private.txt does not match the key: publish toaster-dk domain dns example.com instead"
    )
  }

  @Test func symlinksAreReportedNotFollowed() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    try FileManager.default.createSymbolicLink(
      atPath: box.path("link.example"), withDestinationPath: "/etc")
    let inventory = try box.store.inventory(
      group: box.ownership.groupName, signerNames: box.signers)
    #expect(inventory.domains.map(\.name) == ["example.com"])
    #expect(
      inventory.problems == [
        "\(box.path("link.example")) is a symbolic link to no domain directory beside it, not"
          + " followed: move it out of the key directory"
      ])
    #expect(throws: KeyStoreError.symbolicLink(path: box.path("link.example"))) {
      try box.store.inventory(domain: DomainName("link.example"))
    }
  }

  @Test func missingConventionGroupIsAProblemNotAFailure() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    try box.add("example.com")
    let inventory = try box.store.inventory(group: "no-such-group-here")
    #expect(
      inventory.problems.first?.hasPrefix(
        "cannot check ownership: group no-such-group-here does not exist") == true)
    #expect(inventory.domains[0].keys[0].matchesConvention)
  }

  @Test func missingKeyDirectoryAndDomain() throws {
    let box = try KeySandbox()
    defer { box.remove() }
    #expect(throws: KeyStoreError.missingKeyDirectory(path: box.keys)) { try box.store.inventory() }
    try box.add("example.com")
    #expect(throws: KeyStoreError.noSuchDomain(path: box.path("other.com"), domain: "other.com")) {
      try box.store.inventory(domain: DomainName("other.com"))
    }
    #expect(
      throws: KeyStoreError.noSuchKey(path: box.path("example.com/sel"), domain: "example.com")
    ) {
      try box.store.records(
        domain: DomainName("example.com"), selector: SelectorName("sel"), options: RecordOptions())
    }
  }
}
