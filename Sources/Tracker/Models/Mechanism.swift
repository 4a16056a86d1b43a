import Fluent
import Foundation
import Platform

/// A standing cooperation mechanism, e.g. 渝港合作會議.
package final class Mechanism: Model, @unchecked Sendable {
    package static let schema = "mechanisms"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "name") package var name: String
    /// Script of `name` (zh-Hant / zh-Hans).
    @Field(key: "script") package var script: String

    // relations
    @Children(for: \.$mechanism) package var agreements: [Agreement]

    package init() {}
    package init(name: String, script: String) {
        self.name = name
        self.script = script
    }
}
