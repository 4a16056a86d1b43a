import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// The durable outbox: messages are queued in the database in the same transaction as what
/// they tell of, once per dedupe key, and delivered by the worker with retries and back-off.
package enum Outbox {
    /// After this many failed attempts a message is marked failed (and shown to admins).
    package static let maxAttempts = 8

    /// Seconds to wait after the `attempts`th failure: 30 s, 1 min, 2 min … at most 6 h.
    package static func backoff(afterAttempt attempts: Int) -> Int64 {
        min(30 << Int64(max(0, min(attempts - 1, 20))), 6 * 3600)
    }

    /// Queues a message unless one with the same key exists; true when it was queued.
    @discardableResult
    package static func enqueue(_ channel: OutboxMessage.Channel, to recipient: String, subject: String, body: String, key: String,
                        now: Date, on db: Database) async throws -> Bool {
        struct Inserted: Decodable { let id: UUID }
        let row = try await db.sql.raw("""
            INSERT INTO outbox (id, channel, recipient, subject, body, dedupe_key, state, attempts, next_attempt_at, created_at)
            VALUES (\(bind: UUID()), \(bind: channel.rawValue), \(bind: recipient), \(bind: subject), \(bind: body), \(bind: key),
                    'pending', 0, \(bind: Int64(now.timeIntervalSince1970)), \(bind: now))
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """).first(decoding: Inserted.self)
        return row != nil
    }

    /// A notice to a unit, by e-mail and webhook as the unit has them; `key` identifies the
    /// notice, so each unit gets it once per channel.
    @discardableResult
    package static func notify(_ unit: Unit, subject: String, text: String, event: [String: String], key: String, now: Date, on db: Database) async throws -> Int {
        var queued = 0
        let unitKey = key + ":" + (unit.id?.uuidString ?? "")
        if let email = unit.email, !email.isEmpty,
           try await enqueue(.email, to: email, subject: subject, body: text, key: unitKey + ":email", now: now, on: db) {
            queued += 1
        }
        if let url = unit.webhookURL, !url.isEmpty {
            var payload = event
            payload["unit"] = unit.name
            payload["subject"] = subject
            if try await enqueue(.webhook, to: url, subject: subject, body: Audit.json(payload), key: unitKey + ":webhook", now: now, on: db) {
                queued += 1
            }
        }
        return queued
    }

    /// How messages leave; tests give their own.
    package struct Transport: Sendable {
        package var email: @Sendable (OutboxMessage) async throws -> Void
        package var webhook: @Sendable (OutboxMessage) async throws -> Void

        /// SMTP (when configured) and HTTP POST with an HMAC-SHA256 signature of the body.
        package static func live(_ app: Application) -> Transport {
            let config = app.config
            let clock = app.clock
            let client = app.client
            let pool = app.threadPool
            return Transport(
                email: { message in
                    guard let smtp = config.smtp else { throw SMTPClient.Failure(description: "SMTP_URL is not configured") }
                    let id = message.id?.uuidString ?? UUID().uuidString
                    try await pool.runIfActive {
                        try SMTPClient(settings: smtp).send(to: message.recipient, subject: message.subject, body: message.body, messageID: id, date: clock.now())
                    }
                },
                webhook: { message in
                    var headers = HTTPHeaders()
                    headers.contentType = .json
                    headers.add(name: "X-YuGang-Delivery", value: message.id?.uuidString ?? "")
                    if let secret = config.webhookSecret {
                        headers.add(name: "X-YuGang-Signature", value: "sha256=" + signature(message.body, secret: secret))
                    }
                    let response = try await client.post(URI(string: message.recipient), headers: headers) { req in
                        req.body = ByteBuffer(string: message.body)
                    }
                    guard (200..<300).contains(response.status.code) else {
                        throw SMTPClient.Failure(description: "webhook answered \(response.status.code)")
                    }
                })
        }

        package init(email: @escaping @Sendable (OutboxMessage) async throws -> Void, webhook: @escaping @Sendable (OutboxMessage) async throws -> Void) {
            self.email = email
            self.webhook = webhook
        }
    }

    package static func signature(_ body: String, secret: String) -> String {
        Hex.of(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8))))
    }

    package struct Delivery: Equatable, Sendable {
        package var sent = 0
        package var retried = 0
        package var failed = 0

        package init(sent: Int = 0, retried: Int = 0, failed: Int = 0) {
            self.sent = sent
            self.retried = retried
            self.failed = failed
        }
    }

    /// Sends the messages that are due; a failure is retried later, up to `maxAttempts`.
    package static func deliverDue(now: Date, transport: Transport, limit: Int = 50, on db: Database) async throws -> Delivery {
        let due = try await OutboxMessage.query(on: db).filter(\.$state == .pending)
            .filter(\.$nextAttemptAt <= Int64(now.timeIntervalSince1970)).sort(\.$nextAttemptAt).range(..<limit).all()
        var result = Delivery()
        for message in due {
            do {
                switch message.channel {
                case .email: try await transport.email(message)
                case .webhook: try await transport.webhook(message)
                }
                message.state = .sent
                message.sentAt = now
                message.lastError = nil
                result.sent += 1
            } catch {
                message.attempts += 1
                message.lastError = String(String(describing: error).prefix(500))
                if message.attempts >= maxAttempts {
                    message.state = .failed
                    result.failed += 1
                } else {
                    message.nextAttemptAt = Int64(now.timeIntervalSince1970) + backoff(afterAttempt: message.attempts)
                    result.retried += 1
                }
            }
            try await message.update(on: db)
        }
        return result
    }
}

/// A job held by one worker at a time across every instance: a row per job with its holder
/// and expiry, taken with one atomic upsert.
package enum JobLease {
    /// Takes or renews `name` for `seconds`. With `renew` false, even the holder waits for the
    /// lease to run out (a daily job).
    package static func acquire(_ name: String, holder: String, seconds: Int64, now: Date, renew: Bool = true, on db: Database) async throws -> Bool {
        struct Holder: Decodable { let holder: String }
        let t = Int64(now.timeIntervalSince1970)
        let condition: SQLQueryString = renew
            ? "job_leases.expires_at <= \(bind: t) OR job_leases.holder = excluded.holder"
            : "job_leases.expires_at <= \(bind: t)"
        let row = try await db.sql.raw("""
            INSERT INTO job_leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(bind: t + seconds))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE
            """ + " " + condition + " RETURNING holder").first(decoding: Holder.self)
        return row?.holder == holder
    }
}
