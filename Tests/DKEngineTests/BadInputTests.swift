import LibCrypto
import TestSupport
import Testing

@testable import DKEngine

/// Arbitrary bytes must give a result or a clear error: never a crash or a hang.
struct BadInputTests {
  static let resolver = StaticKeyResolver(record: TestKeys.rsaRecord(TestKeys.rsa1024))
  let dkim = DKIMVerifier(resolver: Self.resolver, now: 1_700_000_000)
  let domainKeys = DomainKeysVerifier(resolver: Self.resolver)

  // One DKIM result per DKIM-Signature field the parser found (a single `none` without
  // one), and a signing failure is a typed DomainKeys status, never another error.
  @discardableResult
  private func judge(_ bytes: [UInt8]) -> (DKStatus, [String]) {
    let message = Message(bytes: bytes)
    let status = domainKeys.verify(message).status
    let results = dkim.verify(message)
    let fields = message.fieldIndexes(named: "dkim-signature").count
    #expect(results.count == max(1, fields))
    #expect(results.allSatisfy { ($0.verdict == .none) == (fields == 0) })
    do {
      _ = try DomainKeysSigner(key: TestKeys.rsa1024, selector: "s").sign(message)
    } catch {
      guard case .domainKeysSigningFailed = error else {
        Issue.record("signing failed with \(error), not a DomainKeys status")
        return (status, results.map(\.verdict.word))
      }
    }
    return (status, results.map(\.verdict.word))
  }

  // None of these carries a usable signature: nothing verifies, and each malformed
  // signature is a permanent error rather than a crash or a pass.
  @Test func pathologicalShapes() {
    let unsigned: [[UInt8]] = [
      [], [0, 0, 0, 10, 10, 0], Array(repeating: UInt8(ascii: "A"), count: 1 << 20),
      Array("Subject: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 1 << 20) + [10, 10],
      Array(String(repeating: "X-H: v\n", count: 5000).utf8) + Array("\nbody\n".utf8),
      Array(String(repeating: " folded\n", count: 2000).utf8),
    ]
    for bytes in unsigned {
      let (status, dkimWords) = judge(bytes)
      #expect(status == .noSignature)
      #expect(dkimWords == ["none"])
    }
    let malformed: [[UInt8]] = [
      Array("DKIM-Signature: v=1; v=1\nDomainKey-Signature: a=a; a=b\n\n".utf8),
      Array("DKIM-Signature: ;;;==;=\nDomainKey-Signature: ;;==\nFrom: (((\n\n".utf8),
      Array(
        ("DKIM-Signature: v=1; a=rsa-sha256; d=x; s=y; bh=!!!; b=@@@; h="
          + String(repeating: "from:", count: 20_000) + "\nFrom: a@x\n\n").utf8),
    ]
    for bytes in malformed {
      let (status, dkimWords) = judge(bytes)
      #expect(status != .ok)
      #expect(dkimWords == ["permerror"])
    }
    let (status, _) = judge(
      Array("DomainKey-Signature: a=rsa-sha1; d=x; s=y; b=***\nFrom: a@x\n\nz".utf8))
    #expect(status != .ok && status != .noSignature)
  }

  @Test func mutatedSignedMessagesNeverCrash() throws {
    let text = "From: Alice <alice@example.com>\nSubject: hi\n\nHello\n"
    let dk = try DomainKeysSigner(key: TestKeys.rsa1024, selector: "s").sign(Message(text))
    let dkimSignature = try DKIMSigner(key: TestKeys.rsa1024, domain: "example.com", selector: "s")
      .sign(Message(text), at: 1_700_000_000)
    let seed = dkimSignature.prependedHeader + dk.prependedHeaders() + Array(text.utf8)
    let alphabet: [UInt8] = [0, 9, 10, 13, 32, 58, 59, 61, 64, 40, 41, 34, 60, 62, 0xFF]
    var generator = SeededGenerator(seed: 4)
    for _ in 0..<1_500 {
      var bytes = seed
      for _ in 0..<Int(generator.next() % 6 + 1) {
        let position = Int(generator.next() % UInt64(max(1, bytes.count)))
        switch generator.next() % 4 {
        case 0: bytes[min(position, bytes.count - 1)] = alphabet[Int(generator.next() % 15)]
        case 1: bytes.insert(alphabet[Int(generator.next() % 15)], at: position)
        case 2: bytes.removeSubrange(position..<min(bytes.count, position + 7))
        default:
          bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 40)], at: position)
        }
        if bytes.isEmpty { bytes = seed }
      }
      judge(bytes)
      _ = try? TagList(parsing: bytes.prefix(200), dialect: .dkim)
      _ = try? TagList(parsing: bytes.prefix(200), dialect: .domainKeys)
    }
  }
}
