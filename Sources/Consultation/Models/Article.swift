import Fluent
import Foundation
import Platform
import Tracker

/// A knowledge-base entry: an article or a FAQ answer, in Markdown.
package final class Article: Model, @unchecked Sendable {
    package static let schema = "articles"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    /// `article` or `faq`.
    @Field(key: "kind") package var kind: String
    @Field(key: "title") package var title: String
    /// Markdown; raw HTML in it is shown as text.
    @Field(key: "body") package var body: String
    @Field(key: "script") package var script: String
    @Enum(key: "visibility") package var visibility: Visibility
    /// Measure numbers the entry serves, e.g. ["11.1", "11.2"].
    @Field(key: "measures") package var measures: [String]
    /// ISO dates.
    @OptionalField(key: "effective_on") package var effectiveOn: String?
    @Field(key: "review_on") package var reviewOn: String
    @Field(key: "revision") package var revision: Int

    // relations
    @Parent(key: "category_id") package var category: Category
    @Parent(key: "owner_unit_id") package var owner: Unit
    @Children(for: \.$article) package var revisions: [ArticleRevision]

    package init() {}
}

/// What an article said at one revision, and who changed it.
package final class ArticleRevision: Model, @unchecked Sendable {
    package static let schema = "article_revisions"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "changed_at", on: .create) package var changedAt: Date?

    // data
    @Field(key: "number") package var number: Int
    @Field(key: "title") package var title: String
    @Field(key: "body") package var body: String
    @Field(key: "changed_by") package var changedBy: String

    // relations
    @Parent(key: "article_id") package var article: Article

    package init() {}
    package init(articleID: UUID, number: Int, title: String, body: String, changedBy: String) {
        self.$article.id = articleID
        self.number = number
        self.title = title
        self.body = body
        self.changedBy = changedBy
    }
}
