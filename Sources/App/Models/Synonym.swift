import Fluent
import Foundation
import Platform

/// A set of phrases that mean the same thing to the search (回鄉證 ↔ 港澳居民來往內地通行證).
final class Synonym: Model, @unchecked Sendable {
    static let schema = "synonyms"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "terms") var terms: [String]

    init() {}
    init(terms: [String]) { self.terms = terms }
}

/// A search that found nothing, counted by its normalised text (digits runs and e-mail
/// addresses removed, so that no personal data is kept).
final class SearchMiss: Model, @unchecked Sendable {
    static let schema = "search_misses"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "last_at", on: .update) var lastAt: Date?

    // data
    @Field(key: "text") var text: String
    @Field(key: "count") var count: Int

    init() {}
}
