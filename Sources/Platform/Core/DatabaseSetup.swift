import Fluent
import Foundation
import SQLKit
import Vapor

extension Application {
    /// The SQLite file's folder and WAL journal (kept in the file), then every pending migration.
    package func prepareDatabase() async throws {
        if case .sqlite(let path) = config.database, let sql = db as? SQLDatabase {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await autoMigrate()
    }
}
