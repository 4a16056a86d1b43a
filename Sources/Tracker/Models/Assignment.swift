import Fluent
import Foundation
import Platform

/// A unit leading (牽頭) or supporting (配合) a measure on its side.
package final class Assignment: Model, @unchecked Sendable {
    package static let schema = "assignments"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Enum(key: "role") package var role: AssignmentRole

    // relations
    @Parent(key: "measure_id") package var measure: Measure
    @Parent(key: "unit_id") package var unit: Unit

    package init() {}
    package init(measureID: UUID, unitID: UUID, role: AssignmentRole) {
        self.$measure.id = measureID
        self.$unit.id = unitID
        self.role = role
    }
}
