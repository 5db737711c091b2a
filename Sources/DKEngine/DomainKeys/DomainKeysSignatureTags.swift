/// The tags of a DomainKey-Signature field, checked as libdomainkeys checks them:
/// d=, s= and b= are required (missing is NOSIG), c= is `simple` (default) or `nofws`, q= if
/// present is `dns`, a= if present is `rsa-sha1`, anything else is SYNTAX.
struct DomainKeysSignatureTags {
  let domain: String
  let selector: String
  let signature: String
  let canonicalization: Canonicalization
  /// The lower-cased h= names, or nil when every field below the signature is signed.
  let headerNames: Set<String>?

  /// Reads the tags; a missing d=, s= or b= is NOSIG, anything else wrong is SYNTAX.
  init(field: HeaderField, of message: Message) throws(DomainKeysFailure) {
    let tags: TagList
    do {
      tags = try TagList(parsing: message.value(of: field), dialect: .domainKeys)
    } catch {
      throw DomainKeysFailure(.syntax, "\(error) in DomainKey-Signature")
    }
    guard let domain = tags["d"], let selector = tags["s"], let signature = tags["b"] else {
      throw DomainKeysFailure(.noSignature, "DomainKey-Signature lacks d=, s= or b=")
    }
    let canonicalization = tags["c"].map { Canonicalization(word: $0) } ?? .simple
    guard let canonicalization, canonicalization != .relaxed else {
      throw DomainKeysFailure(.syntax, "unknown canonicalization c=\(tags["c"] ?? "")")
    }
    if let query = tags["q"], query != "dns" {
      throw DomainKeysFailure(.syntax, "unknown query method q=\(query)")
    }
    if let algorithm = tags["a"], algorithm != "rsa-sha1" {
      throw DomainKeysFailure(.syntax, "unknown algorithm a=\(algorithm)")
    }
    if let names = tags["h"] {
      guard names.utf8.count <= 1020 else { throw DomainKeysFailure(.syntax, "h= too long") }
      headerNames = Set(names.lowercased().split(separator: ":").map(String.init))
    } else {
      headerNames = nil
    }
    self.domain = domain
    self.selector = selector
    self.signature = signature
    self.canonicalization = canonicalization
  }
}
