import Fluent
import Foundation
import Platform

/// A knowledge-base entry: an article or a FAQ answer, in Markdown.
final class Article: Model, @unchecked Sendable {
    static let schema = "articles"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// `article` or `faq`.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// Markdown; raw HTML in it is shown as text.
    @Field(key: "body") var body: String
    @Field(key: "script") var script: String
    @Enum(key: "visibility") var visibility: Visibility
    /// Measure numbers the entry serves, e.g. ["11.1", "11.2"].
    @Field(key: "measures") var measures: [String]
    /// ISO dates.
    @OptionalField(key: "effective_on") var effectiveOn: String?
    @Field(key: "review_on") var reviewOn: String
    @Field(key: "revision") var revision: Int

    // relations
    @Parent(key: "category_id") var category: Category
    @Parent(key: "owner_unit_id") var owner: Unit
    @Children(for: \.$article) var revisions: [ArticleRevision]

    init() {}
}

/// What an article said at one revision, and who changed it.
final class ArticleRevision: Model, @unchecked Sendable {
    static let schema = "article_revisions"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "changed_at", on: .create) var changedAt: Date?

    // data
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "changed_by") var changedBy: String

    // relations
    @Parent(key: "article_id") var article: Article

    init() {}
    init(articleID: UUID, number: Int, title: String, body: String, changedBy: String) {
        self.$article.id = articleID
        self.number = number
        self.title = title
        self.body = body
        self.changedBy = changedBy
    }
}
