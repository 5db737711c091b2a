import MailPath
import Testing

@Suite struct NextQueueProgramTests {
  @Test func dkqueueWinsWhenSetAndNotEmpty() {
    #expect(NextQueueProgram.path(dkQueue: "/x/q", argv0: "/var/qmail/bin/qmail-queue") == "/x/q")
    #expect(
      NextQueueProgram.path(dkQueue: "", argv0: "/var/qmail/bin/qmail-queue")
        == "bin/qmail-queue.orig")
  }

  @Test(arguments: [
    ("/var/qmail/bin/qmail-queue", "bin/qmail-queue.orig"),
    ("bin/qmail-queue", "bin/qmail-queue.orig"),
    // qmail-dk looks for a slash in argv[0]: a bare name is not the link.
    ("qmail-queue", "bin/qmail-queue"),
    ("/usr/local/bin/toaster-dk-queue", "bin/qmail-queue"),
  ])
  func argv0RuleOfQmailDK(argv0: String, expected: String) {
    #expect(NextQueueProgram.path(dkQueue: nil, argv0: argv0) == expected)
  }

  @Test func settingsFromTheEnvironment() {
    #expect(FilterSettings([:]).keyFailure == .temporary)
    #expect(FilterSettings(["DKKEYFAIL": "bounce"]).keyFailure == .permanent)
    #expect(FilterSettings(["DKKEYFAIL": "nonsense"]).keyFailure == .temporary)
    #expect(FilterSettings([:]).signDKIM)
    #expect(!FilterSettings(["DKIMSIGN": "0"]).signDKIM)
    #expect(FilterSettings(["DKDEBUG": ""]).debug)
  }
}
