import ArgumentParser

/// The toaster-dk command: DomainKeys/DKIM keys and tcp.smtp rules for qmail toasters.
@main
struct ToasterDK: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "toaster-dk",
    abstract: "Set up and test DomainKeys/DKIM on a qmail toaster.",
    discussion: """
      Manages the per-domain signing keys under /var/qmail/control/domainkeys, the DKSIGN, \
      DKVERIFY and DKQUEUE settings in /etc/tcprules.d/tcp.smtp, and compiles tcp.smtp.cdb \
      exactly as tcprules does. Every command takes --root DIR to work on a sandbox copy of \
      the whole tree.

      See toaster-dk(5) for the file formats. Under --json a failing command prints \
      {"error": MESSAGE, "exit_status": N} on standard output; -q prints nothing but errors \
      on standard error, while results still go to standard output.

      \(ExitStatus.help)
      """,
    version: "0.1.0",
    subcommands: [
      RulesCommand.self, DomainCommand.self, TestSignCommand.self, TestVerifyCommand.self,
      SnapshotCommand.self, QueueCommand.self, RemoteCommand.self, RotateCommand.self,
      StatusCommand.self,
    ]
  )

  /// Parses and runs the command, then prints a failure once.
  ///
  /// A failure goes to standard error and, under `--json`, as a JSON object to standard
  /// output. Under `-q` only errors reach standard error; results still go to standard output.
  static func main() {
    let flags = CommandLine.arguments.dropFirst().prefix { $0 != "--" }
    let json = flags.contains("--json")
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      fail(error, json: json)
    }
    DiagnosticPrinter.quiet = flags.contains("-q") || flags.contains("--quiet")
    do {
      try command.run()
    } catch let exit as ExitCode {
      self.exit(withError: exit)
    } catch let error as ValidationError {
      fail(error, json: json)
    } catch let error where exitCode(for: error) == .success {
      // `--help` and `help` parse to ArgumentParser's help command, whose run() throws the
      // help request: ArgumentParser prints the help and exits 0.
      fail(error, json: json)
    } catch {
      let failure = error as? CommandFailure ?? CommandFailure(error)
      failure.print(json: json)
      self.exit(withError: failure.status.exitCode)
    }
  }

  // A usage error (or --help): ArgumentParser prints it; under --json the object goes too.
  private static func fail(_ error: any Error, json: Bool) -> Never {
    let status = exitCode(for: error)
    if json, status != .success {
      let failure = CommandFailure(
        status: ExitStatus(rawValue: status.rawValue) ?? .usage, message: message(for: error))
      OutputOptions.printJSON(failure.json)
    }
    exit(withError: error)
  }

}
