import DKEngine
import DNS
import LibCrypto

extension SelectorEvaluation {
  /// Judges a positive answer: the record verifiers take (the first), then every other one.
  mutating func judge(_ answer: TXTAnswer) {
    ttl = answer.ttl
    cnameChain = answer.cnameChain
    noteSecurity(answer.security)
    let localKey = target.local?.publicKeyBase64.flatMap { Base64.decode($0) }
    records = answer.records.enumerated().map { index, record in
      ServedRecord(
        position: index + 1, text: Self.text(record.joined),
        stringLengths: record.strings.map(\.count),
        matchesLocal: localKey.flatMap { key in Self.publishedKey(record).map { $0 == key } })
    }
    noteSeveral()
    guard let first = answer.records.first else { return }
    judgeTaken(first, localKey: localKey)
    noteStrings(first)
    noteSize(answer)
    noteCNAME()
    add(.info, "ttl", "\(name): TTL \(answer.ttl) s")
    if answer.ttl > 86400 {
      add(
        .warning, "long-ttl",
        "TTL \(answer.ttl) s: resolvers keep an old key that long after a change; 3600 is usual")
    }
  }

  /// Bytes as text, each byte outside ASCII as its Latin-1 character (records are bytes).
  static func text(_ bytes: [UInt8]) -> String {
    String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
  }

  /// The decoded `p=` of a record, when it parses and has a non-empty base64 key.
  static func publishedKey(_ record: TXTRecord) -> [UInt8]? {
    guard let parsed = try? KeyRecord(parsing: text(record.joined), dialect: .dkim),
      let base64 = parsed.publicKeyText, !base64.isEmpty
    else { return nil }
    return Base64.decode(base64)
  }

  private mutating func noteSeveral() {
    guard records.count > 1 else { return }
    let taken =
      switch records[0].matchesLocal {
      case true?: "the local key"
      case false?: "another key"
      case nil: "no usable key"
      }
    add(
      .error, "several-records",
      "\(records.count) TXT records at \(name): libdomainkeys (qmail-dk), Mail::DKIM and dkimpy"
        + " take the first the resolver returns, and resolvers rotate them; OpenDKIM refuses"
        + " them all; record #1, served first now, has \(taken): remove all but one")
  }

  private mutating func judgeTaken(_ record: TXTRecord, localKey: [UInt8]?) {
    let text = Self.text(record.joined)
    let parsed: KeyRecord
    do {
      parsed = try KeyRecord(parsing: text, dialect: .dkim)
    } catch {
      status = .unusable
      add(
        .error, "syntax",
        "\(name) does not parse as a key record (\(error)): DomainKeys E BADKEY, DKIM permerror")
      return
    }
    noteTags(parsed, text: text)
    guard let base64 = parsed.publicKeyText else {
      status = .unusable
      add(.error, "no-p", "\(name) has no p= tag: DomainKeys D NOKEY, DKIM permerror")
      return
    }
    guard !base64.isEmpty else {
      status = .revoked
      add(
        .error, "revoked",
        "\(name) has an empty p=: the key is revoked (DomainKeys J REVOKED, DKIM permerror)")
      return
    }
    guard let published = Base64.decode(base64) else {
      status = .unusable
      add(.error, "bad-base64", "p= of \(name) is not base64: DomainKeys E BADKEY, DKIM permerror")
      return
    }
    guard noteKeyMaterial(published, keyType: parsed.keyType) else {
      status = .unusable
      return
    }
    compare(published, with: localKey)
  }

  private mutating func compare(_ published: [UInt8], with localKey: [UInt8]?) {
    guard let localKey, let local = target.local else {
      status = .noLocalKey
      if target.local == nil, target.uses.isEmpty {
        add(.warning, "no-local-key", "no local key to compare \(name) with")
      }
      return
    }
    let source = local.sourceDescription ?? local.keyPath
    if published == localKey {
      status = .matches
      add(.info, "matches", "\(name) matches the key in \(source)")
    } else {
      status = .differentKey
      add(
        .error, "different-key",
        "\(name) serves a different key (\(Self.fingerprint(published))) from the one in"
          + " \(source) (\(Self.fingerprint(localKey))): a stale record; publish the record"
          + " toaster-dk domain dns \(target.domain)"
          + (target.selector == "private" ? "" : " --selector \(target.selector)") + " prints")
    }
  }

  /// `sha256:` and the first and last hex digits of the SHA-256 of `key`, as `domain list`
  /// shows fingerprints.
  static func fingerprint(_ key: [UInt8]) -> String {
    guard let digest = try? DigestContext.hash(.sha256, key) else { return "unhashable" }
    let hex = digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    return "sha256:\(hex.prefix(8))…\(hex.suffix(5))"
  }

  private mutating func noteSize(_ answer: TXTAnswer) {
    let size = answer.minimumReplySize
    guard size > 512 else { return }
    add(
      .warning, "udp-size",
      "the answer for \(name) is at least \(size) bytes, over the 512 bytes of UDP without"
        + " EDNS: it needs TCP or EDNS (tinydns needs axfrdns beside it), and qmail-dk's"
        + " libdomainkeys reads answers into a 513-byte buffer, so qmail-dk verifiers find no"
        + " key (D NOKEY)")
  }

  private mutating func noteCNAME() {
    guard let last = cnameChain.last else { return }
    add(
      .info, "cname",
      "\(name) is a CNAME: " + ([name] + cnameChain).joined(separator: " → ")
        + "; the key is served from \(last)")
    let domain = target.domain.lowercased()
    if last != domain && !last.hasSuffix("." + domain) {
      add(
        .info, "cname-outside",
        "\(last) is outside \(target.domain): whoever runs that zone controls its key")
    }
  }
}
