import LibCrypto

/// Computes the DKIM header hash: the h= fields, then the signature field without its b= value.
enum DKIMHeaderHasher {
  /// The indexes of the fields h= selects: for each name, the last instance not used yet
  /// (RFC 6376 §5.4.2); a name with no instance left selects nothing.
  static func selectFields(_ names: [String], in message: Message) -> [Int] {
    // Index lists per name, consumed from the bottom: linear in fields plus names, so a
    // huge h= over thousands of fields stays cheap.
    var remaining: [String: [Int]] = [:]
    for (index, field) in message.fields.enumerated() {
      remaining[field.lowercasedName, default: []].append(index)
    }
    var selected: [Int] = []
    for name in names {
      if let index = remaining[name]?.popLast() { selected.append(index) }
    }
    return selected
  }

  /// The hash input digest for `fieldIndexes` plus the signature field text `signatureField`
  /// (name, colon and value, b= already emptied), hashed last without a trailing CRLF.
  static func digest(
    message: Message, fieldIndexes: [Int], signatureField: [UInt8],
    canonicalizer: DKIMCanonicalizer, algorithm: DigestAlgorithm
  ) throws(LibCryptoError) -> [UInt8] {
    var sink = try DigestSink(algorithm)
    message.headerBytes.withUnsafeBufferPointer { buffer in
      for index in fieldIndexes {
        let field = message.fields[index]
        canonicalizer.writeHeader(field.range, colon: field.colon, of: buffer, to: &sink)
      }
    }
    signatureField.withUnsafeBufferPointer { buffer in
      let colon = buffer.firstIndex(of: UInt8(ascii: ":"))
      canonicalizer.writeHeader(
        0..<buffer.count, colon: colon, of: buffer, terminate: false, to: &sink)
    }
    return try sink.finalize()
  }

  /// The field's bytes with the value of its b= tag deleted (RFC 6376 §3.7): everything
  /// after `b=` up to the next `;` or the end, folding white space included.
  static func removingSignatureValue(_ field: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(field.count)
    guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else { return Array(field) }
    output.append(contentsOf: field[...colon])
    var tagStart = colon + 1
    while tagStart <= field.endIndex {
      let tagEnd = field[tagStart...].firstIndex(of: UInt8(ascii: ";")) ?? field.endIndex
      let spec = field[tagStart..<tagEnd]
      if let equals = spec.firstIndex(of: UInt8(ascii: "=")),
        spec[spec.startIndex..<equals].filter({ !$0.isFWS }) == [UInt8(ascii: "b")]
      {
        output.append(contentsOf: spec[...equals])
      } else {
        output.append(contentsOf: spec)
      }
      guard tagEnd < field.endIndex else { break }
      output.append(UInt8(ascii: ";"))
      tagStart = tagEnd + 1
    }
    return output
  }
}
