import Fluent
import Foundation
import Platform

/// One signed memorandum of a meeting of a mechanism. Its areas and measures are those of the
/// latest revision; earlier revisions keep their text in `AgreementRevision`.
final class Agreement: Model, @unchecked Sendable {
    static let schema = "agreements"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "title") var title: String
    @OptionalField(key: "document_kind") var documentKind: String?
    @OptionalField(key: "meeting") var meeting: String?
    @OptionalField(key: "meeting_number") var meetingNumber: Int?
    /// ISO date of signing (first date if the parties signed on different days).
    @OptionalField(key: "signed_on") var signedOn: String?
    /// Script the memorandum is written in (zh-Hant / zh-Hans); areas and measures share it.
    @Field(key: "script") var script: String
    /// JSON array of the preamble paragraphs.
    @Field(key: "preamble") var preamble: [String]
    /// JSON array of the signing parties.
    @Field(key: "parties") var parties: [StoredParty]
    @OptionalField(key: "annex_title") var annexTitle: String?
    /// Number of the current revision (1 for the first import).
    @Field(key: "revision") var revision: Int

    // relations
    @Parent(key: "mechanism_id") var mechanism: Mechanism
    @Children(for: \.$agreement) var areas: [Area]
    @Children(for: \.$agreement) var measures: [Measure]
    @Children(for: \.$agreement) var revisions: [AgreementRevision]

    init() {}
}

struct StoredParty: Codable, Equatable, Sendable {
    var name: String
    var signatoryTitle: String?
    var signedOn: String?
}
