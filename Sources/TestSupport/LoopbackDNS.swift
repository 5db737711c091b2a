import Foundation

/// A real DNS server on a loopback address, started by a test and stopped with `stop()`:
/// tinydns serving a tinydns-data file, BIND named serving a zone, or the python3-dnslib fake.
///
/// Each server gets a random address in 127.0.0.0/8 (port 53 unless told), so tests and
/// test runs in parallel do not collide; a failed bind is retried on another address.
public final class LoopbackDNS: @unchecked Sendable {
  /// The address the server listens on.
  public let address: String
  /// The UDP port (53 for tinydns).
  public private(set) var port: Int
  /// `ADDR` or `ADDR@PORT`, as `--dns-server` takes it.
  public var server: String { port == 53 ? address : "\(address)@\(port)" }
  private let process: Process
  private let directory: TempDirectory
  private let output: LineCollector

  private init(
    address: String, port: Int, process: Process, directory: TempDirectory,
    output: LineCollector
  ) {
    self.address = address
    self.port = port
    self.process = process
    self.directory = directory
    self.output = output
  }

  deinit { stop() }

  /// Ends the server and removes its files.
  public func stop() {
    if process.isRunning {
      // SIGKILL: Foundation starts children with SIGTERM blocked, so terminate() is ignored.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    directory.remove()
  }

  /// The lines the server has printed so far (the fake's `query NAME TYPE` log).
  public var lines: [String] { output.lines }

  /// The server's lines once `settled` holds for them (or, after `timeout`, as they are).
  ///
  /// The fake prints a question before it answers, but the pipe is read on
  /// another thread: a test that has its answer may not have the line yet (on a loaded
  /// machine, not for a while).
  public func lines(
    within timeout: TimeInterval = 10, until settled: ([String]) -> Bool
  ) -> [String] {
    let deadline = Date().addingTimeInterval(timeout)
    var seen = output.lines
    while !settled(seen) && Date() < deadline {
      usleep(10_000)
      seen = output.lines
    }
    return seen
  }

  /// Why DNS server tests must be skipped, or nil when `programs` are installed.
  public static func missing(_ programs: String...) -> String? {
    let absent = programs.filter { program in
      program == "dnslib" ? !fakeAvailable : RealBinary.find(program) == nil
    }
    if !absent.isEmpty { return "not installed: \(absent.joined(separator: ", "))" }
    let needsPort53 = programs.contains("tinydns") || programs.contains("named")
    return needsPort53 && geteuid() != 0 ? "tinydns and named need root to bind port 53" : nil
  }

  static let fakeAvailable: Bool = {
    let probe = try? ProcessRunner.run(python, ["-c", "import dnslib"])
    return probe?.status == 0
  }()

  /// Debian's interpreter, the one python3-dnslib is installed for (a pyenv python3 on PATH
  /// would not see it).
  static let python = "/usr/bin/python3"

  /// A random loopback address outside 127.0.0.0/16, where other services live.
  static func randomAddress() -> String {
    "127.\(Int.random(in: 20...250)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
  }

  /// Starts tinydns with `data` (tinydns-data lines) compiled by the real tinydns-data.
  ///
  /// - Throws: when tinydns-data rejects the data or tinydns does not come up.
  public static func tinydns(data: String) throws -> LoopbackDNS {
    try attempts { address in
      let directory = try TempDirectory(prefix: "tinydns")
      try directory.write(data, to: "data")
      let compile = try ProcessRunner.run(
        try program("tinydns-data"), [], currentDirectory: directory.path)
      guard compile.status == 0 else {
        directory.remove()
        throw LoopbackDNSError(text: "tinydns-data: \(compile)")
      }
      let env = ["IP": address, "ROOT": directory.path, "UID": "\(getuid())", "GID": "\(getgid())"]
      return try start(
        try program("tinydns"), [], environment: env, address: address, port: 53,
        directory: directory
      ) { _ in udpBound(address: address, port: 53) }
    }
  }

  /// Starts BIND named serving `zone` (a zone file's text) for `origin`.
  ///
  /// - Throws: when named refuses the zone or does not come up.
  public static func named(zone: String, origin: String) throws -> LoopbackDNS {
    // named listens only on addresses of an interface (lo has 127.0.0.1 alone), so it gets
    // a random port instead of a random address.
    try attempts { _ in
      let address = "127.0.0.1"
      let port = Int.random(in: 20000...60000)
      let directory = try TempDirectory(prefix: "named")
      try directory.write(zone, to: "zone.db")
      let path = directory.path
      let config = """
        options {
          directory "\(path)";
          listen-on port \(port) { \(address); };
          listen-on-v6 { none; };
          pid-file "\(path)/named.pid";
          session-keyfile "\(path)/session.key";
          recursion no;
          dnssec-validation no;
        };
        controls { };
        zone "\(origin)" { type primary; file "\(path)/zone.db"; };

        """
      try directory.write(config, to: "named.conf")
      return try start(
        try program("named"), ["-g", "-n", "1", "-c", directory.join("named.conf")],
        environment: [:], address: address, port: port, directory: directory
      ) { lines in
        lines.contains { $0.hasSuffix(" running") } && udpBound(address: address, port: port)
      }
    }
  }

  /// Starts the python3-dnslib fake with `names` (name → behaviour, see
  /// `Tests/DNSTests/Scripts/fake-dns.py`) as JSON text.
  ///
  /// - Throws: when the fake does not come up.
  public static func fake(namesJSON: String) throws -> LoopbackDNS {
    try attempts { address in
      let directory = try TempDirectory(prefix: "fake-dns")
      try directory.write(
        "{\"address\": \"\(address)\", \"port\": 0, \"names\": \(namesJSON)}",
        to: "config.json")
      let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Tests/DNSTests/Scripts/fake-dns.py").standardized.path
      let server = try start(
        python, [script, directory.join("config.json")], environment: [:], address: address,
        port: 0, directory: directory
      ) { lines in lines.contains { $0.hasPrefix("ready ") } }
      guard let ready = server.lines.first(where: { $0.hasPrefix("ready ") }),
        let port = Int(ready.dropFirst(6))
      else { throw LoopbackDNSError(text: "fake-dns printed no port") }
      server.port = port
      return server
    }
  }

  private static func program(_ name: String) throws -> String {
    guard let path = RealBinary.find(name) else {
      throw LoopbackDNSError(text: "not installed: \(name)")
    }
    return path
  }

  // A few addresses in turn: another test may hold the first one.
  private static func attempts(_ body: (String) throws -> LoopbackDNS) throws -> LoopbackDNS {
    var last: Error = LoopbackDNSError(text: "no attempt")
    for _ in 0..<4 {
      do { return try body(randomAddress()) } catch { last = error }
    }
    throw last
  }

  // Starts the program and waits (up to 10 s) until `ready` says so, or it exits.
  private static func start(
    _ executable: String, _ arguments: [String], environment: [String: String], address: String,
    port: Int, directory: TempDirectory, ready: ([String]) -> Bool
  ) throws -> LoopbackDNS {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = LineCollector()
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
    try process.run()
    let server = LoopbackDNS(
      address: address, port: port, process: process, directory: directory, output: output)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if ready(output.lines) { return server }
      guard process.isRunning else { break }
      usleep(10_000)
    }
    let text = output.lines.joined(separator: "\n")
    server.stop()
    throw LoopbackDNSError(text: "\(executable) did not come up on \(address):\n\(text)")
  }

  // Whether a UDP socket is bound to address:port, from /proc/net/udp (hex, little-endian
  // address on x86).
  static func udpBound(address: String, port: Int) -> Bool {
    guard let table = try? String(contentsOfFile: "/proc/net/udp", encoding: .utf8) else {
      return false
    }
    let octets = address.split(separator: ".").compactMap { UInt8($0) }
    let hex = octets.reversed().map { String(format: "%02X", $0) }.joined()
    let wanted = "\(hex):\(String(format: "%04X", port))"
    return table.split(separator: "\n").contains {
      $0.split(separator: " ").dropFirst().first == Substring(wanted)
    }
  }
}

/// A loopback server could not be started.
public struct LoopbackDNSError: Error, CustomStringConvertible {
  /// What went wrong, with the server's output.
  public let text: String
  public var description: String { text }

  /// Creates an error with its text.
  public init(text: String) { self.text = text }
}

// Output lines gathered from the server's pipe on Foundation's reading thread.
final class LineCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var buffer: [UInt8] = []

  func append(_ data: Data) {
    lock.lock()
    buffer += data
    lock.unlock()
  }

  var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
