import Fluent
import Foundation
import Platform

/// A unit leading (牽頭) or supporting (配合) a measure on its side.
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Enum(key: "role") var role: AssignmentRole

    // relations
    @Parent(key: "measure_id") var measure: Measure
    @Parent(key: "unit_id") var unit: Unit

    init() {}
    init(measureID: UUID, unitID: UUID, role: AssignmentRole) {
        self.$measure.id = measureID
        self.$unit.id = unitID
        self.role = role
    }
}
