import Fluent
import Foundation
import Platform

/// A set of phrases that mean the same thing to the search (回鄉證 ↔ 港澳居民來往內地通行證).
package final class Synonym: Model, @unchecked Sendable {
    package static let schema = "synonyms"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "terms") package var terms: [String]

    package init() {}
    package init(terms: [String]) { self.terms = terms }
}

/// A search that found nothing, counted by its normalised text (digits runs and e-mail
/// addresses removed, so that no personal data is kept).
package final class SearchMiss: Model, @unchecked Sendable {
    package static let schema = "search_misses"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "last_at", on: .update) package var lastAt: Date?

    // data
    @Field(key: "text") package var text: String
    @Field(key: "count") package var count: Int

    package init() {}
}
