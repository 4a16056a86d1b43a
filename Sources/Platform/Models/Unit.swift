import Fluent
import Foundation

/// An organisation on one side; the two liaison offices are units too.
package final class Unit: Model, @unchecked Sendable {
    package static let schema = "units"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "name") package var name: String
    @Enum(key: "side") package var side: Side
    /// Script of `name`.
    @Field(key: "script") package var script: String
    @Field(key: "is_liaison_office") package var isLiaisonOffice: Bool
    /// Where notices (reminders, escalations) go: an e-mail address and a webhook URL.
    @OptionalField(key: "email") package var email: String?
    @OptionalField(key: "webhook_url") package var webhookURL: String?
    /// Other names the unit goes by (a short form, the other script's spelling, a former name),
    /// used to recognise it where an agreement's text names it.
    @OptionalField(key: "aliases") package var aliases: [String]?

    package init() {}
    package init(name: String, side: Side, script: String, isLiaisonOffice: Bool = false) {
        self.name = name
        self.side = side
        self.script = script
        self.isLiaisonOffice = isLiaisonOffice
    }
}
