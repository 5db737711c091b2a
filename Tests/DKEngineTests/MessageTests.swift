import Testing

@testable import DKEngine

struct MessageTests {
  @Test func splitsFieldsFoldsAndBody() {
    let message = Message(bytes: Array("From: a@b\nSubject: x\n y\n\nbody\n".utf8))
    #expect(message.lineEndings == .qmail)
    #expect(message.fields.map(\.lowercasedName) == ["from", "subject"])
    #expect(message.headerBytes[message.fields[1].range] == Array("Subject: x\n y".utf8))
    #expect(message.bodyBytes[message.bodyRange] == Array("body\n".utf8))
  }

  @Test func detectsCRLFFromTheFirstLine() {
    let message = Message(bytes: Array("From: a@b\r\n\r\nbody\r\n".utf8))
    #expect(message.lineEndings == .crlf)
    #expect(message.bodyStart == 13)
  }

  @Test func headerOnlyMessageHasNoBody() {
    let message = Message(bytes: Array("From: a@b\nTo: c@d".utf8))
    #expect(message.bodyStart == nil)
    #expect(message.bodyRange.isEmpty)
    #expect(message.fields.count == 2)
  }

  @Test func spaceBeforeColonIsNotedForLibdomainkeys() {
    let message = Message(bytes: Array("From : a@b\n\n".utf8))
    #expect(message.fields[0].lowercasedName == "from")
    #expect(!message.fields[0].colonFollowsName)
  }

  @Test func prependingCopiesTheHeaderAndSharesTheBody() {
    let message = Message(bytes: Array("From: a@b\r\nTo: c@d\r\n\r\nbody\r\n".utf8))
    let signed = message.prepending(Array("X-Sig: 1\r\n".utf8)).prepending(Array("Y: 2\r\n".utf8))
    #expect(signed.fields.map(\.lowercasedName) == ["y", "x-sig", "from", "to"])
    #expect(signed.lineEndings == .crlf)
    #expect(
      signed.headerBytes.array == Array("Y: 2\r\nX-Sig: 1\r\nFrom: a@b\r\nTo: c@d\r\n\r\n".utf8))
    #expect(signed.bodyRange == message.bodyRange)
    #expect(signed.bodyBytes[signed.bodyRange] == Array("body\r\n".utf8))
    let headerOnly = Message(bytes: Array("From: a@b".utf8)).prepending(Array("X: 1\n".utf8))
    #expect(headerOnly.fields.map(\.lowercasedName) == ["x", "from"])
    #expect(headerOnly.bodyRange.isEmpty)
  }

  @Test func arbitraryBytesNeverCrash() {
    let alphabet: [UInt8] = [0, 10, 13, 32, 9, 58, 59, 61, 65, 0xFF]
    for _ in 0..<200 {
      let bytes: [UInt8] = (0..<Int.random(in: 0..<300)).map { _ in
        alphabet.randomElement() ?? 0
      }
      let message = Message(bytes: bytes)
      #expect(message.bodyRange.upperBound == bytes.count)
    }
  }
}
