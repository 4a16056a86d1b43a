import Foundation
import Fluent
import Platform
import SQLKit

/// The audit log's hash chain: number, previous hash and hash on every event, and the head.
/// Events already stored are linked in the order they happened, read and written by column
/// name as the table was then (a model query would ask for columns later migrations add).
struct UpdateAuditEventsAddChain: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_events").field("seq", .int64).update()
        try await db.schema("audit_events").field("prev_hash", .string).update()
        try await db.schema("audit_events").field("hash", .string).update()
        try await db.sql.raw("CREATE UNIQUE INDEX audit_events_seq ON audit_events (seq)").run()
        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        struct Event: Decodable {
            let id: UUID, at: Date?, actor: String, actor_id: UUID?, action: String, entity: String
            let entity_id: UUID?, before: String?, after: String?, measure_id: UUID?
        }
        let events = try await db.sql.raw("""
            SELECT id, at, actor, actor_id, action, entity, entity_id, before, after, measure_id FROM audit_events ORDER BY at, id
            """).all(decoding: Event.self)
        var seq: Int64 = 0, previous = AuditChain.genesis
        for e in events {
            seq += 1
            // Times to the millisecond, which both databases store exactly.
            let milliseconds = Int64(((e.at?.timeIntervalSince1970 ?? 0) * 1000).rounded())
            let hash = AuditChain.hash(fields: [String(seq), previous, String(milliseconds), e.actor, e.actor_id?.uuidString, e.action, e.entity,
                                                e.entity_id?.uuidString, e.before, e.after, e.measure_id?.uuidString])
            try await db.sql.raw("""
                UPDATE audit_events SET at = \(bind: Date(timeIntervalSince1970: Double(milliseconds) / 1000)), seq = \(bind: seq),
                prev_hash = \(bind: previous), hash = \(bind: hash) WHERE id = \(bind: e.id)
                """).run()
            previous = hash
        }
        try await db.sql.raw("INSERT INTO audit_head (id, seq, hash) VALUES (1, \(bind: seq), \(bind: previous))").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("audit_head").delete()
        try await db.sql.raw("DROP INDEX audit_events_seq").run()
        for field in ["seq", "prev_hash", "hash"] { try await db.schema("audit_events").deleteField(.string(field)).update() }
    }
}
