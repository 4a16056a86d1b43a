import Fluent
import Foundation
import SQLKit

/// The audit log as a hash chain. Each event gets the next number and the SHA-256 of its
/// content with the previous event's hash; the head row (`audit_head`) holds the last number
/// and hash and is updated in the event's transaction, so concurrent writers queue on it and
/// the chain never forks. Editing, inserting or deleting an event afterwards breaks the chain
/// from that event on, and `verify` names the first event that no longer fits.
enum AuditChain {
    static let genesis = String(repeating: "0", count: 64)

    /// Now, to the millisecond: what both databases store exactly.
    static func now() -> Date { Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000) }

    static func milliseconds(_ date: Date?) -> Int64 { Int64(((date?.timeIntervalSince1970 ?? 0) * 1000).rounded()) }

    /// The hash of an event: every field, in a fixed order, as a JSON array.
    static func hash(_ e: AuditEvent, seq: Int64, previous: String) -> String {
        let fields: [String?] = [String(seq), previous, String(milliseconds(e.at)), e.actor, e.$actorUser.id?.uuidString, e.action, e.entity,
                                 e.entityID?.uuidString, e.before, e.after, e.measureID?.uuidString]
        return TokenHash.of(String(decoding: (try? JSONEncoder().encode(fields)) ?? Data(), as: UTF8.self))
    }

    struct Head: Decodable { let seq: Int64; let hash: String }

    /// Takes the next place in the chain (locking the head until the transaction ends).
    static func advance(on db: Database) async throws -> Head {
        guard let head = try await db.sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").first(decoding: Head.self)
        else { throw AppError.unavailable(hant: "審計紀錄未能寫入。", hans: "审计纪录未能写入。", en: "The audit log could not be written.") }
        return head
    }

    static func setHead(_ hash: String, on db: Database) async throws {
        try await db.sql.raw("UPDATE audit_head SET hash = \(bind: hash) WHERE id = 1").run()
    }

    /// Links `event` to the chain and stores it, in the caller's transaction or a new one.
    static func append(_ event: AuditEvent, on db: Database, store: @escaping @Sendable (Database) async throws -> Void) async throws {
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
    static func link(_ events: [AuditEvent], on db: Database) async throws {
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

    struct Verdict: Sendable, Equatable {
        var events: Int
        var head: String
        /// The first event that does not fit, and why.
        var broken: (seq: Int64, id: UUID?, reason: String)?

        static func == (a: Verdict, b: Verdict) -> Bool { a.events == b.events && a.head == b.head && a.broken?.seq == b.broken?.seq }
    }

    /// Reads the chain in order, in pages, and checks every link and hash and the head.
    static func verify(on db: Database, pageSize: Int = 5000) async throws -> Verdict {
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
struct AuditChainMiddleware: AsyncModelMiddleware {
    typealias Model = AuditEvent

    func create(model: AuditEvent, on db: Database, next: AnyAsyncModelResponder) async throws {
        try await AuditChain.append(model, on: db) { tx in try await next.create(model, on: tx) }
    }
}
