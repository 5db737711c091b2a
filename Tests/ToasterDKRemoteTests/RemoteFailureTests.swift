import Foundation
import TestSupport
import Testing

/// Every failure ends in exit 0 with the documented report, or 111: never anything else.
@Suite(.serialized) struct RemoteFailureTests {
  private func sandbox() throws -> RemoteSandbox {
    let sandbox = try RemoteSandbox()
    try sandbox.addKey(TestKeys.rsa1024)
    return sandbox
  }

  private static let delivered = ["rbob@example.net accepted", "Kmessage accepted"]

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func deliversUnsignedWithOneLogLineWithoutAKeyOrAFrom() throws {
    let box = try sandbox()
    defer { box.remove() }
    let cases: [(String, String)] = [
      ("From: a@example.org\n", "no key for example.org: no key \(box.keys)/example.org/private"),
      ("To: bob@example.net\n", "message has no From: field"),
      ("From: a@../../etc\n", "From: domain \"../../etc\" is not a domain name"),
      ("From: a@x/y.example.com\n", "From: domain \"x/y.example.com\" is not a domain name"),
    ]
    for (header, log) in cases {
      let message = Array((header + "Subject: s\n\nbody\n").utf8)
      let (run, _) = try box.run(message, shared: false)
      #expect(run.status == 0, "\(header)")
      #expect(run.reports == Self.delivered, "\(header): \(run)")
      #expect(run.message == message, "\(header)")
      #expect(run.stderr.hasPrefix("toaster-dk-remote: " + log), "\(header): \(run.stderr)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(header): \(run.stderr)")
    }
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func bouncesWithoutAKeyForTheBounceHostAreDeliveredUnsigned() throws {
    let box = try sandbox()
    defer { box.remove() }
    let bounce = Array(
      "From: MAILER-DAEMON@mail.example.com\nTo: alice@example.com\nSubject: failure notice\n\nHi\n"
        .utf8)
    // A bounce (empty sender) and a double bounce (#@[]), the bounce host having no key.
    for sender in ["", "#@[]"] {
      let arguments = ["example.net", sender, "bob@example.net"]
      let (run, _) = try box.run(bounce, arguments: arguments, shared: false)
      #expect(run.status == 0, "\(sender): \(run)")
      #expect(run.reports == Self.delivered, "\(sender): \(run)")
      #expect(run.argv == ["qmail-remote"] + arguments)
      #expect(run.message == bounce, "\(sender)")
      #expect(
        run.stderr
          == "toaster-dk-remote: no key for mail.example.com: no key"
          + " \(box.keys)/mail.example.com/private\n", "\(sender): \(run.stderr)")
    }
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func defersOnAKeyThatCannotBeReadOrUsed() throws {
    let box = try sandbox()
    defer { box.remove() }
    let key = box.keys + "/example.com/private"
    // Tests run as root, who reads any file: a directory in the key's place cannot be read.
    try FileManager.default.removeItem(atPath: key)
    try FileManager.default.createDirectory(atPath: key, withIntermediateDirectories: false)
    let unreadable = try box.run().run
    #expect(unreadable.status == 0)
    #expect(
      unreadable.reports == [
        "Ztoaster-dk-remote: unable to read signing key \(key): is a directory (#4.3.0)"
      ], "\(unreadable)")
    #expect(unreadable.message == nil)
    try FileManager.default.removeItem(atPath: key)
    try box.addKey("-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n")
    let corrupt = try box.run().run
    #expect(corrupt.status == 0)
    #expect(corrupt.reports.count == 1, "\(corrupt)")
    #expect(
      corrupt.reports.first?.hasPrefix("Ztoaster-dk-remote: unusable signing key \(key):") == true)
    #expect(corrupt.reports.first?.hasSuffix(" (#4.3.0)") == true)
    #expect(corrupt.message == nil)
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func defersWithoutQmailRemoteOrTheSettingsOrArguments() throws {
    let box = try sandbox()
    defer { box.remove() }
    try box.setSelectors("example.com:a/b\n")
    let settings = try box.run().run
    #expect(settings.status == 0)
    #expect(
      settings.reports == [
        "Ztoaster-dk-remote: \(box.join("var/qmail/control/toaster-dk/remote-selectors")):1:13:"
          + " error: selector \"a/b\": \"/\" is not allowed (only letters, digits, - and dots"
          + " between labels) (#4.3.0)"
      ], "\(settings)")
    try FileManager.default.removeItem(atPath: box.join("var/qmail/control/toaster-dk"))
    let short = try box.run(arguments: ["example.net", "alice@example.com"]).run
    #expect(
      short.reports == [
        "Ztoaster-dk-remote: usage: qmail-remote host sender recipient [recipient ...] (#4.3.0)"
      ], "\(short)")
    let original = box.join("var/qmail/bin/qmail-remote.orig")
    try FileManager.default.removeItem(atPath: original)
    let missing = try box.run().run
    #expect(missing.status == 0)
    #expect(
      missing.reports.first?.hasPrefix("Ztoaster-dk-remote: unable to find \(original)") == true,
      "\(missing)")
    // qmail-remote.orig leading back to the wrapper would loop.
    try FileManager.default.createSymbolicLink(atPath: original, withDestinationPath: box.launcher)
    let loop = try box.run().run
    #expect(
      loop.reports == [
        "Ztoaster-dk-remote: \(original) is toaster-dk-remote itself; it must be the real"
          + " qmail-remote (#4.3.0)"
      ], "\(loop)")
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func turnsAnyOddEndOfQmailRemoteIntoOneHundredEleven() throws {
    let box = try sandbox()
    defer { box.remove() }
    let killed = try box.run(environment: ["FAKER_KILL": "11"]).run
    #expect(killed.status == 111, "\(killed)")
    let odd = try box.run(environment: ["FAKER_EXIT": "100"]).run
    #expect(odd.status == 111, "\(odd)")
    let temporary = try box.run(environment: ["FAKER_EXIT": "111"]).run
    #expect(temporary.status == 111, "\(temporary)")
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func defersWhenTheSignerCannotStartOrCrashes() throws {
    let box = try sandbox()
    defer { box.remove() }
    let signer = box.bin + "/toaster-dk-remote-signer"
    // A real loader failure: a program linked to a shared library that is then removed.
    let work = try TempDirectory(prefix: "toaster-dk-remote-lib")
    defer { work.remove() }
    try work.write("int gone(void) { return 0; }\n", to: "gone.c")
    try work.write("int gone(void);\nint main(void) { return gone(); }\n", to: "main.c")
    try RemoteSandbox.compile(
      work.join("gone.c"), to: work.join("libgone.so"), flags: ["-shared", "-fPIC"])
    try FileManager.default.removeItem(atPath: signer)
    try RemoteSandbox.compile(
      work.join("main.c"), to: signer,
      flags: ["-L" + work.path, "-lgone", "-Wl,-rpath," + work.path])
    try FileManager.default.removeItem(atPath: work.join("libgone.so"))
    let loader = try box.run().run
    #expect(loader.status == 0)
    #expect(loader.reports.count == 1, "\(loader)")
    let report = loader.reports.first ?? ""
    #expect(report.hasPrefix("Ztoaster-dk-remote: the signer exited 127: "), "\(report)")
    #expect(report.contains("libgone.so"), "\(report)")
    #expect(report.hasSuffix(" (#4.3.0)"))
    for (script, reason) in [
      ("#!/bin/sh\nkill -SEGV $$\n", "the signer was killed by signal 11"),
      ("#!/bin/sh\necho partial >&2\nexit 100\n", "the signer exited 100: partial"),
    ] {
      try FileManager.default.removeItem(atPath: signer)
      try Data(script.utf8).write(to: URL(fileURLWithPath: signer))
      chmod(signer, 0o755)
      let run = try box.run().run
      #expect(run.status == 0)
      #expect(run.reports == ["Ztoaster-dk-remote: \(reason) (#4.3.0)"], "\(run)")
    }
    try FileManager.default.removeItem(atPath: signer)
    let absent = try box.run().run
    #expect(absent.status == 0)
    #expect(
      absent.reports == [
        "Ztoaster-dk-remote: the signer exited 127: unable to run the signer (#4.3.0)"
      ],
      "\(absent)")
  }

  @Test(.disabled(if: RemoteSandbox.missing != nil, "\(RemoteSandbox.missing ?? "")"))
  func binaryGarbageGetsAReportAndExitZero() throws {
    let box = try sandbox()
    defer { box.remove() }
    var generator = SeededGenerator(seed: 10)
    for size in [0, 1, 100, 5000, 70000] {
      let garbage = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let (run, _) = try box.run(garbage)
      #expect(run.status == 0, "\(size): \(run)")
      #expect(run.reports.last?.first == "K" || run.reports.last?.first == "Z", "\(size): \(run)")
    }
  }
}
