import Fluent
import Foundation

/// An officer account.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: UserRole
    /// Set for a one-time password: the user must choose a new one at log-in.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "is_disabled") var isDisabled: Bool

    // relations
    @OptionalParent(key: "unit_id") var unit: Unit?

    init() {}
    init(username: String, displayName: String, passwordHash: String, role: UserRole, unitID: UUID?, mustChangePassword: Bool) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$unit.id = unitID
        self.mustChangePassword = mustChangePassword
        self.isDisabled = false
    }
}
