import DKEngine
import ToasterSupport

// DKEngine may import only LibCrypto (house style), so the JSON of its dry-run summaries
// is built here, with the one JSONValue of ToasterSupport.

extension VerifySummary {
  /// One message of `test-verify --json` (and the self-check of `test-sign --json`).
  var json: JSONValue {
    .object(omittingNil: [
      ("path", .string(path)),
      ("dk_status", .string(dkStatus)),
      ("dk_status_name", .string(dkStatusName)),
      ("qmail_dk_status", .string(qmailDkStatus)),
      ("domain_key_status_header", .string(domainKeyStatusHeader)),
      ("dk_reason", .string(dkReason)),
      ("dkim", .array(dkim.map { .object($0.map { ($0.key, .string($0.value)) }) })),
      ("decision", .string(decision)),
      ("smtp_reply", smtpReply.map(JSONValue.string)),
      ("failed_signatures", .array(failedSignatures.map(JSONValue.string))),
    ])
  }
}

extension SignSummary {
  /// One message of `test-sign --json`.
  var json: JSONValue {
    .object(omittingNil: [
      ("path", .string(path)),
      ("outcome", .string(outcome)),
      (
        "keys",
        .array(
          keys.map {
            .object([
              ("domain", .string($0.domain)), ("selector", .string($0.selector)),
              ("key_path", .string($0.keyPath)), ("algorithm", .string($0.algorithm)),
              ("bits", .int($0.bits)),
            ])
          })
      ),
      ("template", template.map(JSONValue.string)),
      ("smtp_reply", smtpReply.map(JSONValue.string)),
      ("headers", .string(headers)),
      ("self_check", selfCheck?.json),
      ("failed_signatures", .array(failedSignatures.map(JSONValue.string))),
    ])
  }
}

extension MessageRow {
  /// The row as JSON: the summary as `summary` writes it, or the path and the error.
  func json(_ summary: (Summary) -> JSONValue) -> JSONValue {
    switch self {
    case .done(let done): summary(done)
    case .failed(let path, let failure):
      .object([
        ("path", .string(path)), ("error", .string(failure.message)),
        ("exit_status", .int(Int(failure.status.rawValue))),
      ])
    }
  }
}
