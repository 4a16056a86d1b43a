import Fluent
import Foundation

/// A bearer token for the API, issued to one officer; only its SHA-256 is stored.
package final class APIToken: Model, @unchecked Sendable {
    package static let schema = "api_tokens"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "name") package var name: String
    @Field(key: "token_hash") package var tokenHash: String
    @OptionalField(key: "last_used_at") package var lastUsedAt: Date?

    // relations
    @Parent(key: "user_id") package var user: User

    package init() {}
    package init(userID: UUID, name: String, tokenHash: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
    }
}
