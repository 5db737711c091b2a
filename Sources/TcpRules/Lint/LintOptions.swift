/// What `RulesLinter` should assume about the server and which extra checks to run.
public struct LintOptions: Sendable {
  /// Whether tcpserver runs with `-H` and `-R` (QmailToaster does), so TCPREMOTEHOST and
  /// TCPREMOTEINFO are never set and `=host` and `info@` rules never match.
  public var hostAndInfoLookupsDisabled: Bool
  /// Returns the problems with a DKVERIFY value (checked by the DomainKeys engine), or nil
  /// to skip that check.
  public var dkVerifyProblems: (@Sendable (String) -> [String])?
  /// Returns the problems with a DKQUEUE value on this system (`RulesStore` fills in its
  /// check, `RulesStore.queueProgramProblems`), or nil to skip that check.
  public var queueProgramProblems: (@Sendable (String) -> [QueueProgramProblem])?
  /// Returns the problems with a DKSIGN template's key files on this system (`RulesStore`
  /// fills in `RulesStore.selectorCaseProblems`), or nil to skip that check.
  public var signingKeyProblems: (@Sendable (String) -> [String])?

  /// Creates options; the defaults describe a stock QmailToaster.
  public init(
    hostAndInfoLookupsDisabled: Bool = true,
    dkVerifyProblems: (@Sendable (String) -> [String])? = nil,
    queueProgramProblems: (@Sendable (String) -> [QueueProgramProblem])? = nil,
    signingKeyProblems: (@Sendable (String) -> [String])? = nil
  ) {
    self.hostAndInfoLookupsDisabled = hostAndInfoLookupsDisabled
    self.dkVerifyProblems = dkVerifyProblems
    self.queueProgramProblems = queueProgramProblems
    self.signingKeyProblems = signingKeyProblems
  }
}
