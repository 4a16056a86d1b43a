// swift-tools-version:6.0
import PackageDescription

/// Each target's interface text: `Resources/Strings/{zh-Hant,zh-Hans,en}.txt` (scripts/strings.py).
let strings: [Resource] = [.copy("Resources/Strings")]

let package = Package(
    name: "yugang",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "yugang", targets: ["yugang"]),
        .library(name: "Memorandum", targets: ["Memorandum"]),
        .library(name: "ChineseScript", targets: ["ChineseScript"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // /api/v1: the server code generated from openapi.yaml (scripts/generate-api) and its Vapor transport.
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.2.0"),
        // Tests only: the pages as reviewed snapshots.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        // Debian's libopencc-dev, through its C API (opencc.h).
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        // Simplified ⇄ Traditional (Hong Kong) conversion and script detection. No Vapor.
        .target(name: "ChineseScript", dependencies: ["COpenCC"]),
        // Memorandum text → agreement structure. Pure Swift, no Vapor.
        .target(
            name: "Memorandum",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/yugang-2023-05-11-first-meeting.zh-Hant.txt")]
        ),
        // Normalisation, CJK tokens and the full-text index (SQLite FTS5 / PostgreSQL). No Vapor.
        .target(name: "Search", dependencies: [.product(name: "SQLKit", package: "sql-kit")]),
        // Working days on the Mainland (with 調休 make-up days) and in Hong Kong. No Vapor.
        .target(name: "WorkCalendar", resources: [.copy("Resources/mainland.txt"), .copy("Resources/hong-kong.txt")]),
        // What every feature uses and nothing feature-specific: configuration, errors and
        // problem+json, languages, the clock, sessions, authentication and CSRF, the audit chain,
        // the outbox and mail, the page cache, file storage, metrics, page layout and forms.
        // It imports no feature (docs/ARCHITECTURE.md).
        .target(
            name: "Platform",
            dependencies: [
                "ChineseScript", "WorkCalendar", "Search", "Memorandum",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // The outbox's SMTP client: non-blocking, STARTTLS and implicit TLS.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // AppErrorMiddleware unwraps the generated API code's `ServerError`.
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            resources: [.copy("Resources/common-passwords.txt")] + strings
        ),
        // /api/v1 as openapi.yaml describes it: the code swift-openapi-generator made from it
        // (committed; scripts/generate-api), and the three lenient input types it names. A target
        // of its own: the generated files use `package import`, which a module may not mix with
        // plain imports of the same modules. It knows no Vapor and no service.
        .target(name: "APIGenerated", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]),
        // The services, one target each. A service imports Platform and only the services below it:
        // Tracker ◄ Consultation ◄ Feedback ◄ Reporting; Accounts stands on Platform alone (see
        // docs/ARCHITECTURE.md); the compiler refuses an import against that direction.
        .target(name: "Tracker", dependencies: feature(["Memorandum"]), resources: strings),
        .target(name: "Consultation", dependencies: feature(["Tracker"]), resources: strings),
        .target(name: "Feedback", dependencies: feature(["Tracker", "Consultation"]), resources: strings),
        .target(name: "Reporting", dependencies: feature(["Tracker", "Consultation", "Feedback"]), resources: strings),
        .target(name: "Accounts", dependencies: feature([]), resources: strings),
        // Agreements over time: mechanisms, meetings and documents on the portal; officers import
        // a document (PDF or text, preview, confirm) and map its measures to the previous ones.
        .target(name: "Agreements", dependencies: feature(["Memorandum", "Tracker"]), resources: strings),
        // The composition: routes, migrations, commands and jobs of every service, registered once.
        .target(
            name: "App",
            dependencies: feature(["Memorandum", "Tracker", "Consultation", "Feedback", "Reporting", "Accounts", "Agreements", "APIGenerated"])
                + [.product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                   .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                   .product(name: "OpenAPIVapor", package: "swift-openapi-vapor")],
            resources: strings
        ),
        .executableTarget(name: "yugang", dependencies: ["App", "Platform"]),
        .executableTarget(
            name: "yugang-bench",
            dependencies: ["Memorandum", "ChineseScript"],
            path: "bench/Sources/yugang-bench"
        ),
        .executableTarget(
            name: "yugang-search-bench",
            dependencies: [
                "Search", "ChineseScript", "Memorandum",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            path: "bench/Sources/yugang-search-bench"
        ),
        .testTarget(name: "MemorandumTests", dependencies: ["Memorandum", "ChineseScript"]),
        .testTarget(name: "ChineseScriptTests", dependencies: ["ChineseScript"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "ChineseScript"]),
        .testTarget(name: "WorkCalendarTests", dependencies: ["WorkCalendar"]),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "APIGenerated", "Platform", "Tracker", "Consultation", "Feedback", "Reporting", "Accounts", "Agreements", "Memorandum", "ChineseScript", "Search",
                           "WorkCalendar", .product(name: "VaporTesting", package: "vapor"),
                           .product(name: "SnapshotTesting", package: "swift-snapshot-testing")]
        ),
    ]
)

/// What every service target depends on, with `extra` services or libraries.
func feature(_ extra: [Target.Dependency]) -> [Target.Dependency] {
    ["Platform", "ChineseScript", "Search", "WorkCalendar",
     .product(name: "Vapor", package: "vapor"),
     .product(name: "Fluent", package: "fluent"),
     .product(name: "Plot", package: "Plot")] + extra
}
