import Fluent
import Foundation

/// An officer account.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: UserRole
    /// Set for a one-time password: the user must choose a new one at log-in.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "is_disabled") var isDisabled: Bool
    /// Failed log-ins since `failedSince`; at `LoginSecurity.maxFailures` the account locks
    /// until `lockedUntil`.
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "failed_since") var failedSince: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// Sessions carry the epoch they began in; raising it (log-out, disabling) ends them all.
    @Field(key: "session_epoch") var sessionEpoch: Int
    /// The TOTP secret, sealed by `SecretBox`; the second factor is on once `totpEnabledAt` is set.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// The last time step accepted: a code is never accepted twice.
    @OptionalField(key: "totp_last_counter") var totpLastCounter: Int64?
    /// SHA-256 of the recovery codes not used yet.
    @OptionalField(key: "recovery_codes") var recoveryCodes: [String]?

    /// The side the account belongs to: its unit's, or chosen for an account without a unit
    /// (administrators, viewers). An account without a side sees no personal data at all.
    @OptionalEnum(key: "side") var side: Side?

    // relations
    @OptionalParent(key: "unit_id") var unit: Unit?

    init() { version = 1 }
    init(username: String, displayName: String, passwordHash: String, role: UserRole, unitID: UUID?, mustChangePassword: Bool,
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
