// libFuzzer target for the tcp.smtp parsers, which read a file any admin or script wrote.
// Properties checked on every input, not only "no crash":
// - the lossless model renders back to the input byte for byte (`render(parse(x)) == x`);
// - the streaming compiler, fed in chunks of 1 to 17 bytes (chosen by the input), accepts
//   exactly the files the model accepts and emits the same records, with the same errors;
// - the linter reports an error wherever the parser rejects a line;
// - tcpserver's lookup runs over the records for connections taken from the input.
// Build and run with Scripts/fuzz.sh; it is not part of the package build.
import TcpRules

private struct Emitted: Equatable {
  var key: [UInt8]
  var data: [UInt8]
  var line: Int
}

private func compile(_ bytes: [UInt8], chunk: Int) -> Result<[Emitted], TcpRulesError> {
  var records: [Emitted] = []
  var compiler = RulesCompiler(path: "tcp.smtp")
  let emit: RulesCompiler.Emit = { key, data, line in
    records.append(Emitted(key: Array(key), data: Array(data), line: line))
  }
  do {
    try bytes.withUnsafeBytes { buffer in
      var start = 0
      while start < buffer.count {
        let end = min(start + chunk, buffer.count)
        try compiler.feed(UnsafeRawBufferPointer(rebasing: buffer[start..<end]), emit: emit)
        start = end
      }
    }
    try compiler.finish(emit: emit)
  } catch let error as TcpRulesError {
    return .failure(error)
  } catch {
    fatalError("compiler threw \(error)")
  }
  precondition(compiler.recordCount == records.count, "recordCount \(compiler.recordCount)")
  return .success(records)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let parsed = Result { () throws(TcpRulesError) in try RulesFile.parse(bytes, path: "tcp.smtp") }
  // The chunk size comes from the input, so the fuzzer explores lines that straddle chunk
  // boundaries; inputs of up to 17 bytes are also compiled whole.
  let chunk = bytes.isEmpty ? 1 : Int(bytes[0] % 17) + 1
  let whole = compile(bytes, chunk: chunk)
  let lint = RulesLinter.lint(bytes, path: "tcp.smtp")
  switch (parsed, whole) {
  case (.success(let file), .success(let records)):
    precondition(file.render() == bytes, "render(parse(x)) != x")
    let model = file.records().map { Emitted(key: $0.key, data: $0.data, line: $0.line) }
    precondition(model == records, "model and compiler records differ")
    for connection in connections(from: bytes) {
      let answer = RulesLookup.find(connection, in: file.records())
      _ = answer.tcprulescheckOutput
      _ = answer.ruleData
    }
  case (.failure(let parseError), .failure(let compileError)):
    precondition(parseError == compileError, "parser: \(parseError)\ncompiler: \(compileError)")
    precondition(lint.contains { $0.severity == .error }, "lint missed a rejected line")
  default:
    preconditionFailure("parser and compiler disagree: \(parsed) vs \(whole)")
  }
  return 0
}

/// A few connections whose address, host and ident come from the input, plus a fixed one.
private func connections(from bytes: [UInt8]) -> [Connection] {
  var result = [Connection(ip: "10.1.2.3"), Connection(ip: "127.0.0.1", host: "a.b", info: "x")]
  let words = bytes.split { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "\n") }.prefix(4)
  for word in words {
    result.append(Connection(ip: Array(word), host: Array(word.reversed()), info: Array(word)))
  }
  return result
}
