import Testing

@testable import LibCrypto

@Suite struct PEMBlockTests {
  private static let body = "MCowBQYDK2VwAyEA"

  @Test func readsTheFirstBlockAfterLeadingText() throws {
    let pem = "comment\n-----BEGIN PUBLIC KEY-----\n\(Self.body)\n-----END PUBLIC KEY-----\n"
    let block = try #require(PEMBlock(firstIn: Array(pem.utf8)))
    #expect(block.label == "PUBLIC KEY")
    #expect(block.der == Base64.decode(Self.body))
  }

  @Test func acceptsCRLFLineEnds() throws {
    let pem = "-----BEGIN X-----\r\n\(Self.body)\r\n-----END X-----\r\n"
    #expect(PEMBlock(firstIn: Array(pem.utf8))?.der == Base64.decode(Self.body))
  }

  @Test(arguments: [
    "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\n\(body)\n-----END X-----\n",
    "-----BEGIN X-----\n\n\(body)\n-----END X-----\n",
    "-----BEGIN X-----\n\(body) \n-----END X-----\n",
    "-----BEGIN X-----\n\(body)\n-----END Y-----\n",
    "-----BEGIN X-----\n\(body)\n",
    "-----BEGIN X----- \n\(body)\n-----END X-----\n",
    "----- not a begin line\n-----BEGIN X-----\n\(body)\n-----END X-----\n",
    "-----BEGIN X-----\n-----END X-----\n",
  ])
  func leavesUnusualDocumentsToOpenSSL(pem: String) {
    #expect(PEMBlock(firstIn: Array(pem.utf8)) == nil)
  }
}
