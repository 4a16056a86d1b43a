import Fluent
import Foundation
import Platform

/// A question from the public (one-stop consultation, measure 11.2).
package final class Question: Model, @unchecked Sendable {
    package static let schema = "questions"

    package enum State: String, Codable, Sendable, CaseIterable {
        case new
        case answered
        case closed
    }

    // managed
    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    /// `YG-Q-2026-000001`.
    @Field(key: "reference") package var reference: String
    /// SHA-256 of reference and access code; the code itself is shown once.
    @Field(key: "access_code_hash") package var accessCodeHash: String
    @Field(key: "text") package var text: String
    @Field(key: "script") package var script: String
    /// Optional e-mail or telephone, kept only with consent.
    @OptionalField(key: "contact") package var contact: String?
    @OptionalField(key: "consent_version") package var consentVersion: String?
    @OptionalField(key: "consent_at") package var consentAt: Date?
    /// The asker agreed that the question (and their contact) may go to the Hong Kong side;
    /// without it no Hong Kong-side officer sees the question.
    @Field(key: "consent_share") package var consentShare: Bool
    @Enum(key: "state") package var state: State
    @OptionalField(key: "answer") package var answer: String?
    @OptionalField(key: "answer_script") package var answerScript: String?
    @OptionalField(key: "answered_at") package var answeredAt: Date?

    // relations
    @Parent(key: "category_id") package var category: Category
    @OptionalParent(key: "owner_unit_id") package var owner: Unit?
    @OptionalParent(key: "answered_by") package var answeredBy: User?
    @OptionalParent(key: "faq_article_id") package var faq: Article?

    package init() {
        version = 1
        consentShare = false
    }
}

/// The last reference number given per kind and year (questions now, feedback later).
package final class ReferenceCounter: Model, @unchecked Sendable {
    package static let schema = "reference_counters"

    @ID(key: .id) package var id: UUID?
    @Field(key: "kind") package var kind: String
    @Field(key: "year") package var year: Int
    @Field(key: "last") package var last: Int

    package init() {}
}
