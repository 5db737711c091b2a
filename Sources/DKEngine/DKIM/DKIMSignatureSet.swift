/// Several DKIM signatures for one message, such as rsa-sha256 and a second ed25519-sha256
/// one (RFC 8463 §6 asks signers to sign with both while verifiers catch up): the one place
/// that turns a list of keys into DKIM-Signature fields, for every front end (test-sign, the
/// qmail-queue filter, the qmail-remote wrapper).
public enum DKIMSignatureSet {
  /// The DKIM-Signature fields for `keys`, in order, the first key's on top, as bytes to
  /// put above `message` (each field ends in the message's line end).
  ///
  /// Signatures with the same body canonicalization and digest share one pass over the body.
  /// `algorithm` nil chooses from each key (rsa-sha256 for RSA, ed25519-sha256 for Ed25519).
  /// - Throws: `DKEngineError.dkimSigningFailed` when a key cannot sign (too small, not fit
  ///   for `algorithm`) or the message has no From: field.
  public static func sign(
    _ message: Message, keys: [SigningKey], at time: Int, algorithm: DKIMAlgorithm? = nil,
    options: DKIMSignerOptions = DKIMSignerOptions()
  ) throws(DKEngineError) -> [UInt8] {
    let bodies = DKIMBodyHasher(message: message)
    var headers: [UInt8] = []
    for key in keys {
      let signer = try DKIMSigner(
        key: key.key, domain: key.domain, selector: key.selector, algorithm: algorithm,
        options: options)
      headers += try signer.sign(message, at: time, bodies: bodies).prependedHeader
    }
    return headers
  }
}
