// libFuzzer target for DKEngine's parsers: message splitting, tag-lists (both dialects),
// signature headers, key records, DomainKeys addresses, and both verifiers end to end.
// Build and run with Scripts/fuzz.sh; it is not part of the package build.
import DKEngine

// The RSA key of RFC 8463's example (test._domainkey.football.example.com).
private let resolver = StaticKeyResolver(
  record: "k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5"
    + "bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5"
    + "QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? TagList(parsing: bytes, dialect: .dkim)
  _ = try? TagList(parsing: bytes, dialect: .domainKeys)
  _ = try? SignatureHeader(value: bytes)
  _ = try? DomainKeysAddress(parsing: bytes)
  let text = String(decoding: bytes, as: UTF8.self)
  _ = try? KeyRecord(parsing: text, dialect: .dkim)
  _ = StaticKeyResolver(record: text)
  let message = Message(bytes: bytes)
  _ = DomainKeysVerifier(resolver: resolver).verify(message)
  _ = DKIMVerifier(resolver: resolver, now: 1_700_000_000).verify(message)
  _ = try? DKVerifyPolicy(letters: text)
  return 0
}
