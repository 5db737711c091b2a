import LibCrypto
import Testing

@testable import DKEngine

/// Memory owned elsewhere, as a mapped file is, recording the release hints it gets.
private final class Owner {
  let buffer: UnsafeMutableRawBufferPointer
  var released: [Range<Int>] = []

  init(_ bytes: [UInt8]) {
    buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
    buffer.copyBytes(from: bytes)
  }

  deinit { buffer.deallocate() }

  var messageBytes: MessageBytes {
    MessageBytes(unsafeBorrowing: UnsafeRawBufferPointer(buffer), owner: self) { [unowned self] in
      self.released.append($0)
    }
  }
}

struct MessageBytesTests {
  static let big: [UInt8] = {
    let header = Array("From: Alice <alice@example.com>\nSubject: big\n\n".utf8)
    let line = Array((String(repeating: "0123456789 ", count: 7) + "\n").utf8)
    return header + Array([[UInt8]](repeating: line, count: 60_000).joined())
  }()

  @Test func borrowedBytesSignAndVerifyAsAnArrayDoes() throws {
    let owner = Owner(Self.big)
    let request = SignRequest(
      message: owner.messageBytes, environment: QmailDKEnvironment([:]), now: 1_700_000_000)
    var signing = request
    (signing.key, signing.domain, signing.selector) = (
      try TestKeys.rsa2048.pkcs8PEM(), "example.com", "s"
    )
    signing.method = .both
    let report = try DryRun.sign(signing) { _ in .notFound }
    var arrayRequest = signing
    arrayRequest.message = MessageBytes(Self.big)
    let arrayReport = try DryRun.sign(arrayRequest) { _ in .notFound }
    #expect(report.headers == arrayReport.headers)
    #expect(report.selfCheck?.domainKeys.status == .ok)
    #expect(report.selfCheck?.dkim.map(\.verdict) == [.pass])
    #expect(report.output == report.headers + Self.big)
  }

  @Test func aPassOverTheBodyReleasesItInChunksToTheEnd() throws {
    let owner = Owner(Self.big)
    let message = Message(bytes: owner.messageBytes)
    let signer = try DKIMSigner(key: TestKeys.rsa2048, domain: "example.com", selector: "s")
    _ = try signer.sign(message, at: 0)
    let released = owner.released
    #expect(released.count >= 4)
    #expect(released.first?.lowerBound == message.bodyRange.lowerBound)
    #expect(released.last?.upperBound == Self.big.count)
    #expect(zip(released, released.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(released.dropLast().allSatisfy { $0.count >= MessageBytes.releaseChunk })
  }

  @Test func chunksCoverEveryByteOnceAndAreReleased() throws {
    let owner = Owner(Self.big)
    var copy: [UInt8] = []
    owner.messageBytes.forEachChunk(size: 100_000) { copy.append(contentsOf: $0) }
    #expect(copy == Self.big)
    #expect(owner.released.count == (Self.big.count + 99_999) / 100_000)
    #expect(MessageBytes(Self.big).array == Self.big)
    #expect(MessageBytes([1, 2, 3])[1..<3] == [2, 3])
  }
}
