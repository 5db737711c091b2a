import DNS
import DomainCheck
import KeyStore
import LibCrypto

/// Local keys and the answers DNS might give for them, built in memory.
enum Keys {
  static let rsa2048 = make(bits: 2048)
  static let other2048 = make(bits: 2048)
  static let rsa4096 = make(bits: 4096)

  static func make(bits: Int) -> String {
    guard let key = try? PrivateKey.generateRSA(bits: bits),
      let record = try? PublishedKeyRecord(publicKey: key.publicKey(), testing: false)
    else { preconditionFailure("rsa key generation failed") }
    return record.publicKeyBase64
  }

  static func half(_ base64: String?, selector: String = "private", bits: Int = 2048)
    -> PublicHalf
  {
    PublicHalf(
      domain: "example.com", selector: selector,
      keyPath: "/var/qmail/control/domainkeys/example.com/\(selector)",
      source: .privateKey(path: "/var/qmail/control/domainkeys/example.com/\(selector)"),
      algorithm: .rsa, bits: bits, publicKeyBase64: base64)
  }

  static func target(_ base64: String?, uses: [TemplateUse] = []) -> CheckTarget {
    CheckTarget(
      domain: "example.com", selector: "private", local: base64.map { half($0) }, uses: uses)
  }

  /// `text` cut into strings of at most `size` bytes, as tinydns (127) or BIND (255) does.
  static func record(_ text: String, size: Int = 127) -> TXTRecord {
    let bytes = Array(text.utf8)
    return TXTRecord(
      strings: stride(from: 0, to: bytes.count, by: size).map {
        Array(bytes[$0..<min($0 + size, bytes.count)])
      })
  }

  static func answer(_ texts: [String], ttl: Int = 600, cnames: [String] = []) -> TXTOutcome {
    .records(
      TXTAnswer(
        name: "private._domainkey.example.com", records: texts.map { record($0) }, ttl: ttl,
        cnameChain: cnames))
  }

  static func check(_ target: CheckTarget, _ outcome: TXTOutcome) -> SelectorCheck {
    SelectorCheck.evaluate(target, outcome: outcome, server: "127.0.0.1")
  }
}
