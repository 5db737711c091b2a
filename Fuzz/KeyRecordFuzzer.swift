// libFuzzer target for the public-key path a verifier takes with a key record from DNS:
// the record text (tag-list, p= base64) → DER (SubjectPublicKeyInfo, PKCS#1 or raw Ed25519)
// → OpenSSL key import → signature check. The fuzzed input is the record itself, served for
// fixed, correctly signed messages, so a valid record reaches a real RSA or Ed25519 verify.
// The same bytes are also fed to the strict DER reader (SPKI, PKCS#1, PKCS#8) and the
// plain-PEM key importer, as key files reach them.
// Build and run with Scripts/fuzz.sh; it is not part of the package build.
import DKEngine

// @testable for the DER and plain-PEM readers, which have no public entry point of their
// own (fuzz.sh builds the libraries with -enable-testing).
@testable import LibCrypto

// TestKeys.rsa1024PKCS1 (Sources/TestSupport/TestKeys.swift, compiled in by fuzz.sh); the
// seed records in Fuzz/Seeds/keyrecord hold its public half, so the fuzzer starts on the
// success path.
private let rsaPEM = Array(TestKeys.rsa1024PKCS1.utf8)

private let plain = Message(
  bytes: Array("From: joe@example.com\nTo: x@example.net\nSubject: s\n\nbody\n".utf8))
private let now = 1_700_000_000

private struct Signed {
  let domainKeys: Message
  let dkimRSA: Message
  let dkimEd25519: Message
}

private let signed: Signed = {
  do {
    let key = try PrivateKey(pem: rsaPEM)
    let dk = try DomainKeysSigner(key: key, selector: "s").sign(plain)
    let dkim = try DKIMSigner(key: key, domain: "example.com", selector: "s").sign(plain, at: now)
    // RFC 8463 §A.3's published seed, so the Ed25519 seed record is the RFC's own.
    guard let seed = Base64.decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=") else {
      fatalError("bad seed")
    }
    let ed = try PrivateKey(ed25519Seed: seed)
    let edSigned = try DKIMSigner(key: ed, domain: "example.com", selector: "e").sign(
      plain, at: now)
    let result = Signed(
      domainKeys: plain.prepending(dk.prependedHeaders()),
      dkimRSA: plain.prepending(dkim.prependedHeader),
      dkimEd25519: plain.prepending(edSigned.prependedHeader))
    // The harness must reach the success path, or the fuzzer never gets past a failure.
    let spki = Base64.encode(try key.publicKey().subjectPublicKeyInfoDER())
    let edRaw = Base64.encode(try ed.publicKey().ed25519Raw())
    let ok = verify(result, record: "k=rsa; p=" + spki)
    precondition(ok.dk == .ok && ok.rsa == [.pass], "rsa self-check: \(ok)")
    precondition(
      verify(result, record: "k=ed25519; p=" + edRaw).ed == [.pass], "ed25519 self-check")
    return result
  } catch {
    fatalError("fuzzer setup: \(error)")
  }
}()

private func verify(_ signed: Signed, record: String) -> (
  dk: DKStatus, rsa: [DKIMResult.Verdict], ed: [DKIMResult.Verdict]
) {
  // A fresh resolver and cache per input: a cached key would skip the parse under test.
  let resolver = StaticKeyResolver(record: record)
  let dk = DomainKeysVerifier(resolver: resolver).verify(signed.domainKeys).status
  let dkim = DKIMVerifier(resolver: resolver, now: now)
  return (
    dk, dkim.verify(signed.dkimRSA).map(\.verdict), dkim.verify(signed.dkimEd25519).map(\.verdict)
  )
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let text = String(decoding: bytes, as: UTF8.self)
  _ = verify(signed, record: text)
  for dialect in [TagList.Dialect.dkim, .domainKeys] {
    if let record = try? KeyRecord(parsing: text, dialect: dialect), let p = record.publicKeyText {
      checkBase64(p)
    }
  }
  // The bytes as the DER a p= decodes to, and as the record a verifier would then see
  // (a DER key starts with a SEQUENCE; a raw Ed25519 key is 32 bytes).
  importDER(bytes)
  if bytes.first == 0x30 || bytes.count == 32 {
    _ = verify(signed, record: "k=rsa; p=" + Base64.encode(bytes))
  }
  // The bytes as DER key structures, read by our strict DER reader.
  _ = KeyDER.rsaPublicNumbers(subjectPublicKeyInfo: bytes)
  _ = KeyDER.rsaPrivateNumbers(pkcs1: bytes[...])
  _ = KeyDER.rsaPrivateNumbers(pkcs8: bytes)
  _ = KeyDER.ed25519Seed(pkcs8: bytes)
  // The bytes as a key file. `PrivateKey(pem:)` hands what the plain reader refuses to
  // OpenSSL's PEM decoders (milliseconds per call, none of our code), so call the plain
  // reader directly; `record(fromPEM:)` runs whole only for PUBLIC KEY files.
  if let key = PrivateKey.importPlainPEM(bytes), let owned = try? PrivateKey(takingOwnershipOf: key)
  {
    precondition((try? owned.publicKey()) != nil, "an imported private key has a public half")
  }
  if bytes.starts(with: Array("-----BEGIN PUBLIC KEY-----".utf8)) {
    _ = try? LocalKeyResolver.record(fromPEM: bytes)
  }
  return 0
}

/// Decoding what we encode gives the same bytes back.
private func checkBase64(_ text: String) {
  guard let decoded = Base64.decode(text) else { return }
  precondition(Base64.decode(Base64.encode(decoded)) == decoded, "base64 round trip")
  importDER(decoded)
}

/// Every importer on the bytes; a key that imports must export and import again unchanged.
private func importDER(_ der: [UInt8]) {
  let keys = [
    try? PublicKey(subjectPublicKeyInfo: der), try? PublicKey(rsaPublicKey: der),
    try? PublicKey(ed25519Raw: der),
  ]
  for case let key? in keys {
    guard let exported = try? key.subjectPublicKeyInfoDER() else {
      preconditionFailure("an imported key must export")
    }
    guard let again = try? PublicKey(subjectPublicKeyInfo: exported) else {
      preconditionFailure("an exported key must import")
    }
    precondition(again.algorithm == key.algorithm && again.bits == key.bits, "key changed")
  }
}
