internal import CUnbound
import Glibc

/// The fields of a `ub_result`, copied out before it is freed.
struct RawAnswer {
  var rcode: Int
  var haveData: Bool
  var nxdomain: Bool
  var rdata: [[UInt8]]
  var canonicalName: String?
  var ttl: Int
  var secure: Bool
  var bogus: Bool
  var whyBogus: String?

  func security(validating: Bool) -> DNSSECStatus {
    guard validating else { return .unchecked }
    return secure ? .secure : .insecure
  }
}

enum ResolveFailure: Error {
  case timeout(Double)
  case unbound(Int32)
}

// Filled in by the libunbound callback, which runs inside ub_process on this thread.
private final class PendingQuestion {
  var done = false
  var error: Int32 = 0
  var result: UnsafeMutablePointer<ub_result>?
}

extension Resolver {
  /// Asks one question and waits for the answer until the configured deadline.
  func resolve(_ name: String, type: Int32) -> Result<RawAnswer, ResolveFailure> {
    noteQuery()
    let context = unboundContext
    let unbound = self.unbound
    let pending = PendingQuestion()
    // The context keeps the pointer until the callback runs or ub_cancel forgets it; the
    // retain is given back on every path below, after either.
    let retained = Unmanaged.passRetained(pending)
    defer { retained.release() }
    var id: Int32 = 0
    let started = unbound.resolve_async(
      context, name, type, 1, retained.toOpaque(),
      { data, error, result in
        guard let data else { return }
        let pending = Unmanaged<PendingQuestion>.fromOpaque(data).takeUnretainedValue()
        pending.done = true
        pending.error = error
        pending.result = result
      }, &id)
    guard started == 0 else { return .failure(.unbound(started)) }
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(Int(configuration.timeout * 1000))
    while !pending.done {
      let left = clock.now.duration(to: deadline)
      guard left > .zero else {
        _ = unbound.cancel(context, id)
        return .failure(.timeout(configuration.timeout))
      }
      let milliseconds =
        left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
      var descriptor = pollfd(fd: unbound.fd(context), events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(max(1, milliseconds)))
      if ready < 0 && errno != EINTR {
        _ = unbound.cancel(context, id)
        return .failure(.unbound(UB_PIPE.rawValue))
      }
      if ready > 0 {
        let processed = unbound.process(context)
        if processed != 0 && !pending.done {
          _ = unbound.cancel(context, id)
          return .failure(.unbound(processed))
        }
      }
    }
    guard pending.error == 0, let result = pending.result else {
      if let result = pending.result { unbound.resolve_free(result) }
      return .failure(.unbound(pending.error))
    }
    // The callback hands over the result; ub_resolve_free releases it once copied.
    defer { unbound.resolve_free(result) }
    return .success(Self.copy(result.pointee))
  }

  private static func copy(_ result: ub_result) -> RawAnswer {
    var rdata: [[UInt8]] = []
    // data and len are NULL on SERVFAIL; otherwise data ends with a NULL entry.
    if let data = result.data, let lengths = result.len {
      var index = 0
      while let entry = data[index] {
        let length = Int(lengths[index])
        rdata.append(
          Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(entry), count: length)))
        index += 1
      }
    }
    return RawAnswer(
      rcode: Int(result.rcode), haveData: result.havedata != 0, nxdomain: result.nxdomain != 0,
      rdata: rdata, canonicalName: result.canonname.map { String(cString: $0) },
      ttl: Int(result.ttl), secure: result.secure != 0, bogus: result.bogus != 0,
      whyBogus: result.why_bogus.map { String(cString: $0) })
  }
}
