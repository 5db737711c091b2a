import DKEngine
import LibCrypto
import MailPath
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

// toaster-dk-remote-signer: signs a message leaving the queue by its From: domain, then
// execs qmail-remote.orig with the same argv. Run by the toaster-dk-remote launcher, which
// turns anything unexpected into a temporary deferral; every own failure here is a Z
// report and exit 0 (RemoteExit).

// One message per process: OpenSSL's error texts cost more to load than they are worth
// here (the messages are qmail's own).
CryptoStartup.withoutErrorTexts()
signal(SIGPIPE, SIG_IGN)
umask(0o077)

let arguments = CommandLine.arguments
let root = getenv("TOASTER_DK_ROOT").map { String(cString: $0) } ?? "/"
let paths = ToasterPaths(root: root)
let original = paths.resolve("/var/qmail/bin/qmail-remote.orig")
let temporary = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"

do throws(RemoteExit) {
  guard arguments.count >= 4 else {
    throw .deferral("usage: qmail-remote host sender recipient [recipient ...]")
  }
  try RemoteHandOff.check(original)
  let selectors: RemoteSelectors
  do {
    selectors = try RemoteSelectorsFile(paths: paths).read()
  } catch {
    throw .deferral("\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)")
  }
  var info = stat()
  var input: Int32 = 0
  if fstat(0, &info) != 0 || info.st_mode & S_IFMT != S_IFREG {
    input = try RemoteSpool.create(in: temporary)
    try RemoteSpool.copy(from: 0, to: input)
  } else {
    try RemoteSpool.rewind(0)
  }
  let mapped: MappedFile
  do {
    mapped = try MappedFile(descriptor: input, path: "the message", limit: Int.max)
  } catch {
    throw .deferral("\(error)")
  }
  let message = MessageBytes(unsafeBorrowing: mapped.bytes, owner: mapped, release: mapped.release)
  let request = RemoteRequest(
    message: message, sender: arguments[2], selectors: selectors,
    keyDirectory: paths.domainKeys, now: Int(time(nil)),
    readKey: { KeyFileReader.read(path: $0) })
  let result = RemoteSigner.decide(request)
  for note in result.notes { RemoteLog.write(note) }
  switch result.decision {
  case .deferral(let reason):
    throw .deferral(reason)
  case .unsigned:
    try RemoteSpool.rewind(input)
  case .sign(let headers):
    let output = try RemoteSpool.create(in: temporary)
    try RemoteSpool.write(headers: headers, message: message, to: output)
    if input != 0 { close(input) }
    input = output
  }
  withExtendedLifetime(mapped) {}
  throw RemoteHandOff.exec(original, arguments: arguments, input: input)
} catch {
  error.finish()
}
