import Fluent
import Foundation
import Platform

/// One signed document of a meeting of a mechanism (its memorandum, another cooperation
/// agreement, an annual work plan). Its areas and measures are those of the latest revision;
/// earlier revisions keep their text in `AgreementRevision`.
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
    /// Its address on the portal, e.g. `yugang-1`; measures of any document but the first one
    /// stored are addressed `<slug>.<area>.<item>` (`MeasureKey`).
    @Field(key: "slug") package var slug: String
    @Enum(key: "kind") package var kind: AgreementKind
    /// How the text was laid out (`Memorandum.Layout`), as the importer read it.
    @OptionalField(key: "layout") package var layout: String?

    // relations
    @Parent(key: "mechanism_id") package var mechanism: Mechanism
    /// The meeting it was signed at (nil for a document outside the meetings).
    @OptionalParent(key: "meeting_id") package var signedAt: Meeting?
    @Children(for: \.$agreement) package var areas: [Area]
    @Children(for: \.$agreement) package var measures: [Measure]
    @Children(for: \.$agreement) package var revisions: [AgreementRevision]

    package init() {}
}

/// What kind of document of a meeting an agreement is.
package enum AgreementKind: String, Codable, CaseIterable, Sendable {
    /// The meeting's memorandum (備忘錄): the measures agreed at the meeting.
    case memorandum
    /// Another cooperation agreement signed at the meeting (合作協議, 框架協議).
    case agreement
    /// An annual work plan (年度工作計劃).
    case workPlan = "work_plan"
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
