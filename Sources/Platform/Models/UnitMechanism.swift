import Fluent
import Foundation
import SQLKit

/// A unit's membership of a cooperation mechanism. An officer sees and acts on the mechanisms
/// their unit belongs to; the Hong Kong liaison office belongs to all of them.
package final class UnitMechanism: Model, @unchecked Sendable {
    package static let schema = "unit_mechanisms"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "unit_id") package var unit: Unit
    /// `mechanisms.id` (the model lives in Tracker).
    @Field(key: "mechanism_id") package var mechanismID: UUID

    package init() {}
    package init(unitID: UUID, mechanismID: UUID) {
        self.$unit.id = unitID
        self.mechanismID = mechanismID
    }
}

extension UnitMechanism {
    /// Makes `unitID` a member of `mechanismIDs`, or of every mechanism when nil.
    package static func join(unitID: UUID, mechanismIDs: Set<UUID>?, on db: Database) async throws {
        let ids: [UUID]
        if let mechanismIDs {
            ids = Array(mechanismIDs)
        } else {
            ids = try await db.sql.select().column("id").from("mechanisms").all().map { try $0.decode(column: "id", as: UUID.self) }
        }
        let existing = Set(try await query(on: db).filter(\.$unit.$id == unitID).all().map(\.mechanismID))
        for id in ids where !existing.contains(id) {
            try await UnitMechanism(unitID: unitID, mechanismID: id).create(on: db)
        }
    }
}
