import Fluent
import Foundation
import SQLKit
import Vapor

/// Where uploaded files are kept. Every instance must reach every file, and a file belongs to
/// the transaction that stores what refers to it (a case and its attachments are saved, or
/// purged, together). The database does both on SQLite and PostgreSQL; an object store can be
/// another implementation of this protocol.
package protocol FileStore: Sendable {
    /// Stores `data` under `name`, in the caller's transaction.
    func put(_ name: String, data: Data, now: Date, on db: Database) async throws
    func get(_ name: String, on db: Database) async throws -> Data?
    /// Removes the files, in the caller's transaction.
    func delete(_ names: [String], on db: Database) async throws
}

/// Files as rows of `stored_files` (a BLOB on SQLite, bytea on PostgreSQL).
package struct DatabaseFileStore: FileStore {
    package init() {}

    package func put(_ name: String, data: Data, now: Date, on db: Database) async throws {
        try await db.sql.raw("""
            INSERT INTO stored_files (name, data, size, created_at) VALUES (\(bind: name), \(bind: data), \(bind: data.count), \(bind: now))
            """).run()
    }

    package func get(_ name: String, on db: Database) async throws -> Data? {
        struct Row: Decodable { let data: Data }
        return try await db.sql.raw("SELECT data FROM stored_files WHERE name = \(bind: name)").first(decoding: Row.self)?.data
    }

    package func delete(_ names: [String], on db: Database) async throws {
        for chunk in stride(from: 0, to: names.count, by: 500).map({ Array(names[$0..<min($0 + 500, names.count)]) }) {
            try await db.sql.delete(from: "stored_files").where("name", .in, chunk).run()
        }
    }

    /// Attachments that earlier releases wrote to `DATA_DIR/attachments` move into the database
    /// (once; the folder is left for the operator to remove). Returns how many moved.
    package static func importFolder(_ folder: String, now: Date, on db: Database) async throws -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        struct Row: Decodable { let stored_name: String }
        let referenced = Set(try await db.sql.raw("SELECT stored_name FROM case_attachments").all(decoding: Row.self).map(\.stored_name))
        var moved = 0
        for name in names where referenced.contains(name) {
            struct Present: Decodable { let n: Int }
            let present = try await db.sql.raw("SELECT COUNT(*) AS n FROM stored_files WHERE name = \(bind: name)").first(decoding: Present.self)?.n ?? 0
            guard present == 0, let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            try await DatabaseFileStore().put(name, data: data, now: now, on: db)
            moved += 1
        }
        return moved
    }
}

extension Application {
    private struct FileStoreKey: StorageKey { typealias Value = any FileStore }

    package var files: any FileStore {
        get { storage[FileStoreKey.self] ?? DatabaseFileStore() }
        set { storage[FileStoreKey.self] = newValue }
    }
}
