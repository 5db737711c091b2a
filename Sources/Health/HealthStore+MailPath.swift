import KeyStore
import MailPath
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

extension HealthStore {
  /// Whether mail that never passes qmail-smtpd's DKSIGN (bounces, qmail-inject) is signed.
  ///
  /// Only a queue-exit signer at bin/qmail-remote signs it, and bounces only when their
  /// domain has a key; `RemoteChain` says what qmail-remote is.
  func mailPathHealth(_ remote: RemoteChain, problems: inout HealthProblems) -> String {
    switch remote.state {
    case .stock:
      problems.warning(
        "bounces and locally injected mail (qmail-inject, cron, autoresponders) leave unsigned:"
          + " qmail-dk signs only what qmail-smtpd accepts from relay clients; sign everything"
          + " that leaves the queue with toaster-dk remote install")
      return "no: qmail-remote is the stock program"
    case .qmtPerlWrapper:
      problems.error(
        "bin/qmail-remote is QmailToaster's Perl DKIM wrapper: it signs rsa-sha1 (refused "
          + "by RFC 8301 verifiers) with d= from control/me: replace it with toaster-dk's "
          + "queue-exit signer: toaster-dk remote install --import-keys")
      return "by QmailToaster's Perl wrapper (rsa-sha1)"
    case .unknown:
      problems.error(
        "bin/qmail-remote: \(remote.problem ?? "unknown layout"): see toaster-dk remote status")
      return "unknown: bin/qmail-remote is not a layout toaster-dk knows"
    case .toasterDK:
      return bounceHealth(problems: &problems)
    }
  }

  // toaster-dk-remote signs a bounce for bounce-domain=, else for its From: domain,
  // qmail-send's control/bouncehost (control/me without it).
  private func bounceHealth(problems: inout HealthProblems) -> String {
    let file = RemoteSelectorsFile(paths: paths)
    let selectors: RemoteSelectors
    do {
      selectors = try file.read()
    } catch {
      problems.error("\(error): fix \(file.path); until then toaster-dk-remote defers all mail")
      return "no: \(file.path) does not parse"
    }
    let host =
      selectors.bounceDomain ?? controlLine("bouncehost") ?? controlLine("me") ?? "(no control/me)"
    let domain = host.lowercased()
    let chosen = selectors.selectors(for: domain)
    let keys = chosen.map { "\(paths.domainKeys)/\(domain)/\($0)" }
    var info = stat()
    guard keys.contains(where: { lstat($0, &info) == 0 }) else {
      problems.error(
        "bounces are sent From: MAILER-DAEMON@\(host), which has no key (\(keys.joined(separator: ", ")))"
          + ", so toaster-dk-remote sends them unsigned: add bounce-domain=DOMAIN (a domain with a"
          + " key) to \(file.path), or run toaster-dk domain add \(domain)"
          + (chosen == [RemoteSelectors.defaultSelector] ? "" : " --selector \(chosen[0])"))
      return "local mail yes; bounces no: \(domain) has no key"
    }
    return "yes: toaster-dk-remote signs what leaves the queue, bounces as d=\(domain)"
  }

  private func controlLine(_ name: String) -> String? {
    let path = paths.resolve("/var/qmail/control/\(name)")
    guard case .success(let line) = ControlFileReader.firstLine(path: path, displayPath: path)
    else { return nil }
    return line
  }
}
