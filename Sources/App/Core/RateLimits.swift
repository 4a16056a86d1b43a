import Fluent
import Foundation
import SQLKit

/// Fixed-window counters in the database (`rate_limits`), shared by every instance.
enum RateLimits {
    /// Counts one event (a submission, a log-in attempt) for `key` in the current window and
    /// tells whether it is within `limit`.
    static func within(_ key: String, limit: Int, window: Int, now: Date, on db: Database) async throws -> Bool {
        struct Count: Decodable { let count: Int }
        let start = Int64(now.timeIntervalSince1970) / Int64(window) * Int64(window)
        let row = try await db.sql.raw("""
            INSERT INTO rate_limits (key, window_start, count) VALUES (\(bind: TokenHash.of(key)), \(bind: start), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count
            """).first(decoding: Count.self)
        return (row?.count ?? 0) <= limit
    }
}
