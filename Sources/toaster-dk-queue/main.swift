import DKEngine
import LibCrypto
import MailPath
import ToasterSupport

#if canImport(Glibc)
  import Glibc
#endif

// toaster-dk-queue: a qmail-queue filter that signs and verifies as qmail-dk 0.6 does, and
// adds DKIM. No arguments; settings come from the environment tcpserver sets from tcp.smtp.

// One message per process: OpenSSL's error texts cost more to load than they are worth
// here (the messages are qmail's own).
CryptoStartup.withoutErrorTexts()
signal(SIGPIPE, SIG_IGN)
// An ignored SIGCHLD survives exec: the next program would then be reaped unseen, waitpid
// would fail (ECHILD) and a message it queued would be reported as not queued, then sent
// again by the client.
signal(SIGCHLD, SIG_DFL)
// A file size limit must end in a write error (53), not kill the filter silently.
signal(SIGXFSZ, SIG_IGN)
// qmail-dk's limits: a day for the whole job (qmail-queue's own timeout, exit 52), which a
// SIGALRM blocked by the caller (the mask survives exec) would silently switch off. A next
// program already running is killed first, so it cannot queue a cut-off message. (Touched
// here so the handler never initializes it.)
QueueHandOff.runningChild = 0
signal(SIGALRM) { _ in
  if QueueHandOff.runningChild > 0 { kill(QueueHandOff.runningChild, SIGKILL) }
  _exit(52)
}
var alarmOnly = sigset_t()
sigemptyset(&alarmOnly)
sigaddset(&alarmOnly, SIGALRM)
sigprocmask(SIG_UNBLOCK, &alarmOnly, nil)
alarm(86400)
umask(0o033)

let variables = ProcessEnvironment.variables()
let paths = ToasterPaths(root: variables["TOASTER_DK_ROOT"] ?? "/")
let settings = FilterSettings(variables)

let spool: MessageSpool
do {
  spool = try MessageSpool(reading: 0, directory: variables["TMPDIR"] ?? "/tmp")
} catch {
  error.finish()
}

let mapped: MappedFile
do {
  mapped = try MappedFile(descriptor: spool.descriptor, path: "the message spool")
} catch let error as SystemError where error.code == ENOMEM {
  // No address space for the mapping (a memory limit): qmail-queue's out of memory.
  QueueExit.outOfMemory(error.description).finish()
} catch {
  QueueExit.readFailed("\(error)").finish()
}
let message = MessageBytes(
  unsafeBorrowing: mapped.bytes, owner: mapped, release: mapped.release)

let environment = QmailDKEnvironment(variables)
// Only verification asks DNS and names this host; signing pays for neither, and a resolver
// is made only for the first signature whose key is needed.
var resolver: any KeyResolver = StaticKeyResolver(records: [:])
var authservID = Result<String, FilterFailure>.failure(
  .unreadableControlFile(path: "/var/qmail/control/me", reason: "not read for signing"))
if environment.mode.isVerify {
  resolver = FilterResolver.lazy(variables, resolvConf: "/etc/resolv.conf") {
    ProcessEnvironment.log($0)
  }
  authservID = ControlFileReader.firstLine(
    path: paths.resolve("/var/qmail/control/me"), displayPath: "/var/qmail/control/me")
}
let request = FilterRequest(
  message: message, environment: environment, settings: settings, now: Int(time(nil)),
  readKey: { KeyFileReader.read(path: paths.resolve($0)) }, resolver: resolver,
  authservID: authservID)
let result = QueueFilter.filter(request)
if settings.debug {
  for note in result.notes { ProcessEnvironment.log(note) }
}

switch result.decision {
case .reject(let text):
  QueueExit.rejected(text: text).finish()
case .fail(let failure):
  QueueExit(failure).finish()
case .queue(let headers, let omitting):
  let program = NextQueueProgram.path(
    dkQueue: variables["DKQUEUE"], argv0: CommandLine.arguments.first ?? "")
  let home = paths.resolve("/var/qmail")
  let resolved = program.hasPrefix("/") ? paths.resolve(program) : program
  QueueHandOff.run(
    program: resolved, home: home, headers: headers, message: message, omitting: omitting
  ).finish()
}
