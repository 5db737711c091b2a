#if canImport(Glibc)
  import Glibc
#endif

/// The on-disk layout of the key tree and its permission convention.
///
/// ```
/// <domainkeys>/                        the admin's directory (links in its path are followed)
/// <domainkeys>/<domain>/               0750 root:vchkpw
/// <domainkeys>/<domain>/<selector>     0440 root:vchkpw   PKCS#8 PEM private key
/// <domainkeys>/<domain>/<selector>.txt 0644 root:vchkpw   the TXT record value to publish
/// <domainkeys>/<domain>/public.txt     hand-made QmailToaster record of selector `private`
/// <domainkeys>/.removed/               0700 root          keys taken out by remove or --force
/// ```
///
/// qmail-dk reads `<domain>/<selector>` while running setuid qmailq with the group of
/// qmail-smtpd (vchkpw on a toaster), hence group-readable keys in group-searchable
/// directories. Nothing inside `<domainkeys>` is ever reached through a symbolic link.
public enum KeyLayout {
  /// The default mode of a private key file.
  public static let keyMode: mode_t = 0o440
  /// The mode of a domain directory.
  public static let directoryMode: mode_t = 0o750
  /// The mode of a record file (public data).
  public static let recordMode: mode_t = 0o644
  /// The mode of the backup directory and what is moved into it.
  public static let backupMode: mode_t = 0o700
  /// The mode of the key directory when toaster-dk has to create it.
  public static let keyDirectoryMode: mode_t = 0o755
  /// The default owner of keys and directories.
  public static let defaultOwner = "root"
  /// The default group: the group qmail-smtpd runs under on a QmailToaster.
  public static let defaultGroup = "vchkpw"
  /// The suffix of a record file: `<selector>.txt`.
  public static let recordSuffix = ".txt"
  /// The stem of the hand-made record file `public.txt`, which belongs to selector `private`.
  public static let legacyRecordStem = "public"
  /// The directory (inside the key directory) holding removed and replaced keys.
  public static let backupDirectory = ".removed"

  /// The record file name of `selector`.
  public static func recordFileName(_ selector: SelectorName) -> String {
    selector.text + recordSuffix
  }

  /// The hand-made record file name, if `selector` may have one (`private` → `public.txt`).
  public static func legacyRecordFileName(_ selector: SelectorName) -> String? {
    selector == .toasterDefault ? legacyRecordStem + recordSuffix : nil
  }
}
