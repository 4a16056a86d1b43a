import Fluent
import Foundation
import Platform

/// A standing cooperation mechanism, e.g. 渝港合作會議.
final class Mechanism: Model, @unchecked Sendable {
    static let schema = "mechanisms"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "name") var name: String
    /// Script of `name` (zh-Hant / zh-Hans).
    @Field(key: "script") var script: String

    // relations
    @Children(for: \.$mechanism) var agreements: [Agreement]

    init() {}
    init(name: String, script: String) {
        self.name = name
        self.script = script
    }
}
