import Foundation
import Fluent
import SQLKit

/// The audit log's hash chain: number, previous hash and hash on every event, and the head.
/// Events already stored are linked in the order they happened.
struct UpdateAuditEventsAddChain: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(AuditEvent.schema).field("seq", .int64).update()
        try await db.schema(AuditEvent.schema).field("prev_hash", .string).update()
        try await db.schema(AuditEvent.schema).field("hash", .string).update()
        try await db.sql.raw("CREATE UNIQUE INDEX audit_events_seq ON audit_events (seq)").run()
        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        try await db.sql.raw("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, \(bind: AuditChain.genesis))").run()
        let events = try await AuditEvent.query(on: db).sort(\.$at).sort(\.$id).all()
        for e in events { e.at = Date(timeIntervalSince1970: Double(AuditChain.milliseconds(e.at)) / 1000) }
        try await AuditChain.link(events, on: db)
        for e in events { try await e.update(on: db) }
    }

    func revert(on db: Database) async throws {
        try await db.schema("audit_head").delete()
        try await db.sql.raw("DROP INDEX audit_events_seq").run()
        for field in ["seq", "prev_hash", "hash"] { try await db.schema(AuditEvent.schema).deleteField(.string(field)).update() }
    }
}
