import Testing

@testable import LibCrypto

@Suite struct OpenSSLErrorQueueTests {
  @Test func entryWithoutOpenSSLsTextSaysWhereToFindTheReason() {
    let line = "error:1E08010C:lib(30)::reason(268)"
    #expect(
      OpenSSLErrorQueue.entry(line, reasonKnown: false, data: nil, location: "a.c:7")
        == "error:1E08010C:lib(30)::reason(268) at a.c:7 (openssl errstr gives the reason)")
    #expect(
      OpenSSLErrorQueue.entry(line, reasonKnown: true, data: "Type=RSA", location: nil)
        == "error:1E08010C:lib(30)::reason(268) (Type=RSA)")
  }

  // This test process starts libcrypto the default way, with its texts.
  @Test func failureInAProcessWithOpenSSLsTextsCarriesTheReasonInWords() throws {
    let damaged = Array("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n".utf8)
    #expect {
      _ = try PrivateKey(pem: damaged)
    } throws: { error in
      guard case .openssl(_, let stack) = error as? LibCryptoError else { return false }
      return !stack.isEmpty && stack.allSatisfy { !$0.contains("openssl errstr") }
        && stack.contains { $0.contains("routines") }
    }
  }
}
