public import DKEngine

/// One message for the filter, with everything it depends on given as values.
public struct FilterRequest {
  /// The message exactly as the queue's caller wrote it.
  public var message: MessageBytes
  /// qmail-dk's variables from the client's tcp.smtp rule.
  public var environment: QmailDKEnvironment
  /// The filter's own settings.
  public var settings: FilterSettings
  /// The time for DKIM t= (seconds since the epoch).
  public var now: Int
  /// Reads a key file by the path DKSIGN gives, as qmail's control_readfile does.
  public var readKey: (String) -> QmailDK.KeyFile
  /// Answers key record lookups when verifying.
  public var resolver: any KeyResolver
  /// This host's name for Authentication-Results (control/me), or why it could not be
  /// read; verify mode fails with that.
  public var authservID: Result<String, FilterFailure>

  /// Creates a request.
  public init(
    message: MessageBytes, environment: QmailDKEnvironment, settings: FilterSettings,
    now: Int, readKey: @escaping (String) -> QmailDK.KeyFile, resolver: any KeyResolver,
    authservID: Result<String, FilterFailure>
  ) {
    self.message = message
    self.environment = environment
    self.settings = settings
    self.now = now
    self.readKey = readKey
    self.resolver = resolver
    self.authservID = authservID
  }
}
