import Testing

@testable import DKEngine

struct MessageTests {
  @Test func splitsFieldsFoldsAndBody() {
    let message = Message(bytes: Array("From: a@b\nSubject: x\n y\n\nbody\n".utf8))
    #expect(message.lineEndings == .qmail)
    #expect(message.fields.map(\.lowercasedName) == ["from", "subject"])
    #expect(Array(message.bytes[message.fields[1].range]) == Array("Subject: x\n y".utf8))
    #expect(Array(message.bytes[message.bodyRange]) == Array("body\n".utf8))
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
