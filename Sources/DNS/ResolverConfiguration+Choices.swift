extension ResolverConfiguration {
  /// The longest deadline a lookup may be given, in seconds.
  public static let maximumTimeout = 600.0

  /// A configuration from an operator's choices: the servers of `resolvConf` unless
  /// `servers` are given; those servers asked without recursion about `stubZone` (the
  /// domain's own authoritative servers) when it is given, or as forwarders otherwise;
  /// DNSSEC validation when `trustAnchorFile` is given.
  ///
  /// - Throws: `DNSError.invalidTimeout` for a deadline not above 0 or over
  ///   `maximumTimeout`.
  public init(
    servers: [DNSServer], stubZone: String? = nil, resolvConf: String = systemResolvConf,
    timeout: Double = defaultTimeout, trustAnchorFile: String? = nil
  ) throws(DNSError) {
    try Self.checkTimeout(timeout)
    let upstream: Upstream
    switch (servers.isEmpty, stubZone) {
    case (true, _): upstream = .resolvConf(path: resolvConf)
    case (false, let zone?): upstream = .stub(zone: zone, servers: servers)
    case (false, nil): upstream = .forwarders(servers)
    }
    self.init(upstream: upstream, timeout: timeout, trustAnchorFile: trustAnchorFile)
  }

  /// Parses a deadline in seconds (`5`, `0.5`).
  ///
  /// - Throws: `DNSError.invalidTimeoutText` for anything but a number above 0 and at most
  ///   `maximumTimeout`.
  public static func parseTimeout(_ text: String) throws(DNSError) -> Double {
    guard let seconds = Double(text), seconds.isFinite else {
      throw .invalidTimeoutText(text)
    }
    do {
      try checkTimeout(seconds)
    } catch {
      throw .invalidTimeoutText(text)
    }
    return seconds
  }

  static func checkTimeout(_ seconds: Double) throws(DNSError) {
    // NaN fails both comparisons; an infinite or huge deadline would overflow the
    // millisecond count the resolver waits with.
    guard seconds > 0, seconds <= maximumTimeout else { throw .invalidTimeout(seconds) }
  }
}
