@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import FluentPostgresDriver
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor
import VaporTesting

/// An organisational unit (`Platform.Unit`), not Foundation's unit of measure.
typealias Unit = Platform.Unit

/// Where the suite runs: SQLite in memory, or PostgreSQL when `YUGANG_TEST_DATABASE` is a
/// postgres:// URL (`make test` runs the suite both ways). On PostgreSQL each test gets its own
/// schema, so tests run in parallel without seeing each other's rows.
enum TestDatabase {
    static let postgresURL = ProcessInfo.processInfo.environment["YUGANG_TEST_DATABASE"].flatMap { $0.hasPrefix("postgres") ? $0 : nil }

    static var isPostgres: Bool { postgresURL != nil }
}

/// 2026-11-29 12:00 in Hong Kong and Chongqing.
let fixedNow = Date(timeIntervalSince1970: 1_795_924_800)

/// A configured app with migrations run, the 2023 memorandum imported and the liaison offices
/// created; `body` runs against it and the app is shut down (and its schema dropped) afterwards.
/// `sqliteFile`: SQLite in a file of the test's own (WAL, a connection per event loop) instead of
/// memory, for tests of concurrent writers. `migrated: false`: an empty database, for tests of
/// the migrations themselves.
func withApp(sqliteFile: Bool = false, migrated: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    // Request lines and migrations would drown the test output.
    app.logger.logLevel = .warning
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    var failure: Error?
    do {
        var config = try AppConfig.fromEnvironment([:])
        config.database = .sqliteMemory
        // Second factors are tested on their own (SecurityTests); elsewhere officers log in with a password.
        config.twoFactorRoles = []
        // Uploads go to a folder of the test's own.
        config.dataDirectory = NSTemporaryDirectory() + "yugang-test-" + UUID().uuidString
        if sqliteFile && !TestDatabase.isPostgres { config.database = .sqlite(path: config.dataDirectory + "/yugang.sqlite") }
        try await configure(app, config: config)
        if let url = TestDatabase.postgresURL {
            var postgres = try SQLPostgresConfiguration(url: url)
            postgres.coreConfiguration.tls = .disable
            postgres.searchPath = [schema]
            app.databases.use(config.postgres(postgres), as: .psql, isDefault: true)
            app.databases.middleware.use(AuditChainMiddleware(app), on: .psql)
            try await (app.db as! SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        }
        app.clock = .fixed(fixedNow)
        if migrated {
            try await app.prepareDatabase()
            _ = try await Bootstrap.importShippedMemorandum(on: app.db)
            _ = try await Bootstrap.createLiaisonOffices(on: app.db)
        }
        try await body(app)
    } catch {
        // PostgreSQL errors hide their detail from `description`; tests want it.
        failure = TestFailure(detail: String(reflecting: error))
    }
    if TestDatabase.isPostgres {
        try? await (app.db as! SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
    }
    try? FileManager.default.removeItem(atPath: app.config.dataDirectory)
    try await app.asyncShutdown()
    if let failure { throw failure }
}

extension Application {
    /// GET `path` and return status and body.
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        var result: (HTTPStatus, String, HTTPHeaders) = (.ok, "", [:])
        try await testing().test(.GET, path, headers: headers) { res async in
            result = (res.status, res.body.string, res.headers)
        }
        return result
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let detail: String
    var description: String { detail }
}
