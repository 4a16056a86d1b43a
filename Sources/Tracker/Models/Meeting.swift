import Fluent
import Foundation
import Platform

/// One meeting of a mechanism (第一次會議, 第二次會議, …), with the documents signed at it.
package final class Meeting: Model, @unchecked Sendable {
    package static let schema = "meetings"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "number") package var number: Int
    /// As the documents name it, e.g. 「第一次會議」.
    @Field(key: "title") package var title: String
    /// ISO date the meeting was held.
    @OptionalField(key: "held_on") package var heldOn: String?
    @OptionalField(key: "place") package var place: String?
    /// Script of `title` and `place`.
    @Field(key: "script") package var script: String

    // relations
    @Parent(key: "mechanism_id") package var mechanism: Mechanism
    @Children(for: \.$signedAt) package var documents: [Agreement]

    package init() {}
    package init(mechanismID: UUID, number: Int, title: String, heldOn: String?, place: String?, script: String) {
        self.$mechanism.id = mechanismID
        self.number = number
        self.title = title
        self.heldOn = heldOn
        self.place = place
        self.script = script
    }
}
