extension SignRequest {
  /// Sets canonicalizations from words as `test-sign --canon` takes them: `nofws` (DomainKeys),
  /// `relaxed` or `HEADER/BODY` (DKIM), and `simple` for whichever methods are signed.
  ///
  /// - Throws: `DKEngineError.invalidCanonicalization` for an unknown word or one that does
  ///   not fit the method.
  public mutating func setCanonicalizations(_ words: [String]) throws(DKEngineError) {
    for word in words.map({ $0.lowercased() }) {
      let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        .map { Canonicalization(word: String($0)) }
      switch (word, parts.count) {
      case ("nofws", _):
        guard method != .dkim else { throw .invalidCanonicalization(word, method: method.rawValue) }
        domainKeysCanonicalization = .nofws
      case ("simple", _):
        if method != .dkim { domainKeysCanonicalization = .simple }
        if method != .dk { try setDKIM(.simple, .simple, word) }
      case (_, 1):
        guard let header = parts[0] else { throw .invalidCanonicalization(word, method: nil) }
        try setDKIM(header, .simple, word)
      case (_, 2):
        guard let header = parts[0], let body = parts[1] else {
          throw .invalidCanonicalization(word, method: nil)
        }
        try setDKIM(header, body, word)
      default: throw .invalidCanonicalization(word, method: nil)
      }
    }
  }

  private mutating func setDKIM(
    _ header: Canonicalization, _ body: Canonicalization, _ word: String
  ) throws(DKEngineError) {
    guard method != .dk, header != .nofws, body != .nofws else {
      throw .invalidCanonicalization(word, method: method.rawValue)
    }
    dkimOptions.headerCanonicalization = header
    dkimOptions.bodyCanonicalization = body
  }
}
