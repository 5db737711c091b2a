import LibCrypto
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension KeyStore {
  /// Loads one key file and checks it, its record file, its permissions and whether the
  /// signers can read it; with no `context` (an alias's view of the real domain's key)
  /// nothing is checked.
  func keyReport(
    _ selector: String, info: stat, domain: String, in directory: Directory,
    context: InventoryContext?
  ) -> KeyReport {
    let observed = ObservedPermissions(info)
    let wanted = context?.ownership?.key ?? FilePermissions(mode: KeyLayout.keyMode)
    let replace = "toaster-dk domain add \(domain) --selector \(selector) --force"
    var problems: [String] = []
    let recordName = [
      selector + KeyLayout.recordSuffix, selector == "private" ? "public.txt" : nil,
    ]
    .compactMap { $0 }.first { (try? directory.status(of: $0)) != nil }
    guard let context else {
      return KeyReport(
        selector: selector, path: directory.join(selector),
        recordPath: recordName.map(directory.join),
        key: Self.load(selector, in: directory, replace: replace, problems: &problems),
        permissions: observed, matchesConvention: true, problems: [])
    }
    if !observed.matches(wanted) {
      problems.append(Self.permissionProblem(observed, wanted, context.ownership, domain: domain))
    }
    problems += signerProblems(directory.join(selector), .read, context, domain: domain)
    if !SelectorName.isValid(selector) {
      problems.append("not a valid selector name: it cannot be published as \(selector)._domainkey")
    }
    problems += Self.caseProblems(selector, context.templateSelectors)
    let loaded = Self.load(selector, in: directory, replace: replace, problems: &problems)
    if let loaded {
      if loaded.isWeak {
        problems.append(
          "\(loaded.bits)-bit rsa key: dkim verifiers refuse keys under 1024 bits (rfc 8301):"
            + " replace it with \(replace) and publish the new record")
      } else if loaded.algorithm == "rsa", loaded.bits < 2048 {
        problems.append("\(loaded.bits)-bit rsa key: 2048 bits is recommended (rfc 8301)")
      }
      problems += Self.recordProblems(
        recordName, in: directory, key: loaded, domain: domain, selector: selector)
    }
    return KeyReport(
      selector: selector, path: directory.join(selector),
      recordPath: recordName.map(directory.join),
      key: loaded, permissions: observed, matchesConvention: observed.matches(wanted),
      problems: problems)
  }

  // qmail-dk keeps the template's case and file names are case-sensitive: a key whose
  // selector differs from a DKSIGN selector only in case is never used.
  static func caseProblems(_ selector: String, _ templateSelectors: [String]) -> [String] {
    guard !templateSelectors.contains(selector),
      let template = templateSelectors.first(where: { $0.lowercased() == selector.lowercased() })
    else { return [] }
    return [
      "selector \(selector) differs only in case from \(template) in tcp.smtp's DKSIGN:"
        + " qmail-dk keeps the template's case and looks for a key named \(template), so"
        + " this key is never used: run toaster-dk rules set-sign --selector \(selector)"
        + " to sign with it"
    ]
  }

  private static func load(
    _ selector: String, in directory: Directory, replace: String, problems: inout [String]
  ) -> KeyReport.LoadedKey? {
    let pem: [UInt8]
    do {
      pem = try directory.readFile(selector)
    } catch {
      problems.append("\(error): run as root or as a member of the key's group")
      return nil
    }
    if pem.isEmpty {
      problems.append(
        "empty key file (old dknewkey on openssl 3 leaves one): replace it with \(replace)")
      return nil
    }
    do {
      let key = try PrivateKey(pem: pem)
      let publicKey = try key.publicKey()
      let der = try publicKey.subjectPublicKeyInfoDER()
      let digest = try DigestContext.hash(.sha256, der)
      let record = try PublishedKeyRecord(publicKey: publicKey, testing: false)
      let spec = key.algorithm == .rsa ? "rsa \(key.bits)" : "ed25519 (dkim only)"
      return KeyReport.LoadedKey(
        spec: spec, algorithm: key.algorithm.rawValue, bits: key.bits,
        fingerprint: "sha256:"
          + digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(),
        record: record, isWeak: key.algorithm == .rsa && key.bits < 1024)
    } catch {
      problems.append("unable to load the key: \(error): replace it with \(replace)")
      return nil
    }
  }

  private static func recordProblems(
    _ name: String?, in directory: Directory, key: KeyReport.LoadedKey, domain: String,
    selector: String
  ) -> [String] {
    let show =
      "toaster-dk domain dns \(domain)" + (selector == "private" ? "" : " --selector \(selector)")
    guard let name else { return ["no record file: \(show) prints the record to publish"] }
    guard let bytes = try? directory.readFile(name) else {
      return ["unable to read record file \(name): \(show) prints the record to publish"]
    }
    let text = String(decoding: bytes, as: UTF8.self)
    var problems: [String] = []
    let expected = "\(selector)._domainkey.\(domain)".lowercased()
    if let owner = PublishedKeyRecord.ownerName(inRecordFile: text), owner != expected {
      problems.append(
        "record file \(name) is for \(owner), not \(expected) (old dknewkey printed a"
          + " placeholder): publish \(show) instead")
    }
    switch PublishedKeyRecord.publicKeyBase64(inRecordFile: text) {
    case nil:
      problems.append("record file \(name) has no p= tag: \(show) prints the record to publish")
    case "":
      problems.append(
        "record file \(name) has an empty p= (a revoked key): publish \(show) instead")
    case key.record.publicKeyBase64: break
    default: problems.append("record file \(name) does not match the key: publish \(show) instead")
    }
    return problems
  }
}
