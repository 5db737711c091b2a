import Testing

@testable import DKEngine

struct CanonicalizationTests {
  private func dk(_ text: String, _ algorithm: Canonicalization, endings: LineEndings? = nil)
    -> String
  {
    let message = Message(bytes: Array(text.utf8), lineEndings: endings)
    var sink = CollectingSink()
    let canonicalizer = DomainKeysCanonicalizer(
      algorithm: algorithm, lineEndings: message.lineEndings)
    message.headerBytes.withUnsafeBufferPointer { buffer in
      for field in message.fields { canonicalizer.writeHeader(field, of: buffer, to: &sink) }
      canonicalizer.writeBody(message.bodyRange, of: buffer, to: &sink)
    }
    return String(decoding: sink.bytes, as: UTF8.self)
  }

  private func dkimBody(_ text: String, _ algorithm: Canonicalization) -> String {
    let message = Message(bytes: Array(text.utf8))
    var sink = CollectingSink()
    let canonicalizer = DKIMCanonicalizer(
      header: .simple, body: algorithm, lineEndings: message.lineEndings)
    message.headerBytes.withUnsafeBufferPointer { buffer in
      canonicalizer.writeBody(message.bodyRange, of: buffer, to: &sink)
    }
    return String(decoding: sink.bytes, as: UTF8.self)
  }

  private func dkimHeader(_ text: String, _ algorithm: Canonicalization) -> String {
    let message = Message(bytes: Array(text.utf8))
    var sink = CollectingSink()
    let canonicalizer = DKIMCanonicalizer(
      header: algorithm, body: .simple, lineEndings: message.lineEndings)
    message.headerBytes.withUnsafeBufferPointer { buffer in
      for field in message.fields {
        canonicalizer.writeHeader(field.range, colon: field.colon, of: buffer, to: &sink)
      }
    }
    return String(decoding: sink.bytes, as: UTF8.self)
  }

  @Test func domainKeysNoFWSJoinsFoldsAndDropsWhitespace() {
    let text = "From: A <a@example.com>\nSubject: one\n\ttwo\n\n hello  world \n\n\n"
    #expect(dk(text, .nofws) == "From:A<a@example.com>\r\nSubject:onetwo\r\n\r\nhelloworld\r\n")
  }

  @Test func domainKeysSimpleKeepsFoldsAsCRLF() {
    let text = "From: a@example.com\nSubject: one\n\ttwo\n\nbody\n"
    #expect(dk(text, .simple) == "From: a@example.com\r\nSubject: one\r\n\ttwo\r\n\r\nbody\r\n")
  }

  @Test func domainKeysAppendsCRLFWithoutFinalNewline() {
    #expect(dk("From: a@b\n\n12", .simple) == "From: a@b\r\n\r\n12\r\n")
    #expect(dk("From: a@b\r\n\r\n12", .nofws) == "From:a@b\r\n\r\n12\r\n")
  }

  @Test func domainKeysDropsSeparatorWhenBodyIsOnlyEmptyLines() {
    #expect(dk("From: a@b\n\n\n\n", .simple) == "From: a@b\r\n")
    #expect(dk("From: a@b\n\n \t\n", .nofws) == "From:a@b\r\n")
    #expect(dk("From: a@b\n", .simple) == "From: a@b\r\n")
    #expect(dk("From: a@b", .simple) == "From: a@b\r\n")
  }

  @Test func domainKeysKeepsInteriorEmptyLines() {
    #expect(
      dk("From: a@b\n\none\n\n\ntwo\n\n", .simple) == "From: a@b\r\n\r\none\r\n\r\n\r\ntwo\r\n")
  }

  @Test func qmailModeTurnsAStoredCRIntoContent() {
    // qmail-dk feeds a stored CR LF as CR CR LF: simple keeps the CR, nofws drops it.
    let text = "From: a@b\n\nline\r\n"
    #expect(dk(text, .simple, endings: .qmail) == "From: a@b\r\n\r\nline\r\r\n")
    #expect(dk(text, .nofws, endings: .qmail) == "From:a@b\r\n\r\nline\r\n")
    #expect(dk("From: a@b\r\n\r\nline\r\n", .simple) == "From: a@b\r\n\r\nline\r\n")
  }

  @Test func dkimSimpleBody() {
    #expect(dkimBody("A: b\n\n", .simple) == "\r\n")
    #expect(dkimBody("A: b", .simple) == "\r\n")
    #expect(dkimBody("A: b\n\n x \n\n\n", .simple) == " x \r\n")
    #expect(dkimBody("A: b\n\nno newline", .simple) == "no newline\r\n")
  }

  @Test func dkimRelaxedBody() {
    #expect(dkimBody("A: b\n\n", .relaxed) == "")
    #expect(dkimBody("A: b\n\n \t\n\n", .relaxed) == "")
    #expect(dkimBody("A: b\n\n a  \t b \t\n\nc\n\n", .relaxed) == " a b\r\n\r\nc\r\n")
  }

  @Test func dkimRelaxedHeader() {
    #expect(
      dkimHeader("SUBJect \t:  A  \n\t b \nX:\n", .relaxed) == "subject:A b\r\nx:\r\n")
    #expect(dkimHeader("Subject: A  \n\t b \n", .simple) == "Subject: A  \r\n\t b \r\n")
  }

  @Test func rfc6376Section3_4_5Example() {
    let text = "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n"
    #expect(dkimHeader(text, .relaxed) == "a:X\r\nb:Y Z\r\n")
    #expect(dkimBody(text, .relaxed) == " C\r\nD E\r\n")
    #expect(dkimHeader(text, .simple) == "A: X\r\nB : Y\t\r\n\tZ  \r\n")
    #expect(dkimBody(text, .simple) == " C \r\nD \t E\r\n")
  }
}
