import Fluent
import Platform
import SQLKit

/// Log-in failures and locks, the session epoch (bumped to end every session of a user), and
/// the second factor (TOTP secret, last used step, hashed recovery codes).
struct UpdateUsersAddSecurity: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users").field("failed_logins", .int, .required, .sql(.default(0))).update()
        try await db.schema("users").field("failed_since", .datetime).update()
        try await db.schema("users").field("locked_until", .datetime).update()
        try await db.schema("users").field("session_epoch", .int, .required, .sql(.default(0))).update()
        try await db.schema("users").field("totp_secret", .string).update()
        try await db.schema("users").field("totp_enabled_at", .datetime).update()
        try await db.schema("users").field("totp_last_counter", .int64).update()
        try await db.schema("users").field("recovery_codes", .array(of: .string)).update()
    }

    func revert(on db: Database) async throws {
        for field in ["failed_logins", "failed_since", "locked_until", "session_epoch", "totp_secret", "totp_enabled_at", "totp_last_counter", "recovery_codes"] {
            try await db.schema("users").deleteField(.string(field)).update()
        }
    }
}
