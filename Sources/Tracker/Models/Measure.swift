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
    /// The number as printed when it differs from `item` (「（二）」, 「第五條」, 「15」), nil otherwise.
    /// Its address (`MeasureKey`): `11.2` for the first agreement stored, `yugang-2.3.1` for others.
    @Field(key: "key") package var key: String
    @OptionalField(key: "label") package var label: String?
    /// The heading of the group or article the measure stands under, if any.
    @OptionalField(key: "group_title") package var groupTitle: String?
    /// Units the measure's own text names as leading and supporting (「（市商務委牽頭）」), as written;
    /// officers confirm them as assignments.
    @OptionalField(key: "named_leads") package var namedLeads: [String]?
    @OptionalField(key: "named_supports") package var namedSupports: [String]?

    // relations
    @Parent(key: "agreement_id") package var agreement: Agreement
    @Parent(key: "area_id") package var area: Area
    @Children(for: \.$measure) package var sides: [MeasureSide]
    @Children(for: \.$measure) package var assignments: [Assignment]
    @Children(for: \.$measure) package var milestones: [Milestone]
    @Children(for: \.$measure) package var updates: [ProgressUpdate]

    package var number: String { "\(areaNumber).\(itemNumber)" }

    package init() {}
    package init(agreementID: UUID, areaID: UUID, areaNumber: Int, itemNumber: Int, text: String, key: String) {
        self.key = key
        self.$agreement.id = agreementID
        self.$area.id = areaID
        self.areaNumber = areaNumber
        self.itemNumber = itemNumber
        self.text = text
    }
}
