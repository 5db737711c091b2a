import DKEngine
import DNS
import LibCrypto

extension SelectorEvaluation {
  /// The tag hygiene of the record verifiers take (RFC 6376 §3.6.1).
  mutating func noteTags(_ record: KeyRecord, text: String) {
    if let version = record.version {
      if version != "DKIM1" {
        add(.error, "version", "v=\(version) at \(name): DKIM verifiers need v=DKIM1 or no v=")
      } else if record.tags.tags.first?.name != "v" {
        add(
          .error, "version",
          "v=DKIM1 is not the first tag of \(name): DKIM verifiers may discard the record"
            + " (RFC 6376 §3.6.1)")
      }
    }
    noteKeyType(record.keyType)
    if let hashes = record.hashAlgorithms, !hashes.contains("sha256") {
      add(
        .error, "hash",
        "h=\(hashes.joined(separator: ":")) at \(name) leaves out sha256: rsa-sha256 and"
          + " ed25519-sha256 signatures fail (inappropriate hash algorithm)")
    }
    let services = record.serviceTypes
    if !services.contains("*") && !services.contains("email") {
      add(
        .error, "service",
        "s=\(services.joined(separator: ":")) at \(name) is not for email: verifiers refuse it")
    }
    if record.isTesting {
      add(
        .warning, "testing",
        "t=y is set at \(name): receivers may treat signed mail as unsigned; publish the record"
          + " without --testing once mail verifies")
    }
    if record.flags.contains("s") {
      add(.info, "strict", "t=s at \(name): signatures with i= in a subdomain fail")
    }
    do {
      _ = try KeyRecord(parsing: text, dialect: .domainKeys)
    } catch {
      add(
        .error, "domainkeys-syntax",
        "qmail-dk's libdomainkeys cannot parse \(name) (\(error)): DomainKeys E BADKEY")
    }
  }

  private mutating func noteKeyType(_ keyType: String) {
    guard keyType == "rsa" || keyType == "ed25519" else {
      add(.error, "key-type", "k=\(keyType) at \(name): verifiers know only rsa and ed25519")
      return
    }
    if let local = target.local?.algorithm, local.rawValue != keyType {
      add(
        .error, "key-type",
        "k=\(keyType) at \(name), but the local key is \(local.rawValue): verifiers use the"
          + " wrong algorithm")
    }
    if keyType == "ed25519" {
      add(
        .info, "dkim-only",
        "k=ed25519 at \(name): DKIM only; DomainKeys and qmail-dk verify rsa keys only")
    }
  }

  /// Notes whether `p=` is a usable key of `keyType`, and its size.
  ///
  /// - Returns: false when verifiers cannot use the key.
  mutating func noteKeyMaterial(_ bytes: [UInt8], keyType: String) -> Bool {
    if keyType == "ed25519" {
      guard bytes.count == 32 else {
        add(
          .error, "bad-key",
          "p= of \(name) is \(bytes.count) bytes, not the 32 of a raw ed25519 key (RFC 8463)")
        return false
      }
      return true
    }
    guard keyType == "rsa" else { return false }
    let bits: Int
    if let key = try? PublicKey(subjectPublicKeyInfo: bytes) {
      bits = key.bits
    } else if let key = try? PublicKey(rsaPublicKey: bytes) {
      bits = key.bits
      add(
        .error, "bad-key",
        "p= of \(name) is a bare PKCS#1 key: libdomainkeys (qmail-dk) and Mail::DKIM need"
          + " a SubjectPublicKeyInfo (E BADKEY)")
    } else {
      add(.error, "bad-key", "p= of \(name) is not an rsa public key: DomainKeys E BADKEY")
      return false
    }
    if bits < 1024 {
      add(
        .error, "key-size",
        "\(bits)-bit rsa key at \(name): DKIM verifiers refuse keys under 1024 bits (RFC 8301)")
    } else if bits < 2048 {
      add(.warning, "key-size", "\(bits)-bit rsa key at \(name): 2048 bits is recommended")
    }
    return true
  }

  /// The character-strings of the record verifiers take: their lengths, and splits that
  /// fall outside the `p=` value (tools that join strings with a space then break it).
  mutating func noteStrings(_ record: TXTRecord) {
    let lengths = record.strings.map(\.count)
    add(
      .info, "strings",
      "\(name): \(lengths.count) string\(lengths.count == 1 ? "" : "s") of"
        + " \(lengths.map(String.init).joined(separator: ",")) bytes")
    if lengths.contains(0) {
      add(.warning, "empty-string", "\(name) has an empty character-string")
    }
    guard let value = Self.valueRange(of: "p", in: record.joined) else { return }
    var offset = 0
    var bad: [Int] = []
    for length in lengths.dropLast() {
      offset += length
      if !(offset > value.lowerBound && offset < value.upperBound) { bad.append(offset) }
    }
    guard !bad.isEmpty else { return }
    add(
      .warning, "split",
      "\(name) is split outside its p= value (at byte \(bad.map(String.init).joined(separator: ", "))):"
        + " DKIM joins the strings with nothing between, but tools that join them with a"
        + " space read a broken record; split only inside p=")
  }

  /// The byte range of tag `tag`'s value in a tag-list, trimmed of white space.
  static func valueRange(of tag: String, in bytes: [UInt8]) -> Range<Int>? {
    var start = 0
    while start <= bytes.count {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
      if let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) {
        let tagName = bytes[start..<equals].filter { !$0.isSpace }
        if tagName == Array(tag.utf8) {
          var lower = equals + 1
          var upper = end
          while lower < upper, bytes[lower].isSpace { lower += 1 }
          while upper > lower, bytes[upper - 1].isSpace { upper -= 1 }
          return lower..<upper
        }
      }
      start = end + 1
    }
    return nil
  }
}

extension UInt8 {
  fileprivate var isSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }
}
