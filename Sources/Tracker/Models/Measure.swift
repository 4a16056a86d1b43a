import Fluent
import Foundation
import Platform

/// 措施: a numbered item of an area, addressed as `area.item` (e.g. `11.2`).
package final class Measure: Model, @unchecked Sendable {
    package static let schema = "measures"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    @Field(key: "area_number") package var areaNumber: Int
    @Field(key: "item_number") package var itemNumber: Int
    @Field(key: "text") package var text: String
    /// Revision that removed the measure from the agreement; it is kept with its history.
    @OptionalField(key: "removed_in_revision") package var removedInRevision: Int?

    // relations
    @Parent(key: "agreement_id") package var agreement: Agreement
    @Parent(key: "area_id") package var area: Area
    @Children(for: \.$measure) package var sides: [MeasureSide]
    @Children(for: \.$measure) package var assignments: [Assignment]
    @Children(for: \.$measure) package var milestones: [Milestone]
    @Children(for: \.$measure) package var updates: [ProgressUpdate]

    package var number: String { "\(areaNumber).\(itemNumber)" }

    package init() {}
    package init(agreementID: UUID, areaID: UUID, areaNumber: Int, itemNumber: Int, text: String) {
        self.$agreement.id = agreementID
        self.$area.id = areaID
        self.areaNumber = areaNumber
        self.itemNumber = itemNumber
        self.text = text
    }
}
