import DKEngine
import LibCrypto

/// Keys generated once per test run.
enum TestKeys {
  static let rsa1024: PrivateKey = {
    guard let key = try? PrivateKey.generateRSA(bits: 1024) else { fatalError("rsa keygen") }
    return key
  }()

  static let rsa2048: PrivateKey = {
    guard let key = try? PrivateKey.generateRSA(bits: 2048) else { fatalError("rsa keygen") }
    return key
  }()

  static let ed25519: PrivateKey = {
    guard let key = try? PrivateKey.generateEd25519() else { fatalError("ed25519 keygen") }
    return key
  }()

  /// `k=rsa; p=<SPKI>` for the key.
  static func rsaRecord(_ key: PrivateKey, prefix: String = "k=rsa; ") -> String {
    guard let der = try? key.publicKey().subjectPublicKeyInfoDER() else { return "" }
    return prefix + "p=" + Base64.encode(der)
  }

  /// `v=DKIM1; k=ed25519; p=<raw>` for the key.
  static func ed25519Record(_ key: PrivateKey) -> String {
    guard let raw = try? key.publicKey().ed25519Raw() else { return "" }
    return "v=DKIM1; k=ed25519; p=" + Base64.encode(raw)
  }
}

extension Message {
  /// A message from text.
  init(_ text: String, lineEndings: LineEndings? = nil) {
    self.init(bytes: Array(text.utf8), lineEndings: lineEndings)
  }
}
