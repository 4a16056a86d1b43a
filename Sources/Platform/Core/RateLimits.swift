import Fluent
import Foundation
import SQLKit

/// Fixed-window counters in the database (`rate_limits`), shared by every instance.
package enum RateLimits {
    /// Counts one event (a submission, a log-in attempt) for `key` in the current window and
    /// tells whether it is within `limit`.
    package static func within(_ key: String, limit: Int, window: Int, now: Date, on db: Database) async throws -> Bool {
        struct Count: Decodable { let count: Int }
        let start = Int64(now.timeIntervalSince1970) / Int64(window) * Int64(window)
        let row = try await db.sql.raw("""
            INSERT INTO rate_limits (key, window_start, count) VALUES (\(bind: TokenHash.of(key)), \(bind: start), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count
            """).first(decoding: Count.self)
        return (row?.count ?? 0) <= limit
    }
}

/// A limit counted in the database was reached. The answer is 429 with `Retry-After` (seconds to
/// the end of the window) and a message in the user's language (`AppError.limited`).
package struct LimitReached: Error, Sendable, Equatable {
    package enum Reason: Sendable, Equatable {
        /// Submissions or follow-ups from one address or contact.
        case submissions
        /// Wrong access codes for one reference or from one address.
        case accessCodes
    }

    package var reason: Reason
    package var retryAfter: Int

    package init(reason: Reason, retryAfter: Int) {
        self.reason = reason
        self.retryAfter = retryAfter
    }

    package func message(_ l: Localizer) -> String {
        let minutes = max(1, (retryAfter + 59) / 60)
        switch reason {
        case .submissions:
            return l.t(PlatformText.tooManySubmissionsInShortTime(minutes: "\(minutes)"))
        case .accessCodes:
            return l.t(PlatformText.tooManyWrongAccessCodes(minutes: "\(minutes)"))
        }
    }
}
