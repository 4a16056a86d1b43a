import Fluent
import Foundation
import Platform

/// A question from the public (one-stop consultation, measure 11.2).
final class Question: Model, @unchecked Sendable {
    static let schema = "questions"

    enum State: String, Codable, Sendable, CaseIterable {
        case new
        case answered
        case closed
    }

    // managed
    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// `YG-Q-2026-000001`.
    @Field(key: "reference") var reference: String
    /// SHA-256 of reference and access code; the code itself is shown once.
    @Field(key: "access_code_hash") var accessCodeHash: String
    @Field(key: "text") var text: String
    @Field(key: "script") var script: String
    /// Optional e-mail or telephone, kept only with consent.
    @OptionalField(key: "contact") var contact: String?
    @OptionalField(key: "consent_version") var consentVersion: String?
    @OptionalField(key: "consent_at") var consentAt: Date?
    /// The asker agreed that the question (and their contact) may go to the Hong Kong side;
    /// without it no Hong Kong-side officer sees the question.
    @Field(key: "consent_share") var consentShare: Bool
    @Enum(key: "state") var state: State
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answer_script") var answerScript: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    // relations
    @Parent(key: "category_id") var category: Category
    @OptionalParent(key: "owner_unit_id") var owner: Unit?
    @OptionalParent(key: "answered_by") var answeredBy: User?
    @OptionalParent(key: "faq_article_id") var faq: Article?

    init() {
        version = 1
        consentShare = false
    }
}

/// The last reference number given per kind and year (questions now, feedback later).
final class ReferenceCounter: Model, @unchecked Sendable {
    static let schema = "reference_counters"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "year") var year: Int
    @Field(key: "last") var last: Int

    init() {}
}
