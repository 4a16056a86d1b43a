import Fluent
import Foundation
import Platform
import Reporting
import SQLKit
import Vapor

/// Backups: a folder holding the database (SQLite: `VACUUM INTO`, a consistent copy taken while
/// the server runs; PostgreSQL: `pg_dump` in its custom format), the attachments, and a
/// manifest of row counts and the audit chain's head. Restoring checks the folder against its
/// manifest, puts the database and attachments back, and checks the counts and the audit
/// chain again.
enum Backup {
    struct Manifest: Codable, Equatable, Sendable {
        var createdAt: Date
        var database: String
        var counts: [String: Int]
        var auditHead: String
    }

    static let tables = ["agreements", "measures", "measure_sides", "units", "users", "assignments", "milestones", "progress_updates",
                         "audit_events", "articles", "questions", "feedback_cases", "case_messages", "case_attachments", "meeting_reports",
                         "report_notices", "outbox"]

    static func counts(on db: Database) async throws -> [String: Int] {
        struct Row: Decodable { let n: Int }
        var result: [String: Int] = [:]
        for table in tables {
            result[table] = try await db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Row.self)?.n ?? 0
        }
        return result
    }

    static func head(on db: Database) async throws -> String {
        try await db.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first(decoding: AuditChain.Head.self)?.hash ?? ""
    }

    /// Runs a program and fails with its standard error when it does not succeed.
    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailure("\(program) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))") }
    }

    static func copyFolder(_ from: String, to: String) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: to)
        if fm.fileExists(atPath: from) { try fm.copyItem(atPath: from, toPath: to) } else { try fm.createDirectory(atPath: to, withIntermediateDirectories: true) }
    }

    /// `schema`: the PostgreSQL schema to dump, when not the default one.
    static func create(_ app: Application, into folder: String, postgres: (url: String, schema: String?)?) async throws -> Manifest {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder) || ((try? fm.contentsOfDirectory(atPath: folder))?.isEmpty ?? false) else {
            throw CommandFailure("\(folder) exists and is not empty; give a new folder")
        }
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let manifest = Manifest(createdAt: Date(timeIntervalSince1970: app.clock.now().timeIntervalSince1970.rounded(.down)), database: postgres == nil ? "sqlite" : "postgresql",
                                counts: try await counts(on: app.db), auditHead: try await head(on: app.db))
        if let postgres {
            try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(folder)/yugang.pgdump"] + (postgres.schema.map { ["--schema=\($0)"] } ?? [])
                + [postgres.url])
        } else {
            try await app.db.sql.raw("VACUUM INTO \(bind: folder + "/yugang.sqlite")").run()
        }
        try copyFolder(app.config.dataDirectory + "/attachments", to: folder + "/attachments")
        try MeetingReports.encoder().encode(manifest).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        return manifest
    }

    static func manifest(in folder: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
              let manifest = try? MeetingReports.decoder().decode(Manifest.self, from: data) else {
            throw CommandFailure("\(folder) holds no YuGang backup (manifest.json is missing or unreadable)")
        }
        return manifest
    }

    /// Puts the backup back. SQLite: the server must be stopped (the file is replaced);
    /// PostgreSQL: `pg_restore --clean` into the configured database.
    static func restore(from folder: String, dataDirectory: String, sqlitePath: String?, postgres: (url: String, schema: String?)?) throws -> Manifest {
        let manifest = try manifest(in: folder)
        let fm = FileManager.default
        if let postgres {
            guard manifest.database == "postgresql" else { throw CommandFailure("this backup is of a SQLite database") }
            try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=\(postgres.url)",
                                   folder + "/yugang.pgdump"])
        } else if let sqlitePath {
            guard manifest.database == "sqlite" else { throw CommandFailure("this backup is of a PostgreSQL database") }
            let source = folder + "/yugang.sqlite"
            guard let header = fm.contents(atPath: source)?.prefix(16), header == Data("SQLite format 3\0".utf8) else {
                throw CommandFailure("\(source) is not a SQLite database")
            }
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: sqlitePath + suffix) }
            try? fm.removeItem(atPath: sqlitePath)
            try fm.copyItem(atPath: source, toPath: sqlitePath)
        }
        try copyFolder(folder + "/attachments", to: dataDirectory + "/attachments")
        return manifest
    }

    /// After a restore: the counts and the audit head match the manifest, and the chain holds.
    static func check(_ manifest: Manifest, on db: Database) async throws {
        let now = try await counts(on: db)
        guard now == manifest.counts else {
            let differing = now.keys.filter { now[$0] != manifest.counts[$0] }.sorted()
            throw CommandFailure("restored, but the row counts differ from the backup's: \(differing.joined(separator: ", "))")
        }
        let verdict = try await AuditChain.verify(on: db)
        guard verdict.broken == nil, verdict.head == manifest.auditHead else {
            throw CommandFailure("restored, but the audit chain does not end where the backup's did")
        }
    }
}

/// `yugang backup FOLDER` and `yugang restore FOLDER`.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "folder", help: "a new (or empty) folder for the backup") var folder: String
    }

    var help: String { "Backs up the database, the attachments and a manifest into a folder." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(context.application) {
            let app = context.application
            try await app.prepareDatabase()
            let manifest = try await Backup.create(app, into: signature.folder, postgres: app.config.database.postgresTarget)
            context.console.print("backed up \(manifest.counts["audit_events"] ?? 0) audit events, \(manifest.counts["feedback_cases"] ?? 0) cases "
                                  + "and the attachments into \(signature.folder)")
        }
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "folder", help: "a folder made by yugang backup") var folder: String
    }

    var help: String { "Restores a backup made by yugang backup (stop the server first when it uses SQLite)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(context.application) {
            let app = context.application
            var sqlitePath: String?
            if case .sqlite(let path) = app.config.database { sqlitePath = path }
            try FileManager.default.createDirectory(atPath: app.config.dataDirectory, withIntermediateDirectories: true)
            let manifest = try Backup.restore(from: signature.folder, dataDirectory: app.config.dataDirectory, sqlitePath: sqlitePath,
                                              postgres: app.config.database.postgresTarget)
            try await app.prepareDatabase()
            try await Backup.check(manifest, on: app.db)
            context.console.print("restored the backup of \(manifest.createdAt): row counts and the audit chain match")
        }
    }
}

extension AppConfig.DatabaseKind {
    var postgresTarget: (url: String, schema: String?)? {
        if case .postgres(let url) = self { return (url, nil) }
        return nil
    }
}
