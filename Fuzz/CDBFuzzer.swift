// libFuzzer target for the cdb reader: a tcp.smtp.cdb on disk may be truncated, left by
// another program, or simply not a cdb. The input is written to a file and opened as a cdb;
// every record is read, keys are looked up, and tcpserver's lookup runs over the result.
// Build and run with Scripts/fuzz.sh; it is not part of the package build.
import CDB
import Glibc
import TcpRules

// One file per process, in memory when /dev/shm exists, rewritten for every input.
private let path: String = {
  let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
  let name = "\(directory)/toaster-dk-cdb-fuzz.\(getpid())"
  let fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
  precondition(fd >= 0, "cannot create \(name)")
  close(fd)
  return name
}()

// libFuzzer ends with exit(), so the file goes away however the run ends (except a crash).
private let removeAtExit: Void = { atexit { unlink(path) } }()

private func write(_ bytes: [UInt8]) {
  let fd = open(path, O_WRONLY | O_TRUNC)
  precondition(fd >= 0, "open \(path) failed")
  var written = 0
  while written < bytes.count {
    let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    precondition(count > 0, "write \(path) failed")
    written += count
  }
  close(fd)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = removeAtExit
  write(bytes)
  guard let reader = try? CDBReader(path: path) else { return 0 }
  var keys: [[UInt8]] = [[], Array("127.".utf8), Array("10.1.2.3".utf8)]
  if let records = try? reader.allRecords() {
    keys += records.prefix(16).map(\.key)
    for record in records.prefix(16) { _ = RuleData(record.data) }
  }
  // Keys cut from the input itself reach hash slots an all-records walk may never visit.
  for start in stride(from: 2048, to: bytes.count, by: 509) {
    keys.append(Array(bytes[start..<min(start + Int(bytes[start] % 24), bytes.count)]))
  }
  for key in keys { _ = try? reader.first(key: key) }
  for connection in [Connection(ip: "10.1.2.3"), Connection(ip: "127.0.0.1", host: "a.b.c")] {
    if let answer = try? RulesLookup.find(connection, in: { try reader.first(key: $0) }) {
      _ = answer.tcprulescheckOutput
    }
  }
  return 0
}
