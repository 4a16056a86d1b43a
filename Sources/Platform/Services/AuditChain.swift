import Fluent
import Foundation
import Vapor
import SQLKit

/// The audit log as a hash chain. Each event gets the next number and the SHA-256 of its
/// content with the previous event's hash; the head row (`audit_head`) holds the last number
/// and hash and is updated in the event's transaction, so concurrent writers queue on it and
/// the chain never forks. Editing, inserting or deleting an event afterwards breaks the chain
/// from that event on, and `verify` names the first event that no longer fits.
package enum AuditChain {
    package static let genesis = String(repeating: "0", count: 64)

    /// `date` to the millisecond: what both databases store exactly.
    package static func rounded(_ date: Date) -> Date { Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000) }

    package static func milliseconds(_ date: Date?) -> Int64 { Int64(((date?.timeIntervalSince1970 ?? 0) * 1000).rounded()) }

    /// The hash of an event: every field, in a fixed order, as a JSON array.
    package static func hash(_ e: AuditEvent, seq: Int64, previous: String) -> String {
        hash(fields: [String(seq), previous, String(milliseconds(e.at)), e.actor, e.$actorUser.id?.uuidString, e.action, e.entity,
                      e.entityID?.uuidString, e.before, e.after, e.measureID?.uuidString])
    }

    /// The chain's hash: SHA-256 of the fields as a JSON array.
    package static func hash(fields: [String?]) -> String {
        TokenHash.of(String(decoding: (try? JSONEncoder().encode(fields)) ?? Data(), as: UTF8.self))
    }

    package struct Head: Decodable { package let seq: Int64; package let hash: String }

    /// Takes the next place in the chain (locking the head until the transaction ends).
    package static func advance(on db: Database) async throws -> Head {
        guard let head = try await db.sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").first(decoding: Head.self)
        else { throw AppError.unavailable(PlatformText.auditLogCouldNotBe) }
        return head
    }

    package static func setHead(_ hash: String, on db: Database) async throws {
        try await db.sql.raw("UPDATE audit_head SET hash = \(bind: hash) WHERE id = 1").run()
    }

    /// Links `event` to the chain and stores it, in the caller's transaction or a new one.
    package static func append(_ event: AuditEvent, on db: Database, store: @escaping @Sendable (Database) async throws -> Void) async throws {
        let link: @Sendable (Database) async throws -> Void = { tx in
            let head = try await advance(on: tx)
            event.seq = head.seq
            event.prevHash = head.hash
            event.hash = hash(event, seq: head.seq, previous: head.hash)
            try await store(tx)
            try await setHead(event.hash!, on: tx)
        }
        if db.inTransaction { try await link(db) } else { try await db.transaction(link) }
    }

    /// Events written in bulk (`seed-demo`): numbered and hashed here, inserted by the caller,
    /// then the head moved once.
    package static func link(_ events: [AuditEvent], on db: Database) async throws {
        guard !events.isEmpty else { return }
        let first = try await db.sql.raw("UPDATE audit_head SET seq = seq + \(bind: events.count) WHERE id = 1 RETURNING seq, hash")
            .first(decoding: Head.self)!
        var seq = first.seq - Int64(events.count), previous = first.hash
        for e in events {
            seq += 1
            e.seq = seq
            e.prevHash = previous
            e.hash = hash(e, seq: seq, previous: previous)
            previous = e.hash!
        }
        try await setHead(previous, on: db)
    }

    package struct Verdict: Sendable, Equatable {
        package var events: Int
        package var head: String
        /// The first event that does not fit, and why.
        package var broken: (seq: Int64, id: UUID?, reason: String)?

        package static func == (a: Verdict, b: Verdict) -> Bool { a.events == b.events && a.head == b.head && a.broken?.seq == b.broken?.seq }
    }

    /// Reads the chain in order, in pages, and checks every link and hash and the head.
    package static func verify(on db: Database, pageSize: Int = 5000) async throws -> Verdict {
        var expectedSeq: Int64 = 1, previous = genesis, count = 0
        while true {
            let page = try await AuditEvent.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq).limit(pageSize).all()
            for e in page {
                let seq = e.seq!
                if seq != expectedSeq { return Verdict(events: count, head: previous, broken: (expectedSeq, nil, "event \(expectedSeq) is missing")) }
                if e.prevHash != previous { return Verdict(events: count, head: previous, broken: (seq, e.id, "it does not follow event \(seq - 1)")) }
                if e.hash != hash(e, seq: seq, previous: previous) { return Verdict(events: count, head: previous, broken: (seq, e.id, "its content was changed")) }
                previous = e.hash!
                expectedSeq += 1
                count += 1
            }
            if page.count < pageSize { break }
        }
        let unchained = try await AuditEvent.query(on: db).filter(\.$seq == nil).count()
        if unchained > 0 { return Verdict(events: count, head: previous, broken: (expectedSeq, nil, "\(unchained) event(s) were added outside the chain")) }
        let head = try await db.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first(decoding: Head.self)
        if head?.seq != expectedSeq - 1 || head?.hash != previous {
            return Verdict(events: count, head: previous, broken: (expectedSeq, nil, "events after \(expectedSeq - 1) were removed (the head is at \(head?.seq ?? 0))"))
        }
        return Verdict(events: count, head: previous, broken: nil)
    }
}

/// Every audit event created through Fluent joins the chain.
package struct AuditChainMiddleware: AsyncModelMiddleware {
    /// The application's clock (tests set it).
    let now: @Sendable () -> Date

    /// Stamps events with `app`'s clock, as it is when each event is written.
    package init(_ app: Application) {
        now = { [weak app] in (app?.clock ?? .system).now() }
    }

    package typealias Model = AuditEvent

    package func create(model: AuditEvent, on db: Database, next: AnyAsyncModelResponder) async throws {
        if model.at == nil { model.at = AuditChain.rounded(now()) }
        try await AuditChain.append(model, on: db) { tx in try await next.create(model, on: tx) }
    }
}

/// What actions write to the audit chain: an event for an officer's action, and its details as
/// JSON with sorted keys.
package enum Audit {
    package static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    package static func record(_ action: String, _ entity: String, _ id: UUID?, by o: Officer, before: String? = nil, after: String? = nil,
                       measureID: UUID?, on db: Database) async throws {
        try await AuditEvent(actor: o.label, actorID: o.id, action: action, entity: entity, entityID: id,
                             before: before, after: after, measureID: measureID).create(on: db)
    }
}
