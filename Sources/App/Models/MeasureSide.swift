import Fluent
import Foundation
import Platform

/// Where one side stands on one measure: its status and percent (from its latest progress
/// update that is not a draft) and its liaison office's sign-off.
final class MeasureSide: Model, @unchecked Sendable {
    static let schema = "measure_sides"

    // managed
    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Enum(key: "side") var side: Side
    @Enum(key: "status") var status: SideStatus
    @Field(key: "percent") var percent: Int
    @OptionalField(key: "signed_off_at") var signedOffAt: Date?

    // relations
    @Parent(key: "measure_id") var measure: Measure
    @OptionalParent(key: "signed_off_by") var signedOffBy: User?

    init() { version = 1 }
    init(measureID: UUID, side: Side) {
        version = 1
        self.$measure.id = measureID
        self.side = side
        self.status = .notStarted
        self.percent = 0
    }
}
