/// Why a rotation step was refused or could not run.
public enum RotationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The state file does not parse (`line` 0: the file as a whole).
  case malformedState(path: String, line: Int, reason: String)
  /// No rotation is in progress.
  case noRotation(path: String)
  /// `start` with another selector while a rotation is in progress.
  case inProgress(path: String, old: String, new: String, phase: String)
  /// tcp.smtp sets no usable DKSIGN template: nothing signs today.
  case noSigningTemplate(rulesPath: String)
  /// tcp.smtp's templates use several selectors and `--from` names none of them.
  case severalSelectors([String])
  /// `--from` names a selector no DKSIGN template uses.
  case selectorNotSigning(String, signing: [String])
  /// The new selector is the old one.
  case sameSelector(String)
  /// A key already exists at the new selector (a rotation never overwrites a key).
  case selectorTaken(path: String)
  /// qmail-dk signs with RSA only.
  case rsaOnly(String)
  /// `--from` names the selector of a DKSIGN_ED25519 template.
  case ed25519Selector(String)
  /// No domain has a key at the old selector.
  case nothingToRotate(selector: String)
  /// `--only` names a domain the rotation does not hold.
  case unknownDomain(String)
  /// The step needs DNS to serve domains' new records first.
  case notReady(step: String, domains: [String], temporaryOnly: Bool)
  /// The step may not run before `until`.
  case tooEarly(step: String, until: Int, reason: String)
  /// The step does not apply in this phase.
  case wrongPhase(step: String, phase: String, hint: String)
  /// A per-domain signer's selector setting could not be changed.
  case selectorSetting(String)

  public var description: String {
    switch self {
    case .malformedState(let path, let line, let reason):
      return "\(path)\(line > 0 ? ":\(line)" : ""): malformed rotation state: \(reason)"
    case .noRotation(let path):
      return "no rotation in progress (no \(path)): start one with toaster-dk rotate start"
    case .inProgress(let path, let old, let new, let phase):
      return "a rotation from \(old) to \(new) is in progress (\(phase), \(path)): "
        + "finish it with toaster-dk rotate finish or undo it with toaster-dk rotate abort"
    case .noSigningTemplate(let rulesPath):
      return "\(rulesPath) sets no DKSIGN template, so nothing signs today: "
        + "run toaster-dk rules set-sign first"
    case .severalSelectors(let selectors):
      return "tcp.smtp signs with several selectors (\(selectors.joined(separator: ", "))): "
        + "name the one to rotate with --from"
    case .selectorNotSigning(let selector, let signing):
      return "no DKSIGN template uses selector \(selector); tcp.smtp signs with "
        + signing.joined(separator: ", ")
    case .sameSelector(let selector):
      return "the new selector \(selector) is the one signing today: choose another with --selector"
    case .selectorTaken(let path):
      return "\(path) exists: a rotation never replaces a key; choose another --selector"
    case .rsaOnly(let algorithm):
      return "rotate rotates the rsa key of DKSIGN, which qmail-dk signs with, not \(algorithm)"
        + " keys: \(Self.ed25519ByHand)"
    case .ed25519Selector(let selector):
      return "\(selector) is the selector of DKSIGN_ED25519: rotate rotates the rsa selector of"
        + " DKSIGN only; \(Self.ed25519ByHand)"
    case .nothingToRotate(let selector):
      return "no domain has a key at selector \(selector): nothing to rotate"
    case .unknownDomain(let domain):
      return "\(domain) is not part of this rotation (see toaster-dk rotate status)"
    case .notReady(let step, let domains, let temporaryOnly):
      let what = temporaryOnly ? "could not be checked (temporary DNS failure)" : "is not ready"
      return "\(step) refused: the new record of \(domains.joined(separator: ", ")) \(what); "
        + "see toaster-dk rotate status, or switch the others with --only"
    case .tooEarly(let step, let until, let reason):
      return "\(step) refused until \(RotationClock.iso(until)) (\(until)): \(reason); "
        + "--force does it now"
    case .wrongPhase(let step, let phase, let hint):
      return "\(step) does not apply now: the rotation is \(phase); \(hint)"
    case .selectorSetting(let reason):
      return "cannot change the signer's selector setting: \(reason)"
    }
  }

  // The Ed25519 signature is a second DKIM signature beside the rsa one (qmail-dk has
  // none), so switching it early fails only that one: by hand is safe enough.
  private static let ed25519ByHand =
    "for an ed25519 key, make one at a new selector with toaster-dk domain add DOMAIN"
    + " --selector NEW --algorithm ed25519 for each domain, publish its record, check it with"
    + " toaster-dk domain check, then point DKSIGN_ED25519 at it with toaster-dk rules"
    + " set-sign --selector CURRENT --ed25519-selector NEW (CURRENT: the rsa selector DKSIGN"
    + " names now)"
}
