import KeyStore

/// Record values for the rendering tests (no key generation, no disk).
enum RecordFixtures {
  /// A 2048-bit RSA SubjectPublicKeyInfo in base64 (392 characters).
  static let rsa2048 =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnywDw41GHiUXW3YP3FdoPBCd1Ygu0ZRBIVv5/s29dVTV"
    + "+kaYx35ZACX5DrjBMGW9X1cFYZlva7w/DKQqH3Tpiltn1x27Rl4ZfBAwS85fRXrVLCbtEbo6kcyeNEb5Dpjy"
    + "H1YfCyBMYHYG4GhekbuWRxHf9TifTtMX3nyXp1eVXlxnVtDc6FRjAyA67/fZQssSHASfAqFAMyElzjhBUGFg"
    + "0w4pyp5LOwUOLisvWddFHNSLk5AsnbVGgZDwRDdsvbmxsHWYEnzpWNYz8trfAod+nZlZxnamzhOMICQXocRH"
    + "0a4uaDz47vkBsS+WH3zb6WSD4Q/Gbi1HO61kNJWTLbDxeQIDAQAB"

  /// The RFC 8463 appendix A Ed25519 public key.
  static let ed25519 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="

  static func set(
    algorithm: String = "rsa", scope: RecordOptions.Scope = .both, testing: Bool = false,
    ttl: Int = 3600
  ) throws -> DomainRecordSet {
    let isRSA = algorithm == "rsa"
    let spec = try KeySpec(algorithmName: algorithm, bits: nil)
    let record = PublishedKeyRecord(
      algorithm: spec.algorithm, publicKeyBase64: isRSA ? rsa2048 : ed25519, testing: testing)
    return try DomainRecordSet(
      domain: DomainName("example.com"), selector: .toasterDefault, bits: spec.bits,
      keyRecord: record, options: RecordOptions(ttl: ttl, testing: testing, scope: scope),
      keyPath: "/keys/example.com/private")
  }
}
