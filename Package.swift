// swift-tools-version:6.1
import PackageDescription

// Release builds link libstdc++ statically (see Link/static-libstdc++/libstdc++.so): the
// Swift runtime is already static there, and the filter and signer start once per message.
let staticLibstdcxx: [LinkerSetting] = [
  .unsafeFlags(
    ["-L", Context.packageDirectory + "/Link/static-libstdc++"], .when(configuration: .release))
]

let package = Package(
  name: "toaster-dk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "toaster-dk", targets: ["toaster-dk"]),
    .executable(name: "toaster-dk-queue", targets: ["toaster-dk-queue"]),
    .executable(name: "toaster-dk-remote-signer", targets: ["toaster-dk-remote-signer"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
  ],
  targets: [
    // C system libraries
    .systemLibrary(
      name: "COpenSSL",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    .systemLibrary(
      name: "CTinyCDB",
      pkgConfig: "libcdb",
      providers: [.apt(["libcdb-dev"])]
    ),
    // unbound.h only: the library itself is opened with dlopen on first use (shim.h).
    .systemLibrary(
      name: "CUnbound",
      providers: [.apt(["libunbound-dev"])]
    ),
    // <sys/xattr.h> for the key ACLs; part of libc.
    .systemLibrary(name: "CXattr"),

    // Libraries
    .target(name: "ToasterSupport"),
    .target(name: "QmailDKConfig"),
    .target(name: "CDB", dependencies: ["CTinyCDB", "ToasterSupport"]),
    .target(name: "LibCrypto", dependencies: ["COpenSSL"]),
    .target(name: "TcpRules", dependencies: ["CDB", "QmailDKConfig", "ToasterSupport"]),
    .target(name: "DKEngine", dependencies: ["LibCrypto", "QmailDKConfig"]),
    .target(
      name: "KeyStore", dependencies: ["CXattr", "DKEngine", "LibCrypto", "ToasterSupport"]),
    .target(name: "DNS", dependencies: ["CUnbound", "DKEngine"]),
    .target(name: "QmailControl", dependencies: ["CDB", "KeyStore", "ToasterSupport"]),
    .target(name: "Snapshot", dependencies: ["KeyStore", "QmailControl", "ToasterSupport"]),
    .target(
      name: "MailPath",
      dependencies: ["DKEngine", "DNS", "KeyStore", "LibCrypto", "QmailDKConfig", "ToasterSupport"]),
    .target(
      name: "Rotation",
      dependencies: [
        "DNS", "DomainCheck", "KeyStore", "MailPath", "QmailDKConfig", "TcpRules", "ToasterSupport",
      ]),
    .target(
      name: "DomainCheck",
      dependencies: ["DNS", "DKEngine", "KeyStore", "LibCrypto", "TcpRules", "ToasterSupport"]),
    .target(
      name: "Health",
      dependencies: [
        "DKEngine", "DNS", "DomainCheck", "KeyStore", "MailPath", "Rotation", "TcpRules",
        "ToasterSupport",
      ]),

    // CLI
    .executableTarget(
      name: "toaster-dk",
      dependencies: [
        "TcpRules", "KeyStore", "DKEngine", "DNS", "DomainCheck", "QmailControl", "MailPath",
        "QmailDKConfig", "Snapshot", "Rotation", "Health", "ToasterSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: staticLibstdcxx
    ),

    // The qmail-queue filter: no ArgumentParser, its start-up is paid per message.
    .executableTarget(
      name: "toaster-dk-queue",
      dependencies: ["MailPath", "DKEngine", "LibCrypto", "ToasterSupport"],
      linkerSettings: staticLibstdcxx),

    // The qmail-remote wrapper's signer. Its launcher, Launcher/toaster-dk-remote.c, is
    // built by cc alone (make release): SwiftPM links the Swift runtime into every product,
    // and qmail-rspawn's exit contract must hold even when the runtime cannot be loaded.
    .executableTarget(
      name: "toaster-dk-remote-signer",
      dependencies: ["MailPath", "DKEngine", "LibCrypto", "ToasterSupport"],
      linkerSettings: staticLibstdcxx),

    // Tests
    .target(name: "TestSupport", dependencies: ["ToasterSupport"], path: "Sources/TestSupport"),
    .testTarget(name: "ToasterSupportTests", dependencies: ["ToasterSupport", "TestSupport"]),
    .testTarget(name: "CDBTests", dependencies: ["CDB", "TestSupport"]),
    .testTarget(
      name: "TcpRulesTests",
      dependencies: ["TcpRules", "TestSupport"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "LibCryptoTests", dependencies: ["LibCrypto", "TestSupport"]),
    .testTarget(
      name: "DKEngineTests",
      dependencies: ["DKEngine", "LibCrypto", "TestSupport"],
      resources: [.copy("Vectors")]
    ),
    .testTarget(
      name: "KeyStoreTests", dependencies: ["KeyStore", "LibCrypto", "TestSupport", "ToasterSupport"]),
    .testTarget(name: "QmailControlTests", dependencies: ["QmailControl", "TestSupport"]),
    .testTarget(name: "SnapshotTests", dependencies: ["Snapshot", "QmailControl", "TestSupport"]),
    .testTarget(
      name: "DNSTests",
      dependencies: ["DNS", "DKEngine", "KeyStore", "LibCrypto", "TestSupport"],
      exclude: ["Scripts"]
    ),
    .testTarget(
      name: "InteropTests",
      dependencies: ["TcpRules", "CDB", "KeyStore", "DKEngine", "LibCrypto", "TestSupport"],
      exclude: ["Scripts"]
    ),
    .testTarget(
      name: "DomainCheckTests",
      dependencies: ["DomainCheck", "DNS", "KeyStore", "LibCrypto", "TestSupport"]),
    .testTarget(
      name: "RotationTests",
      dependencies: ["Rotation", "KeyStore", "MailPath", "TcpRules", "TestSupport"]),
    .testTarget(name: "MailPathTests", dependencies: ["MailPath", "DKEngine", "LibCrypto"]),
    .testTarget(name: "QmailDKConfigTests", dependencies: ["QmailDKConfig"]),
    .testTarget(
      name: "ToasterDKQueueTests", dependencies: ["DKEngine", "TestSupport"],
      exclude: ["Programs"]),
    .testTarget(
      name: "ToasterDKRemoteTests", dependencies: ["DKEngine", "MailPath", "TestSupport"],
      exclude: ["Programs"]),
    .testTarget(name: "ToasterDKCLITests", dependencies: ["TestSupport"], exclude: ["Snapshots"]),
    // Option groups parsed in process, without spawning the binary.
    .testTarget(
      name: "ToasterDKOptionsTests",
      dependencies: [
        "toaster-dk", "DNS", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
  ]
)
