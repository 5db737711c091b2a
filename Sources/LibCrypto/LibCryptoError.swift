/// Why a libcrypto operation failed.
public enum LibCryptoError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An OpenSSL call failed; `stack` is the drained error queue, oldest first, each entry
  /// with the OpenSSL source file and line.
  case openssl(operation: String, stack: [String])
  /// The key is of a type this layer does not handle (only RSA and Ed25519 are).
  case unsupportedKey(String)
  /// An RSA key size outside the range the entry point allows.
  case invalidKeySize(Int)
  /// An operation for one algorithm was asked of a key of another.
  case wrongAlgorithm(expected: KeyAlgorithm, actual: KeyAlgorithm)
  /// Input bytes have the wrong shape (length, trailing data) for the named use.
  case invalidInput(String)

  public var description: String {
    switch self {
    case .openssl(let operation, let stack):
      let detail = stack.isEmpty ? "no openssl error reported" : stack.joined(separator: "; ")
      return "unable to \(operation): \(detail)"
    case .unsupportedKey(let what):
      return "unsupported key type \(what): only rsa and ed25519 keys are handled"
    case .invalidKeySize(let bits):
      return "unsupported rsa key size \(bits) bits: use 1024 to 4096 bits (2048 recommended)"
    case .wrongAlgorithm(let expected, let actual):
      return "key is \(actual.rawValue), not \(expected.rawValue)"
    case .invalidInput(let what):
      return "invalid input: \(what)"
    }
  }
}
