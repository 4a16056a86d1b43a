import Fluent
import Foundation
import Platform

/// One imported text of an agreement. The same text imported twice is one revision (content hash).
package final class AgreementRevision: Model, @unchecked Sendable {
    package static let schema = "agreement_revisions"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "imported_at", on: .create) package var importedAt: Date?

    // data
    @Field(key: "number") package var number: Int
    @Field(key: "content_hash") package var contentHash: String
    /// The text exactly as imported.
    @Field(key: "source_text") package var sourceText: String
    @OptionalField(key: "source_name") package var sourceName: String?
    /// What changed from the previous revision, one line per change.
    @Field(key: "changes") package var changes: [String]

    // relations
    @Parent(key: "agreement_id") package var agreement: Agreement

    package init() {}
}
