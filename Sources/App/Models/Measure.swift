import Fluent
import Foundation
import Platform

/// 措施: a numbered item of an area, addressed as `area.item` (e.g. `11.2`).
final class Measure: Model, @unchecked Sendable {
    static let schema = "measures"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Field(key: "area_number") var areaNumber: Int
    @Field(key: "item_number") var itemNumber: Int
    @Field(key: "text") var text: String
    /// Revision that removed the measure from the agreement; it is kept with its history.
    @OptionalField(key: "removed_in_revision") var removedInRevision: Int?

    // relations
    @Parent(key: "agreement_id") var agreement: Agreement
    @Parent(key: "area_id") var area: Area
    @Children(for: \.$measure) var sides: [MeasureSide]
    @Children(for: \.$measure) var assignments: [Assignment]
    @Children(for: \.$measure) var milestones: [Milestone]
    @Children(for: \.$measure) var updates: [ProgressUpdate]

    var number: String { "\(areaNumber).\(itemNumber)" }

    init() {}
    init(agreementID: UUID, areaID: UUID, areaNumber: Int, itemNumber: Int, text: String) {
        self.$agreement.id = agreementID
        self.$area.id = areaID
        self.areaNumber = areaNumber
        self.itemNumber = itemNumber
        self.text = text
    }
}
