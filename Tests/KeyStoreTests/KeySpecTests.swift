import KeyStore
import Testing

@Suite struct KeySpecTests {
  @Test func defaultsToRSA2048() throws {
    let spec = try KeySpec(algorithmName: "rsa", bits: nil)
    #expect(spec.bits == 2048)
    #expect(!spec.isLegacySize)
    #expect(spec.description == "rsa 2048")
  }

  @Test(arguments: [2048, 3072, 4096])
  func acceptsModernSizes(bits: Int) throws {
    #expect(try KeySpec(algorithmName: "RSA", bits: bits).bits == bits)
  }

  @Test func sizesUnder2048NeedTheLegacyOption() throws {
    #expect(throws: KeyStoreError.self) { try KeySpec(algorithmName: "rsa", bits: 1024) }
    #expect(throws: KeyStoreError.self) { try KeySpec(algorithmName: "rsa", bits: 384) }
    let legacy = try KeySpec(algorithmName: "rsa", bits: 1024, allowLegacySize: true)
    #expect(legacy.isLegacySize && !legacy.isWeak)
    #expect(try KeySpec(algorithmName: "rsa", bits: 512, allowLegacySize: true).isWeak)
  }

  @Test func messagesNameTheOption() {
    #expect(throws: KeyStoreError.self) { try KeySpec(algorithmName: "rsa", bits: 768) }
    do {
      _ = try KeySpec(algorithmName: "rsa", bits: 768)
    } catch {
      #expect(
        error.description
          == "unusable rsa key size 768: dkim verifiers refuse keys under 1024 bits (rfc 8301):"
          + " use --bits 2048, or add --legacy-key-size for a test key")
    }
  }

  @Test(arguments: [0, 256, 383, 4097, 8192])
  func refusesSizesOutOfRangeEvenWithLegacy(bits: Int) {
    #expect(throws: KeyStoreError.self) {
      try KeySpec(algorithmName: "rsa", bits: bits, allowLegacySize: true)
    }
  }

  @Test func ed25519HasNoSize() throws {
    #expect(try KeySpec(algorithmName: "ed25519", bits: nil).bits == 256)
    #expect(throws: KeyStoreError.self) { try KeySpec(algorithmName: "ed25519", bits: 2048) }
    #expect(throws: KeyStoreError.invalidAlgorithm("dsa")) {
      try KeySpec(algorithmName: "dsa", bits: nil)
    }
  }
}

@Suite struct KeySpecWarningTests {
  @Test func warnsAboutLegacySizesAndEd25519() throws {
    #expect(try KeySpec(algorithmName: "rsa", bits: 2048).warning == nil)
    #expect(
      try KeySpec(algorithmName: "rsa", bits: 1024, allowLegacySize: true).warning
        == "rsa 1024 is below the 2048 bits rfc 8301 recommends")
    #expect(
      try KeySpec(algorithmName: "rsa", bits: 768, allowLegacySize: true).warning
        == "rsa 768 is for tests only: dkim verifiers refuse keys under 1024 bits")
    #expect(
      try KeySpec(algorithmName: "ed25519", bits: nil).warning?.hasPrefix("ed25519 is DKIM-only")
        == true)
  }
}
