import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// What the public gets for a question or a feedback case: a reference number, and an access
/// code shown once and kept only as a hash. With both they can follow it.
package enum PublicReference {
    package struct Receipt: Content, Equatable {
        package var reference: String
        package var accessCode: String

        package init(reference: String, accessCode: String) {
            self.reference = reference
            self.accessCode = accessCode
        }
    }

    package static func hash(reference: String, code: String) -> String {
        Hex.sha256("\(reference):\(code.uppercased())")
    }

    /// Whether `code` is the access code of `reference` (constant-time comparison).
    package static func matches(storedHash: String, reference: String, code: String) -> Bool {
        constantTimeEqual(storedHash, hash(reference: reference, code: code.trimmingCharacters(in: .whitespaces)))
    }

    /// 12 characters without look-alikes, about 62 bits.
    package static func newAccessCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The year of `now` in Chongqing and Hong Kong (UTC+8).
    package static func year(_ now: Date) -> Int {
        Calendar(identifier: .gregorian).component(.year, from: now.addingTimeInterval(8 * 3600))
    }

    /// The next number of `kind` in `year`, atomically (one UPDATE … RETURNING), so several
    /// instances never hand out the same one.
    package static func nextNumber(kind: String, year: Int, on db: Database) async throws -> Int {
        let sql = db.sql
        struct Last: Decodable { let last: Int }
        if let row = try await sql.raw("UPDATE reference_counters SET last = last + 1 WHERE kind = \(bind: kind) AND year = \(bind: year) RETURNING last")
            .first(decoding: Last.self) {
            return row.last
        }
        try await sql.raw("""
            INSERT INTO reference_counters (id, kind, year, last) VALUES (\(bind: UUID()), \(bind: kind), \(bind: year), 0)
            ON CONFLICT (kind, year) DO NOTHING
            """).run()
        return try await nextNumber(kind: kind, year: year, on: db)
    }
}
