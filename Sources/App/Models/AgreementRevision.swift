import Fluent
import Foundation
import Platform

/// One imported text of an agreement. The same text imported twice is one revision (content hash).
final class AgreementRevision: Model, @unchecked Sendable {
    static let schema = "agreement_revisions"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "imported_at", on: .create) var importedAt: Date?

    // data
    @Field(key: "number") var number: Int
    @Field(key: "content_hash") var contentHash: String
    /// The text exactly as imported.
    @Field(key: "source_text") var sourceText: String
    @OptionalField(key: "source_name") var sourceName: String?
    /// What changed from the previous revision, one line per change.
    @Field(key: "changes") var changes: [String]

    // relations
    @Parent(key: "agreement_id") var agreement: Agreement

    init() {}
}
