/// A libdomainkeys `DK_STAT` status, as qmail-dk reports it and `DKVERIFY` selects it.
///
/// The raw value is libdomainkeys 0.69's status number; the `DKVERIFY` letter is
/// `A` plus that number (upper case for a permanent, lower case for a temporary rejection).
public enum DKStatus: Int, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  /// `DK_STAT_OK`: the signature is good.
  case ok = 0
  /// `DK_STAT_BADSIG`: a signature was present but did not verify.
  case badSignature = 1
  /// `DK_STAT_NOSIG`: no usable DomainKey-Signature (none, or one lacking d=, s= or b=).
  case noSignature = 2
  /// `DK_STAT_NOKEY`: no key record (permanent DNS failure, or a record without p=).
  case noKey = 3
  /// `DK_STAT_BADKEY`: the key is unusable (record undecodable, or private key unreadable).
  case badKey = 4
  /// `DK_STAT_CANTVRFY`: the key could not be fetched (temporary DNS failure).
  case cantVerify = 5
  /// `DK_STAT_SYNTAX`: message or tag syntax unusable, or d= does not match the sender.
  case syntax = 6
  /// `DK_STAT_NORESOURCE`: out of memory or buffer too small.
  case noResource = 7
  /// `DK_STAT_ARGS`: bad arguments to a library call.
  case arguments = 8
  /// `DK_STAT_REVOKED`: the key record has an empty p=.
  case revoked = 9
  /// `DK_STAT_INTERNAL`: a call that is not valid in the library's current state.
  case `internal` = 10
  /// `DK_STAT_GRANULARITY`: the key's g= does not match the sender's local part (0.69).
  case granularity = 11

  /// The status looked up by its `DKVERIFY` letter, in either case.
  public init?(letter: Character) {
    guard let ascii = letter.asciiValue else { return nil }
    let upper = ascii & ~0x20
    guard upper >= UInt8(ascii: "A"), let status = DKStatus(rawValue: Int(upper) - 65) else {
      return nil
    }
    self = status
  }

  /// The libdomainkeys status number.
  public var number: Int { rawValue }

  /// The upper-case `DKVERIFY` letter (`A` for OK … `L` for GRANULARITY).
  public var letter: Character { Character(Unicode.Scalar(UInt8(65 + rawValue))) }

  /// The lower-case `DKVERIFY` letter (a temporary rejection).
  public var lowercaseLetter: Character { Character(Unicode.Scalar(UInt8(97 + rawValue))) }

  /// The libdomainkeys constant name, such as `DK_STAT_BADSIG`.
  public var name: String {
    switch self {
    case .ok: "DK_STAT_OK"
    case .badSignature: "DK_STAT_BADSIG"
    case .noSignature: "DK_STAT_NOSIG"
    case .noKey: "DK_STAT_NOKEY"
    case .badKey: "DK_STAT_BADKEY"
    case .cantVerify: "DK_STAT_CANTVRFY"
    case .syntax: "DK_STAT_SYNTAX"
    case .noResource: "DK_STAT_NORESOURCE"
    case .arguments: "DK_STAT_ARGS"
    case .revoked: "DK_STAT_REVOKED"
    case .internal: "DK_STAT_INTERNAL"
    case .granularity: "DK_STAT_GRANULARITY"
    }
  }

  /// A short lower-case phrase saying what the status means.
  public var meaning: String {
    switch self {
    case .ok: "good signature"
    case .badSignature: "bad signature"
    case .noSignature: "no signature"
    case .noKey: "no key record"
    case .badKey: "unusable key"
    case .cantVerify: "key could not be fetched (temporary DNS failure)"
    case .syntax: "bad message or signature syntax, or d= not the sender's domain"
    case .noResource: "out of resources"
    case .arguments: "bad arguments to libdomainkeys"
    case .revoked: "revoked key (empty p=)"
    case .internal: "libdomainkeys internal state error"
    case .granularity: "key g= does not match the sender's local part"
    }
  }

  /// The 12-character text qmail-dk 0.6 puts after `DomainKey-Status: `, space padded.
  ///
  /// qmail-dk 0.6 has no case for GRANULARITY, so its default branch answers `unknown bad `.
  public var qmailDKStatusText: String {
    switch self {
    case .ok: "good        "
    case .badSignature: "bad         "
    case .noSignature: "no signature"
    case .noKey, .cantVerify: "no key      "
    case .badKey: "bad key     "
    case .syntax, .arguments, .internal: "bad format  "
    case .noResource: "no resources"
    case .revoked: "revoked     "
    case .granularity: "unknown bad "
    }
  }

  /// The full header line qmail-dk 0.6 prepends when verifying, without the line end.
  public var statusHeader: String { "DomainKey-Status: " + qmailDKStatusText }

  /// The status as `X (DK_STAT_NAME)`, for example `B (DK_STAT_BADSIG)`.
  public var description: String { "\(letter) (\(name))" }
}
