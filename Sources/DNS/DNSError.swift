/// Why a resolver could not be set up or a question could not be asked.
public enum DNSError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A server given as `ADDR[@PORT]` does not parse.
  case invalidServer(String, String)
  /// libunbound refused a setting; `code` is its `UB_*` error number.
  case configuration(setting: String, code: Int32, text: String)
  /// libunbound could not create a context (out of memory).
  case contextCreationFailed
  /// libunbound itself could not be loaded (dlopen's or dlsym's reason).
  case libraryUnavailable(String)
  /// A file named in the configuration (resolv.conf, trust anchor) is missing or unreadable.
  case unreadableFile(path: String, what: String)
  /// The deadline is not a positive number of seconds up to the maximum.
  case invalidTimeout(Double)
  /// A deadline given as text is not a number of seconds in range.
  case invalidTimeoutText(String)

  public var description: String {
    switch self {
    case .invalidServer(let text, let reason):
      return "invalid dns server '\(text)': \(reason)"
    case .configuration(let setting, let code, let text):
      return "unable to configure the resolver (\(setting)): \(text) (libunbound error \(code))"
    case .contextCreationFailed:
      return "unable to create a resolver context: out of memory"
    case .libraryUnavailable(let reason):
      return "unable to load libunbound (install Debian's libunbound8): \(reason)"
    case .unreadableFile(let path, let what):
      return "unable to read \(what) \(path)"
    case .invalidTimeout(let seconds):
      return "invalid dns timeout \(seconds): \(Self.timeoutRange)"
    case .invalidTimeoutText(let text):
      return "invalid dns timeout '\(text)': \(Self.timeoutRange)"
    }
  }

  static var timeoutRange: String {
    "give a number of seconds above 0 and at most \(Int(ResolverConfiguration.maximumTimeout))"
  }
}
