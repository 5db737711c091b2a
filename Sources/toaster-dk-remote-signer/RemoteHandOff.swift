import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Replaces this process with qmail-remote.orig: the same argv, `message` on fd 0 at
/// offset 0, fd 2 back on the report pipe (fd 1) as qmail-rspawn set it up.
enum RemoteHandOff {
  /// Checks that `program` can be run and is not this signer or its launcher (a loop).
  ///
  /// - Throws: `RemoteExit.deferral` naming the problem.
  static func check(_ program: String) throws(RemoteExit) {
    var target = stat()
    guard stat(program, &target) == 0 else {
      throw .deferral(
        SystemError.fromErrno("find", path: program, access: .reading).description
          + " (toaster-dk remote install keeps the real qmail-remote there)")
    }
    guard access(program, X_OK) == 0 else {
      throw .deferral(SystemError.fromErrno("run", path: program, access: .reading).description)
    }
    // The launcher names itself in the environment (and refuses to run when it finds the
    // name already set, so a loop missed here still ends after one round).
    let launcher = getenv("TOASTER_DK_REMOTE_LAUNCHER").map { String(cString: $0) }
    for candidate in ["/proc/self/exe"] + (launcher.map { [$0] } ?? []) {
      var info = stat()
      if stat(candidate, &info) == 0, info.st_dev == target.st_dev, info.st_ino == target.st_ino {
        throw .deferral(
          "\(program) is toaster-dk-remote itself; it must be the real qmail-remote")
      }
    }
  }

  /// Execs `program`; returns only the reason when that fails.
  static func exec(_ program: String, arguments: [String], input: Int32) -> RemoteExit {
    if input != 0 {
      guard dup2(input, 0) == 0 else {
        return .deferral(
          SystemError.fromErrno("move the message to", path: "fd 0", access: .writing)
            .description)
      }
      close(input)
    }
    // The launcher takes a NUL on its pipe as "qmail-remote.orig runs now".
    if !RemoteLog.stderrIsReportStream {
      var marker: UInt8 = 0
      _ = write(2, &marker, 1)
      _ = dup2(1, 2)
    }
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    execv(program, argv)
    return .deferral(SystemError.fromErrno("run", path: program, access: .reading).description)
  }
}
