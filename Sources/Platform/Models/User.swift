import Fluent
import Foundation

/// An officer account.
package final class User: Model, @unchecked Sendable {
    package static let schema = "users"

    // managed
    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "username") package var username: String
    @Field(key: "display_name") package var displayName: String
    @Field(key: "password_hash") package var passwordHash: String
    @Enum(key: "role") package var role: UserRole
    /// Set for a one-time password: the user must choose a new one at log-in.
    @Field(key: "must_change_password") package var mustChangePassword: Bool
    @Field(key: "is_disabled") package var isDisabled: Bool
    /// Failed log-ins since `failedSince`; at `LoginSecurity.maxFailures` the account locks
    /// until `lockedUntil`.
    @Field(key: "failed_logins") package var failedLogins: Int
    @OptionalField(key: "failed_since") package var failedSince: Date?
    @OptionalField(key: "locked_until") package var lockedUntil: Date?
    /// Sessions carry the epoch they began in; raising it (log-out, disabling) ends them all.
    @Field(key: "session_epoch") package var sessionEpoch: Int
    /// The TOTP secret, sealed by `SecretBox`; the second factor is on once `totpEnabledAt` is set.
    @OptionalField(key: "totp_secret") package var totpSecret: String?
    @OptionalField(key: "totp_enabled_at") package var totpEnabledAt: Date?
    /// The last time step accepted: a code is never accepted twice.
    @OptionalField(key: "totp_last_counter") package var totpLastCounter: Int64?
    /// SHA-256 of the recovery codes not used yet.
    @OptionalField(key: "recovery_codes") package var recoveryCodes: [String]?

    /// The side the account belongs to: its unit's, or chosen for an account without a unit
    /// (administrators, viewers). An account without a side sees no personal data at all.
    @OptionalEnum(key: "side") package var side: Side?

    // relations
    @OptionalParent(key: "unit_id") package var unit: Unit?

    package init() { version = 1 }
    package init(username: String, displayName: String, passwordHash: String, role: UserRole, unitID: UUID?, mustChangePassword: Bool,
         side: Side? = nil) {
        version = 1
        self.side = side
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$unit.id = unitID
        self.mustChangePassword = mustChangePassword
        self.isDisabled = false
        self.failedLogins = 0
        self.sessionEpoch = 0
    }
}
