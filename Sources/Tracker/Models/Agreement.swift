import Fluent
import Foundation
import Platform

/// One signed memorandum of a meeting of a mechanism. Its areas and measures are those of the
/// latest revision; earlier revisions keep their text in `AgreementRevision`.
package final class Agreement: Model, @unchecked Sendable {
    package static let schema = "agreements"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    @Field(key: "title") package var title: String
    @OptionalField(key: "document_kind") package var documentKind: String?
    @OptionalField(key: "meeting") package var meeting: String?
    @OptionalField(key: "meeting_number") package var meetingNumber: Int?
    /// ISO date of signing (first date if the parties signed on different days).
    @OptionalField(key: "signed_on") package var signedOn: String?
    /// Script the memorandum is written in (zh-Hant / zh-Hans); areas and measures share it.
    @Field(key: "script") package var script: String
    /// JSON array of the preamble paragraphs.
    @Field(key: "preamble") package var preamble: [String]
    /// JSON array of the signing parties.
    @Field(key: "parties") package var parties: [StoredParty]
    @OptionalField(key: "annex_title") package var annexTitle: String?
    /// Number of the current revision (1 for the first import).
    @Field(key: "revision") package var revision: Int

    // relations
    @Parent(key: "mechanism_id") package var mechanism: Mechanism
    @Children(for: \.$agreement) package var areas: [Area]
    @Children(for: \.$agreement) package var measures: [Measure]
    @Children(for: \.$agreement) package var revisions: [AgreementRevision]

    package init() {}
}

package struct StoredParty: Codable, Equatable, Sendable {
    package var name: String
    package var signatoryTitle: String?
    package var signedOn: String?

    package init(name: String, signatoryTitle: String? = nil, signedOn: String? = nil) {
        self.name = name
        self.signatoryTitle = signatoryTitle
        self.signedOn = signedOn
    }
}
