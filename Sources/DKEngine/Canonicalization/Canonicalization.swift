/// A canonicalization algorithm name as it appears in c= (RFC 4870 §3.4, RFC 6376 §3.4).
public enum Canonicalization: String, Sendable, Hashable, CaseIterable {
  /// `simple`: DomainKeys and DKIM; whitespace kept.
  case simple
  /// `relaxed`: DKIM only; whitespace collapsed, header names lower-cased.
  case relaxed
  /// `nofws`: DomainKeys only; all folding white space deleted.
  case nofws

  /// The algorithm for a c= word, compared case-insensitively; nil when unknown.
  public init?(word: String) {
    self.init(rawValue: word.lowercased())
  }
}
