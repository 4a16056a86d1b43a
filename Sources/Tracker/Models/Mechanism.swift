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
    /// Its address on the portal and in links, e.g. `yugang`: lower-case ASCII letters, digits, hyphens.
    @Field(key: "slug") package var slug: String
    /// The governments that take part, in the order they sign, e.g. 重慶市人民政府, 香港特別行政區政府.
    @OptionalField(key: "parties") package var parties: [String]?

    // relations
    @Children(for: \.$mechanism) package var agreements: [Agreement]
    @Children(for: \.$mechanism) package var meetings: [Meeting]

    package init() {}
    package init(name: String, script: String, slug: String, parties: [String]? = nil) {
        self.name = name
        self.script = script
        self.slug = slug
        self.parties = parties
    }
}
