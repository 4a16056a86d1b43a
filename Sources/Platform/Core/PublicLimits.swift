import Fluent
import Foundation
import SQLKit
import Vapor

extension RateLimits {
    /// Seconds from `now` to the end of its fixed window.
    package static func retryAfter(window: Int, now: Date) -> Int {
        let t = Int64(now.timeIntervalSince1970)
        return Int(t / Int64(window) * Int64(window) + Int64(window) - t)
    }

    /// Counts one event for `key` in the current window and returns the count (atomically: one
    /// statement, shared by every instance).
    package static func add(_ key: String, window: Int, now: Date, on db: Database) async throws -> Int {
        struct Count: Decodable { let count: Int }
        let start = Int64(now.timeIntervalSince1970) / Int64(window) * Int64(window)
        let row = try await db.sql.raw("""
            INSERT INTO rate_limits (key, window_start, count) VALUES (\(bind: TokenHash.of(key)), \(bind: start), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count
            """).first(decoding: Count.self)
        return row?.count ?? 0
    }

    /// Takes back one event counted by `add` in the same window.
    package static func refund(_ key: String, window: Int, now: Date, on db: Database) async throws {
        let start = Int64(now.timeIntervalSince1970) / Int64(window) * Int64(window)
        try await db.sql.raw("""
            UPDATE rate_limits SET count = count - 1 WHERE key = \(bind: TokenHash.of(key)) AND window_start = \(bind: start) AND count > 0
            """).run()
    }

    /// Counts one event for `key` and throws `AppError.limited` past `limit`.
    package static func require(_ key: String, limit: Int, window: Int, reason: LimitReached.Reason = .submissions, now: Date, on db: Database) async throws {
        if try await add(key, window: window, now: now, on: db) > limit {
            throw AppError.limited(LimitReached(reason: reason, retryAfter: retryAfter(window: window, now: now)))
        }
    }
}

/// The limits of the public's writes, counted per client address before the body is read.
/// Routes that use it are registered with `body: .stream`: the middleware counts the address
/// first, and only then collects the body (up to `maxBytes`; more is refused with 413), so a
/// client past its limit never gets its body read, let alone its attachments written. Limits per
/// contact (e-mail, telephone) need the parsed form; the services check them before writing.
package struct PublicLimitsMiddleware: AsyncMiddleware {
    package enum Write: String, Sendable {
        /// The feedback form and `POST /api/v1/feedback`.
        case feedback
        /// The question form and `POST /api/v1/questions`.
        case question
        /// Reading a case or question with its code, adding information, rating, reopening.
        case followUp
    }

    package let write: Write
    package let maxBytes: Int

    package static let window = 3600

    package static func key(_ write: Write, address: String) -> String {
        switch write {
        // The same key as before the limits moved here, so counts carry over.
        case .feedback: return "ip:" + address
        case .question: return "ask-ip:" + address
        case .followUp: return "follow-ip:" + address
        }
    }

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if req.method == .POST {
            let config = req.application.config
            let limit = switch write {
            case .feedback: config.feedbackPerAddressPerHour
            case .question: config.questionsPerAddressPerHour
            case .followUp: config.followUpsPerAddressPerHour
            }
            try await RateLimits.require(Self.key(write, address: req.clientAddress), limit: limit, window: Self.window,
                                         now: req.application.clock.now(), on: req.db)
            if req.body.data == nil {
                _ = try await req.body.collect(max: maxBytes).get()
            }
        }
        return try await next.respond(to: req)
    }

    package init(write: Write, maxBytes: Int) {
        self.write = write
        self.maxBytes = maxBytes
    }
}

/// Access codes are guessed nowhere: wrong codes are counted per reference and per client
/// address in the database (so the count holds across instances), and past either limit every
/// attempt is answered 429 until the hour ends, even one with the right code. The answer never
/// tells whether the reference exists: a missing reference is counted, hashed (against a dummy
/// hash) and compared in constant time exactly like a wrong code for an existing one.
package enum AccessCodes {
    package static let window = 3600
    /// Stands in for the stored hash when the reference does not exist (nothing hashes to it).
    package static let dummyHash = String(repeating: "0", count: 64)

    /// What a lookup needs of the stored record.
    package struct Stored<Record: Sendable>: Sendable {
        package var record: Record
        package var reference: String
        package var accessCodeHash: String

        package init(record: Record, reference: String, accessCodeHash: String) {
            self.record = record
            self.reference = reference
            self.accessCodeHash = accessCodeHash
        }
    }

    /// The record of `reference` when `code` is its access code; nil for a wrong pair, whichever
    /// of the two is wrong. `kind` keeps the counts of feedback and questions apart.
    package static func lookup<Record: Sendable>(kind: String, reference raw: String, code rawCode: String, address: String, config: AppConfig,
                                         now: Date, on db: Database,
                                         load: @Sendable (String) async throws -> Stored<Record>?) async throws -> Record? {
        let reference = String(raw.trimmingCharacters(in: .whitespaces).uppercased().prefix(40))
        let code = String(rawCode.trimmingCharacters(in: .whitespaces).prefix(60))
        let keys = [("code-ref:\(kind):" + reference, config.accessCodeFailuresPerReference), ("code-ip:" + address, config.accessCodeFailuresPerAddress)]
        // Counted first (one atomic statement each), refunded when the code is right: parallel
        // guesses cannot slip past the limit between a check and a count.
        var over = false
        for (key, limit) in keys {
            if try await RateLimits.add(key, window: window, now: now, on: db) > limit { over = true }
        }
        if over { throw AppError.limited(LimitReached(reason: .accessCodes, retryAfter: RateLimits.retryAfter(window: window, now: now))) }
        let stored = reference.count <= 30 && code.count <= 40 ? try await load(reference) : nil
        let computed = PublicReference.hash(reference: stored?.reference ?? reference, code: code)
        let matches = constantTimeEqual(stored?.accessCodeHash ?? dummyHash, computed)
        guard matches, let stored else { return nil }
        for (key, _) in keys { try await RateLimits.refund(key, window: window, now: now, on: db) }
        return stored.record
    }
}
