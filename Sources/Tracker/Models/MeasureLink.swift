import Fluent
import Foundation
import Platform

/// What became of a measure at the next meeting: continued as a measure of the new document,
/// merged into one, split into several, completed, or dropped. Officers confirm the links the
/// import proposes (`Lineage`); a measure with a link is no longer in force.
package final class MeasureLink: Model, @unchecked Sendable {
    package static let schema = "measure_links"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "decided_at", on: .create) package var decidedAt: Date?

    // data
    @Enum(key: "outcome") package var outcome: LinkOutcome
    /// Text similarity (0…1) of the two measures when the import proposed the link.
    @OptionalField(key: "similarity") package var similarity: Double?
    @Field(key: "decided_by") package var decidedBy: String

    // relations
    /// The new document whose mapping this link is part of.
    @Parent(key: "agreement_id") package var agreement: Agreement
    @Parent(key: "predecessor_id") package var predecessor: Measure
    /// Nil when the measure was completed or dropped.
    @OptionalParent(key: "successor_id") package var successor: Measure?

    package init() {}
    package init(agreementID: UUID, predecessorID: UUID, successorID: UUID?, outcome: LinkOutcome, similarity: Double?, decidedBy: String) {
        self.$agreement.id = agreementID
        self.$predecessor.id = predecessorID
        self.$successor.id = successorID
        self.outcome = outcome
        self.similarity = similarity
        self.decidedBy = decidedBy
    }
}

package enum LinkOutcome: String, Codable, CaseIterable, Sendable {
    /// Carried over as one measure of the new document; its progress history goes with it.
    case continued
    /// Merged with others into one measure of the new document.
    case merged
    /// Split into several measures of the new document.
    case split
    /// Done; not carried over.
    case completed
    /// Not carried over, not done.
    case dropped

    /// Whether the outcome names a measure of the new document.
    package var hasSuccessor: Bool { self == .continued || self == .merged || self == .split }
}
