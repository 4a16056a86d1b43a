import Fluent
import Foundation

/// An organisation on one side; the two liaison offices are units too.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "name") var name: String
    @Enum(key: "side") var side: Side
    /// Script of `name`.
    @Field(key: "script") var script: String
    @Field(key: "is_liaison_office") var isLiaisonOffice: Bool
    /// Where notices (reminders, escalations) go: an e-mail address and a webhook URL.
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "webhook_url") var webhookURL: String?

    init() {}
    init(name: String, side: Side, script: String, isLiaisonOffice: Bool = false) {
        self.name = name
        self.side = side
        self.script = script
        self.isLiaisonOffice = isLiaisonOffice
    }
}
