import Fluent
import Foundation
import Platform

/// Where one side stands on one measure: its status and percent (from its latest progress
/// update that is not a draft) and its liaison office's sign-off.
package final class MeasureSide: Model, @unchecked Sendable {
    package static let schema = "measure_sides"

    // managed
    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    @Enum(key: "side") package var side: Side
    @Enum(key: "status") package var status: SideStatus
    @Field(key: "percent") package var percent: Int
    @OptionalField(key: "signed_off_at") package var signedOffAt: Date?

    // relations
    @Parent(key: "measure_id") package var measure: Measure
    @OptionalParent(key: "signed_off_by") package var signedOffBy: User?

    package init() { version = 1 }
    package init(measureID: UUID, side: Side) {
        version = 1
        self.$measure.id = measureID
        self.side = side
        self.status = .notStarted
        self.percent = 0
    }
}
