import Fluent
import Foundation
import SQLKit

/// Read-check-write, atomically on both databases.
///
/// An action that reads a row, checks a rule against it and writes it must not let another
/// action slip in between the read and the write. `locking` runs the whole action in one
/// transaction whose first statement takes the row for writing: `SELECT … FOR UPDATE` on
/// PostgreSQL (other writers of that row wait; readers do not), and a write on SQLite, which
/// takes the database's single write lock before the transaction reads anything, so it reads
/// what the previous writer committed (a transaction that read first and wrote later would
/// instead fail with SQLITE_BUSY_SNAPSHOT). The action then reads the row again, checks, and
/// writes; whoever comes second sees the first one's result.
extension Database {
    /// The SQL side of the database; both drivers YuGang uses (SQLite, PostgreSQL) are SQL databases.
    package var sql: any SQLDatabase { self as! any SQLDatabase }

    package func locking<T: Sendable>(_ schema: String, id: UUID, _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        let work: @Sendable () async throws -> T = {
            try await transaction { db in
                try await db.lockRow(schema, id: id)
                return try await body(db)
            }
        }
        // SQLite runs each statement on a small pool of blocking threads, and a statement waiting
        // for the write lock keeps its thread busy: two such waiters could starve the transaction
        // that holds the lock. Writers of this process queue here instead (SQLite serves one
        // instance), so at most one of them waits inside SQLite.
        guard !inTransaction, sql.dialect.name == "sqlite" else { return try await work() }
        return try await SQLiteWriters.shared.inTurn(work)
    }

    /// A transaction that may create what another one creates at the same moment (a unique
    /// day, slug or name): it holds the write lock from its first statement on SQLite, so the
    /// second reads what the first wrote; on PostgreSQL the unique rule refuses the second, and
    /// the error middleware answers 409.
    package func writing<T: Sendable>(_ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        guard !inTransaction, sql.dialect.name == "sqlite" else { return try await transaction(body) }
        return try await SQLiteWriters.shared.inTurn {
            try await transaction { db in
                // Any write takes SQLite's lock; the audit head is written by every audited action anyway.
                try await db.sql.raw("UPDATE audit_head SET seq = seq WHERE id = 1").run()
                return try await body(db)
            }
        }
    }

    /// Runs `body`'s reads against one consistent snapshot of the database (PostgreSQL:
    /// a repeatable-read, read-only transaction; SQLite: one read transaction).
    package func snapshot<T: Sendable>(_ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        try await transaction { db in
            if db.sql.dialect.name == "postgresql" {
                try await db.sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            }
            return try await body(db)
        }
    }

    /// Inside a transaction: holds `schema`'s row `id` for writing until the transaction ends.
    package func lockRow(_ schema: String, id: UUID) async throws {
        let sql = self.sql
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT 1 FROM \(ident: schema) WHERE id = \(bind: id) FOR UPDATE").run()
        } else {
            try await sql.raw("UPDATE \(ident: schema) SET id = id WHERE id = \(bind: id)").run()
        }
    }
}

/// Optimistic check for forms and API calls that carry the version of what they were shown.
package enum Versions {
    /// `raw` is the version the user saw (empty: the caller did not say; the row lock alone then
    /// keeps the action atomic). A different version means someone else changed it meanwhile.
    package static func check(_ raw: String?, current: Int, changed: @autoclosure () -> AppError) throws {
        guard let raw, !raw.isEmpty else { return }
        guard let seen = Int(raw), seen == current else { throw changed() }
    }
}

/// The queue of this process's read-check-write transactions on SQLite (first come, first served).
package actor SQLiteWriters {
    package static let shared = SQLiteWriters()
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    package func lock() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    package func unlock() {
        if waiting.isEmpty { held = false } else { waiting.removeFirst().resume() }
    }

    /// Runs `work` when it is this caller's turn, and lets the next one go after it, however it ends.
    package nonisolated func inTurn<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let result = try await work()
            await unlock()
            return result
        } catch {
            await unlock()
            throw error
        }
    }
}
