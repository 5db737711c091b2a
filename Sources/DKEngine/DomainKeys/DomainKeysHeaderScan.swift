/// What libdomainkeys notices while reading a message's header fields in order:
/// fields are matched by name with the colon right after it, a second From: or Sender: is
/// SYNTAX, and when verifying a Sender: above the signature does not name the sender.
struct DomainKeysHeaderScan {
  /// The index of the first DomainKey-Signature field.
  private(set) var signatureIndex: Int?
  /// The index of the From: field.
  private(set) var fromIndex: Int?
  /// The index of the Sender: field that counts.
  private(set) var senderIndex: Int?
  /// The first syntax error met while reading, with the index of the field that caused it.
  private(set) var syntaxError: (index: Int, reason: String)?

  /// Scans for verifying (`signing` false) or signing.
  ///
  /// Fields are recognised only with the colon directly after the name, as libdomainkeys
  /// matches `From:` by prefix. When verifying, a Sender: above the signature is ignored.
  init(_ message: Message, signing: Bool) {
    for (index, field) in message.fields.enumerated() where field.colonFollowsName {
      switch field.lowercasedName {
      case "domainkey-signature":
        if signing && senderIndex == nil {
          fail(index, "message already has a DomainKey-Signature and no Sender: above it")
        }
        if signatureIndex == nil { signatureIndex = index }
      case "from":
        if fromIndex != nil { fail(index, "second From: field") }
        fromIndex = fromIndex ?? index
      case "sender":
        guard signing || signatureIndex != nil else { continue }
        if senderIndex != nil { fail(index, "second Sender: field") }
        senderIndex = senderIndex ?? index
      default: continue
      }
    }
  }

  private mutating func fail(_ index: Int, _ reason: String) {
    if syntaxError == nil { syntaxError = (index, reason) }
  }

  /// The sending address: Sender: if one counts, else From:.
  func sender(in message: Message) -> Result<DomainKeysAddress, DomainKeysFailure> {
    guard let fromIndex else { return .failure(.init(.syntax, "no From: field")) }
    let from: DomainKeysAddress
    do {
      from = try DomainKeysAddress(parsing: message.value(of: message.fields[fromIndex]))
    } catch {
      return .failure(.init(.syntax, "no usable address in From: (\(error))"))
    }
    guard let senderIndex else { return .success(from) }
    do {
      return .success(
        try DomainKeysAddress(parsing: message.value(of: message.fields[senderIndex])))
    } catch {
      return .failure(.init(.syntax, "no usable address in Sender: (\(error))"))
    }
  }
}

/// A DomainKeys status with the reason behind it.
struct DomainKeysFailure: Error {
  let status: DKStatus
  let reason: String

  init(_ status: DKStatus, _ reason: String) {
    self.status = status
    self.reason = reason
  }
}
