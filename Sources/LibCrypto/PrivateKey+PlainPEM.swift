internal import COpenSSL

extension PrivateKey {
  /// A new key from a PEM private key in one of the forms dknewkey and OpenSSL write
  /// (PKCS#1 RSA, PKCS#8 RSA or Ed25519), built without OpenSSL's generic decoders; nil for
  /// any other PEM, which `init(pem:)` then hands to `PEM_read_bio_PrivateKey`.
  static func importPlainPEM(_ pem: [UInt8]) -> OpaquePointer? {
    guard let block = PEMBlock(firstIn: pem) else { return nil }
    switch block.label {
    case "RSA PRIVATE KEY":
      return KeyDER.rsaPrivateNumbers(pkcs1: block.der[...]).flatMap {
        try? RSAKeyImporter.importKey(bigEndian: $0)
      }
    case "PRIVATE KEY":
      if let numbers = KeyDER.rsaPrivateNumbers(pkcs8: block.der) {
        return try? RSAKeyImporter.importKey(bigEndian: numbers)
      }
      guard let seed = KeyDER.ed25519Seed(pkcs8: block.der) else { return nil }
      OpenSSLErrorQueue.clear()
      // EVP_PKEY_new_raw_private_key returns a new key the caller owns.
      return seed.withUnsafeBufferPointer {
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
      }
    default:
      return nil
    }
  }
}
