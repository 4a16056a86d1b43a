@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import FluentSQLiteDriver
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

@Suite struct ConfigTests {
    @Test func defaultsServeLoopbackWithSQLiteUnderData() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database == .sqlite(path: "./data/yugang.sqlite"))
        #expect(!config.isSecure)
    }

    @Test func readsEveryVariable() throws {
        let config = try AppConfig.fromEnvironment([
            "HOST": "0.0.0.0", "PORT": "9090", "DATA_DIR": "/srv/yg", "DATABASE_URL": "postgres://u@db/yg",
            "BASE_URL": "https://yugang.example.org", "LOG_LEVEL": "debug", "DATABASE_POOL_SIZE": "8", "DATABASE_POOL_TIMEOUT_SECONDS": "60",
        ])
        #expect(config.port == 9090)
        #expect(config.databasePoolSize == 8 && config.databasePoolTimeoutSeconds == 60)
        #expect(config.database == .postgres(url: "postgres://u@db/yg"))
        #expect(config.isSecure)
        #expect(config.logLevel == .debug)
        #expect(try AppConfig.fromEnvironment(["DATA_DIR": "/srv/yg"]).database == .sqlite(path: "/srv/yg/yugang.sqlite"))
    }

    @Test("A wrong value names its variable", arguments: [
        ("PORT", "eighty"), ("PORT", "70000"), ("DATABASE_URL", "mysql://x"), ("BASE_URL", "ftp://x"), ("LOG_LEVEL", "loud"),
        ("REQUIRE_TWO_FACTOR", "root"), ("SESSION_IDLE_MINUTES", "1"), ("SESSION_MAX_HOURS", "48"),
        ("DATABASE_POOL_SIZE", "0"), ("DATABASE_POOL_TIMEOUT_SECONDS", "ten"),
    ])
    func wrongValue(variable: String, value: String) {
        #expect {
            try AppConfig.fromEnvironment([variable: value])
        } throws: { error in
            (error as? AppConfig.InvalidValue)?.description.hasPrefix("\(variable)=\(value) is not valid") == true
        }
    }

    /// A wrong key is refused without being repeated in the message.
    @Test func aWrongSecretsKeyIsNotEchoed() throws {
        #expect {
            try AppConfig.fromEnvironment(["SECRETS_KEY": "c2hvcnQta2V5"])
        } throws: { error in
            let text = (error as? AppConfig.InvalidValue)?.description ?? ""
            return text.hasPrefix("SECRETS_KEY=") && !text.contains("c2hvcnQta2V5")
        }
        #expect(try AppConfig.fromEnvironment(["SECRETS_KEY": Data(repeating: 7, count: 32).base64EncodedString()]).secretsKey != nil)
    }

    @Test func sqliteFileRunsInWALWithFullSyncAndForeignKeys() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yg-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = try await Application.make(.testing)
        do {
            var config = try AppConfig.fromEnvironment([:])
            config.database = .sqlite(path: dir.appendingPathComponent("data/yugang.sqlite").path)
            try await configure(app, config: config)
            try await app.prepareDatabase()
            let sql = app.db as! SQLDatabase
            struct Row: Decodable { let journal_mode: String? ; let synchronous: Int?; let foreign_keys: Int? }
            #expect(try await sql.raw("PRAGMA journal_mode").first(decoding: Row.self)?.journal_mode == "wal")
            #expect(try await sql.raw("PRAGMA synchronous").first(decoding: Row.self)?.synchronous == 2)
            #expect(try await sql.raw("PRAGMA foreign_keys").first(decoding: Row.self)?.foreign_keys == 1)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("data/yugang.sqlite").path))
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func serverBootstrapsOnlyWhenServing() {
        #expect(FirstStart.servesOnBoot(["yugang"]))
        #expect(FirstStart.servesOnBoot(["yugang", "serve"]))
        #expect(!FirstStart.servesOnBoot(["yugang", "import-memorandum", "x.txt"]))
    }
}
